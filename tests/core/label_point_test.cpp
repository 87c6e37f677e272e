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

TEST(LabelPointWithin, APolygonThatFillsTheBoxIsNamedAtTheBoxsMiddle) {
    const std::vector<Outline> land = {{{-1000, -1000}, {1000, -1000}, {1000, 1000}, {-1000, 1000}}};
    const auto p = label_point_within(land, Box::of(0, 0, 200, 100), 20);
    ASSERT_TRUE(p);
    EXPECT_NEAR(p->x, 100, 6);
    EXPECT_NEAR(p->y, 50, 3);
}

TEST(LabelPointWithin, OnlyThePartInTheBoxCountsAndItsEdgesAndTheBoxsAreKeptClearOf) {
    // An L whose corner lies outside the box: of it, the box shows a strip 60 wide along its left
    // side and one 30 tall along its top.
    const std::vector<Outline> l_shape = {{{-500, -500}, {60, -500}, {60, 70}, {500, 70}, {500, 500}, {-500, 500}}};
    const Box box = Box::of(0, 0, 200, 100);
    const auto p = label_point_within(l_shape, box, 20);
    ASSERT_TRUE(p);
    EXPECT_TRUE(inside(*p, l_shape));
    EXPECT_GE(p->x - box.min_x, 20);
    EXPECT_LE(p->x, 40 + 1);  // the wide strip, 20 from both of its sides
    // Asked for more room than either strip has, there is none.
    EXPECT_FALSE(label_point_within(l_shape, box, 35));
    // A polygon beside the box, or one with too few points, names nothing.
    const std::vector<Outline> beside = {{{300, 0}, {400, 0}, {400, 100}, {300, 100}}};
    EXPECT_FALSE(label_point_within(beside, box, 1));
    EXPECT_FALSE(label_point_within({{{0, 0}, {10, 10}}}, box, 1));
}

TEST(LabelPointWithin, AHoleInTheViewIsKeptClearOf) {
    const std::vector<Outline> with_lake = {{{-1000, -1000}, {1000, -1000}, {1000, 1000}, {-1000, 1000}},
                                            {{60, 20}, {140, 20}, {140, 80}, {60, 80}}};
    const auto p = label_point_within(with_lake, Box::of(0, 0, 200, 100), 15);
    ASSERT_TRUE(p);
    EXPECT_TRUE(inside(*p, with_lake));
    EXPECT_GE(distance_to_edges(*p, with_lake), 15);
}
