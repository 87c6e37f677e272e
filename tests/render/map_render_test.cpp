// The map drawn offscreen (SDL's offscreen driver over Mesa, no display) and compared with the
// expected images, plus checks of what a reader would look for: sea where the sea is, land where
// the land is, overlay colours where the overlay is.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "core/geo/mercator.hpp"
#include "data/layer_meshes.hpp"
#include "data/map_sources.hpp"
#include "data/natural_earth.hpp"
#include "fixture_writer.hpp"
#include "image_compare.hpp"
#include "render/headless_context.hpp"
#include "scene/frame_target.hpp"
#include "scene/map_scene.hpp"

using namespace storyplot;

namespace {

class MapRender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        context = std::make_unique<HeadlessContext>();
        scene = std::make_unique<MapScene>();
        for (DetailLevel level : all_detail_levels)
            if (level != DetailLevel::close_h) scene->set_basemap(load_natural_earth(level));
        // Close in, GSHHG's shores for the story's border country only, as the window reads them.
        const Box part = mercator::forward(128, 40, 134, 46);
        scene->set_basemap(load_natural_earth(DetailLevel::close_h, &part));
    }
    static void TearDownTestSuite() {
        scene.reset();
        context.reset();
    }

    static Image render(const Box& lonlat, int width, int height, bool decorations = true) {
        camera = Camera::fit(mercator::forward(lonlat.min_x, lonlat.min_y, lonlat.max_x, lonlat.max_y), width, height);
        // The basemap with the decorations every map carries (the scale bar and the credits), or bare.
        FrameView view;
        view.camera = camera;
        view.decorations = decorations ? DecorationSet::on_screen() : DecorationSet{false, false, false, false, false, false};
        ImageTarget target;
        return target.render(*scene, view);
    }

    static const std::uint8_t* pixel_at(const Image& image, LonLat p) {
        const Vec2 px = camera.world_to_screen(mercator::forward(p));
        return image.pixel(static_cast<int>(px.x), static_cast<int>(px.y));
    }

    static bool is_colour(const std::uint8_t* px, Color c, int tolerance = 6) {
        return std::abs(px[0] - static_cast<int>(c.r * 255 + 0.5f)) <= tolerance &&
               std::abs(px[1] - static_cast<int>(c.g * 255 + 0.5f)) <= tolerance &&
               std::abs(px[2] - static_cast<int>(c.b * 255 + 0.5f)) <= tolerance;
    }

    static inline std::unique_ptr<HeadlessContext> context;
    static inline std::unique_ptr<MapScene> scene;
    static inline Camera camera;
};

