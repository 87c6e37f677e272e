#include "data/natural_earth.hpp"

#include <gtest/gtest.h>

#include "core/mercator.hpp"
#include "data/data_paths.hpp"

using namespace storyplot;

TEST(NaturalEarth, DataIsInstalled) {
    for (DetailLevel level : all_detail_levels)
        EXPECT_TRUE(std::filesystem::exists(natural_earth_countries(level))) << natural_earth_countries(level);
}

TEST(NaturalEarth, CoarseWorldHasLandCoastAndBorders) {
    const BasemapMeshes world = load_natural_earth(DetailLevel::coarse_110m);
    EXPECT_EQ(world.level, DetailLevel::coarse_110m);
    EXPECT_GT(world.land.index_count(), 10000u);
    EXPECT_GT(world.coast.index_count(), 10000u);
    EXPECT_GT(world.borders.index_count(), 1000u);
    EXPECT_EQ(world.land.chunks.size(), 1u);  // the coarse world draws in one call
    const Box b = world.land.bounds();
    // Rings crossing the antimeridian are unwrapped, so the land may reach a little past +-180.
    EXPECT_LT(b.min_x, -0.99 * mercator::half_world);
    EXPECT_GT(b.max_x, 0.99 * mercator::half_world);
    EXPECT_LT(b.max_x, 1.1 * mercator::half_world);
}

TEST(NaturalEarth, FineLevelIsChunked) {
    const BasemapMeshes fine = load_natural_earth(DetailLevel::fine_10m);
    EXPECT_GT(fine.land.chunks.size(), 50u);
    EXPECT_GT(fine.coast.vertex_count(), 10 * load_natural_earth(DetailLevel::coarse_110m).coast.vertex_count());
}
