#include "data/image_file.hpp"
#include "data/picture_file.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <fstream>

#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "fixture_writer.hpp"

using namespace storyplot;
using storyplot::test_support::TempDir;

namespace {

Image gradient(int w, int h) {
    Image image{w, h, {}};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            image.rgba.insert(image.rgba.end(), {static_cast<std::uint8_t>(x), static_cast<std::uint8_t>(y), 200, 255});
    return image;
}

std::size_t files_in(const std::filesystem::path& dir) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

}  // namespace

TEST(ImageFile, PngRoundTrip) {
    TempDir dir;
    const auto path = dir.file("map.png");
    write_image(path, gradient(40, 30), Box::of(0, 0, 1, 1));
    GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
    ASSERT_TRUE(ds);
    EXPECT_EQ(GDALGetRasterXSize(ds), 40);
    EXPECT_EQ(GDALGetRasterYSize(ds), 30);
    EXPECT_EQ(GDALGetRasterCount(ds), 3);  // opaque: RGB
    std::uint8_t value = 0;
    ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Read, 17, 5, 1, 1, &value, 1, 1, GDT_Byte, 0, 0), CE_None);
    EXPECT_EQ(value, 17);
    ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, 2), GF_Read, 17, 5, 1, 1, &value, 1, 1, GDT_Byte, 0, 0), CE_None);
    EXPECT_EQ(value, 5);  // top row first
    GDALClose(ds);
    EXPECT_EQ(files_in(dir.path()), 1u);  // no temporary or .aux.xml left beside it
}

// Read back through GDAL (libpng): every pixel as written, in an image of many strips (each
// deflated on its own thread and joined into one stream), opaque as RGB, translucent as RGBA.
TEST(ImageFile, PngKeepsEveryPixelAndAlphaOnlyWhenUsed) {
    TempDir dir;
    Image image{333, 517, {}};
    std::uint32_t state = 7;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            state = state * 1664525u + 1013904223u;
            // Flat areas, stripes and noise: every filter and match kind has work to do.
            const auto noise = static_cast<std::uint8_t>(state >> 24);
            const std::uint8_t r = y < 200 ? 40 : y < 300 ? static_cast<std::uint8_t>(x) : noise;
            image.rgba.insert(image.rgba.end(), {r, static_cast<std::uint8_t>(y), static_cast<std::uint8_t>(x ^ y), 255});
        }
    auto read_back = [&](const std::string& path, int* bands) {
        GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
        std::vector<std::uint8_t> rgba(image.rgba.size(), 255);
        if (!ds) return rgba;
        *bands = GDALGetRasterCount(ds);
        for (int b = 0; b < *bands; ++b)
            EXPECT_EQ(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Read, 0, 0, image.width, image.height, rgba.data() + b, image.width,
                                   image.height, GDT_Byte, 4, 4 * image.width),
                      CE_None);
        GDALClose(ds);
        return rgba;
    };
    int bands = 0;
    write_image(dir.file("opaque.png"), image, Box::of(0, 0, 1, 1));
    EXPECT_TRUE(read_back(dir.file("opaque.png"), &bands) == image.rgba);
    EXPECT_EQ(bands, 3);
    image.rgba[4 * (300 * image.width + 5) + 3] = 128;  // one translucent pixel
    write_image(dir.file("alpha.png"), image, Box::of(0, 0, 1, 1));
    EXPECT_TRUE(read_back(dir.file("alpha.png"), &bands) == image.rgba);
    EXPECT_EQ(bands, 4);
}

TEST(ImageFile, GeoTiffCarriesWebMercatorAndTheBox) {
    TempDir dir;
    const auto path = dir.file("map.tif");
    const Box box = mercator::forward(124, 37, 136, 46);
    write_image(path, gradient(64, 48), box);
    GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
    ASSERT_TRUE(ds);
    double gt[6];
    ASSERT_EQ(GDALGetGeoTransform(ds, gt), CE_None);
    EXPECT_NEAR(gt[0], box.min_x, 1e-6);
    EXPECT_NEAR(gt[3], box.max_y, 1e-6);
    EXPECT_NEAR(gt[0] + 64 * gt[1], box.max_x, 1e-6);
    EXPECT_NEAR(gt[3] + 48 * gt[5], box.min_y, 1e-6);
    OGRSpatialReference srs(GDALGetProjectionRef(ds));
    EXPECT_STREQ(srs.GetAuthorityCode(nullptr), "3857");
    GDALClose(ds);
}

TEST(ImageFile, UnknownExtension) {
    TempDir dir;
    const auto path = dir.file("map.xyz");
    try {
        write_image(path, gradient(4, 4), Box::of(0, 0, 1, 1));
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), path + ": unknown image format (use .png, .jpg or .tif)");
    }
    EXPECT_EQ(files_in(dir.path()), 0u);
}

TEST(ImageFile, MissingFolder) {
    TempDir dir;
    const auto path = dir.file("no/such/folder/map.png");
    try {
        check_image_target(path);
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).rfind(path + ": cannot write", 0), 0u) << e.what();
    }
}

TEST(ImageFile, ReplacesAnExistingFileWhole) {
    TempDir dir;
    const auto path = dir.file("map.png");
    write_image(path, gradient(8, 8), Box::of(0, 0, 1, 1));
    write_image(path, gradient(16, 4), Box::of(0, 0, 1, 1));
    GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
    ASSERT_TRUE(ds);
    EXPECT_EQ(GDALGetRasterXSize(ds), 16);
    GDALClose(ds);
    EXPECT_EQ(files_in(dir.path()), 1u);
}

// A story's pictures, read for the window: scaled to fit, every failure one line naming the file.
TEST(Picture, ReadScaledToFitAndFailuresNameTheFile) {
    TempDir dir;
    const std::string png = dir.file("photo.png");
    write_image(png, gradient(200, 100), Box::of(0, 0, 1, 1));
    const Image full = read_picture(png, 640);
    EXPECT_EQ(full.width, 200);
    EXPECT_EQ(full.height, 100);
    EXPECT_EQ(full.pixel(10, 20)[0], 10);
    EXPECT_EQ(full.pixel(10, 20)[1], 20);
    EXPECT_EQ(full.pixel(10, 20)[2], 200);
    const Image small = read_picture(png, 50);
    EXPECT_EQ(small.width, 50);
    EXPECT_EQ(small.height, 25);

    try {
        read_picture(dir.file("missing.jpg"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("missing.jpg"), std::string::npos) << e.what();
    }
    const std::string corrupt = dir.file("corrupt.jpg");
    {
        std::ofstream out(corrupt, std::ios::binary);
        out << "\xFF\xD8\xFF\xE0 this is not the rest of a JPEG";
    }
    try {
        read_picture(corrupt);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("corrupt.jpg"), std::string::npos) << e.what();
    }
}
