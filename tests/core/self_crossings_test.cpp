#include "core/geo/self_crossings.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

namespace storyplot {
namespace {

std::vector<Vec2> circle(std::size_t n) {
    std::vector<Vec2> ring;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        ring.push_back({std::cos(a), std::sin(a)});
    }
    return ring;
}

std::vector<Vec2> random_ring(std::size_t n, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> d(0, 1);
    std::vector<Vec2> ring;
    for (std::size_t i = 0; i < n; ++i) ring.push_back({d(random), d(random)});
    return ring;
}

TEST(SelfCrossings, SmallRingsAreCountedExactly) {
    EXPECT_EQ(estimate_self_crossings({{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}).crossings, 0);
    EXPECT_EQ(estimate_self_crossings({{{0, 0}, {1, 1}, {1, 0}, {0, 1}}}).crossings, 1);  // a bow tie
    std::vector<Vec2> star;  // a pentagram: every edge crosses the two it does not touch
    for (int i = 0; i < 5; ++i) {
        const double a = 2 * std::numbers::pi * (2 * i % 5) / 5.0;
        star.push_back({std::cos(a), std::sin(a)});
    }
    EXPECT_EQ(estimate_self_crossings({star}).crossings, 5);
    // A hole inside its shell crosses nothing; a ring through another is counted across rings.
    EXPECT_EQ(estimate_self_crossings({circle(20), {{-0.1, -0.1}, {0.1, -0.1}, {0.1, 0.1}}}).crossings, 0);
    EXPECT_EQ(estimate_self_crossings({{{0, 0}, {2, 0}, {2, 2}, {0, 2}}, {{1, 0.5}, {3, 0.5}, {3, 1.5}}}).crossings, 2);
}

TEST(SelfCrossings, RealShapesAreNotTangledEvenWithAKink) {
    auto ring = circle(100000);
    std::swap(ring[500], ring[501]);  // one small bow tie on the coast
    const CrossingEstimate e = estimate_self_crossings({ring});
    EXPECT_EQ(e.edges, 100000u);
    EXPECT_EQ(e.sampled, 4096u);
    EXPECT_FALSE(too_tangled_to_fill(e));
}

TEST(SelfCrossings, TheSampleEstimatesARandomRingsCrossings) {
    const auto ring = random_ring(1500, 7);
    std::size_t exact = 0;  // every pair, the slow way
    const std::size_t n = ring.size();
    auto cross = [](Vec2 o, Vec2 a, Vec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 2; j < n; ++j) {
            if (i == 0 && j == n - 1) continue;  // neighbours through the closing edge
            const Vec2 a = ring[i], b = ring[(i + 1) % n], c = ring[j], d = ring[(j + 1) % n];
            if (cross(a, b, c) * cross(a, b, d) < 0 && cross(c, d, a) * cross(c, d, b) < 0) ++exact;
        }
    const CrossingEstimate e = estimate_self_crossings({ring});
    EXPECT_GT(e.hits, 300u);
    EXPECT_NEAR(e.crossings / static_cast<double>(exact), 1.0, 0.2) << e.crossings << " estimated, " << exact << " counted";
    EXPECT_TRUE(too_tangled_to_fill(e));
    EXPECT_EQ(estimate_self_crossings({ring}).crossings, e.crossings);  // the same sample every run
}

TEST(SelfCrossings, AFewHitsAreNotEnoughToRefuse) {
    CrossingEstimate e;
    e.hits = min_crossing_hits - 1;
    e.crossings = 1e9;
    EXPECT_FALSE(too_tangled_to_fill(e));
    e.hits = min_crossing_hits;
    EXPECT_TRUE(too_tangled_to_fill(e));
    e.crossings = max_fill_crossings;
    EXPECT_FALSE(too_tangled_to_fill(e));
}

}  // namespace
}  // namespace storyplot
