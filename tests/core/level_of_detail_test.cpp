#include <gtest/gtest.h>

#include <cmath>

#include "core/geo/camera.hpp"
#include "core/geo/level_of_detail.hpp"
#include "core/geo/mercator.hpp"
#include "core/geo/water_detail.hpp"

using namespace storyplot;

TEST(LevelOfDetail, CoarseForTheWorldFineForTheRegion) {
    const Camera world = Camera::fit(mercator::forward(-180, -85, 180, 85), 1920, 1080);
    EXPECT_EQ(detail_for_resolution(world.resolution()), DetailLevel::coarse_110m);
    const Camera continent = Camera::fit(mercator::forward(60, 0, 150, 60), 1920, 1080);
    EXPECT_EQ(detail_for_resolution(continent.resolution()), DetailLevel::medium_50m);
    const Camera region = Camera::fit(mercator::forward(124, 37, 136, 46), 1920, 1080);
    EXPECT_EQ(detail_for_resolution(region.resolution()), DetailLevel::fine_10m);
}

TEST(LevelOfDetail, NeverCoarserWhenZoomingIn) {
    int previous = 0;
    for (double res = Camera::max_resolution; res >= Camera::min_resolution; res /= 1.1) {
        const int level = static_cast<int>(detail_for_resolution(res));
        EXPECT_GE(level, previous) << res;
        previous = level;
    }
    EXPECT_EQ(previous, static_cast<int>(DetailLevel::close_h));
}

// A border crossing or a city is drawn from GSHHG's shores, with 1:10m's borders; the story's whole
// region stays at 1:10m.
TEST(LevelOfDetail, CloseInGshhgsShoresWithOneToTenMillionsBorders) {
    const Camera border = Camera::fit(mercator::forward(129.6, 41.9, 131.6, 43.3), 1920, 1080);
    EXPECT_EQ(detail_for_resolution(border.resolution()), DetailLevel::close_h);
    const Camera city = Camera::fit(mercator::forward(131.8, 43.0, 132.0, 43.2), 1920, 1080);
    EXPECT_EQ(detail_for_resolution(city.resolution()), DetailLevel::close_h);
    EXPECT_EQ(detail_for_resolution(400.0), DetailLevel::fine_10m);
    EXPECT_EQ(detail_for_resolution(399.0), DetailLevel::close_h);
    EXPECT_EQ(countries_level(DetailLevel::close_h), DetailLevel::fine_10m);
    EXPECT_EQ(countries_level(DetailLevel::medium_50m), DetailLevel::medium_50m);
    EXPECT_EQ(gshhg_resolution(DetailLevel::close_h), 'h');
    // Its views draw as fast as 1:10m's exactly: no generalised copy, none for moving views.
    EXPECT_TRUE(generalisation_tolerances(DetailLevel::close_h).empty());
    EXPECT_FALSE(moving_tolerance(DetailLevel::close_h));
    EXPECT_EQ(detail_name(DetailLevel::close_h), "GSHHG shores, 200 m");
    EXPECT_EQ(detail_name(DetailLevel::fine_10m), "Natural Earth 1:10m");
}

TEST(LevelOfDetail, Suffixes) {
    EXPECT_EQ(detail_suffix(DetailLevel::coarse_110m), "110m");
    EXPECT_EQ(detail_suffix(DetailLevel::medium_50m), "50m");
    EXPECT_EQ(detail_suffix(DetailLevel::fine_10m), "10m");
    EXPECT_EQ(detail_suffix(DetailLevel::close_h), "h");
}

TEST(LevelOfDetail, GeneralisedWithinHalfAPixel) {
    const auto t = generalisation_tolerances(DetailLevel::fine_10m);
    EXPECT_EQ(generalisation_for(t, 100), -1);  // close in: the level as it is
    EXPECT_EQ(generalisation_for(t, 1999), -1);
    EXPECT_EQ(generalisation_for(t, 2000), 0);  // 1 km is half a pixel
    EXPECT_EQ(generalisation_for(t, 7999), 0);
    EXPECT_EQ(generalisation_for(t, 10400), 1);  // the world at 3840 px
    EXPECT_EQ(generalisation_for(t, 1e6), 2);
    EXPECT_TRUE(generalisation_tolerances(DetailLevel::coarse_110m).empty());
    for (DetailLevel level : all_detail_levels) {
        const auto tolerances = generalisation_tolerances(level);
        int previous = -1;  // coarser only as the view zooms out, and never beyond half a pixel
        for (double res = Camera::min_resolution; res <= Camera::max_resolution; res *= 1.1) {
            const int g = generalisation_for(tolerances, res);
            EXPECT_GE(g, previous);
            if (g >= 0) {
                EXPECT_LE(tolerances[static_cast<std::size_t>(g)], res / 2);
            }
            previous = g;
        }
    }
}

