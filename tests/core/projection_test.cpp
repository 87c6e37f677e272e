#include <gtest/gtest.h>

#include <cmath>

#include "core/geo/camera.hpp"
#include "core/geo/mercator.hpp"
#include "core/geo/projection.hpp"
#include "core/story/story_camera.hpp"

using namespace storyplot;

namespace {

Projection parsed(const std::string& text) {
    std::string error;
    const auto choice = parse_projection_name(text, error);
    EXPECT_TRUE(choice && choice->exact) << text << ": " << error;
    return choice && choice->exact ? *choice->exact : Projection{};
}

void expect_at(const Projection& p, LonLat ll, double x, double y) {
    const auto xy = p.forward(ll);
    ASSERT_TRUE(xy) << p.proj_string() << " at " << ll.lon << "," << ll.lat;
    EXPECT_NEAR(xy->x, x, 0.01) << p.proj_string() << " at " << ll.lon << "," << ll.lat;
    EXPECT_NEAR(xy->y, y, 0.01) << p.proj_string() << " at " << ll.lon << "," << ll.lat;
}

}  // namespace

// Reference values from PROJ 9.1 (through GDAL's OGRCoordinateTransformation, +R=6378137) for
// Pyongyang, Vladivostok, Moscow and Washington.
TEST(Projection, AgreesWithProjOnTheSphere) {
    const Projection lcc = parsed("+proj=lcc +lat_1=40 +lat_2=50 +lat_0=45 +lon_0=130 +R=6378137");
    expect_at(lcc, {125.75, 39.03}, -367927.630, -653597.577);
    expect_at(lcc, {37.62, 55.75}, -4679462.446, 4203908.808);
    expect_at(lcc, {-77.04, 38.9}, 6668417.438, 8550739.399);
    const Projection aea = parsed("+proj=aea +lat_1=40 +lat_2=50 +lat_0=45 +lon_0=130");
    expect_at(aea, {125.75, 39.03}, -367892.194, -656256.976);
    expect_at(aea, {-77.04, 38.9}, 6722583.206, 8529772.820);
    const Projection aeqd = parsed("+proj=aeqd +lat_0=43 +lon_0=131");
    expect_at(aeqd, {131.88, 43.12}, 71502.911, 13733.114);
    expect_at(aeqd, {-77.04, 38.9}, 3848910.453, 9760266.738);
    const Projection ortho = parsed("+proj=ortho +lat_0=43 +lon_0=131");
    expect_at(ortho, {37.62, 55.75}, -3583402.631, 4000108.643);
    EXPECT_FALSE(ortho.forward({-77.04, 38.9}));  // Washington is behind the globe
    const Projection laea = parsed("+proj=laea +lat_0=43 +lon_0=131");
    expect_at(laea, {37.62, 55.75}, -4084375.531, 4559338.580);
    const Projection stere = parsed("+proj=stere +lat_0=43 +lon_0=131");
    expect_at(stere, {-77.04, 38.9}, 5040228.404, 12781272.582);
    const Projection eqearth = parsed("+proj=eqearth +lon_0=150");
    expect_at(eqearth, {125.75, 39.03}, -2073698.271, 4831877.705);
    expect_at(eqearth, {-77.04, 38.9}, 11378832.230, 4817235.800);  // across the antimeridian from lon 150
    const Projection eqc = parsed("+proj=eqc +lat_ts=30 +lon_0=0");
    expect_at(eqc, {37.62, 55.75}, 3626775.172, 6206061.612);
}

TEST(Projection, RoundTripsEveryKindToAMicrodegree) {
    const Box view = Box::of(100, 30, 160, 60);
    for (ProjectionKind kind : {ProjectionKind::web_mercator, ProjectionKind::equirectangular, ProjectionKind::conformal_conic,
                                ProjectionKind::equal_area_conic, ProjectionKind::azimuthal_equidistant, ProjectionKind::orthographic,
                                ProjectionKind::azimuthal_equal_area, ProjectionKind::stereographic, ProjectionKind::equal_earth,
                                ProjectionKind::transverse_mercator}) {
        const Projection p = fitted_projection(kind, view);
        int tried = 0;
        for (double lat = -80; lat <= 80; lat += 7.3)
            for (double lon = -179; lon <= 179; lon += 11.9) {
                const auto xy = p.forward({lon, lat});
                if (!xy) continue;
                ++tried;
                const auto back = p.inverse(*xy);
                ASSERT_TRUE(back) << p.name() << " at " << lon << "," << lat;
                ASSERT_NEAR(back->lat, lat, 1e-6) << p.name() << " at " << lon << "," << lat;
                ASSERT_NEAR(std::remainder(back->lon - lon, 360.0), 0, 1e-6) << p.name() << " at " << lon << "," << lat;
            }
        EXPECT_GT(tried, 100) << p.name();
    }
}

