// Labels in every script GeoNames and Natural Earth write names in: each name, as drawn (right-to-
// left lines in visual order, Arabic letters joined), has a glyph for every letter in the label
// fonts built for it: no replacement box, no question mark.
#include <gtest/gtest.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "ui/fonts.hpp"
#include "ui/text_shaping.hpp"

using namespace storyplot;

namespace {

struct Name {
    const char* script;
    const char* text;
};

// One place name in each script (as GeoNames gives them).
const std::vector<Name> names = {
    {"Arabic", "دمشق"},          {"Persian", "تهران"},     {"Hebrew", "ירושלים"},     {"Devanagari", "नई दिल्ली"},
    {"Bengali", "ঢাকা"},         {"Tamil", "சென்னை"},      {"Thai", "กรุงเทพมหานคร"}, {"Lao", "ວຽງຈັນ"},
    {"Khmer", "ភ្នំពេញ"},         {"Myanmar", "ရန်ကုန်"},     {"Georgian", "თბილისი"},   {"Armenian", "Երևան"},
    {"Ethiopic", "አዲስ አበባ"},     {"Sinhala", "කොළඹ"},      {"Greek", "Αθήνα"},        {"Cyrillic", "Владивосток"},
    {"Hangul", "평양"},           {"Han", "北京"},           {"Kana", "とうきょう"},
};

class ScriptFonts : public ::testing::Test {
protected:
    void SetUp() override {
        context = ImGui::CreateContext();
        std::string all;
        for (const auto& n : names) all += std::string(n.text) + "\n";
        fonts = load_fonts(1.0f, FontText{all, ""});  // as the story's own names: every style draws them
        use_fonts(&fonts);
    }
    void TearDown() override {
        use_fonts(nullptr);
        ImGui::DestroyContext(context);
    }
    ImGuiContext* context = nullptr;
    UiFonts fonts;
};

}  // namespace

TEST_F(ScriptFonts, EveryNameHasEveryGlyphInEveryLabelFont) {
    for (ImFont* font : {fonts.ui, fonts.label, fonts.label_bold, fonts.italic, fonts.card, fonts.card_title}) {
        ASSERT_NE(font, nullptr);
        for (const auto& n : names) {
            for (char32_t c : code_points(visual_text(n.text))) {
                if (c == ' ') continue;
                EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
                    << n.script << " " << n.text << ": no glyph for U+" << std::hex << static_cast<unsigned>(c);
            }
        }
    }
}

TEST(TextShaping, RightToLeftLinesReadInVisualOrderAndArabicJoins) {
    // Hebrew: the letters reversed, unchanged.
    EXPECT_EQ(visual_text("שלום"), "םולש");
    // Arabic: reversed, and every letter in a presentation form (joined).
    const std::u32string arabic = code_points(visual_text("سلام"));
    ASSERT_EQ(arabic.size(), 3u);  // lam and alef become one ligature
    for (char32_t c : arabic) EXPECT_TRUE(c >= 0xFE70 && c <= 0xFEFF) << std::hex << static_cast<unsigned>(c);
    EXPECT_EQ(arabic[0], U'\uFEE1');  // meem alone (alef does not join on): the word's end, drawn at the left
    EXPECT_EQ(arabic[1], U'\uFEFC');  // lam-alef, joined to the seen before it
    EXPECT_EQ(arabic[2], U'\uFEB3');  // seen, initial: the word's start, at the right
    // A right-to-left name with a Latin part: the Latin run keeps its own order.
    EXPECT_EQ(visual_text("תל אביב 2019"), "2019 ביבא לת");
    // Left-to-right text comes back as it is, the same bytes.
    const std::string plain = "Vladivostok — Владивосток";
    EXPECT_EQ(visual_text(plain).data(), plain.data());
    EXPECT_FALSE(has_right_to_left(plain));
    EXPECT_TRUE(has_right_to_left("Damascus دمشق"));
}

TEST(TextShaping, IndicLettersAreShapedInTheirOrderAndConjuncts) {
    const std::u32string da = code_points(visual_text("द"));
    const std::u32string di = code_points(visual_text("दि"));
    ASSERT_EQ(da.size(), 1u);
    ASSERT_EQ(di.size(), 2u);
    for (char32_t c : di) EXPECT_TRUE(c >= 0xE000 && c <= 0xF8FF);  // shaped glyphs, drawn in by the fonts
    EXPECT_EQ(di[1], da[0]);  // the vowel sign i is drawn before its consonant
    EXPECT_NE(di[0], da[0]);
    // "ल्ल": la, virama, la join into fewer glyphs than letters (a half form or a conjunct).
    EXPECT_LT(code_points(visual_text("ल्ल")).size(), 3u);
    // Latin beside it keeps its letters.
    const std::u32string mixed = code_points(visual_text("Delhi दिल्ली"));
    EXPECT_EQ(std::u32string(mixed.begin(), mixed.begin() + 6), U"Delhi ");
}

TEST(FontLetters, OnlyLettersBeyondAsciiDecideARebuild) {
    // Typing English into a chapter needs no new font; a name in Devanagari does.
    EXPECT_EQ(letters_beyond_ascii({"Khasan", ""}), letters_beyond_ascii({"Khasan station, Wednesday", ""}));
    EXPECT_NE(letters_beyond_ascii({"Khasan", ""}), letters_beyond_ascii({"Khasan नई दिल्ली", ""}));
    EXPECT_EQ(letters_beyond_ascii({"Хасан", ""}), letters_beyond_ascii({"Хасан Хасан", ""}));
    // Where a letter is needed matters: the labels' fonts or every style.
    EXPECT_NE(letters_beyond_ascii({"平壤", ""}), letters_beyond_ascii({"", "平壤"}));
}
