#include "core/geo/simplify.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace storyplot {
namespace {

double distance_to_polyline(Vec2 p, const std::vector<Vec2>& line, bool closed) {
    double best = 1e300;
    const std::size_t n = line.size();
    for (std::size_t i = 0; i + (closed ? 0 : 1) < n; ++i) {
        const Vec2 a = line[i], b = line[(i + 1) % n];
        const Vec2 ab = b - a;
        const double len2 = ab.x * ab.x + ab.y * ab.y;
        double t = len2 > 0 ? ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2 : 0;
        t = std::clamp(t, 0.0, 1.0);
        const Vec2 q = a + ab * t;
        best = std::min(best, std::hypot(p.x - q.x, p.y - q.y));
    }
    return best;
}

TEST(Simplify, AStraightLineKeepsItsEnds) {
    const std::vector<Vec2> line{{0, 0}, {1, 0.001}, {2, -0.001}, {3, 0}};
    EXPECT_EQ(simplify_path(line, 0.01), (std::vector<Vec2>{{0, 0}, {3, 0}}));
    EXPECT_EQ(simplify_path(line, 0.0001), line);  // below the wiggles: all kept
}

TEST(Simplify, ACornerBeyondTheToleranceStays) {
    const std::vector<Vec2> line{{0, 0}, {1, 0.2}, {2, 1}, {3, 0.1}, {4, 0}};
    const auto out = simplify_path(line, 0.5);
    EXPECT_EQ(out, (std::vector<Vec2>{{0, 0}, {2, 1}, {4, 0}}));
}

TEST(Simplify, EveryDroppedVertexIsWithinTheToleranceOfTheRing) {
    std::vector<Vec2> coast;  // a wiggly circle of 20,000 vertices
    for (int i = 0; i < 20000; ++i) {
        const double a = 2 * std::numbers::pi * i / 20000.0;
        const double r = 1000 + 30 * std::sin(57 * a) + 5 * std::sin(913 * a);
        coast.push_back({r * std::cos(a), r * std::sin(a)});
    }
    for (double tolerance : {1.0, 10.0, 100.0}) {
        const auto out = simplify_ring(coast, tolerance);
        ASSERT_GE(out.size(), 3u);
        EXPECT_LT(out.size(), coast.size() / 4) << tolerance;
        double worst = 0;
        for (Vec2 p : coast) worst = std::max(worst, distance_to_polyline(p, out, true));
        EXPECT_LE(worst, tolerance + 1e-9) << tolerance;
    }
}

TEST(Simplify, AnIslandSmallerThanTheToleranceGoes) {
    const std::vector<Vec2> islet{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    EXPECT_TRUE(simplify_ring(islet, 5).empty());
    EXPECT_EQ(simplify_ring(islet, 0.1), islet);
    EXPECT_TRUE(simplify_ring({{0, 0}, {1, 1}}, 0.1).empty());
}

}  // namespace
}  // namespace storyplot
