#include <gtest/gtest.h>

#include "core/mesh/shared_edges.hpp"

using namespace storyplot;

namespace {
Polygon square(double x0, double y0, double x1, double y1) {
    return Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}};
}
std::size_t segments(const std::vector<Path>& paths) {
    std::size_t n = 0;
    for (const auto& p : paths) n += p.size() - 1;
    return n;
}
}  // namespace

TEST(SharedEdges, TwoNeighboursShareOneBorder) {
    // Two unit squares side by side: the shared edge is a border, drawn once; six edges are coast.
    const EdgeSplit split = split_shared_edges({square(0, 0, 1, 1), square(1, 0, 2, 1)});
    EXPECT_EQ(segments(split.borders), 1u);
    EXPECT_EQ(segments(split.coast), 6u);
    ASSERT_EQ(split.borders.size(), 1u);
    const Path& border = split.borders.front();
    for (LonLat p : border) EXPECT_EQ(p.lon, 1.0);
}

TEST(SharedEdges, ConsecutiveEdgesJoinIntoOnePath) {
    const EdgeSplit split = split_shared_edges({square(0, 0, 1, 1)});
    EXPECT_TRUE(split.borders.empty());
    ASSERT_EQ(split.coast.size(), 1u);
    EXPECT_EQ(split.coast.front().size(), 5u);
}

TEST(SharedEdges, DropsAntimeridianAndPolarCuts) {
    // A polygon touching the antimeridian and reaching below Mercator's limit.
    const Polygon p{{Ring{{170, -89}, {180, -89}, {180, 10}, {170, 10}, {170, -89}}}};
    const EdgeSplit split = split_shared_edges({p});
    // Kept: (180,10)->(170,10) and (170,10)->(170,-89); dropped: the bottom and the 180 meridian.
    EXPECT_EQ(segments(split.coast), 2u);
    for (const auto& path : split.coast)
        for (std::size_t i = 0; i + 1 < path.size(); ++i) EXPECT_FALSE(path[i].lon == 180 && path[i + 1].lon == 180);
}

TEST(SharedEdges, HolesCountAsRings) {
    // A lake (hole) filled by an enclave: the hole's edges are borders.
    Polygon outer = square(0, 0, 10, 10);
    outer.rings.push_back(Ring{{4, 4}, {4, 6}, {6, 6}, {6, 4}, {4, 4}});
    const EdgeSplit split = split_shared_edges({outer, square(4, 4, 6, 6)});
    EXPECT_EQ(segments(split.borders), 4u);
    EXPECT_EQ(segments(split.coast), 4u);
}
