#include "ui/fonts.hpp"

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace storyplot {

namespace {

const UiFonts* g_current = nullptr;
// Glyph ranges must outlive the atlas build; every atlas is built from the same Latin ranges, and
// the CJK ranges are kept per call in a list that only grows (a few per session).
ImVector<ImWchar> g_latin_ranges;
std::vector<std::unique_ptr<ImVector<ImWchar>>> g_cjk_ranges;

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

void merge_cjk(float size, const ImVector<ImWchar>& ranges) {
    if (ranges.Size <= 1 || !std::filesystem::exists(noto_cjk)) return;
    ImFontConfig config;
    config.MergeMode = true;
    config.OversampleH = 1;
    ImGui::GetIO().Fonts->AddFontFromFileTTF(noto_cjk, size, &config, ranges.Data);
}

}  // namespace

UiFonts load_fonts(float scale, const std::string& extra_text) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontGlyphRangesBuilder latin;
    latin.AddRanges(io.Fonts->GetGlyphRangesDefault());
    latin.AddRanges(io.Fonts->GetGlyphRangesCyrillic());
    latin.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
    // Latin Extended-A and -B, IPA, combining marks, Latin Extended Additional, punctuation: the
    // romanised names GeoNames gives (Hamhŭng, İzmir, Ḩamāh); arrows.
    static const ImWchar extended[] = {0x0100, 0x036F, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0x2190, 0x21FF, 0};
    latin.AddRanges(extended);
    latin.AddText("\xE2\x80\x93\xE2\x80\x94\xE2\x86\x92\xC2\xB0\xE2\x80\x99");  // – — → ° ’
    if (g_latin_ranges.empty()) latin.BuildRanges(&g_latin_ranges);
    ImFontGlyphRangesBuilder cjk_builder;
    cjk_builder.AddText(extra_text.c_str());
    g_cjk_ranges.push_back(std::make_unique<ImVector<ImWchar>>());
    const ImVector<ImWchar>& cjk = *g_cjk_ranges.back();
    cjk_builder.BuildRanges(g_cjk_ranges.back().get());

    UiFonts f;
    f.ui = add(dejavu, 15.0f * scale, g_latin_ranges.Data, nullptr);
    if (!f.ui) f.ui = io.Fonts->AddFontDefault();
    f.label = add(dejavu, 13.0f * scale, g_latin_ranges.Data, f.ui);
    if (f.label != f.ui) merge_cjk(13.0f * scale, cjk);
    f.label_bold = add(dejavu_bold, 14.0f * scale, g_latin_ranges.Data, f.label);
    if (f.label_bold != f.label) merge_cjk(14.0f * scale, cjk);
    f.italic = add(dejavu_oblique, 13.0f * scale, g_latin_ranges.Data, f.label);
    f.card = add(dejavu, 20.0f * scale, g_latin_ranges.Data, f.label);
    if (f.card != f.label) merge_cjk(20.0f * scale, cjk);
    f.card_bold = add(dejavu_bold, 20.0f * scale, g_latin_ranges.Data, f.card);
    f.card_italic = add(dejavu_oblique, 20.0f * scale, g_latin_ranges.Data, f.card);
    f.card_title = add(dejavu_bold, 27.0f * scale, g_latin_ranges.Data, f.card_bold);
    if (f.card_title != f.card_bold) merge_cjk(27.0f * scale, cjk);
    io.FontDefault = f.ui;
    io.Fonts->Build();
    return f;
}

const UiFonts& fonts() {
    static const UiFonts none;
    return g_current ? *g_current : none;
}

void use_fonts(const UiFonts* f) { g_current = f; }
const UiFonts* fonts_in_use() { return g_current; }

}  // namespace storyplot
