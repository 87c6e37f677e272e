#include "ui/fonts.hpp"

#include <imgui.h>
#include <stb_truetype.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <set>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <vector>

#include "core/files/cache_file.hpp"
#include "core/files/content_hash.hpp"
#include "core/files/payload.hpp"
#include "ui/complex_script.hpp"
#include "ui/script_fonts.hpp"
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
// A script font as stb_truetype reads it (ImGui's own rasteriser), to draw shaped glyphs by index.
struct StbFont {
    stbtt_fontinfo info{};
};
const StbFont* stb_font(const std::string& path) {
    static std::map<std::string, std::unique_ptr<StbFont>> fonts;
    auto& f = fonts[path];
    if (!f) {
        const std::vector<char>* bytes = font_file_bytes(path);
        if (!bytes) return nullptr;
        auto made = std::make_unique<StbFont>();
        const auto* data = reinterpret_cast<const unsigned char*>(bytes->data());
        if (!stbtt_InitFont(&made->info, data, stbtt_GetFontOffsetForIndex(data, 0))) return nullptr;
        f = std::move(made);
    }
    return f.get();
}

// Shaped glyphs added to the atlas being built, drawn into it once it is packed.
struct DrawnIn {
    int rect;
    ImFont* font;
    ShapedGlyph glyph;
    const StbFont* stb;
    float scale;
};
std::vector<DrawnIn> g_drawn_in;

void draw_in_shaped_glyphs() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int tex_w = 0, tex_h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &tex_w, &tex_h);
    for (const DrawnIn& d : g_drawn_in) {
        const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(d.rect);
        if (!r || !r->IsPacked()) continue;
        stbtt_MakeGlyphBitmap(&d.stb->info, pixels + r->Y * tex_w + r->X, r->Width, r->Height, tex_w, d.scale, d.scale,
                              static_cast<int>(d.glyph.glyph));
        // Offsets were from the baseline: from the line's top, as ImGui places glyphs.
        if (const ImFontGlyph* g = d.font->FindGlyphNoFallback(static_cast<ImWchar>(d.glyph.code))) {
            auto* glyph = const_cast<ImFontGlyph*>(g);
            glyph->Y0 += d.font->Ascent;
            glyph->Y1 += d.font->Ascent;
        }
    }
    g_drawn_in.clear();
}

// ImGui sizes a font by its line height (ascent to descent); scripts with tall stacks of marks
// (Myanmar, Thai, Arabic…) have far taller lines than DejaVu for the same letters, and would look
// small. Merged at this multiple of the size, a script font's em matches DejaVu's.
float em_match(const std::string& path) {
    static std::map<std::string, float> factors;
    const auto it = factors.find(path);
    if (it != factors.end()) return it->second;
    float factor = 1.0f;
    const StbFont* font = stb_font(path);
    const StbFont* latin = stb_font(dejavu);
    if (font && latin) {
        const float em_per_line = stbtt_ScaleForMappingEmToPixels(&font->info, 1.0f) / stbtt_ScaleForPixelHeight(&font->info, 1.0f);
        const float latin_em_per_line = stbtt_ScaleForMappingEmToPixels(&latin->info, 1.0f) / stbtt_ScaleForPixelHeight(&latin->info, 1.0f);
        factor = std::clamp(em_per_line / latin_em_per_line, 0.8f, 2.5f);
    }
    factors[path] = factor;
    return factor;
}

bool in_ranges(const ImVector<ImWchar>& ranges, char32_t c) {
    for (int i = 0; i + 1 < ranges.Size && ranges[i] != 0; i += 2)
        if (c >= ranges[i] && c <= ranges[i + 1]) return true;
    return false;
}

bool needs(const ScriptFont& font, const std::u32string& points) {
    for (char32_t c : points)
        if (font.covers(c)) return true;
    return false;
}

// The atlas borrows each font file's bytes from font_file_bytes: marked as its own, so that ImGui
// does not copy the file for every size and merge (the CJK collection alone is 19 MB a copy), and
// taken back by release_borrowed_bytes() before the atlas could free them.
std::set<const void*> g_borrowed;

// The font files the atlas being built takes glyphs from (its cache names them, with their content).
std::set<std::string> g_files_read;

ImFont* add_borrowing(const std::vector<char>& bytes, ImFontConfig config) {
    g_borrowed.insert(bytes.data());
    config.FontData = const_cast<char*>(bytes.data());
    config.FontDataSize = static_cast<int>(bytes.size());
    config.FontDataOwnedByAtlas = true;
    return ImGui::GetIO().Fonts->AddFont(&config);
}

