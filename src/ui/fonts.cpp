#include "ui/fonts.hpp"

#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <memory>
#include <vector>

#include "ui/text_shaping.hpp"

namespace storyplot {

namespace {

const UiFonts* g_current = nullptr;
// Glyph ranges must outlive the atlas build; every atlas is built from the same Latin ranges, and
// the ranges of other scripts are kept per call in a list that only grows (a few per session).
ImVector<ImWchar> g_latin_ranges;
std::vector<std::unique_ptr<ImVector<ImWchar>>> g_extra_ranges;

const char* const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const dejavu_bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
const char* const dejavu_oblique = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf";
const char* const noto_cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const char* const noto_folder = "/usr/share/fonts/truetype/noto/";

// The scripts GeoNames and Natural Earth write names in beyond Latin, Greek and Cyrillic, each with
// its Noto font (Debian's fonts-noto-core) and the blocks it covers. A font is merged into the
// atlas only when the labels need one of its letters, and then only with the letters needed.
struct ScriptFont {
    const char* name;  // NotoSans<name>-Regular.ttf and -Bold.ttf
    std::vector<std::pair<char32_t, char32_t>> blocks;
    float size = 1.0f;  // Noto's Arabic-script fonts leave room for tall marks: their letters would
                        // look small at the Latin font's size
};
const ScriptFont script_fonts[] = {  // Arabic first: its letters are drawn in their joined forms
    {"Arabic", {{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}}, 1.3f},
    {"Hebrew", {{0x0590, 0x05FF}, {0xFB1D, 0xFB4F}}},
    {"Syriac", {{0x0700, 0x074F}}, 1.2f},
    {"Thaana", {{0x0780, 0x07BF}}, 1.2f},
    {"NKo", {{0x07C0, 0x07FF}}},
    {"Devanagari", {{0x0900, 0x097F}, {0xA8E0, 0xA8FF}}},
    {"Bengali", {{0x0980, 0x09FF}}},
    {"Gurmukhi", {{0x0A00, 0x0A7F}}},
    {"Gujarati", {{0x0A80, 0x0AFF}}},
    {"Oriya", {{0x0B00, 0x0B7F}}},
    {"Tamil", {{0x0B80, 0x0BFF}}},
    {"Telugu", {{0x0C00, 0x0C7F}}},
    {"Kannada", {{0x0C80, 0x0CFF}}},
    {"Malayalam", {{0x0D00, 0x0D7F}}},
    {"Sinhala", {{0x0D80, 0x0DFF}}},
    {"Thai", {{0x0E00, 0x0E7F}}},
    {"Lao", {{0x0E80, 0x0EFF}}},
    {"Myanmar", {{0x1000, 0x109F}}},
    {"Georgian", {{0x10A0, 0x10FF}, {0x1C90, 0x1CBF}, {0x2D00, 0x2D2F}}},
    {"Ethiopic", {{0x1200, 0x139F}, {0x2D80, 0x2DDF}}},
    {"Cherokee", {{0x13A0, 0x13FF}}},
    {"CanadianAboriginal", {{0x1400, 0x167F}}},
    {"Khmer", {{0x1780, 0x17FF}}},
    {"Mongolian", {{0x1800, 0x18AF}}},
    {"Tifinagh", {{0x2D30, 0x2D7F}}},
    {"Armenian", {{0x0530, 0x058F}, {0xFB13, 0xFB17}}},
};

bool in_ranges(const ImVector<ImWchar>& ranges, char32_t c) {
    for (int i = 0; i + 1 < ranges.Size && ranges[i] != 0; i += 2)
        if (c >= ranges[i] && c <= ranges[i + 1]) return true;
    return false;
}

bool needs(const ScriptFont& font, const std::u32string& points) {
    for (char32_t c : points)
        for (const auto& [lo, hi] : font.blocks)
            if (c >= lo && c <= hi) return true;
    return false;
}

ImFont* add(const char* path, float size, const ImWchar* ranges, ImFont* fallback) {
    if (!std::filesystem::exists(path)) return fallback;
    ImFontConfig config;
    config.OversampleH = 2;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path, size, &config, ranges);
}

// A font file's bytes, read once per run and kept: an atlas is rebuilt whenever the labels need new
// letters, and merging reads each font for every style (Noto CJK alone is 19 MB).
const std::vector<char>* font_bytes(const std::string& path) {
    static std::map<std::string, std::vector<char>> loaded;
    static std::mutex lock;
    const std::lock_guard<std::mutex> guard(lock);
    auto it = loaded.find(path);
    if (it == loaded.end()) {
        std::ifstream in(path, std::ios::binary);
        if (!in) return nullptr;
        it = loaded.emplace(path, std::vector<char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())).first;
    }
    return it->second.empty() ? nullptr : &it->second;
}