TEST(Projection, WebMercatorIsTheMercatorOfTheMeshes) {
    const Projection p;
    EXPECT_TRUE(p.is_mercator());
    const Vec2 a = *p.forward({131.8869, 43.1056});
    const Vec2 b = mercator::forward({131.8869, 43.1056});
    EXPECT_NEAR(a.x, b.x, 1e-6);
    EXPECT_NEAR(a.y, b.y, 1e-6);
}

TEST(Projection, TransverseMercatorIsTrueOnItsCentralMeridian) {
    const Projection utm = parsed("+proj=utm +zone=52");
    EXPECT_DOUBLE_EQ(utm.lon0, 129);
    const Vec2 on_meridian = *utm.forward({129, 43});
    EXPECT_NEAR(on_meridian.x, 500000, 1e-6);
    EXPECT_NEAR(on_meridian.y, 0.9996 * mercator::earth_radius * 43 * std::numbers::pi / 180, 1e-6);
    EXPECT_FALSE(utm.forward({129 + 95, 0}));  // a quarter turn away is at infinity
}

TEST(Projection, ConicsAreFittedToTheViewsLatitudes) {
    const Projection p = fitted_projection(ProjectionKind::conformal_conic, Box::of(30, 40, 140, 70));
    EXPECT_NEAR(p.lat1, 45, 1e-9);
    EXPECT_NEAR(p.lat2, 65, 1e-9);
    EXPECT_NEAR(p.lon0, 85, 1e-9);
    // True scale on both standard parallels.
    EXPECT_NEAR(p.ground_scale({85, 45}), 1, 1e-4);
    EXPECT_NEAR(p.ground_scale({120, 65}), 1, 1e-4);
    EXPECT_GT(std::abs(p.ground_scale({85, 55}) - 1), 1e-3);
    // Equal Earth keeps areas (the mean of its two scales is 1) but not lengths along a parallel.
    const Projection ee = fitted_projection(ProjectionKind::equal_earth, Box::of(-180, -90, 180, 90));
    EXPECT_NEAR(ee.ground_scale({0, 50}, false), 1, 1e-4);  // on its central meridian, where they meet square
    EXPECT_GT(std::abs(ee.ground_scale({0, 50}) - 1), 0.05);
    // Across the antimeridian: the box's east edge runs on past 180.
    const Projection pacific = fitted_projection(ProjectionKind::conformal_conic, Box::of(150, 40, -150, 60));
    EXPECT_NEAR(pacific.lon0, 180, 1e-9);
}

TEST(Projection, ChoosesBySizeAutomatically) {
    // The seed story's region: Web Mercator.
    EXPECT_TRUE(automatic_projection(Box::of(124, 37, 136, 46)).is_mercator());
    // The 2001 train from the Tumen to Moscow: a conformal conic.
    EXPECT_EQ(automatic_projection(Box::of(37, 42, 132, 57)).kind, ProjectionKind::conformal_conic);
    // Africa across the equator: an equal-area azimuthal, not a cone of no slope.
    EXPECT_EQ(automatic_projection(Box::of(-18, -35, 52, 37)).kind, ProjectionKind::azimuthal_equal_area);
    // Washington, Hanoi and Vladivostok: a world map, or the globe when asked for.
    EXPECT_EQ(automatic_projection(Box::of(-77, 21, 132, 43)).kind, ProjectionKind::equal_earth);
    EXPECT_EQ(automatic_projection(Box::of(-77, 21, 132, 43), ProjectionKind::orthographic).kind, ProjectionKind::orthographic);
    // South-east Asia near the equator: Mercator is fine there.
    EXPECT_TRUE(automatic_projection(Box::of(95, -10, 140, 20)).is_mercator());
}

