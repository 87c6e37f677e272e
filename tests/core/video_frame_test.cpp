// RGBA to I420 for video: BT.709 in limited range, chroma the mean of each 2 x 2 block.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/files/video_frame.hpp"

using namespace storyplot;

namespace {

Image filled(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    Image image{w, h, {}};
    for (int i = 0; i < w * h; ++i) image.rgba.insert(image.rgba.end(), {r, g, b, 255});
    return image;
}

}  // namespace

TEST(VideoFrame, KnownColoursInBt709LimitedRange) {
    struct Case {
        std::uint8_t r, g, b;
        int y, u, v;
    };
    // Y = 16 + 219 (0.2126 R + 0.7152 G + 0.0722 B) / 255; U, V = 128 + 224 (B - Y or R - Y) / 255 / 1.8556 or 1.5748.
    const Case cases[] = {{0, 0, 0, 16, 128, 128},   {255, 255, 255, 235, 128, 128}, {255, 0, 0, 63, 102, 240},
                          {0, 255, 0, 173, 42, 26},  {0, 0, 255, 32, 240, 118},     {244, 241, 235, 223, 125, 130}};
    for (const Case& c : cases) {
        std::vector<std::uint8_t> out;
        to_i420(filled(4, 2, c.r, c.g, c.b), out);
        ASSERT_EQ(out.size(), 12u);
        for (int i = 0; i < 8; ++i) EXPECT_EQ(out[i], c.y) << int(c.r) << "," << int(c.g) << "," << int(c.b);
        EXPECT_EQ(out[8], c.u);
        EXPECT_EQ(out[9], c.u);
        EXPECT_EQ(out[10], c.v);
        EXPECT_EQ(out[11], c.v);
    }
}

TEST(VideoFrame, PlanesInOrderAndChromaIsTheMeanOfEachBlock) {
    // 4 x 2: the left block black and white in a checker, the right block all blue.
    Image image = filled(4, 2, 0, 0, 255);
    auto set = [&](int x, int y, std::uint8_t v) {
        for (int k = 0; k < 3; ++k) image.rgba[static_cast<std::size_t>((y * 4 + x) * 4 + k)] = v;
    };
    set(0, 0, 0);
    set(1, 0, 255);
    set(0, 1, 255);
    set(1, 1, 0);
    std::vector<std::uint8_t> out;
    to_i420(image, out);
    const std::vector<std::uint8_t> expected{16, 235, 32, 32, 235, 16, 32, 32, 128, 240, 128, 118};
    EXPECT_EQ(out, expected);
}

TEST(VideoFrame, OddSidesAreRefused) {
    std::vector<std::uint8_t> out;
    EXPECT_THROW(to_i420(filled(3, 2, 1, 2, 3), out), std::invalid_argument);
    EXPECT_THROW(to_i420(filled(2, 3, 1, 2, 3), out), std::invalid_argument);
}
