#include "data/tessellate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace storyplot;

namespace {

double area(const std::vector<Vec2>& triangles) {
    double sum = 0;
    for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) {
        const Vec2 a = triangles[i], b = triangles[i + 1], c = triangles[i + 2];
        sum += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
    }
    return sum;
}

double ring_area(const std::vector<Vec2>& ring) {
    double sum = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
        sum += a.x * b.y - b.x * a.y;
    }
    return std::abs(sum) / 2;
}

// A star with many spikes: concave everywhere, so halving it leaves bridges along each cut.
std::vector<Vec2> star(std::size_t points, double inner, double outer) {
    std::vector<Vec2> ring;
    for (std::size_t i = 0; i < 2 * points; ++i) {
        const double angle = std::numbers::pi * static_cast<double>(i) / static_cast<double>(points);
        const double r = i % 2 ? inner : outer;
        ring.push_back({r * std::cos(angle), r * std::sin(angle)});
    }
    return ring;
}

}  // namespace

TEST(Tessellate, SquareWithHole) {
    const auto triangles = tessellate({{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{3, 3}, {3, 7}, {7, 7}, {7, 3}}});
    EXPECT_EQ(triangles.size() % 3, 0u);
    EXPECT_NEAR(area(triangles), 100.0 - 16.0, 1e-9);
}

TEST(Tessellate, SelfIntersectingRingByOddWinding) {
    // A bow tie: two triangles of area 25 each, crossing at (5, 5).
    const auto triangles = tessellate({{{0, 0}, {10, 10}, {10, 0}, {0, 10}}});
    EXPECT_NEAR(area(triangles), 50.0, 1e-9);
}

TEST(Tessellate, LargeConcavePolygonIsSplitWithoutLosingArea) {
    // 2 x 10000 vertices: well above the size at which the polygon is cut into pieces.
    const auto ring = star(10000, 80.0, 100.0);
    const auto triangles = tessellate({ring});
    EXPECT_NEAR(area(triangles), ring_area(ring), ring_area(ring) * 1e-9);
}

TEST(Tessellate, LargePolygonWithManyHoles) {
    std::vector<std::vector<Vec2>> rings{star(4000, 900.0, 1000.0)};
    double holes = 0;
    for (int i = -3; i <= 3; ++i)
        for (int j = -3; j <= 3; ++j) {
            std::vector<Vec2> hole;
            for (int k = 0; k < 200; ++k) {
                const double a = 2 * std::numbers::pi * k / 200;
                hole.push_back({i * 120.0 + 40 * std::cos(a), j * 120.0 + 40 * std::sin(a)});
            }
            holes += ring_area(hole);
            rings.push_back(hole);
        }
    EXPECT_NEAR(area(tessellate(rings)), ring_area(rings[0]) - holes, 1e-6 * ring_area(rings[0]));
}

TEST(Tessellate, CutOnTheGridSoNoTriangleIsLongerThanACell) {
    const auto triangles = tessellate({{{0, 0}, {100, 0}, {100, 30}, {0, 30}}}, 10.0);
    EXPECT_NEAR(area(triangles), 3000.0, 1e-9);
    for (std::size_t i = 0; i < triangles.size(); ++i) {
        const Vec2 a = triangles[i], b = triangles[i - i % 3 + (i + 1) % 3];
        EXPECT_LE(std::hypot(b.x - a.x, b.y - a.y), 10.0 * std::sqrt(2.0) + 1e-9);
    }
}

TEST(Tessellate, RingsFarBeyondTheWorldAreNotCut) {
    // A broken file's coordinates: cutting on the grid would make pieces without end.
    const auto triangles = tessellate({{{0, 0}, {1e200, 0}, {1e200, 1e10}}}, 10.0);
    EXPECT_EQ(triangles.size(), 3u);
}

TEST(Tessellate, DegenerateInputGivesNothing) {
    EXPECT_TRUE(tessellate({}).empty());
    EXPECT_TRUE(tessellate({{{0, 0}, {1, 1}}}).empty());
    EXPECT_NEAR(area(tessellate({{{0, 0}, {1, 1}, {2, 2}}})), 0.0, 1e-12);
}
