// Where a country's name goes: a point well inside its polygon, away from its edges and holes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/labels/context_labels.hpp"

using namespace storyplot;

namespace {

using Outline = std::vector<Vec2>;

double distance_to_edges(Vec2 p, const std::vector<Outline>& rings) {
    double best = 1e18;
    for (const auto& ring : rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Vec2 a = ring[j], ab = ring[i] - ring[j];
            const double t = std::clamp(((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / (ab.x * ab.x + ab.y * ab.y), 0.0, 1.0);
            best = std::min(best, length(p - (a + ab * t)));
        }
    return best;
}

bool inside(Vec2 p, const std::vector<Outline>& rings) {
    bool in = false;
    for (const auto& ring : rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            if ((ring[i].y > p.y) != (ring[j].y > p.y) && p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
                in = !in;
    return in;
}

}  // namespace

TEST(LabelPoint, ASquaresCentre) {
    const std::vector<Outline> square = {{{0, 0}, {100, 0}, {100, 100}, {0, 100}}};
    const Vec2 p = label_point(square);
    EXPECT_NEAR(p.x, 50, 2.5);
    EXPECT_NEAR(p.y, 50, 2.5);
}

TEST(LabelPoint, AnLShapeIsLabelledInItsThickPartNotAtItsCentroid) {
    // The centroid of this L lies outside it, in the notch.
    const std::vector<Outline> l = {{{0, 0}, {100, 0}, {100, 30}, {30, 30}, {30, 100}, {0, 100}}};
    const Vec2 p = label_point(l);
    ASSERT_TRUE(inside(p, l));
    EXPECT_GT(distance_to_edges(p, l), 12.0);  // the widest circle inside has radius 15
}

TEST(LabelPoint, NeverInAHole) {
    // A ring with a big hole in the middle (a country around a lake, or around another country).
    const std::vector<Outline> ring = {{{0, 0}, {100, 0}, {100, 100}, {0, 100}}, {{20, 20}, {80, 20}, {80, 80}, {20, 80}}};
    const Vec2 p = label_point(ring);
    EXPECT_TRUE(inside(p, ring)) << p.x << "," << p.y;
    EXPECT_GT(distance_to_edges(p, ring), 7.0);  // the band is 20 wide
}

TEST(LabelPoint, AThinDiagonalSliver) {
    const std::vector<Outline> sliver = {{{0, 0}, {10, 0}, {1000, 990}, {1000, 1000}, {990, 1000}, {0, 10}}};
    const Vec2 p = label_point(sliver);
    EXPECT_TRUE(inside(p, sliver)) << p.x << "," << p.y;
}
