#include <gtest/gtest.h>

#include "core/geo/mercator.hpp"

using namespace storyplot;

TEST(Mercator, RoundTripIsExactToANanodegree) {
    for (double lat = -85.0; lat <= 85.0; lat += 0.37)
        for (double lon = -180.0; lon <= 180.0; lon += 1.13) {
            const LonLat back = mercator::inverse(mercator::forward(LonLat{lon, lat}));
            ASSERT_NEAR(back.lon, lon, 1e-9) << lon << "," << lat;
            ASSERT_NEAR(back.lat, lat, 1e-9) << lon << "," << lat;
        }
}

TEST(Mercator, KnownPoints) {
    EXPECT_NEAR(mercator::forward(LonLat{180, 0}).x, mercator::half_world, 1e-6);
    EXPECT_NEAR(mercator::forward(LonLat{0, mercator::max_latitude}).y, mercator::half_world, 1e-3);
    // Vladivostok, checked against PROJ (cs2cs EPSG:4326 EPSG:3857).
    const Vec2 v = mercator::forward(LonLat{131.8869, 43.1056});
    EXPECT_NEAR(v.x, 14681582.550, 0.01);
    EXPECT_NEAR(v.y, 5328059.081, 0.01);
}

TEST(Mercator, ClampsThePoles) {
    EXPECT_NEAR(mercator::forward(LonLat{0, 90}).y, mercator::half_world, 1e-3);
    EXPECT_NEAR(mercator::forward(LonLat{0, -90}).y, -mercator::half_world, 1e-3);
}

TEST(Mercator, GroundScaleIsCosineOfLatitude) {
    EXPECT_DOUBLE_EQ(mercator::ground_scale(0), 1.0);
    EXPECT_NEAR(mercator::ground_scale(60), 0.5, 1e-12);
}
