// A still view's base is put back from a copy (render/base_copy) while the routes and the overlay
// are drawn anew: the pixels equal a scene that draws everything every frame, and the copy gives way
// whenever the view, a layer or the line widths change.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/geo/level_of_detail.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_file.hpp"
#include "data/layer_meshes.hpp"
#include "data/natural_earth.hpp"
#include "render/base_copy.hpp"
#include "render/headless_context.hpp"
#include "scene/frame_target.hpp"
#include "scene/map_scene.hpp"
#include "ui/ui_context.hpp"

#include <imgui.h>

using namespace storyplot;

namespace {

class BaseCopyRender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        story = std::make_unique<Story>(read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json"));
        context = std::make_unique<HeadlessContext>();
        for (DetailLevel level : all_detail_levels) levels.push_back(load_natural_earth(level));
    }
    static void TearDownTestSuite() {
        levels.clear();
        context.reset();
        story.reset();
    }
    static std::unique_ptr<MapScene> make_scene() {
        auto scene = std::make_unique<MapScene>();
        for (const auto& level : levels) scene->set_basemap(level);
        scene->set_story(story.get());
        return scene;
    }
    static FrameView view_at(const Camera& camera, const char* iso) {
        FrameView view;
        view.camera = camera;
        view.time = static_cast<double>(parse_story_time(iso)->utc_seconds);
        view.decorations = DecorationSet{true, true, false, false, false, true};  // with the inset: two panels
        return view;
    }
    // The frame as a scene draws it afresh: nothing kept from frames before.
    static Image fresh(const FrameView& view, bool with_layer = false) {
        auto scene = make_scene();
        if (with_layer) scene->add_overlay(square_layer());
        ImageTarget target;
        return target.render(*scene, view);
    }
    static LayerMeshes square_layer() {
        VectorLayer layer;
        layer.name = "square";
        layer.polygons.push_back(Polygon{{Ring{{129.0, 40.0}, {131.0, 40.0}, {131.0, 41.5}, {129.0, 41.5}, {129.0, 40.0}}}});
        return build_layer_meshes(layer, Color{0.1f, 0.5f, 0.2f, 1.0f});
    }
    static inline std::unique_ptr<Story> story;
    static inline std::unique_ptr<HeadlessContext> context;
    static inline std::vector<BasemapMeshes> levels;
};

TEST_F(BaseCopyRender, AStillViewPutsTheBaseBackAndDrawsTheSamePixels) {
    auto scene = make_scene();
    ImageTarget target;
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480);
    const char* times[] = {"2019-04-24T06:00+10:00", "2019-04-24T09:00+10:00", "2019-04-24T12:00+10:00", "2019-04-24T15:00+10:00"};
    for (int k = 0; k < 4; ++k) {
        FrameResult result;
        const Image image = target.render(*scene, view_at(camera, times[k]), {}, &result);
        // Drawn, drawn and kept (the same base twice in a row), then put back.
        EXPECT_EQ(result.map.base_copied, k >= 2) << "frame " << k;
        EXPECT_EQ(image.rgba, fresh(view_at(camera, times[k])).rgba) << "frame " << k;
    }
    // The train moved between the frames: the routes are not part of the copy.
    EXPECT_NE(target.render(*scene, view_at(camera, times[0])).rgba, target.render(*scene, view_at(camera, times[3])).rgba);
}

TEST_F(BaseCopyRender, AFrameReadIntoAnEarlierFramesPixelsIsTheSameFrame) {
    // An animation hands each written frame's pixels back (FrameSink::spare): the next frame is
    // read into them, whatever they held, with no new buffer.
    auto scene = make_scene();
    ImageTarget target;
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480);
    std::vector<std::uint8_t> old(640u * 480u * 4u, 0x5a);
    const std::uint8_t* pixels = old.data();
    target.reuse(std::move(old));
    const FrameView view = view_at(camera, "2019-04-24T09:00+10:00");
    Image image = target.render(*scene, view);
    EXPECT_EQ(image.rgba.data(), pixels);
    EXPECT_EQ(image.rgba, fresh(view).rgba);
    // Pixels of another size are resized, and the frame is still whole.
    target.reuse(std::vector<std::uint8_t>(100, 0xff));
    EXPECT_EQ(target.render(*scene, view).rgba, fresh(view).rgba);
}

