// The map in projections other than Web Mercator, drawn through the one scene call and compared
// with expected images, with what a reader looks for: sea and land where they are, the paper
// outside the world's outline, and a route across the antimeridian cut at the map's edge, never
// drawn back across the map.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "app_free_render.hpp"
#include "core/geo/globe_picture.hpp"
#include "core/geo/projection.hpp"
#include "core/story/story_file.hpp"
#include "image_compare.hpp"

using namespace storyplot;

namespace {

class ProjectionRender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        story = std::make_unique<Story>(read_story_file(std::string(STORYPLOT_TEST_DIR) + "/data/stories/across-the-pacific.story.json"));
        scene = std::make_unique<test_support::StoryScene>(*story);
    }
    static void TearDownTestSuite() {
        scene.reset();
        story.reset();
    }

    static bool is_colour(const std::uint8_t* px, Color c, int tolerance = 8) {
        return std::abs(px[0] - static_cast<int>(c.r * 255 + 0.5f)) <= tolerance &&
               std::abs(px[1] - static_cast<int>(c.g * 255 + 0.5f)) <= tolerance &&
               std::abs(px[2] - static_cast<int>(c.b * 255 + 0.5f)) <= tolerance;
    }

    // Most of the 7x7 pixels around a place are of colour `c` (a river, a label's edge or a graticule
    // line may cross it).
    static bool mostly(const Image& image, const Camera& camera, LonLat p, Color c) {
        const auto px = camera.lonlat_to_screen(p);
        if (!px) return false;
        int n = 0;
        for (int dy = -3; dy <= 3; ++dy)
            for (int dx = -3; dx <= 3; ++dx) {
                const int x = static_cast<int>(px->x) + dx, y = static_cast<int>(px->y) + dy;
                if (x >= 0 && y >= 0 && x < image.width && y < image.height && is_colour(image.pixel(x, y), c)) ++n;
            }
        return n >= 30;
    }

    // Pixels of the route's own colour (magenta: nothing else on the map is) in a box of pixels.
    static int route_pixels(const Image& image, const Box& px) {
        int n = 0;
        for (int y = std::max(0, static_cast<int>(px.min_y)); y < std::min(image.height, static_cast<int>(px.max_y)); ++y)
            for (int x = std::max(0, static_cast<int>(px.min_x)); x < std::min(image.width, static_cast<int>(px.max_x)); ++x) {
                const std::uint8_t* p = image.pixel(x, y);
                if (p[0] > 150 && p[1] < 90 && p[2] > 100) ++n;
            }
        return n;
    }

    static inline std::unique_ptr<Story> story;
    static inline std::unique_ptr<test_support::StoryScene> scene;
};

const Box whole_world = Box::of(-180, -90, 180, 90);

}  // namespace

TEST_F(ProjectionRender, TheWorldInEachProjection) {
    const BasemapStyle style;
    struct Case {
        const char* name;
        Projection projection;
        Box lonlat;
    };
    const Case cases[] = {
        {"equal-earth", fitted_projection(ProjectionKind::equal_earth, whole_world), whole_world},
        {"equirectangular", fitted_projection(ProjectionKind::equirectangular, whole_world), whole_world},
        {"globe", fitted_projection(ProjectionKind::orthographic, Box::of(100, 10, 160, 70)), whole_world},
        {"aeqd", fitted_projection(ProjectionKind::azimuthal_equidistant, Box::of(125.75, 39.03, 125.75, 39.03)), Box::of(30, 10, 180, 75)},
        {"lcc", fitted_projection(ProjectionKind::conformal_conic, Box::of(30, 35, 180, 70)), Box::of(30, 35, 180, 70)},
        {"albers", fitted_projection(ProjectionKind::equal_area_conic, Box::of(30, 35, 180, 70)), Box::of(30, 35, 180, 70)},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const Camera camera = Camera::fit_lonlat(c.projection, c.lonlat, 560, 320);
        const Image image = scene->render(camera);
        // The Sea of Japan and Manchuria in every one of them.
        // The Sea of Okhotsk, Manchuria and western Siberia in every one of them.
        EXPECT_TRUE(mostly(image, camera, {148, 55}, style.ocean));
        EXPECT_TRUE(mostly(image, camera, {125, 46}, style.land));
        EXPECT_TRUE(mostly(image, camera, {80, 65}, style.land));
        const std::string mismatch = test_support::compare_with_expected(image, std::string("projection-") + c.name);
        EXPECT_TRUE(mismatch.empty()) << mismatch;
        if (c.lonlat.width() == 360) {
            // A world map or the globe: the paper shows around the world's outline.
            EXPECT_TRUE(is_colour(image.pixel(2, 2), style.paper)) << "top left corner";
        }
    }
}

