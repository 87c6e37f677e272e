#include "core/geoparse/name_folding.hpp"
#include "core/geoparse/region_names.hpp"

#include <gtest/gtest.h>

#include <algorithm>

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

// The names a region goes by, from the forms Natural Earth records.
TEST(RegionNames, TheFormsEnglishTextUses) {
    auto has = [](const std::vector<std::string>& forms, const std::string& f) { return std::find(forms.begin(), forms.end(), f) != forms.end(); };
    const auto krai = region_name_forms("Primorskiy Kray");
    EXPECT_EQ(krai.front(), "primorskiy kray");  // the whole name first
    EXPECT_TRUE(has(krai, "primorskiy"));
    EXPECT_TRUE(has(krai, "primorsky"));
    EXPECT_TRUE(has(krai, "primorsky kray"));
    EXPECT_TRUE(has(region_name_forms("Primor'ye"), "primorye"));
    const auto ariege = region_name_forms("Departement de l'Ariège");
    EXPECT_TRUE(has(ariege, "ariege"));
    EXPECT_FALSE(has(ariege, "lariege"));
    const auto homs = region_name_forms("Homs (Hims)");
    EXPECT_TRUE(has(homs, "homs"));
    EXPECT_TRUE(has(homs, "hims"));
    EXPECT_FALSE(has(homs, "homs hims"));
    const auto hasakah = region_name_forms("Muhafazat al Hasakah");
    EXPECT_TRUE(has(hasakah, "al hasakah"));
    EXPECT_TRUE(has(hasakah, "hasakah"));
    EXPECT_TRUE(has(region_name_forms("Kyoto-fu"), "kyoto"));
    EXPECT_TRUE(has(region_name_forms("State of West Bengal"), "west bengal"));
    EXPECT_TRUE(has(region_name_forms("Chukotskiy Avtonomnyy Okrug"), "chukotsky"));
    // Nothing under four letters ("Var" of "Departement du Var"), and no administrative word alone.
    const auto var = region_name_forms("Departement du Var");
    EXPECT_FALSE(has(var, "var"));
    EXPECT_FALSE(has(var, "departement"));
    EXPECT_EQ(region_name_forms("Alberta"), std::vector<std::string>{"alberta"});
}

TEST(RegionNames, KindsOfRegionInEnglish) {
    for (const char* w : {"province", "state", "krai", "oblast", "county", "prefecture"}) EXPECT_TRUE(is_region_word(w)) << w;
    for (const char* w : {"city", "river", "island", "sheng"}) EXPECT_FALSE(is_region_word(w)) << w;
}