TEST_F(BaseCopyRender, AMovedViewALayerOrThickerLinesDrawTheBaseAgain) {
    auto scene = make_scene();
    ImageTarget target;
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480);
    const FrameView view = view_at(camera, "2019-04-24T06:00+10:00");
    auto frame = [&](const FrameView& v) {
        FrameResult result;
        Image image = target.render(*scene, v, {}, &result);
        return std::make_pair(std::move(image), result.map.base_copied);
    };
    frame(view);
    frame(view);
    ASSERT_TRUE(frame(view).second);

    // A pan of half a pixel (whole pixels move the copy: the next test).
    FrameView panned = view;
    panned.camera.pan_pixels(0.5, 0);
    const auto moved = frame(panned);
    EXPECT_FALSE(moved.second);
    EXPECT_EQ(moved.first.rgba, fresh(panned).rgba);

    // A layer added, then hidden through the layer list as the window's panel does.
    frame(view);
    frame(view);
    scene->add_overlay(square_layer());
    const auto added = frame(view);
    EXPECT_FALSE(added.second);
    EXPECT_EQ(added.first.rgba, fresh(view, true).rgba);
    frame(view);
    ASSERT_TRUE(frame(view).second);
    scene->overlays().back().visible = false;
    const auto hidden = frame(view);
    EXPECT_FALSE(hidden.second);
    EXPECT_EQ(hidden.first.rgba, fresh(view).rgba);

    // Thicker lines for print.
    FrameView print = view;
    print.scale = 2.0f;
    EXPECT_FALSE(frame(print).second);
}

// A pan by whole pixels moves the copy and draws only what came into view: the pixels are the
// fresh frame's within the render tests' tolerance (the parts are drawn as pieces of the view, as
// tiles are); a pan by a fraction of a pixel draws the base whole.
TEST_F(BaseCopyRender, AViewMovedByWholePixelsMovesTheCopyAndDrawsWhatCameIntoView) {
    auto scene = make_scene();
    ImageTarget target;
    FrameView view = view_at(Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480), "2019-04-24T06:00+10:00");
    view.decorations = DecorationSet{};  // the main panel alone
    target.render(*scene, view);
    target.render(*scene, view);
    const double moves[][2] = {{7, 0}, {0, -5}, {-12, 9}, {30, 30}, {-1, 0}};
    for (const auto& m : moves) {
        view.camera.pan_pixels(m[0], m[1]);
        FrameResult result;
        const Image image = target.render(*scene, view, {}, &result);
        EXPECT_TRUE(result.map.base_copied) << m[0] << "," << m[1];
        const Image expected = fresh(view);
        ASSERT_EQ(image.rgba.size(), expected.rgba.size());
        std::size_t differing = 0;
        for (std::size_t i = 0; i < image.rgba.size(); ++i) differing += std::abs(int(image.rgba[i]) - int(expected.rgba[i])) > 24;
        EXPECT_LT(static_cast<double>(differing) / static_cast<double>(image.rgba.size()), 0.005) << m[0] << "," << m[1];
    }
    view.camera.pan_pixels(0.5, 0);
    FrameResult result;
    target.render(*scene, view, {}, &result);
    EXPECT_FALSE(result.map.base_copied);
}

// A layer that arrives while the user pans (a read by view finished) is drawn whole once, and that
// base is kept: the next frame of the pan moves it rather than drawing it whole again.
TEST_F(BaseCopyRender, ALayerArrivingWhileTheViewPansIsDrawnWholeOnce) {
    auto scene = make_scene();
    ImageTarget target;
    FrameView view = view_at(Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480), "2019-04-24T06:00+10:00");
    view.decorations = DecorationSet{};
    auto frame = [&](double dx) {
        view.camera.pan_pixels(dx, 0);
        FrameResult result;
        Image image = target.render(*scene, view, {}, &result);
        return std::make_pair(std::move(image), result.map.base_copied);
    };
    frame(0);
    frame(0);
    ASSERT_TRUE(frame(7).second);
    scene->add_overlay(square_layer());
    const auto arrived = frame(7);
    EXPECT_FALSE(arrived.second);
    EXPECT_EQ(arrived.first.rgba, fresh(view, true).rgba);
    const auto next = frame(7);
    EXPECT_TRUE(next.second);
    const Image expected = fresh(view, true);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < expected.rgba.size(); ++i) differing += std::abs(int(next.first.rgba[i]) - int(expected.rgba[i])) > 24;
    EXPECT_LT(static_cast<double>(differing) / static_cast<double>(expected.rgba.size()), 0.005);
}

