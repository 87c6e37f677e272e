#include "core/geoparse/local_names.hpp"

#include <gtest/gtest.h>

using namespace storyplot;

TEST(LocalNames, ScriptOfText) {
    EXPECT_EQ(script_of("Vladivostok"), Script::latin);
    EXPECT_EQ(script_of("Владивосток"), Script::cyrillic);
    EXPECT_EQ(script_of("평양"), Script::hangul);
    EXPECT_EQ(script_of("东宁"), Script::han);
    EXPECT_EQ(script_of("Hà Nội"), Script::latin);
    EXPECT_EQ(script_of("123 -"), Script::other);
}

TEST(LocalNames, PicksTheCountrysScriptAndAlphabet) {
    // GeoNames lists Ossetian and Belarusian forms before the Russian one.
    EXPECT_EQ(local_name("RU", {"Nakhodka", "Находкæ", "Находка", "Находка"}), "Находка");
    EXPECT_EQ(local_name("RU", {"Vladivostok", "Уладзівасток", "Владивосток"}), "Владивосток");
    EXPECT_EQ(local_name("KP", {"Pyongyang", "P'yŏngyang", "平壤", "평양"}), "평양");
    EXPECT_EQ(local_name("CN", {"Dongning", "Тунин", "东宁"}), "东宁");
    EXPECT_EQ(local_name("FR", {"Paris", "Париж"}), "");
    EXPECT_EQ(local_name("RU", {"Khasan"}), "");
    // Only other Cyrillic forms: better one of them than none.
    EXPECT_EQ(local_name("RU", {"X", "Находкæ"}), "Находкæ");
}

TEST(LocalNames, DecodesUtf8) {
    EXPECT_EQ(utf8_code_points("aé평"), (std::vector<char32_t>{U'a', U'é', U'평'}));
    EXPECT_EQ(utf8_code_points("\xff" "a"), (std::vector<char32_t>{0xFFFD, U'a'}));
    EXPECT_EQ(utf8_code_points("\xe4\xb8"), (std::vector<char32_t>{0xFFFD, 0xFFFD}));
}