void merge(const std::string& path, float size, const ImVector<ImWchar>& ranges) {
    if (ranges.Size <= 1) return;
    const std::vector<char>* bytes = font_bytes(path);
    if (!bytes) return;
    ImFontConfig config;
    config.MergeMode = true;
    config.OversampleH = 1;
    config.FontDataOwnedByAtlas = false;  // the bytes stay in font_bytes' keeping
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(bytes->data()), static_cast<int>(bytes->size()), size, &config, ranges.Data);
}

}  // namespace

namespace {

// The letters of `text` a font needs merged in, and from which fonts: each script's Noto font, then
// Noto CJK (Han, kana, Hangul, and any letter no other font has). Latin text needs nothing.
class Merges {
public:
    explicit Merges(const std::string& text) {
        for (char32_t c : code_points(text))
            if (c <= 0xFFFF && !in_ranges(g_latin_ranges, c)) m_points.push_back(c);
        ImFontGlyphRangesBuilder needed;
        for (char32_t c : m_points) needed.AddChar(static_cast<ImWchar>(c));
        if (needs(script_fonts[0], m_points)) {  // Arabic is drawn in its joined forms
            static const ImWchar presentation_forms[] = {0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
            needed.AddRanges(presentation_forms);
        }
        g_extra_ranges.push_back(std::make_unique<ImVector<ImWchar>>());
        m_ranges = g_extra_ranges.back().get();
        needed.BuildRanges(m_ranges);
        for (char32_t c : m_points) {
            bool scripted = false;
            for (const ScriptFont& script : script_fonts) scripted = scripted || needs(script, std::u32string(1, c));
            m_cjk = m_cjk || !scripted;
        }
    }

    void into(float size, bool bold) const {
        if (m_points.empty()) return;
        for (const ScriptFont& script : script_fonts) {
            if (!needs(script, m_points)) continue;
            const std::string base = std::string(noto_folder) + "NotoSans" + script.name;
            const std::string path = base + (bold ? "-Bold.ttf" : "-Regular.ttf");
            merge(std::filesystem::exists(path) ? path : base + "-Regular.ttf", size * script.size, *m_ranges);
        }
        if (m_cjk) merge(noto_cjk, size, *m_ranges);
    }

private:
    std::u32string m_points;
    ImVector<ImWchar>* m_ranges = nullptr;
    bool m_cjk = false;
};

}  // namespace

UiFonts load_fonts(float scale, const FontText& extra) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (g_latin_ranges.empty()) {
        ImFontGlyphRangesBuilder latin;
        latin.AddRanges(io.Fonts->GetGlyphRangesDefault());
        latin.AddRanges(io.Fonts->GetGlyphRangesCyrillic());
        latin.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
        // Latin Extended-A and -B, IPA, combining marks, Greek, Latin Extended Additional,
        // punctuation: the romanised names GeoNames gives (Hamhŭng, İzmir, Ḩamāh); arrows.
        static const ImWchar extended[] = {0x0100, 0x03FF, 0x1E00, 0x1FFF, 0x2000, 0x206F, 0x2190, 0x21FF, 0};
        latin.AddRanges(extended);
        latin.AddText("\xE2\x80\x93\xE2\x80\x94\xE2\x86\x92\xC2\xB0\xE2\x80\x99");  // – — → ° ’
        latin.BuildRanges(&g_latin_ranges);
    }
    // Map labels draw the story's text and local names; the other styles the story's text.
    const Merges text(extra.text);
    const Merges labels(extra.text + "\n" + extra.labels);
    auto font = [&](const char* path, float size, bool bold, ImFont* fallback, const Merges& merges) {
        ImFont* f = add(path, size * scale, g_latin_ranges.Data, fallback);
        if (f != fallback) merges.into(size * scale, bold);
        return f;
    };

    UiFonts f;
    f.ui = font(dejavu, 15.0f, false, nullptr, text);
    if (!f.ui) f.ui = io.Fonts->AddFontDefault();
    f.label = font(dejavu, 13.0f, false, f.ui, labels);
    f.label_bold = font(dejavu_bold, 14.0f, true, f.label, labels);
    f.italic = font(dejavu_oblique, 13.0f, false, f.label, text);
    f.card = font(dejavu, 20.0f, false, f.label, text);
    f.card_bold = font(dejavu_bold, 20.0f, true, f.card, text);
    f.card_italic = font(dejavu_oblique, 20.0f, false, f.card, text);
    f.card_title = font(dejavu_bold, 27.0f, true, f.card_bold, text);
    io.FontDefault = f.ui;
    f.scale = scale;
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