TEST(RiverDetail, EachLevelDrawsItsClassesOfRiver) {
    EXPECT_EQ(river_rank(DetailLevel::coarse_110m, 1), RiverRank::major);
    EXPECT_EQ(river_rank(DetailLevel::coarse_110m, 2), RiverRank::none);
    EXPECT_EQ(river_rank(DetailLevel::medium_50m, 2), RiverRank::major);
    EXPECT_EQ(river_rank(DetailLevel::medium_50m, 3), RiverRank::none);
    EXPECT_EQ(river_rank(DetailLevel::fine_10m, 2), RiverRank::major);
    EXPECT_EQ(river_rank(DetailLevel::fine_10m, 4), RiverRank::minor);
    EXPECT_EQ(river_rank(DetailLevel::fine_10m, 0), RiverRank::minor);  // double-lined rivers' banks
    for (int intermittent : {5, 6, 7}) EXPECT_EQ(river_rank(DetailLevel::fine_10m, intermittent), RiverRank::none);
    EXPECT_EQ(gshhg_resolution(DetailLevel::coarse_110m), 'c');
    EXPECT_EQ(gshhg_resolution(DetailLevel::fine_10m), 'h');
    // Generalised copies leave the minor rivers out: each is drawn only where they would not show.
    for (DetailLevel level : all_detail_levels)
        for (double tolerance : generalisation_tolerances(level)) {
            EXPECT_EQ(generalisation_for(generalisation_tolerances(level), minor_rivers_below), -1);
            EXPECT_GT(2 * tolerance, minor_rivers_below);
        }
}

// Lakes by length: a view draws every lake over 4 pixels long and none under 2 but the largest
// class, at every level and scale; the class bounds are the side of the level's smallest lake
// times 2, 4, 8.
TEST(LakeDetail, AViewDrawsTheLakesItCanShow) {
    const double s = std::sqrt(50.0) * 1000;  // 1:50m keeps lakes of 50 km² and more
    EXPECT_EQ(lake_size_class(DetailLevel::medium_50m, s), 0u);
    EXPECT_EQ(lake_size_class(DetailLevel::medium_50m, 2 * s - 1), 0u);
    EXPECT_EQ(lake_size_class(DetailLevel::medium_50m, 2 * s + 1), 1u);
    EXPECT_EQ(lake_size_class(DetailLevel::medium_50m, 4 * s + 1), 2u);
    EXPECT_EQ(lake_size_class(DetailLevel::medium_50m, 8 * s + 1), 3u);
    EXPECT_EQ(lake_size_class(DetailLevel::medium_50m, 1e9), lake_size_classes - 1);
    // The continent view of 1:50m (3 km a pixel) draws them all; its globe of the world (12 km) the
    // lakes over 28 km long only.
    for (std::size_t c = 0; c < lake_size_classes; ++c) EXPECT_TRUE(lake_class_shown(DetailLevel::medium_50m, c, 3000));
    EXPECT_FALSE(lake_class_shown(DetailLevel::medium_50m, 1, 12000));
    EXPECT_TRUE(lake_class_shown(DetailLevel::medium_50m, 2, 12000));
    for (DetailLevel level : all_detail_levels)
        for (double res = 10; res < 200000; res *= 1.17)
            for (double side = 100; side < 2e6; side *= 1.13) {
                const double min_side = std::sqrt(lake_min_km2(level)) * 1000;
                if (side < min_side) continue;  // the level has no such lake
                const std::size_t c = lake_size_class(level, side);
                const bool shown = lake_class_shown(level, c, res);
                if (side > 4 * res) {
                    EXPECT_TRUE(shown) << side << " m at " << res << " m/px";
                }
                if (side < 2 * res && c + 1 < lake_size_classes) {
                    EXPECT_FALSE(shown) << side << " m at " << res << " m/px";
                }
            }
}

TEST(LevelOfDetail, AMovingViewMayBeDrawnWithinTwoAndAHalfPixels) {
    // The copies kept for moving views: the finest generalised one of each level, none for 1:110m.
    EXPECT_EQ(moving_tolerance(DetailLevel::fine_10m), 1000.0);
    EXPECT_EQ(moving_tolerance(DetailLevel::medium_50m), 4000.0);
    EXPECT_FALSE(moving_tolerance(DetailLevel::coarse_110m));
    // 1 km stands in at 400 m a pixel (two and a half pixels) and coarser, never closer in: the
    // whole range the 1:10m level is drawn at, so a zoom at that level never draws it whole.
    EXPECT_TRUE(serves_moving_view(1000, 400));
    EXPECT_EQ(detail_for_resolution(400), DetailLevel::fine_10m);
    EXPECT_TRUE(serves_moving_view(1000, 700));  // the story's region at 1080p
    EXPECT_FALSE(serves_moving_view(1000, 399));
    EXPECT_EQ(detail_for_resolution(399), DetailLevel::close_h);
    EXPECT_FALSE(serves_moving_view(0, 700));  // the level as it is is no stand-in
    // The 1:50m stand-in serves the whole range the 1:50m level is drawn at.
    EXPECT_TRUE(serves_moving_view(4000, 3000));
}
