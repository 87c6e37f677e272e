#include <gtest/gtest.h>

#include "core/geo/color.hpp"

using namespace storyplot;

TEST(Color, ParsesHex) {
    const auto c = parse_hex_color("#b3261e");
    ASSERT_TRUE(c);
    EXPECT_NEAR(c->r, 0xb3 / 255.0f, 1e-6);
    EXPECT_NEAR(c->g, 0x26 / 255.0f, 1e-6);
    EXPECT_NEAR(c->b, 0x1e / 255.0f, 1e-6);
    EXPECT_FLOAT_EQ(c->a, 1.0f);
    EXPECT_NEAR(parse_hex_color("#00000080")->a, 128 / 255.0f, 1e-6);
}

TEST(Color, RejectsOtherText) {
    for (const char* bad : {"", "b3261e", "#b3261", "#b3261g", "red", "#12345678x"}) EXPECT_FALSE(parse_hex_color(bad)) << bad;
}
