#include "ui/ui_context.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include "ui/fonts.hpp"


namespace storyplot {


UiContext::UiContext(SDL_Window* window, SDL_GLContext gl, float scale) : m_window(window), m_scale(scale) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini beside the user's files
    load_fonts(scale, {});
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.WindowBorderSize = 0.0f;
    style.Colors[ImGuiCol_WindowBg].w = 0.92f;
    style.ScaleAllSizes(scale);
    if (window) ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

UiContext::~UiContext() {
    ImGui_ImplOpenGL3_Shutdown();
    if (m_window) ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
}

void UiContext::rebuild_fonts(const std::string& extra_text) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    load_fonts(m_scale, extra_text);
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool UiContext::process_event(const SDL_Event& event) { return ImGui_ImplSDL2_ProcessEvent(&event); }

void UiContext::begin_frame(int width, int height) {
    ImGui_ImplOpenGL3_NewFrame();
    if (m_window) {
        ImGui_ImplSDL2_NewFrame();
    } else {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DeltaTime = 1.0f / 60.0f;
    }
    ImGui::NewFrame();
}

void UiContext::end_frame() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool UiContext::wants_mouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool UiContext::wants_keyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

}  // namespace storyplot
