// Labels' halos and town dots drawn from the overlay's sprites (ui/overlay_sprites) are the picture
// the four copies of the text and ImGui's filled circles drew, in fewer vertices.
#include <gtest/gtest.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "render/headless_context.hpp"
#include "render/offscreen_target.hpp"
#include "ui/fonts.hpp"
#include "ui/overlay_sprites.hpp"
#include "ui/ui_context.hpp"

using namespace storyplot;

namespace {

constexpr int width = 420, height = 260;

struct Drawn {
    Image image;
    int vertices = 0;
};

// Labels at every way a start falls between pixels (the copies land one or two pixels off), one
// partly off the left edge, one turned, two lines, another script and the bold style; then dots.
Drawn draw(UiContext& ui, const OffscreenTarget& target, bool sprites, const std::function<void()>& first = {}) {
    ui.begin_frame(width, height);
    if (first) first();
    UiFonts without = fonts();
    without.sprites = nullptr;
    if (!sprites) use_fonts(&without);
    const UiFonts& f = fonts();
    const ImU32 ink = IM_COL32(40, 40, 60, 255);
    ImDrawList& list = *ImGui::GetBackgroundDrawList();
    std::vector<HaloText> texts = {
        {f.label, ImVec2(20.0f, 12.0f), ink, "Hamhung 1"},
        {f.label, ImVec2(20.1f, 34.5f), ink, "Chongjin 2"},
        {f.label, ImVec2(20.9f, 56.85f), ink, "Rason 3"},
        {f.label, ImVec2(-4.4f, 80.3f), ink, "Edge of the view"},
        {f.label_bold, ImVec2(200.6f, 12.2f), IM_COL32(160, 30, 30, 255), "Khasan"},
        {f.italic, ImVec2(200.0f, 40.0f), ink, "Two\nlines"},
        {f.label, ImVec2(200.3f, 90.7f), ink, "Владивосток"},
        {f.label, ImVec2(120.0f, 150.0f), ink, "Tumen River", 0.45f},
    };
    draw_texts_with_halos(list, texts);
    std::vector<ImVec2> dots;
    for (int i = 0; i < 12; ++i) dots.push_back(ImVec2(30.0f + 27.3f * static_cast<float>(i), 220.0f + 0.37f * static_cast<float>(i)));
    draw_dots(list, dots, 2.6f, 1.8f, IM_COL32(90, 90, 90, 255));
    draw_dots(list, {ImVec2(380.25f, 150.5f)}, 6.5f, 4.5f, IM_COL32(30, 90, 160, 255));  // scaled for print
    Drawn out;
    out.vertices = list.VtxBuffer.Size;
    target.bind();
    glViewport(0, 0, width, height);
    glClearColor(0.55f, 0.62f, 0.70f, 1.0f);  // a sea, darker than the halo
    glClear(GL_COLOR_BUFFER_BIT);
    ui.end_frame();
    out.image = target.read();
    return out;
}

int channel_difference(const Image& a, const Image& b, int x, int y) {
    const std::uint8_t* p = a.pixel(x, y);
    const std::uint8_t* q = b.pixel(x, y);
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(p[c] - q[c]));
    return d;
}

}  // namespace

TEST(OverlaySprites, HalosAndDotsFromSpritesAreTheCopiesAndCirclesPicture) {
    HeadlessContext context;
    UiContext ui(nullptr, nullptr, 1.0f, FontText{"", "Владивосток"});
    OffscreenTarget target(width, height);
    const Drawn from_sprites = draw(ui, target, true);
    const Drawn from_copies = draw(ui, target, false);

    // Two quads a glyph and a dot, where the copies took five a glyph and circles dozens of vertices.
    EXPECT_LT(from_sprites.vertices * 5, from_copies.vertices * 2) << from_sprites.vertices << " against " << from_copies.vertices;

    int differ = 0, worst = 0, halo = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const int d = channel_difference(from_sprites.image, from_copies.image, x, y);
            worst = std::max(worst, d);
            differ += d > 24;
            const std::uint8_t* p = from_sprites.image.pixel(x, y);
            halo += p[0] > 215 && p[1] > 215 && p[2] > 215;  // near white: a halo or a dot's ring
        }
    // A halo is worked out per texel of an oversampled glyph and then filtered, the copies filtered
    // and then laid over each other: a few pixels differ a little.
    EXPECT_LE(differ, width * height / 2000) << "worst difference " << worst;
    EXPECT_LT(worst, 48);
    EXPECT_GT(halo, 1000) << halo;  // the halos are there
}

// A texture with no room left draws the rest the old way, the same picture, and grows for the next
// frame, which draws from sprites again.
TEST(OverlaySprites, AFullTextureDrawsTheOldWayAndMakesRoomForTheNextFrame) {
    HeadlessContext context;
    UiContext ui(nullptr, nullptr);
    OffscreenTarget target(width, height);
    int made = 0;
    const Drawn full = draw(ui, target, true, [&made] {
        for (float r = 1; r < 32 && fonts().sprites->disc(r, 24); r += 0.25f) ++made;
    });
    EXPECT_GT(made, 10);
    EXPECT_EQ(fonts().sprites->size(), OverlaySprites::first_size);
    const Drawn next = draw(ui, target, true);
    EXPECT_EQ(fonts().sprites->size(), 2 * OverlaySprites::first_size);
    EXPECT_GT(full.vertices, 2 * next.vertices);  // the first drawn the old way, the next from sprites
    int differ = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) differ += channel_difference(full.image, next.image, x, y) > 24;
    EXPECT_LE(differ, width * height / 2000);
}
