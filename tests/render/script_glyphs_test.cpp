// Labels in every script GeoNames and Natural Earth write names in: each name, as drawn (right-to-
// left lines in visual order, Arabic letters joined), has a glyph for every letter in the label
// fonts built for it: no replacement box, no question mark.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
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

// The labels' halos drawn once into an image the atlas's size (ui/fonts draw_label_halos): around each
// glyph of the label fonts, in every script, what four copies offset 1.2 px diagonally cover, and
// nothing beyond halo_margin_px.
TEST_F(ScriptFonts, EachLabelGlyphHasItsHaloAroundIt) {
    unsigned char* atlas = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&atlas, &width, &height);
    ASSERT_TRUE(fonts.halos);
    ASSERT_EQ(fonts.halos->width, width);
    ASSERT_EQ(fonts.halos->height, height);
    EXPECT_EQ(fonts.halos->fonts.size(), 3u);
    const std::vector<unsigned char> halos = draw_label_halos(*fonts.halos);
    ASSERT_EQ(halos.size(), static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    auto at = [&](const std::vector<unsigned char>& image, int x, int y) { return image[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; };
    const std::vector<unsigned char> glyphs(atlas, atlas + halos.size());
    for (ImFont* font : {fonts.label, fonts.label_bold, fonts.italic})
        for (const char32_t c : {U'A', U'g', U'Ж', U'평', U'北'}) {
            const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(c));
            ASSERT_NE(g, nullptr);
            const int u0 = static_cast<int>(std::lround(g->U0 * static_cast<float>(width))), u1 = static_cast<int>(std::lround(g->U1 * static_cast<float>(width)));
            const int v0 = static_cast<int>(std::lround(g->V0 * static_cast<float>(height))), v1 = static_cast<int>(std::lround(g->V1 * static_cast<float>(height)));
            const float sx = static_cast<float>(u1 - u0) / (g->X1 - g->X0);  // 2 for DejaVu (oversampled), 1 for Noto CJK
            const int mx = static_cast<int>(std::ceil(halo_margin_px * sx)), my = static_cast<int>(std::ceil(halo_margin_px));
            // The glyph's coverage, bilinear, at texel coordinates (texel centres at .5); none off it.
            auto coverage = [&](float x, float y) {
                auto texel = [&](int tx, int ty) { return tx >= u0 && tx < u1 && ty >= v0 && ty < v1 ? static_cast<float>(at(glyphs, tx, ty)) / 255.0f : 0.0f; };
                const float fx = x - 0.5f, fy = y - 0.5f;
                const int x0 = static_cast<int>(std::floor(fx)), y0 = static_cast<int>(std::floor(fy));
                const float tx = fx - static_cast<float>(x0), ty = fy - static_cast<float>(y0);
                return (texel(x0, y0) * (1 - tx) + texel(x0 + 1, y0) * tx) * (1 - ty) + (texel(x0, y0 + 1) * (1 - tx) + texel(x0 + 1, y0 + 1) * tx) * ty;
            };
            long ink = 0, halo = 0, outside = 0, off = 0;
            for (int y = v0 - my - 3; y < v1 + my + 3; ++y)
                for (int x = u0 - mx - 3; x < u1 + mx + 3; ++x) {
                    const bool in_reach = x >= u0 - mx && x < u1 + mx && y >= v0 - my && y < v1 + my;
                    const bool in_glyph = x >= u0 && x < u1 && y >= v0 && y < v1;
                    const int h = at(halos, x, y);
                    ink += in_glyph ? at(glyphs, x, y) : 0;
                    halo += h;
                    if (!in_reach && x >= u0 - mx - 1 && x <= u1 + mx && y >= v0 - my - 1 && y <= v1 + my) outside += h;  // the ring just beyond
                    if (!in_reach) continue;
                    // What four copies offset (+-1.2, +-1.2) px, white at 215 of 255, cover, blended.
                    float clear = 1.0f;
                    for (const float dx : {-1.2f, 1.2f})
                        for (const float dy : {-1.2f, 1.2f})
                            clear *= 1.0f - 215.0f / 255.0f * coverage(static_cast<float>(x) + 0.5f - dx * sx, static_cast<float>(y) + 0.5f - dy);
                    off += std::abs(h - static_cast<int>(std::lround((1.0f - clear) * 255.0f))) > 1;
                }
            const std::string what = std::string(font == fonts.label ? "label" : font == fonts.label_bold ? "bold" : "italic") + " U+" +
                                     std::to_string(static_cast<unsigned>(c));
            EXPECT_GT(ink, 0) << what;
            EXPECT_GT(halo, ink) << what;  // wider than the glyph
            EXPECT_EQ(outside, 0) << what;  // and no wider than its margin (the glyphs' padding keeps neighbours apart)
            EXPECT_EQ(off, 0) << what;
        }
}