TEST_F(ProjectionRender, TheGlobeShowsOneHemisphere) {
    const BasemapStyle style;
    const Projection globe = fitted_projection(ProjectionKind::orthographic, Box::of(-10, 0, 10, 20));
    const Camera camera = Camera::fit_lonlat(globe, whole_world, 300, 300);
    const Image image = scene->render(camera);
    EXPECT_TRUE(mostly(image, camera, {26.0, 18.0}, style.land)) << "the Sahara";
    EXPECT_TRUE(mostly(image, camera, {-25.0, 15.0}, style.ocean)) << "the Atlantic";
    EXPECT_TRUE(is_colour(image.pixel(5, 5), style.paper)) << "beyond the globe";
    const std::string mismatch = test_support::compare_with_expected(image, "projection-globe-atlantic");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
    // The route is on the far side (Vladivostok to Anchorage): nothing of it is drawn.
    EXPECT_EQ(route_pixels(image, Box::of(0, 0, 300, 300)), 0);
}

// The globe drawn from its picture of the flat world (core/geo/globe_picture) shows what the globe
// drawn from the meshes shows: facing the story, the antimeridian (where the picture wraps round)
// and the north pole (where Web Mercator's square ends at 85 degrees).
TEST_F(ProjectionRender, TheGlobeFromItsPictureIsTheGlobeFromItsMeshes) {
    struct Case {
        const char* name;
        LonLat centre;
    };
    for (const Case& c : {Case{"story", {130, 40}}, Case{"antimeridian", {180, 10}}, Case{"pole", {-40, 75}}}) {
        SCOPED_TRACE(c.name);
        const Projection globe = fitted_projection(ProjectionKind::orthographic, Box::of(c.centre.lon, c.centre.lat, c.centre.lon, c.centre.lat));
        const Camera camera = Camera::fit_lonlat(globe, whole_world, 640, 480);
        const Image picture = scene->render(camera);
        EXPECT_TRUE(scene->map_stats().globe_picture);
        scene->scene().set_globe_picture_largest(0);
        const Image meshes = scene->render(camera);
        EXPECT_FALSE(scene->map_stats().globe_picture);
        scene->scene().set_globe_picture_largest(4096);
        ASSERT_EQ(picture.rgba.size(), meshes.rgba.size());
        // Within 70% of the globe's radius at most 2% of the values differ: lines a pixel wide are
        // drawn a little differently, the picture's filtered from its texels (a picture shifted
        // three pixels east differs in 7% facing the story, 8% facing the pole). Towards the rim the
        // picture's lines narrow with the sphere while the meshes' keep their width: the whole
        // globe is allowed 3%. (The route, markers and labels are drawn over both alike.)
        const double radius = 6378137.0 / camera.projected_resolution();
        std::size_t differing = 0, inner_differing = 0, inner = 0;
        for (int y = 0; y < picture.height; ++y)
            for (int x = 0; x < picture.width; ++x) {
                const bool near_centre = std::hypot(x + 0.5 - picture.width / 2.0, y + 0.5 - picture.height / 2.0) < 0.7 * radius;
                inner += near_centre ? 4 : 0;
                for (int k = 0; k < 4; ++k) {
                    const bool off = std::abs(int(picture.pixel(x, y)[k]) - int(meshes.pixel(x, y)[k])) > 24;
                    differing += off;
                    inner_differing += off && near_centre;
                }
            }
        EXPECT_LT(static_cast<double>(inner_differing) / static_cast<double>(inner), 0.02);
        EXPECT_LT(static_cast<double>(differing) / static_cast<double>(picture.rgba.size()), 0.03);
    }
}

