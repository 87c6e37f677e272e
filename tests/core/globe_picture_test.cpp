// When the globe is drawn from its picture of the flat world, at what size, and with what line scale.
#include <gtest/gtest.h>

#include <cmath>

#include "core/geo/globe_picture.hpp"
#include "core/geo/mercator.hpp"

using namespace storyplot;

namespace {

const Box whole_world = Box::of(-180, -90, 180, 90);

Camera globe(int width, int height, double zoom = 1) {
    Camera camera = Camera::fit_lonlat(fitted_projection(ProjectionKind::orthographic, Box::of(130, 40, 130, 40)), whole_world, width, height);
    return Camera::projected(camera.projection(), camera.projected_center(), camera.projected_resolution() / zoom, width, height);
}

}  // namespace

TEST(GlobePicture, TheWholeGlobeAt1080pIsDrawnFromAPictureAsFineAsItsCentre) {
    const Camera camera = globe(1920, 1080);
    const auto picture = globe_picture_for(camera, 4096);
    ASSERT_TRUE(picture);
    // The globe is 1080 pixels across: its equator about 3,400 pixels round.
    const double equator_px = mercator::world_width / camera.projected_resolution();
    EXPECT_NEAR(equator_px, 1080 * std::numbers::pi, 5);
    EXPECT_EQ(picture->size, 4096);
    // 4096 / 3393 = 1.21 texels a pixel: lines drawn 2^0.5 = 1.41 times as wide (half an octave up).
    EXPECT_DOUBLE_EQ(picture->line_scale, std::sqrt(2.0));
}

TEST(GlobePicture, ASmallerGlobeGetsASmallerPicture) {
    const auto picture = globe_picture_for(globe(640, 480), 4096);
    ASSERT_TRUE(picture);
    EXPECT_EQ(picture->size, 2048);  // 480 pixels across: 1,508 round the equator
    const auto tiny = globe_picture_for(globe(40, 40), 4096);
    ASSERT_TRUE(tiny);
    EXPECT_EQ(tiny->size, 256);     // never smaller
}

TEST(GlobePicture, CloserInThanThePictureIsFineTheGlobeIsDrawnFromItsMeshes) {
    EXPECT_TRUE(globe_picture_for(globe(1920, 1080, 1.2), 4096));  // 4,072 pixels round: still within
    EXPECT_FALSE(globe_picture_for(globe(1920, 1080, 1.25), 4096));  // 4,241: finer than the picture
    EXPECT_FALSE(globe_picture_for(globe(3840, 2160), 4096));       // a 4K still of the whole globe
    EXPECT_TRUE(globe_picture_for(globe(3840, 2160), 8192));
    EXPECT_FALSE(globe_picture_for(globe(640, 480), 0));            // none allowed
}

TEST(GlobePicture, OnlyTheGlobe) {
    const Box asia = Box::of(60, 10, 150, 60);
    EXPECT_FALSE(globe_picture_for(Camera::fit(mercator::forward(asia.min_x, asia.min_y, asia.max_x, asia.max_y), 640, 480), 4096));
    for (ProjectionKind kind : {ProjectionKind::equal_earth, ProjectionKind::azimuthal_equidistant, ProjectionKind::conformal_conic})
        EXPECT_FALSE(globe_picture_for(Camera::fit_lonlat(fitted_projection(kind, asia), asia, 640, 480), 4096)) << static_cast<int>(kind);
}

TEST(GlobePicture, LinesAreRedrawnOnlyEveryHalfOctaveOfZoom) {
    // Zooming in by small steps changes the line scale a few times, each time by half an octave.
    double last = 0;
    int changes = 0;
    for (double zoom = 1 / 1.3; zoom < 1.2; zoom *= 1.01) {
        const auto picture = globe_picture_for(globe(1920, 1080, zoom), 4096);
        ASSERT_TRUE(picture);
        if (last != 0 && picture->line_scale != last) {
            ++changes;
            EXPECT_NEAR(last / picture->line_scale, std::sqrt(2.0), 1e-12);
        }
        last = picture->line_scale;
    }
    EXPECT_EQ(changes, 1);  // 1.57 to 1.01 texels a pixel: from 2 to 2^0.5 at 1.41
}
