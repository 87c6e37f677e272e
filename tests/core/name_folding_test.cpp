#include "core/geoparse/name_folding.hpp"

#include <gtest/gtest.h>

using namespace storyplot;

TEST(NameFolding, CaseDiacriticsHyphensApostrophes) {
    EXPECT_EQ(fold_name("Đồng Đăng"), "dong dang");
    EXPECT_EQ(fold_name("Artëm"), "artem");
    EXPECT_EQ(fold_name("Komsomolsk-on-Amur"), "komsomolsk on amur");
    EXPECT_EQ(fold_name("Sunch’ŏn"), "sunchon");
    EXPECT_EQ(fold_name("  São  Paulo "), "sao paulo");
    EXPECT_EQ(fold_name("Kahramanmaraş"), "kahramanmaras");
    EXPECT_EQ(fold_name("Adıyaman"), "adiyaman");
    EXPECT_EQ(fold_name("Łódź"), "lodz");
    EXPECT_EQ(fold_name("Владивосток"), "владивосток");
    EXPECT_TRUE(is_latin_name("saint petersburg"));
    EXPECT_FALSE(is_latin_name("владивосток"));
}