// The window's globe, zoomed, keeps the picture drawn for the scale before while its scale moves,
// and draws it again once the scale has held; a picture for a file is drawn for its own scale at once.
TEST_F(ProjectionRender, TheWindowsGlobePictureCatchesUpWithAZoomOnceItHolds) {
    const Projection globe = fitted_projection(ProjectionKind::orthographic, Box::of(130, 40, 130, 40));
    const Camera far = Camera::fit_lonlat(globe, whole_world, 640, 480);
    const Camera near = Camera::projected(globe, far.projected_center(), far.projected_resolution() / 1.5, 640, 480);
    ASSERT_NE(globe_picture_for(far, 4096)->line_scale, globe_picture_for(near, 4096)->line_scale);
    MapScene& map = scene->scene();
    ImageTarget target;
    FrameView view;
    view.decorations = DecorationSet{};
    view.live = true;
    FrameResult result;
    view.camera = far;
    target.render(map, view, {}, &result);
    EXPECT_FALSE(result.map.globe_picture_lags);
    // Zoomed: the picture for the scale before, until the new scale has held six frames.
    view.camera = near;
    int frames = 0;
    do {
        target.render(map, view, {}, &result);
        ++frames;
    } while (result.map.globe_picture_lags && frames < 20);
    EXPECT_EQ(frames, 7);
    const Image caught_up = target.render(map, view);
    // The same view for a file: exact at once, and the same picture.
    view.camera = far;
    view.live = false;
    target.render(map, view);
    view.camera = near;
    const Image exact = target.render(map, view, {}, &result);
    EXPECT_FALSE(result.map.globe_picture_lags);
    EXPECT_EQ(exact.rgba, caught_up.rgba);
}

TEST_F(ProjectionRender, ARouteAcrossTheAntimeridianIsCutAtTheMapsEdge) {
    // A world map centred on Greenwich: its edge is the antimeridian the route crosses. The route
    // is drawn at both edges and never along a line back across the map.
    const Camera world = Camera::fit_lonlat(fitted_projection(ProjectionKind::equal_earth, whole_world), whole_world, 480, 240);
    const Image image = scene->render(world);
    const Vec2 vladivostok = *world.lonlat_to_screen({131.8869, 43.1056});
    const Vec2 anchorage = *world.lonlat_to_screen({-149.9003, 61.2181});
    EXPECT_GT(route_pixels(image, Box::of(vladivostok.x, 0, 480, 120)), 20);  // from Vladivostok to the east edge
    EXPECT_GT(route_pixels(image, Box::of(0, 0, anchorage.x + 4, 120)), 5);   // from the west edge to Anchorage
    EXPECT_EQ(route_pixels(image, Box::of(anchorage.x + 20, 0, vladivostok.x - 20, 240)), 0);
    const std::string mismatch = test_support::compare_with_expected(image, "projection-antimeridian-world");
    EXPECT_TRUE(mismatch.empty()) << mismatch;

    // A conic centred on the Pacific: the route is whole, across 180 degrees in the middle.
    const Box north_pacific = Box::of(125, 35, -140, 65);
    const Camera pacific = Camera::fit_lonlat(fitted_projection(ProjectionKind::conformal_conic, north_pacific), north_pacific, 480, 240);
    const Image pacific_image = scene->render(pacific);
    const Vec2 crossing = *pacific.lonlat_to_screen({180, 52.5});
    EXPECT_GT(route_pixels(pacific_image, Box::of(crossing.x - 6, crossing.y - 6, crossing.x + 6, crossing.y + 6)), 4);
    const std::string pacific_mismatch = test_support::compare_with_expected(pacific_image, "projection-antimeridian-pacific");
    EXPECT_TRUE(pacific_mismatch.empty()) << pacific_mismatch;
}