TEST(Projection, NamesAndErrors) {
    std::string error;
    EXPECT_TRUE(parse_projection_name("globe", error)->kind == ProjectionKind::orthographic);
    EXPECT_TRUE(parse_projection_name("auto", error)->automatic);
    EXPECT_FALSE(parse_projection_name("robinson", error));
    EXPECT_NE(error.find("\"robinson\" is not a projection"), std::string::npos) << error;
    EXPECT_FALSE(parse_projection_name("+proj=robin +lon_0=0", error));
    EXPECT_NE(error.find("+proj=robin is not a projection storyplot draws"), std::string::npos) << error;
    EXPECT_FALSE(parse_projection_name("+proj=lcc +lat_1=30 +lat_2=-30", error));
    EXPECT_NE(error.find("standard parallels"), std::string::npos) << error;
    EXPECT_FALSE(parse_projection_name("+proj=lcc +lat_1=abc", error));
    EXPECT_NE(error.find("+lat_1=abc is not a number"), std::string::npos) << error;
    EXPECT_FALSE(parse_projection_name("+proj=aeqd +units=ft", error));
    EXPECT_EQ(fitted_projection(ProjectionKind::orthographic, Box::of(120, 40, 140, 50)).name(), "Orthographic globe centred on 45°N 130°E");
    EXPECT_EQ(parsed("+proj=lcc +lat_1=40 +lat_2=50 +lat_0=45 +lon_0=130").name(),
              "Lambert conformal conic, standard parallels 40° and 50°");
    // What is drawn, as PROJ reads it back.
    EXPECT_EQ(parsed("+proj=aea +lat_1=40 +lat_2=50 +lat_0=45 +lon_0=130").proj_string(),
              "+proj=aea +lon_0=130 +lat_0=45 +lat_1=40 +lat_2=50 +x_0=0 +y_0=0 +R=6378137 +units=m +no_defs");
}

TEST(Projection, AGlobeCameraHidesTheFarSideAndSpinsWhenDragged) {
    const Projection globe = fitted_projection(ProjectionKind::orthographic, Box::of(120, 30, 140, 50));
    Camera camera = Camera::fit_lonlat(globe, Box::of(-180, -90, 180, 90), 800, 800);
    EXPECT_NEAR(camera.projected_resolution(), 2 * mercator::earth_radius / 800, 1);  // the whole globe
    const auto near = camera.lonlat_to_screen({130, 40});
    ASSERT_TRUE(near);
    EXPECT_NEAR(near->x, 400, 1e-6);
    EXPECT_NEAR(near->y, 400, 1e-6);
    EXPECT_FALSE(camera.lonlat_to_screen({-50, -40}));  // the antipode
    EXPECT_TRUE(camera.world_to_screen(mercator::forward({-50, -40})) == Camera::off_map);
    EXPECT_TRUE(std::isnan(camera.screen_to_world({1, 1}).x));  // the corner is off the globe
    // A drag to the right turns the globe eastward under the pointer: the centre moves west.
    camera.pan_pixels(100, 0);
    EXPECT_LT(camera.projection().lon0, 130);
    EXPECT_NEAR(camera.projection().lat0, 40, 1e-9);
    // The view shows both hemispheres' longitudes when a pole is in it.
    Camera polar = Camera::fit_lonlat(fitted_projection(ProjectionKind::orthographic, Box::of(0, 80, 10, 90)), Box::of(-180, -90, 180, 90), 400, 400);
    const Box rel = polar.visible_relative_lonlat();
    EXPECT_EQ(rel.min_x, -180);
    EXPECT_EQ(rel.max_x, 180);
    EXPECT_EQ(rel.max_y, 90);
}

TEST(Projection, APieceOfAViewKeepsItsProjection) {
    const Projection p = fitted_projection(ProjectionKind::conformal_conic, Box::of(30, 40, 140, 70));
    const Camera whole = Camera::fit_lonlat(p, Box::of(30, 40, 140, 70), 1000, 600);
    const Camera piece = whole.piece(Box::of(500, 0, 1000, 300));
    const Vec2 in_whole = *whole.lonlat_to_screen({120, 60});
    const Vec2 in_piece = *piece.lonlat_to_screen({120, 60});
    EXPECT_NEAR(in_piece.x, in_whole.x - 500, 1e-6);
    EXPECT_NEAR(in_piece.y, in_whole.y, 1e-6);
}

TEST(StoryCamera, LonLatExtentTakesTheShortWayRoundTheWorld) {
    const Box pacific = lonlat_extent({{170, 10}, {-170, 20}, {175, 15}});
    EXPECT_NEAR(pacific.min_x, 170, 1e-9);
    EXPECT_NEAR(pacific.max_x, 190, 1e-9);
    const Box atlantic = lonlat_extent({{-77, 38}, {37, 55}});
    EXPECT_NEAR(atlantic.min_x, -77, 1e-9);
    EXPECT_NEAR(atlantic.max_x, 37, 1e-9);
}