// Once the atlas is built it needs no font data: the borrowed bytes go back, the rest is freed.
void release_borrowed_bytes(ImFontAtlas& atlas) {
    for (ImFontConfig& config : atlas.ConfigData)
        if (g_borrowed.count(config.FontData)) config.FontData = nullptr;
    atlas.ClearInputData();
}

ImFont* add(const char* path, float size, const ImWchar* ranges, ImFont* fallback) {
    const std::vector<char>* bytes = font_file_bytes(path);
    if (!bytes) return fallback;
    g_files_read.insert(path);
    ImFontConfig config;
    config.OversampleH = 2;
    config.SizePixels = size;
    config.GlyphRanges = ranges;
    return add_borrowing(*bytes, config);
}

void merge(const std::string& path, float size, const ImVector<ImWchar>& ranges) {
    if (ranges.Size <= 1) return;
    const std::vector<char>* bytes = font_file_bytes(path);
    if (!bytes) return;
    g_files_read.insert(path);
    ImFontConfig config;
    config.MergeMode = true;
    config.OversampleH = 1;
    config.SizePixels = size;
    config.GlyphRanges = ranges.Data;
    add_borrowing(*bytes, config);
}

}  // namespace

namespace {

// The letters of `text` a font needs merged in, and from which fonts: each script's Noto font, then
// Noto CJK (Han, kana, Hangul, and any letter no other font has). Latin text needs nothing.
class Merges {
public:
    explicit Merges(const std::string& text) {
        // Shaped scripts: every line shaped now gives its glyphs their code points.
        if (needs_shaping(text)) {
            std::set<char32_t> codes;
            std::size_t start = 0;
            while (start < text.size()) {
                const std::size_t end = std::min(text.find('\n', start), text.size());
                for (char32_t c : code_points(shaped_text(std::string_view(text).substr(start, end - start))))
                    if (c >= 0xE000 && c <= 0xF8FF) codes.insert(c);
                start = end + 1;
            }
            for (const ShapedGlyph& g : shaped_glyphs())
                if (codes.count(g.code)) m_shaped.push_back(g);
        }
        for (char32_t c : code_points(text))
            if (c <= 0xFFFF && !in_ranges(g_latin_ranges, c)) m_points.push_back(c);
        ImFontGlyphRangesBuilder needed;
        for (char32_t c : m_points) needed.AddChar(static_cast<ImWchar>(c));
        if (needs(script_fonts().front(), m_points)) {  // Arabic is drawn in its joined forms
            static const ImWchar presentation_forms[] = {0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
            needed.AddRanges(presentation_forms);
        }
        g_extra_ranges.push_back(std::make_unique<ImVector<ImWchar>>());
        m_ranges = g_extra_ranges.back().get();
        needed.BuildRanges(m_ranges);
        for (char32_t c : m_points) {
            bool scripted = false;
            scripted = scripted || script_font_for(c) != nullptr;
            m_cjk = m_cjk || !scripted;
        }
    }

    void into(ImFont* font, float size, bool bold) {
        if (m_points.empty()) return;
        for (const ScriptFont& script : script_fonts())
            if (needs(script, m_points)) merge(script.path(bold), size * em_match(script.path(bold)), *m_ranges);
        if (m_cjk) merge(noto_cjk, size, *m_ranges);
        // The shaped scripts' glyphs, each under its own code point, drawn in after the build.
        for (const ShapedGlyph& g : m_shaped) {
            const StbFont* stb = stb_font(g.font->path(false));
            if (!stb) continue;
            const float px = size * em_match(g.font->path(false));
            const float k = stbtt_ScaleForPixelHeight(&stb->info, px);
            int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            stbtt_GetGlyphBitmapBox(&stb->info, static_cast<int>(g.glyph), k, k, &x0, &y0, &x1, &y1);
            const int w = std::max(1, x1 - x0), h = std::max(1, y1 - y0);
            // The offset from the pen on the baseline; the font's ascent is added once it is known.
            const ImVec2 offset(static_cast<float>(x0) + static_cast<float>(g.x_offset) * k, static_cast<float>(y0) - static_cast<float>(g.y_offset) * k);
            const int rect = ImGui::GetIO().Fonts->AddCustomRectFontGlyph(font, static_cast<ImWchar>(g.code), w, h,
                                                                         static_cast<float>(g.advance) * k, offset);
            g_drawn_in.push_back({rect, font, g, stb, k});
        }
    }

private:
    std::u32string m_points;
    ImVector<ImWchar>* m_ranges = nullptr;
    bool m_cjk = false;
    std::vector<ShapedGlyph> m_shaped;  // the glyphs its shaped runs need
};

// A built atlas is kept in the cache folder: building it rasterises some ten thousand glyphs
// (0.1-0.4 s before a window's first frame or an image's first tile); reading it back is a copy of
// its pixels. Kept per scale and text, in a few slots (a story's window and a plain render each keep
// theirs), with the font files it was built from and their content: a changed font builds it again.
// Text that is shaped (core/complex_script) is not kept: its glyphs take code points in the order a
// process first shapes them.
constexpr CacheKind atlas_cache_kind{{'S', 'P', 'A', 'T', 'L', 'A', 'S', ' '}, 2};
constexpr std::uint64_t atlas_slots = 6;

std::uint64_t atlas_key(float scale, const FontText& extra) {
    ContentHash hash(0xA71A5);
    hash.add(IMGUI_VERSION);
    const std::uint32_t sizes[] = {static_cast<std::uint32_t>(sizeof(ImFontGlyph)), static_cast<std::uint32_t>(sizeof(ImWchar)),
                                   static_cast<std::uint32_t>(IM_DRAWLIST_TEX_LINES_WIDTH_MAX)};
    hash.add(std::string_view(reinterpret_cast<const char*>(sizes), sizeof sizes));
    hash.add(std::string_view(reinterpret_cast<const char*>(&scale), sizeof scale));
    hash.add(extra.text);
    hash.add(std::string_view("\0", 1));
    hash.add(extra.labels);
    return hash.value();
}

std::filesystem::path atlas_cache_file(std::uint64_t key) {
    return cache_folder() / ("font-atlas-" + std::to_string(key % atlas_slots) + ".cache");
}

// The UiFonts members in order, as indices into the atlas's fonts.
std::array<ImFont**, 8> members(UiFonts& f) {
    return {&f.ui, &f.label, &f.label_bold, &f.italic, &f.card, &f.card_bold, &f.card_italic, &f.card_title};
}

std::string atlas_payload(const ImFontAtlas& atlas, UiFonts fonts) {
    std::string out;
    put(out, static_cast<std::uint32_t>(g_files_read.size()));
    for (const std::string& path : g_files_read) {
        put_text(out, path);
        put(out, file_content_hash(path).value_or(0));
    }
    put(out, atlas.TexWidth);
    put(out, atlas.TexHeight);
    put(out, atlas.TexUvScale);
    put(out, atlas.TexUvWhitePixel);
    put(out, atlas.TexUvLines);
    put(out, static_cast<std::uint32_t>(atlas.Fonts.Size));
    for (const ImFont* font : atlas.Fonts) {
        put(out, font->FontSize);
        put(out, font->Scale);
        put(out, font->Ascent);
        put(out, font->Descent);
        put(out, font->FallbackChar);
        put(out, font->EllipsisChar);
        put(out, font->DotChar);
        put(out, font->MetricsTotalSurface);
        put_array(out, font->Glyphs.Data, static_cast<std::size_t>(font->Glyphs.Size));
    }
    for (ImFont** member : members(fonts)) put(out, static_cast<std::int32_t>(std::find(atlas.Fonts.begin(), atlas.Fonts.end(), *member) - atlas.Fonts.begin()));
    put_array(out, atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight));
    return out;
}

// The atlas as it was built, from its cache; none when the payload does not read whole or a font
// file it was built from changed (the atlas is left empty then, for a build).
std::optional<UiFonts> restore_atlas(ImFontAtlas& atlas, std::string_view payload) {
    PayloadReader r(payload);
    std::uint32_t files = 0;
    if (!r.get(files) || files > 64) return std::nullopt;
    for (std::uint32_t i = 0; i < files; ++i) {
        std::string path;
        std::uint64_t hash = 0;
        if (!r.get_text(path) || !r.get(hash) || file_content_hash(path) != hash) return std::nullopt;
    }
    atlas.Clear();
    auto fail = [&atlas] {
        atlas.Clear();
        return std::nullopt;
    };
    int width = 0, height = 0;
    if (!r.get(width) || !r.get(height) || width <= 0 || height <= 0 || width > 16384 || height > 16384) return fail();
    if (!r.get(atlas.TexUvScale) || !r.get(atlas.TexUvWhitePixel) || !r.get(atlas.TexUvLines)) return fail();
    std::uint32_t count = 0;
    if (!r.get(count) || count > 64) return fail();
    for (std::uint32_t i = 0; i < count; ++i) {
        ImFont* font = IM_NEW(ImFont)();
        atlas.Fonts.push_back(font);
        std::vector<ImFontGlyph> glyphs;
        if (!r.get(font->FontSize) || !r.get(font->Scale) || !r.get(font->Ascent) || !r.get(font->Descent) || !r.get(font->FallbackChar) ||
            !r.get(font->EllipsisChar) || !r.get(font->DotChar) || !r.get(font->MetricsTotalSurface) || !r.get_array(glyphs) || glyphs.empty() ||
            glyphs.size() >= 0xFFFF)
            return fail();
        font->Glyphs.resize(static_cast<int>(glyphs.size()));
        std::memcpy(font->Glyphs.Data, glyphs.data(), glyphs.size() * sizeof(ImFontGlyph));
        font->ContainerAtlas = &atlas;
        font->BuildLookupTable();
    }
    UiFonts fonts;
    for (ImFont** member : members(fonts)) {
        std::int32_t index = -1;
        if (!r.get(index) || index < 0 || index >= atlas.Fonts.Size) return fail();
        *member = atlas.Fonts[index];
    }
    std::vector<unsigned char> pixels;
    if (!r.get_array(pixels) || pixels.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) || !r.done()) return fail();
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels.size()));
    std::memcpy(atlas.TexPixelsAlpha8, pixels.data(), pixels.size());
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    atlas.TexReady = true;
    return fonts;
}

}  // namespace

