#include "core/geo/shore_trim.hpp"

#include <gtest/gtest.h>

using namespace storyplot;

namespace {

// An island a degree square at 10-11°E, 10-11°N (a ring does not repeat its first point).
const std::vector<Polygon> island{Polygon{{Ring{{10, 10}, {11, 10}, {11, 11}, {10, 11}}}}};

}  // namespace

TEST(ShoreTrim, AnEndThatRunsOnIntoTheSeaIsCutAtTheShore) {
    // 0.005° (about 550 m) past the shore at 11°E.
    const auto trimmed = trim_border_ends_at_shore({Path{{10.5, 10.5}, {10.9, 10.5}, {11.005, 10.5}}}, island, 2000);
    ASSERT_EQ(trimmed.size(), 1u);
    ASSERT_EQ(trimmed[0].size(), 3u);
    EXPECT_EQ(trimmed[0][0], (LonLat{10.5, 10.5}));  // the end inland stays
    EXPECT_NEAR(trimmed[0][2].lon, 11.0, 1e-9);
    EXPECT_NEAR(trimmed[0][2].lat, 10.5, 1e-9);
}

TEST(ShoreTrim, BothEndsAreCutAndTheirOrderKept) {
    const auto trimmed = trim_border_ends_at_shore({Path{{9.996, 10.7}, {10.5, 10.72}, {11.004, 10.7}}}, island, 2000);
    ASSERT_EQ(trimmed[0].size(), 3u);
    EXPECT_NEAR(trimmed[0].front().lon, 10.0, 1e-9);
    EXPECT_EQ(trimmed[0][1], (LonLat{10.5, 10.72}));
    EXPECT_NEAR(trimmed[0].back().lon, 11.0, 1e-9);
}

TEST(ShoreTrim, EndsOnLandAndCrossingsFarFromTheEndStay) {
    const std::vector<Path> borders{
        Path{{10.5, 10.3}, {10.99, 10.3}},  // short of the shore: a gap is left as it is
        Path{{10.5, 10.2}, {11.05, 10.2}},  // crosses 0.05° (about 5.5 km) from its end: water it crosses
        Path{{12.0, 12.0}, {12.5, 12.5}},   // nowhere near the island
    };
    EXPECT_EQ(trim_border_ends_at_shore(borders, island, 2000), borders);
    // Within a longer tail the second is cut too.
    EXPECT_NEAR(trim_border_ends_at_shore(borders, island, 8000)[1].back().lon, 11.0, 1e-9);
}
