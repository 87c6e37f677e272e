// The window's docked panels put back from a copy of their pixels (ui/kept_panels) are the same
// pixels as drawing them, frame after frame, whatever changes under them; a panel whose text
// changes, or whose font texture does, is drawn again, and one that draws past its rectangle is
// never kept.
#include <gtest/gtest.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include <cstdint>
#include <string>

#include "render/headless_context.hpp"
#include "render/offscreen_target.hpp"
#include "ui/kept_panels.hpp"
#include "ui/ui_context.hpp"

using namespace storyplot;

namespace {

constexpr int width = 360, height = 240;

struct Frame {
    float red = 0.5f;  // the map under the panels, a plain colour
    std::string text;
    bool dims = false;  // the panel's list also dims the whole frame (as for a modal popup)
};

// A docked panel that keeps its pixels (when `keep`), and a window drawn over part of it after.
Image draw(UiContext& ui, const OffscreenTarget& target, const Frame& frame, bool keep) {
    ui.begin_frame(width, height);
    ImGui::SetNextWindowPos(ImVec2(12, 20));
    ImGui::SetNextWindowSize(ImVec2(160, 180));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::SetNextWindowBgAlpha(1.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("Panel", nullptr, flags)) {
        if (keep) keep_panel_pixels();
        ImGui::TextUnformatted(frame.text.c_str());
        ImGui::Button("Overview");
        ImGui::TextDisabled("Khasan, Tumangang");
        if (frame.dims) {
            ImDrawList* list = ImGui::GetWindowDrawList();
            list->PushClipRectFullScreen();
            list->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), IM_COL32(0, 0, 0, 90));
            list->PopClipRect();
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::SetNextWindowPos(ImVec2(120, 150));
    ImGui::SetNextWindowSize(ImVec2(150, 60));
    if (ImGui::Begin("Over it", nullptr, flags)) ImGui::TextUnformatted("drawn after");
    ImGui::End();
    target.bind();
    glClearColor(frame.red, 0.6f, 0.7f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ui.end_frame(true);
    return target.read();
}

}  // namespace

TEST(KeptPanels, APanelKeptIsTheSamePixelsAsDrawnAndIsDrawnAgainWhenItChanges) {
    HeadlessContext context;
    if (!can_draw_top_down()) GTEST_SKIP() << "this GL cannot draw rows top-down (GL 4.5 or ARB_clip_control)";
    UiContext kept(nullptr, nullptr);
    UiContext drawn(nullptr, nullptr);
    OffscreenTarget kept_target(width, height, PixelLayout::window);
    OffscreenTarget drawn_target(width, height, PixelLayout::window);
    const Frame frames[] = {
        {0.5f, "Chapter one"},  // drawn, and copied
        {0.2f, "Chapter one"},  // the map changed under it: copied back
        {0.9f, "Chapter one"},  // again
        {0.9f, "Chapter two"},  // its text changed: drawn
        {0.3f, "Chapter two"},  // copied back
    };
    const int copied[] = {0, 1, 2, 2, 3};
    for (std::size_t i = 0; i < std::size(frames); ++i) {
        const Image a = draw(kept, kept_target, frames[i], true);
        const Image b = draw(drawn, drawn_target, frames[i], false);
        std::size_t differing = 0, first = 0;
        for (std::size_t k = 0; k < a.rgba.size(); ++k)
            if (a.rgba[k] != b.rgba[k] && !differing++) first = k;
        EXPECT_EQ(differing, 0u) << "frame " << i << ": first at x " << (first / 4) % width << ", y " << first / 4 / width;
        EXPECT_EQ(kept.kept_panels().copied_back(), copied[i]) << "frame " << i;
        EXPECT_EQ(kept.kept_panels().copied_back() + kept.kept_panels().drawn(), static_cast<int>(i) + 1) << "frame " << i;
    }
    EXPECT_EQ(drawn.kept_panels().copied_back() + drawn.kept_panels().drawn(), 0);  // none declared, none kept

    // A panel whose list draws past its rectangle is drawn as it is, twice the same.
    for (int i = 0; i < 2; ++i) {
        const Frame dimmed{0.4f, "Chapter two", true};
        EXPECT_EQ(draw(kept, kept_target, dimmed, true).rgba, draw(drawn, drawn_target, dimmed, false).rgba) << "dimmed " << i;
    }
    EXPECT_EQ(kept.kept_panels().copied_back(), 3);
    EXPECT_EQ(kept.kept_panels().drawn(), 2);

    // Its font texture got new pixels (fonts rebuilt for new letters): drawn again, then copied.
    kept.activate();
    interface_texture_changed(static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(ImGui::GetIO().Fonts->TexID)));
    draw(kept, kept_target, frames[4], true);
    EXPECT_EQ(kept.kept_panels().copied_back(), 3);
    EXPECT_EQ(kept.kept_panels().drawn(), 3);
    draw(kept, kept_target, frames[4], true);
    EXPECT_EQ(kept.kept_panels().copied_back(), 4);
}
