// A frame drawn in many small tiles equals the same frame drawn whole: no seams, lines and labels
// continuous across tile edges.
#include <gtest/gtest.h>

#include "core/geo/mercator.hpp"
#include "core/geo/projection.hpp"
#include "core/story/story_file.hpp"
#include "data/gazetteer.hpp"
#include "data/natural_earth.hpp"
#include "image_compare.hpp"
#include "render/headless_context.hpp"
#include "scene/frame_target.hpp"
#include "scene/map_scene.hpp"

using namespace storyplot;

TEST(TiledFrame, EqualsTheUntiledFrame) {
    const Story story = read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json");
    HeadlessContext gl;
    MapScene scene;
    for (DetailLevel level : all_detail_levels) scene.set_basemap(load_natural_earth(level));
    scene.set_context(std::make_shared<const ContextLabels>(load_context_labels()));
    scene.set_story(&story);

    FrameView view;
    view.camera = Camera::fit(mercator::forward(124, 37, 136, 46), 900, 700);
    view.time = static_cast<double>(parse_story_time("2019-04-24T06:00+10:00")->utc_seconds);
    view.decorations = DecorationSet{};
    ImageTarget whole(4096);
    ImageTarget tiled(256);
    const Image a = whole.render(scene, view);
    int tiles = 0;
    const Image b = tiled.render(scene, view, [&](int, int total) {
        tiles = total;
        return true;
    });
    EXPECT_EQ(tiles, 4 * 3);
    ASSERT_EQ(a.rgba.size(), b.rgba.size());
    std::size_t differing = 0;
    int worst = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) {
        const int d = std::abs(int(a.rgba[i]) - int(b.rgba[i]));
        worst = std::max(worst, d);
        differing += d > 24;
    }
    // The render tests' tolerance: at most 0.5% of the values off by more than 24.
    EXPECT_LT(static_cast<double>(differing) / static_cast<double>(a.rgba.size()), 0.005) << "worst " << worst;
    // And the export's look is pinned by an expected image.
    const std::string mismatch = test_support::compare_with_expected(a, "export-decorated");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
}

// The same in other projections: the globe (its outline drawn already projected, the land cut at
// the horizon) and a conic, in tiles whose edges cross the world's outline.
TEST(TiledFrame, EqualsTheUntiledFrameInOtherProjections) {
    const Story story = read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json");
    HeadlessContext gl;
    MapScene scene;
    scene.set_basemap(load_natural_earth(DetailLevel::coarse_110m));
    scene.set_story(&story);
    for (ProjectionKind kind : {ProjectionKind::orthographic, ProjectionKind::conformal_conic}) {
        SCOPED_TRACE(static_cast<int>(kind));
        const Box lonlat = kind == ProjectionKind::orthographic ? Box::of(-180, -90, 180, 90) : Box::of(30, 35, 180, 70);
        FrameView view;
        view.camera = Camera::fit_lonlat(fitted_projection(kind, Box::of(30, 35, 180, 70)), lonlat, 700, 500);
        view.decorations = DecorationSet{};
        ImageTarget whole(4096);
        ImageTarget tiled(200);
        const Image a = whole.render(scene, view);
        const Image b = tiled.render(scene, view);
        ASSERT_EQ(a.rgba.size(), b.rgba.size());
        std::size_t differing = 0;
        for (std::size_t i = 0; i < a.rgba.size(); ++i) differing += std::abs(int(a.rgba[i]) - int(b.rgba[i])) > 24;
        EXPECT_LT(static_cast<double>(differing) / static_cast<double>(a.rgba.size()), 0.005);
    }
}

TEST(TiledFrame, CancelStopsBetweenTiles) {
    HeadlessContext gl;
    MapScene scene;
    scene.set_basemap(load_natural_earth(DetailLevel::coarse_110m));
    ImageTarget frames(128);
    FrameView view;
    view.camera = Camera::fit(mercator::forward(-180, -80, 180, 80), 600, 400);
    view.decorations = DecorationSet{};
    int calls = 0;
    EXPECT_THROW(frames.render(scene, view, [&](int done, int) { return ++calls, done < 3; }), Cancelled);
    EXPECT_EQ(calls, 4);
}
