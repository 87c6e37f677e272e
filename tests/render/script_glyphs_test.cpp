// Labels in every script GeoNames and Natural Earth write names in: each name, as drawn (right-to-
// left lines in visual order, Arabic letters joined), has a glyph for every letter in the label
// fonts built for it: no replacement box, no question mark.
#include <gtest/gtest.h>
#include <imgui.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ui/fonts.hpp"
#include "fixture_writer.hpp"
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

// A built atlas is read back from its cache (ui/fonts.cpp) as it was built: the same fonts, glyphs
// and pixels, in a later context; text it was not built for builds another.
TEST(FontAtlas, ReadBackFromItsCacheAsBuilt) {
    test_support::TempDir dir;
    const char* before = std::getenv("STORYPLOT_CACHE");
    const std::string was = before ? before : "";
    ::setenv("STORYPLOT_CACHE", dir.path().c_str(), 1);
    auto atlas_file = [&] {
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(dir.path()))
            if (e.path().filename().string().rfind("font-atlas-", 0) == 0) files.push_back(e.path());
        return files;
    };
    auto inode = [](const std::filesystem::path& file) {
        struct stat st {};
        return ::stat(file.c_str(), &st) == 0 ? st.st_ino : 0;
    };
    struct Built {
        std::vector<std::uint8_t> pixels;
        std::vector<float> metrics;  // every font's size, ascent, descent, and every glyph's box, UVs and advance
    };
    auto build = [](const FontText& text) {
        ImGuiContext* context = ImGui::CreateContext();
        UiFonts fonts = load_fonts(1.0f, text);
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        Built b;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
        b.pixels.assign(pixels, pixels + static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
        for (ImFont* font : {fonts.ui, fonts.label, fonts.label_bold, fonts.italic, fonts.card, fonts.card_bold, fonts.card_italic, fonts.card_title}) {
            b.metrics.insert(b.metrics.end(), {font->FontSize, font->Ascent, font->Descent, static_cast<float>(font->Glyphs.Size)});
            for (const ImFontGlyph& g : font->Glyphs)
                b.metrics.insert(b.metrics.end(), {static_cast<float>(g.Codepoint), g.X0, g.Y0, g.X1, g.Y1, g.U0, g.V0, g.U1, g.V1, g.AdvanceX});
            const ImFontGlyph* v = font->FindGlyph(static_cast<ImWchar>(U'В'));  // found through the lookup tables
            b.metrics.push_back(v ? v->AdvanceX : -1.0f);
            b.metrics.push_back(font->CalcTextSizeA(font->FontSize, 1e9f, 0, "Vladivostok \xD0\x92\xD0\xBB\xD0\xB0\xD0\xB4").x);
        }
        ImGui::DestroyContext(context);
        return b;
    };
    const FontText text{"Khasan \xD0\xA5\xD0\xB0\xD1\x81\xD0\xB0\xD0\xBD", "\xED\x8F\x89\xEC\x96\x91"};  // Хасан, 평양
    const Built first = build(text);
    ASSERT_EQ(atlas_file().size(), 1u);
    const auto written = inode(atlas_file().front());
    const Built second = build(text);
    EXPECT_EQ(inode(atlas_file().front()), written);  // read, not built and written again
    EXPECT_EQ(second.pixels, first.pixels);
    EXPECT_EQ(second.metrics, first.metrics);
    EXPECT_NE(first.metrics.back(), -1.0f);
    // Other letters: another atlas, with them.
    const Built other = build(FontText{"\xE5\xB9\xB3\xE5\xA3\xA4", ""});  // 平壤
    EXPECT_NE(other.pixels, first.pixels);
    // A cache that is not one is read past: built again, the same.
    for (const auto& file : atlas_file()) std::ofstream(file, std::ios::binary | std::ios::trunc) << "SPATLAS broken";
    EXPECT_EQ(build(text).metrics, first.metrics);
    if (before) ::setenv("STORYPLOT_CACHE", was.c_str(), 1);
    else ::unsetenv("STORYPLOT_CACHE");
}
