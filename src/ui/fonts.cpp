#include "ui/fonts.hpp"

#include <imgui.h>

#include <filesystem>

namespace storyplot {

namespace {

UiFonts g_fonts;
ImVector<ImWchar> g_latin_ranges;
ImVector<ImWchar> g_cjk_ranges;

const char* const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const dejavu_bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
const char* const dejavu_oblique = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf";
const char* const noto_cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

ImFont* add(const char* path, float size, const ImWchar* ranges, ImFont* fallback) {
    if (!std::filesystem::exists(path)) return fallback;
    ImFontConfig config;
    config.OversampleH = 2;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path, size, &config, ranges);
}

void merge_cjk(float size) {
    if (g_cjk_ranges.empty() || !std::filesystem::exists(noto_cjk)) return;
    ImFontConfig config;
    config.MergeMode = true;
    config.OversampleH = 1;
    ImGui::GetIO().Fonts->AddFontFromFileTTF(noto_cjk, size, &config, g_cjk_ranges.Data);
}

}  // namespace

void load_fonts(float scale, const std::string& extra_text) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontGlyphRangesBuilder latin;
    latin.AddRanges(io.Fonts->GetGlyphRangesDefault());
    latin.AddRanges(io.Fonts->GetGlyphRangesCyrillic());
    latin.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
    // Latin Extended-A and -B, IPA, combining marks, Latin Extended Additional, punctuation: the
    // romanised names GeoNames gives (Hamhŭng, İzmir, Ḩamāh).
    static const ImWchar extended[] = {0x0100, 0x036F, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0};
    latin.AddRanges(extended);
    latin.AddText("\xE2\x80\x93\xE2\x80\x94\xE2\x86\x92\xC2\xB0\xE2\x80\x99");  // – — → ° ’
    g_latin_ranges.clear();
    latin.BuildRanges(&g_latin_ranges);
    ImFontGlyphRangesBuilder cjk;
    cjk.AddText(extra_text.c_str());
    g_cjk_ranges.clear();
    cjk.BuildRanges(&g_cjk_ranges);

    g_fonts = UiFonts{};
    g_fonts.ui = add(dejavu, 15.0f * scale, g_latin_ranges.Data, nullptr);
    if (!g_fonts.ui) g_fonts.ui = io.Fonts->AddFontDefault();
    g_fonts.label = add(dejavu, 13.0f * scale, g_latin_ranges.Data, g_fonts.ui);
    if (g_fonts.label != g_fonts.ui) merge_cjk(13.0f * scale);
    g_fonts.label_bold = add(dejavu_bold, 14.0f * scale, g_latin_ranges.Data, g_fonts.label);
    if (g_fonts.label_bold != g_fonts.label) merge_cjk(14.0f * scale);
    g_fonts.italic = add(dejavu_oblique, 13.0f * scale, g_latin_ranges.Data, g_fonts.label);
    io.FontDefault = g_fonts.ui;
    io.Fonts->Build();
}

const UiFonts& fonts() { return g_fonts; }

}  // namespace storyplot
