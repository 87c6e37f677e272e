#include <gtest/gtest.h>

#include "core/geo/camera.hpp"
#include "core/geo/mercator.hpp"

using namespace storyplot;

namespace {
void expect_near(Vec2 a, Vec2 b, double tolerance) {
    EXPECT_NEAR(a.x, b.x, tolerance);
    EXPECT_NEAR(a.y, b.y, tolerance);
}
}  // namespace

TEST(Camera, ScreenAndWorldAreInverse) {
    const Camera cam({1.0e7, 5.0e6}, 850.0, 1280, 800);
    for (Vec2 px : {Vec2{0, 0}, Vec2{1280, 800}, Vec2{13.5, 799.25}, Vec2{640, 400}})
        expect_near(cam.world_to_screen(cam.screen_to_world(px)), px, 1e-6);
    expect_near(cam.screen_to_world({640, 400}), {1.0e7, 5.0e6}, 1e-6);
    // y grows down on screen, up in the world.
    EXPECT_GT(cam.screen_to_world({640, 0}).y, cam.screen_to_world({640, 800}).y);
}

TEST(Camera, ZoomAroundCursorKeepsThePointUnderIt) {
    Camera cam({1.4e7, 5.3e6}, 700.0, 1920, 1080);
    for (Vec2 px : {Vec2{10, 10}, Vec2{1900, 1000}, Vec2{960, 540}, Vec2{333.3, 777.7}}) {
        for (double factor : {2.0, 0.5, 1.25, 0.8, 7.0}) {
            const Vec2 before = cam.screen_to_world(px);
            cam.zoom_around(px, factor);
            expect_near(cam.screen_to_world(px), before, 1e-6 * cam.resolution() + 1e-6);
        }
    }
}

TEST(Camera, ZoomChangesResolutionByTheFactor) {
    Camera cam({0, 0}, 1000.0, 800, 600);
    cam.zoom_around({100, 100}, 2.0);
    EXPECT_DOUBLE_EQ(cam.resolution(), 500.0);
    cam.zoom_around({100, 100}, 0.25);
    EXPECT_DOUBLE_EQ(cam.resolution(), 2000.0);
}

TEST(Camera, ZoomIsClampedAndStillKeepsItsAnchor) {
    Camera cam({0, 0}, 1.0, 800, 600);
    cam.zoom_around({200, 100}, 1e6);
    EXPECT_DOUBLE_EQ(cam.resolution(), Camera::min_resolution);
    cam.zoom_around({200, 100}, 1e-9);
    EXPECT_DOUBLE_EQ(cam.resolution(), Camera::max_resolution);
}

TEST(Camera, PanMovesTheMapWithThePointer) {
    Camera cam({0, 0}, 100.0, 800, 600);
    const Vec2 grabbed = cam.screen_to_world({300, 300});
    cam.pan_pixels(50, -20);
    expect_near(cam.screen_to_world({350, 280}), grabbed, 1e-6);
}

TEST(Camera, FitShowsTheBoxWholeAndCentredWithoutStretching) {
    const Box region = mercator::forward(124, 37, 136, 46);
    const Camera cam = Camera::fit(region, 1920, 1080);
    const Box visible = cam.visible_box();
    EXPECT_LE(visible.min_x, region.min_x + 1e-6);
    EXPECT_GE(visible.max_x, region.max_x - 1e-6);
    EXPECT_NEAR(visible.height(), region.height(), 1e-6);  // the tall axis fits exactly
    expect_near(visible.center(), region.center(), 1e-6);
}

TEST(Camera, ScaleDenominatorUsesTheCentreLatitude) {
    const Camera equator({0, 0}, 1000.0, 100, 100);
    EXPECT_NEAR(equator.scale_denominator(), 1000.0 / 0.00028, 1e-6);
    const Camera north(mercator::forward(LonLat{0, 60}), 1000.0, 100, 100);
    EXPECT_NEAR(north.ground_resolution(), 500.0, 1e-6);
}

TEST(Camera, LongitudeWrapsLatitudeIsBounded) {
    Camera cam({0, 0}, 10000.0, 100, 100);
    cam.set_center({3.5 * mercator::world_width, 1e9});
    EXPECT_LE(std::abs(cam.center().x), mercator::world_width);
    EXPECT_DOUBLE_EQ(cam.center().y, mercator::half_world);
}
