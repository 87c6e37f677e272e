#include "ui/ui_context.hpp"

#include <SDL.h>

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <utility>

#include "render/offscreen_target.hpp"
#include "ui/fonts.hpp"
#include "ui/kept_panels.hpp"
#include "ui/overlay_sprites.hpp"


namespace storyplot {


KeepCurrentUi::KeepCurrentUi() : m_context(ImGui::GetCurrentContext()), m_fonts(fonts_in_use()) {}

KeepCurrentUi::~KeepCurrentUi() {
    ImGui::SetCurrentContext(m_context);
    use_fonts(m_fonts);
}

UiContext::UiContext(SDL_Window* window, SDL_GLContext gl, float scale, const FontText& glyphs)
    : m_window(window), m_scale(scale), m_font_text(glyphs), m_letters(letters_beyond_ascii(glyphs)) {
    IMGUI_CHECKVERSION();
    // Several contexts may live at once (the window's and an export's): each makes itself current.
    m_previous = ImGui::GetCurrentContext();
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini beside the user's files
    m_fonts = load_fonts(scale, glyphs);
    use_fonts(&m_fonts);
    apply_style(scale);
    if (window) ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_sprites = std::make_unique<OverlaySprites>();
    m_fonts.sprites = m_sprites.get();
    m_kept = std::make_unique<KeptPanels>();
    io.UserData = m_kept.get();  // keep_panel_pixels() finds it
}

void UiContext::apply_style(float scale) {
    ImGui::GetStyle() = ImGuiStyle();
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.WindowBorderSize = 0.0f;
    style.Colors[ImGuiCol_WindowBg].w = 0.92f;
    // Text fields and combo boxes a shade darker than the panels, so they read as fields.
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.84f, 0.85f, 0.88f, 1.0f);
    style.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.78f, 0.82f, 0.90f, 1.0f);
    style.ScaleAllSizes(scale);
}

void UiContext::set_scale(float scale) {
    if (scale == m_scale) return;
    m_scale = scale;
    m_restyle = true;
    m_pending_fonts = m_font_text;
}

UiContext::~UiContext() {
    activate();
    m_sprites.reset();
    m_kept.reset();
    ImGui_ImplOpenGL3_Shutdown();
    if (m_window) ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext(m_context);
    ImGui::SetCurrentContext(m_previous);
    use_fonts(nullptr);
}

void UiContext::activate() const {
    ImGui::SetCurrentContext(m_context);
    use_fonts(&m_fonts);
}

void UiContext::request_fonts(const FontText& extra) {
    if (extra == m_font_text) return;  // a revision that changed no text (a drag)
    std::u32string letters = letters_beyond_ascii(extra);
    m_font_text = extra;
    if (letters == m_letters) return;
    m_letters = std::move(letters);
    m_pending_fonts = extra;
}

bool UiContext::process_event(const SDL_Event& event) {
    activate();
    return ImGui_ImplSDL2_ProcessEvent(&event);
}

void UiContext::begin_frame(int width, int height) {
    activate();
    if (m_pending_fonts) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        m_fonts = load_fonts(m_scale, *m_pending_fonts);
        m_fonts.sprites = m_sprites.get();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        interface_texture_changed(static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(ImGui::GetIO().Fonts->TexID)));
        m_pending_fonts.reset();
    }
    if (m_restyle) {
        apply_style(m_scale);
        m_restyle = false;
    }
    ImGui_ImplOpenGL3_NewFrame();
    // The atlas is on the GPU now: its pixels here (one byte and four a texel) go. A rebuild for new
    // letters makes them again.
    // The halos keep the cover they are made from.
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexPixelsAlpha8) m_sprites->set_atlas(atlas.TexPixelsAlpha8, atlas.TexWidth, atlas.TexHeight);
    if (atlas.TexPixelsAlpha8 || atlas.TexPixelsRGBA32) atlas.ClearTexData();
    m_sprites->new_frame();
    m_kept->new_frame();
    if (m_window) {
        ImGui_ImplSDL2_NewFrame();
    } else {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DeltaTime = 1.0f / 60.0f;
    }
    ImGui::NewFrame();
}

namespace {

// The backend draws rows bottom-up, GL's way. Rows top-down: its projection turned over by a
// negative height (DisplayPos at the bottom edge, DisplaySize and FramebufferScale negative in y),
// and each clip rectangle's top and bottom swapped so that its scissor lands on the rows it clips.
// With the clip origin GL's own: at the upper left the backend would turn its projection back.
void render_top_down(ImDrawData* data) {
    const ClipOrigin lower_left(false);
    const ImVec2 pos = data->DisplayPos, size = data->DisplaySize, scale = data->FramebufferScale;
    auto swap_clip_rows = [data] {
        for (int i = 0; i < data->CmdListsCount; ++i)
            for (ImDrawCmd& cmd : data->CmdLists[i]->CmdBuffer) std::swap(cmd.ClipRect.y, cmd.ClipRect.w);
    };
    data->DisplayPos.y = pos.y + size.y;
    data->DisplaySize.y = -size.y;
    data->FramebufferScale.y = -scale.y;
    swap_clip_rows();
    ImGui_ImplOpenGL3_RenderDrawData(data);
    swap_clip_rows();
    data->DisplayPos = pos;
    data->DisplaySize = size;
    data->FramebufferScale = scale;
}

}  // namespace

void UiContext::end_frame(bool top_down) {
    activate();
    ImGui::Render();
    m_sprites->upload();
    if (top_down) m_kept->render(*ImGui::GetDrawData(), [](ImDrawData& data) { render_top_down(&data); });
    else ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void UiContext::finish_frame() {
    activate();
    ImGui::Render();
    m_sprites->upload();
}

void UiContext::draw_region(float x, float y, float w, float h) {
    activate();
    ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 pos = data->DisplayPos, size = data->DisplaySize;
    // The backend projects DisplayPos..DisplayPos+DisplaySize onto the viewport and offsets the
    // clip rectangles by DisplayPos: a window onto the frame.
    data->DisplayPos = ImVec2(x, y);
    data->DisplaySize = ImVec2(w, h);
    ImGui_ImplOpenGL3_RenderDrawData(data);
    data->DisplayPos = pos;
    data->DisplaySize = size;
}

bool UiContext::wants_mouse() const {
    activate();
    return ImGui::GetIO().WantCaptureMouse;
}
bool UiContext::wants_keyboard() const {
    activate();
    return ImGui::GetIO().WantCaptureKeyboard;
}

}  // namespace storyplot