TEST(BaseCopy, AShiftExposesAColumnAndARowAndOnlyWholePixelsShift) {
    EXPECT_TRUE(BaseCopy::exposed(100, 50, {0, 0}).empty());
    const auto right_top = BaseCopy::exposed(100, 50, {3, 2});
    ASSERT_EQ(right_top.size(), 2u);
    EXPECT_EQ(right_top[0].min_x, 97);
    EXPECT_EQ(right_top[0].max_y, 50);
    EXPECT_EQ(right_top[1].min_y, 48);
    const auto left_bottom = BaseCopy::exposed(100, 50, {-4, -1});
    ASSERT_EQ(left_bottom.size(), 2u);
    EXPECT_EQ(left_bottom[0].max_x, 4);
    EXPECT_EQ(left_bottom[1].max_y, 1);

    BaseCopy::Key a{Camera(Vec2{1000, 2000}, 10, 100, 50), 0, 0, 100, 50, true, 1.0f, 3};
    BaseCopy::Key b = a;
    b.camera = Camera(Vec2{1030, 1980}, 10, 100, 50);
    const auto shift = BaseCopy::shift_between(a, b);
    ASSERT_TRUE(shift);
    EXPECT_EQ(shift->dx, 3);
    EXPECT_EQ(shift->dy, -2);
    b.camera = Camera(Vec2{1035, 2000}, 10, 100, 50);  // half a pixel
    EXPECT_FALSE(BaseCopy::shift_between(a, b));
    b.camera = Camera(Vec2{2000, 2000}, 10, 100, 50);  // the whole view's width
    EXPECT_FALSE(BaseCopy::shift_between(a, b));
    b.camera = Camera(Vec2{1030, 2000}, 10, 100, 50);
    b.revision = 4;  // a layer changed
    EXPECT_FALSE(BaseCopy::shift_between(a, b));
    b.revision = 3;
    b.camera = Camera(Vec2{1030, 2000}, 11, 100, 50);  // zoomed
    EXPECT_FALSE(BaseCopy::shift_between(a, b));
}

}  // namespace

namespace {

// The share of values further apart than 24 (of 255).
double differing_share(const Image& a, const Image& b) {
    if (a.rgba.size() != b.rgba.size() || a.rgba.empty()) return 1.0;
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) differing += std::abs(int(a.rgba[i]) - int(b.rgba[i])) > 24;
    return static_cast<double>(differing) / static_cast<double>(a.rgba.size());
}

}  // namespace

// The copy is a ring: a move turns it, and what came into view is drawn into it where it wraps
// past its edges. A pan longer than the view each way, in steps, stays the view drawn whole.
TEST_F(BaseCopyRender, APanLongerThanTheViewTurnsTheCopyPastItsEdges) {
    auto scene = make_scene();
    ImageTarget target;
    FrameView view = view_at(Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480), "2019-04-24T06:00+10:00");
    view.decorations = DecorationSet{};
    target.render(*scene, view);
    target.render(*scene, view);
    for (int step = 1; step <= 24; ++step) {
        view.camera.pan_pixels(step <= 16 ? 43 : -61, step <= 16 ? -31 : 17);  // 688 px right, 496 down, then back
        FrameResult result;
        const Image image = target.render(*scene, view, {}, &result);
        EXPECT_TRUE(result.map.base_copied) << "step " << step;
        if (step % 4 == 0) {
            EXPECT_LT(differing_share(image, fresh(view)), 0.005) << "step " << step;
        }
    }
}

// The window (FrameView::live) draws a base it must draw whole from the level's copy for moving
// views, keeps it when the view stays, and then draws the exact base over it a quarter of its rows
// a frame; a move by whole pixels keeps what is coarse coarse. Files never see the copy.
TEST_F(BaseCopyRender, TheWindowDrawsAMovingViewFromItsCopyAndMakesItExactOnceItStays) {
    auto scene = make_scene();
    for (DetailLevel level : all_detail_levels)
        if (auto moving = load_natural_earth_for_moving(level)) scene->set_moving_basemap(*moving);
    ImageTarget target;
    FrameView view = view_at(Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480), "2019-04-24T06:00+10:00");
    view.decorations = DecorationSet{};
    view.live = true;
    ASSERT_EQ(scene->level_for(view.camera), DetailLevel::fine_10m);
    ASSERT_TRUE(serves_moving_view(*moving_tolerance(DetailLevel::fine_10m), view.camera.resolution()));

    FrameResult result;
    const Image moving = target.render(*scene, view, {}, &result);
    EXPECT_TRUE(result.map.coarse);
    EXPECT_FALSE(result.map.base_copied);
    FrameView file = view;
    file.live = false;
    const Image exact = fresh(file);
    EXPECT_GT(differing_share(moving, exact), 0.001);  // the copy is not the level: coastlines differ (0.14%)

    // Held: drawn again from the copy and kept (the same base twice in a row), then four frames,
    // each putting it back and drawing a quarter of it exactly.
    target.render(*scene, view, {}, &result);
    EXPECT_TRUE(result.map.coarse);
    EXPECT_FALSE(result.map.base_copied);
    int frames = 0;
    Image held;
    do {
        held = target.render(*scene, view, {}, &result);
        ++frames;
        EXPECT_TRUE(result.map.base_copied);
    } while (result.map.coarse && frames < 10);
    EXPECT_EQ(frames, 4);
    EXPECT_EQ(differing_share(held, exact), 0.0);  // the parts are drawn as pieces of the view, as tiles are

    // Moved by whole pixels from a coarse base: what came into view is coarse too, and all of it is
    // made exact once the view stays.
    view.camera.pan_pixels(0.5, 0);
    target.render(*scene, view, {}, &result);
    target.render(*scene, view, {}, &result);
    ASSERT_TRUE(result.map.coarse);
    view.camera.pan_pixels(-20, 10);
    target.render(*scene, view, {}, &result);
    EXPECT_TRUE(result.map.base_copied);
    EXPECT_TRUE(result.map.coarse);
    frames = 0;
    do {
        held = target.render(*scene, view, {}, &result);
        ++frames;
    } while (result.map.coarse && frames < 10);
    EXPECT_EQ(frames, 4);
    file.camera = view.camera;
    EXPECT_EQ(differing_share(held, fresh(file)), 0.0);

    // Closer in than the copy is within two and a half pixels: exact at once.
    view.camera = Camera::fit(mercator::forward(130.5, 42.2, 131.5, 42.9), 640, 480);
    target.render(*scene, view, {}, &result);
    EXPECT_FALSE(result.map.coarse);
    // A file's frame, moved or not, is never drawn from the copy.
    file.camera.pan_pixels(0.5, 0);
    target.render(*scene, file, {}, &result);
    EXPECT_FALSE(result.map.coarse);
}