TEST_F(MapRender, Region) {
    const Image image = render(Box::of(124, 37, 136, 46), 480, 300);
    EXPECT_EQ(scene->level_for(camera), DetailLevel::medium_50m);
    const BasemapStyle style;
    EXPECT_TRUE(is_colour(pixel_at(image, {133.0, 40.0}), style.ocean));  // Sea of Japan
    EXPECT_TRUE(is_colour(pixel_at(image, {126.5, 40.5}), style.land));   // North Korea
    EXPECT_TRUE(is_colour(pixel_at(image, {128.5, 45.5}), style.land));   // Heilongjiang
    EXPECT_TRUE(is_colour(pixel_at(image, {124.5, 38.0}), style.ocean));  // Yellow Sea
    const std::string mismatch = test_support::compare_with_expected(image, "region");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST_F(MapRender, CloseInAtOneToTenMillion) {
    // The border country of the story: Khasan, the Tumen mouth and Vladivostok.
    const Image image = render(Box::of(129.5, 41.8, 133.5, 44.0), 480, 300);
    EXPECT_EQ(scene->level_for(camera), DetailLevel::fine_10m);
    const BasemapStyle style;
    EXPECT_TRUE(is_colour(pixel_at(image, {131.0, 42.3}), style.ocean));  // Peter the Great Gulf
    EXPECT_TRUE(is_colour(pixel_at(image, {131.0, 43.6}), style.land));   // Primorye
    // Russia's ring starts east of the antimeridian: its unwrapped fill must still reach here.
    EXPECT_TRUE(is_colour(pixel_at(image, {133.0, 43.6}), style.land));
    const std::string mismatch = test_support::compare_with_expected(image, "primorye");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
}

// Closer in than 1:10m serves: GSHHG's high-resolution shores, 1:10m's borders. Posyet Bay, west of
// Vladivostok, with its inlets and islands that 1:10m leaves out, and the Tumen's mouth at Khasan.
TEST_F(MapRender, CloseInTheShoresAreGshhgsHighResolution) {
    const Image image = render(Box::of(130.55, 42.25, 131.35, 42.75), 480, 300);
    EXPECT_EQ(scene->level_for(camera), DetailLevel::close_h);
    const BasemapStyle style;
    EXPECT_TRUE(is_colour(pixel_at(image, {131.1, 42.4}), style.ocean));  // Peter the Great Gulf
    EXPECT_TRUE(is_colour(pixel_at(image, {130.8, 42.6}), style.ocean));  // Posyet Bay's inner water
    EXPECT_TRUE(is_colour(pixel_at(image, {131.0, 42.65}), style.land));  // the land on the bay's east side
    const std::string mismatch = test_support::compare_with_expected(image, "posyet");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
}

// A view close in outside the part of the world read of GSHHG's shores is drawn from 1:10m, never
// from a level that holds nothing there.
TEST_F(MapRender, CloseInOutsideThePartReadDrawsOneToTenMillion) {
    const Image image = render(Box::of(139.6, 35.2, 140.2, 35.6), 480, 300);  // Tokyo Bay
    EXPECT_EQ(scene->level_for(camera), DetailLevel::fine_10m);
    const BasemapStyle style;
    EXPECT_TRUE(is_colour(pixel_at(image, {139.85, 35.4}), style.ocean));  // the bay
    EXPECT_TRUE(is_colour(pixel_at(image, {140.1, 35.55}), style.land));   // Chiba
}

TEST_F(MapRender, World) {
    const Image image = render(Box::of(-180, -70, 180, 75), 480, 270);
    EXPECT_EQ(scene->level_for(camera), DetailLevel::coarse_110m);
    const BasemapStyle style;
    EXPECT_TRUE(is_colour(pixel_at(image, {-140.0, 0.0}), style.ocean));  // Pacific, along the equator too
    EXPECT_TRUE(is_colour(pixel_at(image, {175.0, 1.0}), style.ocean));   // no band from Kiribati's antimeridian ring
    EXPECT_TRUE(is_colour(pixel_at(image, {100.0, 62.0}), style.land));   // Siberia
    EXPECT_TRUE(is_colour(pixel_at(image, {17.0, 27.0}), style.land));    // Sahara
    const std::string mismatch = test_support::compare_with_expected(image, "world");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST_F(MapRender, OverlayLayersStyledByGeometry) {
    VectorLayer layer;
    layer.name = "test";
    layer.polygons.push_back(Polygon{{Ring{{131.5, 42.8}, {132.2, 42.8}, {132.2, 43.3}, {131.5, 43.3}, {131.5, 42.8}}}});
    layer.lines.push_back(Path{{129.0, 41.0}, {130.0, 41.0}});
    layer.points.push_back(LonLat{127.0, 39.0});
    const Color colour{0.8f, 0.1f, 0.1f, 1.0f};
    scene->add_overlay(build_layer_meshes(layer, colour));
    const Image image = render(Box::of(124, 37, 136, 46), 480, 300, false);
    scene->overlays().clear();

    const std::uint8_t* point = pixel_at(image, {127.0, 39.0});
    EXPECT_GT(point[0], 150);
    EXPECT_LT(point[1], 80);
    const std::uint8_t* line = pixel_at(image, {129.5, 41.0});
    EXPECT_GT(line[0], 150);
    EXPECT_LT(line[1], 80);
    // The polygon is a translucent tint over the sea: redder than the sea, not opaque red.
    const std::uint8_t* tint = pixel_at(image, {131.85, 42.9});
    EXPECT_GT(tint[0], tint[1] + 20);
    EXPECT_GT(tint[1], 120);
    const std::string mismatch = test_support::compare_with_expected(image, "overlay");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
}

// An OpenStreetMap extract drawn by the shipped style: water, a residential area, a cased and
// ticked railway, roads by class, places labelled; the fence, which no rule draws, left out.
TEST_F(MapRender, OsmDataDrawnByItsTags) {
    test_support::TempDir dir;
    test_support::write_small_town_osm(dir.file("town.osm"));
    const MapStyle style = load_map_style();
    const LoadedSource source = load_source(dir.file("town.osm"), 0, &style);
    MapScene town;  // a scene of its own: the places it adds would label the other tests' views
    town.set_basemap(load_natural_earth(DetailLevel::fine_10m));
    for (const auto& layer : source.layers) town.add_overlay(layer);
    town.add_names(source.places, source.named_lines, source.credit);
    camera = Camera::fit(mercator::forward(131.84, 43.07, 131.97, 43.18), 640, 480);
    FrameView view;
    view.camera = camera;
    view.decorations = DecorationSet{false, false, false, false, false, true};  // the credits only
    ImageTarget target;
    FrameResult result;
    const Image image = target.render(town, view, {}, &result);

    auto rule_paint = [&](const char* name) -> const LayerPaint& {
        for (const auto& rule : style.rules)
            if (rule.name == name) return rule.paint;
        throw std::runtime_error(name);
    };
    // Inside the lake: the water fill over the land.
    EXPECT_TRUE(is_colour(pixel_at(image, {131.875, 43.155}), *rule_paint("water").fill, 10));
    // The residential area: a warm grey tint, darker than the bare land.
    const std::uint8_t* town_px = pixel_at(image, {131.895, 43.095});
    EXPECT_LT(town_px[0], 240);
    EXPECT_GT(town_px[0], 200);
    // Along the railway's middle (between nodes 2 and 3): its grey or its white ticks, never bare land.
    int grey = 0, white = 0;
    for (int i = 1; i < 40; ++i) {
        const double f = i / 40.0;
        const std::uint8_t* px = pixel_at(image, {131.88 + 0.04 * f, 43.12 + 0.01 * f});
        grey += px[0] < 150 && std::abs(px[0] - px[2]) < 12;
        white += px[0] > 235 && px[1] > 235 && px[2] > 235;
    }
    EXPECT_GT(grey, 10);
    EXPECT_GT(white, 5);  // the ticks
    // The primary road's fill, between its ends.
    EXPECT_TRUE(is_colour(pixel_at(image, {131.89, 43.12}), rule_paint("primary roads").strokes[1].color, 24));
    // The fence (131.86–131.87 at 43.13, offshore by Natural Earth's coast) is not drawn: sea there.
    EXPECT_TRUE(is_colour(pixel_at(image, {131.865, 43.13}), BasemapStyle{}.ocean, 6));
    // The town is labelled (and OpenStreetMap credited: in the expected image).
    bool labelled = false;
    const OverlayPlan::Label* river = nullptr;
    for (const auto& label : result.overlay.labels) {
        labelled |= label.text == "Testograd";
        if (label.text == "Test River") river = &label;
    }
    EXPECT_TRUE(labelled);
    // The river is named along its longest stretch on screen, turned to it and reading left to right.
    ASSERT_NE(river, nullptr);
    const Vec2 a = camera.world_to_screen(mercator::forward(LonLat{131.86, 43.08}));
    const Vec2 b = camera.world_to_screen(mercator::forward(LonLat{131.90, 43.11}));
    EXPECT_NEAR(river->angle, std::atan2(b.y - a.y, b.x - a.x), 1e-4);
    const std::string mismatch = test_support::compare_with_expected(image, "osm-town");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST_F(MapRender, SameViewGivesTheSameImage) {
    const Image a = render(Box::of(124, 37, 136, 46), 200, 120);
    const Image b = render(Box::of(124, 37, 136, 46), 200, 120);
    EXPECT_EQ(a.rgba, b.rgba);
}

// The 1:10m level in a still far coarser than it is chosen for (as --detail 10m forces): its
// generalised copy within half a pixel fills the same land and sea as the full geometry, from a
// fraction of the vertices. Lines differ in weight only: the full geometry's sub-pixel segments
// overlap, and their anti-aliased edges stack into a darker line than the style's (measured: 1.5%
// of the pixels of this Asia view, 3.3% of the world's).
TEST_F(MapRender, AGeneralisedCopyDrawsWhatTheFullLevelDraws) {
    const BasemapMeshes full = load_natural_earth(DetailLevel::fine_10m);
    MapScene full_scene;
    full_scene.set_basemap(full);
    const BasemapStyle style;
    for (const Box& view : {Box::of(60, -10, 180, 70), Box::of(-180, -80, 180, 80)}) {  // Asia; the world
        FrameView frame;
        frame.camera = Camera::fit(mercator::forward(view.min_x, view.min_y, view.max_x, view.max_y), 960, 600);
        frame.decorations = DecorationSet{false, false, false, false, false, false};
        const double resolution = frame.camera.resolution();
        ASSERT_GE(generalisation_for(generalisation_tolerances(DetailLevel::fine_10m), resolution), 0);
        const Box in_view = frame.camera.visible_box();  // as render reads it
        const BasemapMeshes copy = load_natural_earth(DetailLevel::fine_10m, resolution, &in_view);
        EXPECT_LT((copy.land.byte_size() + copy.coast.byte_size()) * 2, full.land.byte_size() + full.coast.byte_size());
        MapScene copy_scene;
        copy_scene.set_basemap(copy);
        ImageTarget target;
        const Image a = target.render(copy_scene, frame);
        const Image b = target.render(full_scene, frame);
        std::size_t differ = 0, swapped = 0;
        for (std::size_t i = 0; i + 3 < a.rgba.size(); i += 4) {
            for (int c = 0; c < 3; ++c)
                if (std::abs(a.rgba[i + static_cast<std::size_t>(c)] - b.rgba[i + static_cast<std::size_t>(c)]) > 24) {
                    ++differ;
                    break;
                }
            // Land in one, sea in the other: the fill moved.
            const bool a_land = is_colour(&a.rgba[i], style.land), b_land = is_colour(&b.rgba[i], style.land);
            const bool a_sea = is_colour(&a.rgba[i], style.ocean), b_sea = is_colour(&b.rgba[i], style.ocean);
            if ((a_land && b_sea) || (a_sea && b_land)) ++swapped;
        }
        const double pixels = 960.0 * 600.0;
        EXPECT_LT(static_cast<double>(swapped) / pixels, 0.001) << swapped << " pixels swap land and sea at " << resolution << " m/px";
        // Lines moved by under half a pixel change their antialiased pixels: 1.5% (Asia) and 3.3% (the
        // world) for coasts and borders, 2.9% and 4.6% with the rivers, which are as many lines again.
        EXPECT_LT(static_cast<double>(differ) / pixels, 0.055) << differ << " pixels differ at " << resolution << " m/px";
    }
}

}  // namespace

namespace {

class SameWidthText final : public TextMeasure {
public:
    Vec2 size(TextStyle, std::string_view text, float) const override { return {7.0 * static_cast<double>(text.size()), 14.0}; }
    float font_size(TextStyle) const override { return 14.0f; }
};

}  // namespace

// The credits name GSHHG where its data is drawn: the lakes and rivers at every level, the shores
// close in. Without lakes and rivers (render --no-water) a view at 1:10m draws none of it, nor does
// the inset's world; close in, the shores are still GSHHG's.
TEST_F(MapRender, TheCreditsNameGshhgWhereItsDataIsDrawn) {
    const SameWidthText text;
    FrameView view;
    view.decorations = DecorationSet::on_screen();
    view.camera = Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480);
    ASSERT_EQ(scene->level_for(view.camera), DetailLevel::fine_10m);
    EXPECT_NE(scene->compose(view, text).decorations.credits.find("GSHHG"), std::string::npos);

    MapScene dry;
    for (DetailLevel level : {DetailLevel::coarse_110m, DetailLevel::fine_10m}) {
        BasemapMeshes meshes = load_natural_earth(level);
        meshes.drop_water();
        dry.set_basemap(meshes);
    }
    ASSERT_EQ(dry.level_for(view.camera), DetailLevel::fine_10m);
    EXPECT_EQ(dry.compose(view, text).decorations.credits.find("GSHHG"), std::string::npos);
    const Box part = mercator::forward(128, 40, 134, 46);
    BasemapMeshes close = load_natural_earth(DetailLevel::close_h, &part);
    close.drop_water();
    dry.set_basemap(close);
    view.camera = Camera::fit(mercator::forward(130.5, 42.4, 130.8, 42.6), 640, 480);
    ASSERT_EQ(dry.level_for(view.camera), DetailLevel::close_h);
    EXPECT_NE(dry.compose(view, text).decorations.credits.find("GSHHG"), std::string::npos);
}