std::u32string letters_beyond_ascii(const FontText& text) {
    auto letters = [](const std::string& s) {
        std::set<char32_t> set;
        for (unsigned char c : s)
            if (c >= 0x80) {  // ASCII alone: nothing to decode
                for (char32_t p : code_points(s))
                    if (p >= 0x80) set.insert(p);
                break;
            }
        return std::u32string(set.begin(), set.end());
    };
    return letters(text.text) + U'\0' + letters(text.labels);
}

UiFonts load_fonts(float scale, const FontText& extra) {
    ImGuiIO& io = ImGui::GetIO();
    const bool shaped = needs_shaping(extra.text) || needs_shaping(extra.labels);
    const std::uint64_t key = atlas_key(scale, extra);
    if (!shaped)
        if (const auto cached = map_cache_file(atlas_cache_file(key), atlas_cache_kind, key))
            if (std::optional<UiFonts> restored = restore_atlas(*io.Fonts, cached->bytes())) {
                restored->scale = scale;
                io.FontDefault = restored->ui;
                return *restored;
            }
    io.Fonts->Clear();
    g_files_read.clear();
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
    Merges text(extra.text);
    Merges labels(extra.text + "\n" + extra.labels);
    g_drawn_in.clear();
    auto font = [&](const char* path, float size, bool bold, ImFont* fallback, Merges& merges) {
        ImFont* f = add(path, size * scale, g_latin_ranges.Data, fallback);
        if (f != fallback) merges.into(f, size * scale, bold);
        return f;
    };

    UiFonts f;
    f.ui = font(dejavu, 15.0f, false, nullptr, text);
    if (!f.ui) f.ui = io.Fonts->AddFontDefault();
    f.label = font(dejavu, 13.0f, false, f.ui, labels);
    f.label_bold = font(dejavu_bold, 14.0f, true, f.label, labels);
    f.italic = font(dejavu_oblique, 13.0f, false, f.label, text);
    // The card's large type draws chapters only: ASCII and Latin-1, and the letters the story's
    // text holds, not every range the labels need (a large atlas costs every render).
    ImFontGlyphRangesBuilder card_builder;
    card_builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    card_builder.AddText(extra.text.c_str());
    // – — ’ “ ” • and the ellipsis that ends a card cut short (core/labels/map_decorations).
    card_builder.AddText("\xE2\x80\x93\xE2\x80\x94\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\xA2\xE2\x80\xA6");
    g_extra_ranges.push_back(std::make_unique<ImVector<ImWchar>>());
    card_builder.BuildRanges(g_extra_ranges.back().get());
    const ImWchar* card_ranges = g_extra_ranges.back()->Data;
    auto card_font = [&](const char* path, float size, bool bold, ImFont* fallback) {
        ImFont* made = add(path, size * scale, card_ranges, fallback);
        if (made != fallback) text.into(made, size * scale, bold);
        return made;
    };
    f.card = card_font(dejavu, 20.0f, false, f.label);
    f.card_bold = card_font(dejavu_bold, 20.0f, true, f.card);
    f.card_italic = card_font(dejavu_oblique, 20.0f, false, f.card);
    f.card_title = card_font(dejavu_bold, 27.0f, true, f.card_bold);
    io.FontDefault = f.ui;
    f.scale = scale;
    io.Fonts->Build();
    draw_in_shaped_glyphs();
    release_borrowed_bytes(*io.Fonts);
    if (!shaped) write_cache_file(atlas_cache_file(key), atlas_cache_kind, key, atlas_payload(*io.Fonts, f));  // else built again next time
    return f;
}

const UiFonts& fonts() {
    static const UiFonts none;
    return g_current ? *g_current : none;
}

void use_fonts(const UiFonts* f) { g_current = f; }
const UiFonts* fonts_in_use() { return g_current; }

}  // namespace storyplot