// The window keeps its frame rows top-down in the window's byte order (PixelLayout::window), so that
// it goes onto the back buffer as a plain copy of bytes. Drawn so, a frame with its overlay is the
// image's frame: drawn, put back from the copy, moved by whole pixels either way, with the inset's
// second panel; and the UI's clip rectangles clip the rows they name.
TEST_F(BaseCopyRender, TheWindowsFrameKeptRowsTopDownIsTheImagesFrame) {
    if (!can_draw_top_down()) GTEST_SKIP() << "this GL cannot draw rows top-down (GL 4.5 or ARB_clip_control)";
    auto scene = make_scene();
    UiContext ui(nullptr, nullptr);
    OffscreenTarget framebuffer(640, 480, PixelLayout::window);
    WindowTarget window(&framebuffer);
    auto frame = [&](const FrameView& view, const std::function<void()>& panels = {}) {
        ui.begin_frame(640, 480);
        const FrameResult result = scene->draw(view, window);
        if (panels) panels();
        window.present(ui);
        return std::make_pair(framebuffer.read(), result.map.base_copied);
    };
    FrameView view = view_at(Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480), "2019-04-24T06:00+10:00");
    for (int k = 0; k < 3; ++k) {
        const auto [image, copied] = frame(view);
        EXPECT_EQ(copied, k == 2) << "frame " << k;  // drawn, drawn and kept, put back
        EXPECT_LT(differing_share(image, fresh(view)), 0.001) << "frame " << k;
    }
    const double moves[][2] = {{7, 0}, {0, -5}, {-12, 9}, {30, 30}};
    for (const auto& m : moves) {
        view.camera.pan_pixels(m[0], m[1]);
        const auto [image, copied] = frame(view);
        EXPECT_TRUE(copied) << m[0] << "," << m[1];
        EXPECT_LT(differing_share(image, fresh(view)), 0.005) << m[0] << "," << m[1];
    }

    // A panel's clip rectangle, 100-300 across and 50-120 down: a fill over the whole frame shows
    // there alone.
    const Image clipped = frame(view, [] {
                              ImDrawList* list = ImGui::GetForegroundDrawList();
                              list->PushClipRect(ImVec2(100, 50), ImVec2(300, 120));
                              list->AddRectFilled(ImVec2(0, 0), ImVec2(640, 480), IM_COL32(255, 0, 0, 255));
                              list->PopClipRect();
                          }).first;
    auto red = [&clipped](int x, int y) {
        const std::uint8_t* p = clipped.rgba.data() + (static_cast<std::size_t>(y) * 640 + static_cast<std::size_t>(x)) * 4;
        return p[0] == 255 && p[1] == 0 && p[2] == 0;
    };
    EXPECT_TRUE(red(100, 50));
    EXPECT_TRUE(red(299, 119));
    EXPECT_FALSE(red(200, 49));
    EXPECT_FALSE(red(200, 120));
    EXPECT_FALSE(red(99, 80));
    EXPECT_FALSE(red(200, 400));  // where the rows would land turned over
}
