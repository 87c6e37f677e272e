#include "core/mesh/world_meshes.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace storyplot;

namespace {

constexpr double R = 6378137.0;
constexpr double pi = std::numbers::pi;

double area(const std::vector<Vec2>& triangles) {
    double sum = 0;
    for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) {
        const Vec2 a = triangles[i], b = triangles[i + 1], c = triangles[i + 2];
        sum += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
    }
    return sum;
}

Projection centred(ProjectionKind kind, double lon, double lat) {
    Projection p;
    p.kind = kind;
    p.lon0 = lon;
    p.lat0 = lat;
    return p;
}

}  // namespace

// The sea's outline covers what each projection draws of the sphere: its area is known where the
// projection keeps areas or is a disc.
TEST(WorldOutline, CoversTheWorldEachProjectionDraws) {
    const double sphere = 4 * pi * R * R;
    // The globe: a disc of the Earth's radius; an azimuthal equidistant one of its reach.
    EXPECT_NEAR(area(world_outline_triangles(centred(ProjectionKind::orthographic, 160, 54))), pi * R * R, 1e-4 * pi * R * R);
    const double reach = 175 * pi / 180 * R;
    EXPECT_NEAR(area(world_outline_triangles(centred(ProjectionKind::azimuthal_equidistant, -77, 39))), pi * reach * reach, 1e-4 * pi * reach * reach);
    // Equal-area: the whole sphere, or the cap within the reach.
    const double cap = 2 * pi * R * R * (1 - std::cos(175 * pi / 180));
    EXPECT_NEAR(area(world_outline_triangles(centred(ProjectionKind::azimuthal_equal_area, 30, -20))), cap, 1e-3 * cap);
    EXPECT_NEAR(area(world_outline_triangles(centred(ProjectionKind::equal_earth, 150, 0))), sphere, 1e-3 * sphere);
    EXPECT_NEAR(area(world_outline_triangles(fitted_projection(ProjectionKind::equal_area_conic, Box::of(30, 35, 140, 65)))), sphere, 1e-3 * sphere);
    // The equirectangular: one rectangle of 2 pi R cos(true parallel) by pi R.
    Projection plate = centred(ProjectionKind::equirectangular, 0, 0);
    plate.lat1 = 60;
    EXPECT_EQ(world_outline_triangles(plate).size(), 6u);
    EXPECT_NEAR(area(world_outline_triangles(plate)), 2 * pi * R * 0.5 * pi * R, 1e-6 * pi * pi * R * R);
    // A conformal cone stops short of its far pole, where it reaches to infinity.
    const auto cone = world_outline_triangles(fitted_projection(ProjectionKind::conformal_conic, Box::of(30, 35, 140, 65)));
    EXPECT_FALSE(cone.empty());
    for (Vec2 p : cone) EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
    // Nothing where the paper is the sea or the shader cuts the sphere itself.
    EXPECT_TRUE(world_outline_triangles(Projection{}).empty());
    EXPECT_TRUE(world_outline_triangles(centred(ProjectionKind::transverse_mercator, 129, 0)).empty());
}

// The fan is centred where the projection puts its centre: the globe's rim is the Earth's radius
// away from it in every direction.
TEST(WorldOutline, TheGlobesRimIsACircleOfTheEarthsRadius) {
    Projection globe = centred(ProjectionKind::orthographic, 131.9, 43.1);
    const auto triangles = world_outline_triangles(globe);
    ASSERT_FALSE(triangles.empty());
    const Vec2 centre = *globe.forward({131.9, 43.1});
    // Every corner on the rim (no sliver to the centre), each triangle turning the same way, and
    // together the disc once: no overlap, no hole.
    double area_signed = 0;
    std::size_t clockwise = 0;
    for (std::size_t i = 0; i < triangles.size(); i += 3) {
        for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(std::hypot(triangles[i + k].x - centre.x, triangles[i + k].y - centre.y), R, 1.0);
        const Vec2 a = triangles[i], b = triangles[i + 1], c = triangles[i + 2];
        const double twice = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
        EXPECT_NE(twice, 0);
        clockwise += twice < 0;
        area_signed += twice / 2;
    }
    EXPECT_EQ(triangles.size(), 3 * 358u);  // 360 rim points
    EXPECT_EQ(clockwise, triangles.size() / 3);  // as the azimuth turns, from north to east
    EXPECT_NEAR(-area_signed, pi * R * R, 1e-4 * pi * R * R);
}
