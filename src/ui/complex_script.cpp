#include "ui/complex_script.hpp"

#include <hb.h>

#include <map>
#include <memory>
#include <mutex>
#include <tuple>

#include "ui/script_fonts.hpp"
#include "ui/text_shaping.hpp"

namespace storyplot {

namespace {

constexpr char32_t first_code = 0xE000, last_code = 0xF8FF;

struct HbFont {
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    ~HbFont() {
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
};

class Shaper {
public:
    std::string shape(std::string_view text) {
        const std::lock_guard<std::mutex> guard(m_lock);
        return substitute(text);
    }

    std::vector<ShapedGlyph> glyphs() {
        const std::lock_guard<std::mutex> guard(m_lock);
        return m_glyphs;
    }

private:
    hb_font_t* font_for(const ScriptFont& script) {
        auto& f = m_fonts[&script];
        if (!f) {
            f = std::make_unique<HbFont>();
            const std::vector<char>* bytes = font_file_bytes(script.path(false));
            if (!bytes) return nullptr;
            f->blob = hb_blob_create(bytes->data(), static_cast<unsigned>(bytes->size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
            f->face = hb_face_create(f->blob, 0);
            f->font = hb_font_create(f->face);
        }
        return f->font;
    }

    // One run of one shaped script, as code points of its glyphs; empty when it cannot be.
    std::u32string shape_run(const ScriptFont& script, const std::u32string& run) {
        hb_font_t* font = font_for(script);
        if (!font) return {};
        hb_buffer_t* buffer = hb_buffer_create();
        std::vector<std::uint32_t> points(run.begin(), run.end());
        hb_buffer_add_utf32(buffer, points.data(), static_cast<int>(points.size()), 0, static_cast<int>(points.size()));
        hb_buffer_guess_segment_properties(buffer);
        hb_shape(font, buffer, nullptr, 0);
        unsigned count = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
        std::u32string out;
        for (unsigned i = 0; i < count; ++i) {
            const auto key = std::make_tuple(&script, info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset);
            auto it = m_codes.find(key);
            if (it == m_codes.end()) {
                const char32_t code = first_code + static_cast<char32_t>(m_glyphs.size());
                if (code > last_code) {
                    out.clear();
                    break;
                }
                m_glyphs.push_back({code, &script, info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset});
                it = m_codes.emplace(key, code).first;
            }
            out.push_back(it->second);
        }
        hb_buffer_destroy(buffer);
        return out;
    }

    std::string substitute(std::string_view text) {
        const std::u32string points = code_points(text);
        std::u32string out, run;
        const ScriptFont* run_script = nullptr;
        auto flush = [&] {
            if (run.empty()) return;
            const std::u32string shaped = shape_run(*run_script, run);
            out += shaped.empty() ? run : shaped;
            run.clear();
        };
        for (char32_t c : points) {
            const ScriptFont* s = script_font_for(c);
            // Joiners and the combining marks of a shaped run stay in it.
            const bool joins = run_script && (c == 0x200C || c == 0x200D || (c >= 0x0300 && c <= 0x036F));
            if ((s && s->shaped) || joins) {
                if (!joins && s != run_script) {
                    flush();
                    run_script = s;
                }
                run.push_back(c);
            } else {
                flush();
                run_script = nullptr;
                out.push_back(c);
            }
        }
        flush();
        return to_utf8(out);
    }

    std::mutex m_lock;
    std::map<const ScriptFont*, std::unique_ptr<HbFont>> m_fonts;
    std::map<std::tuple<const ScriptFont*, unsigned, int, int, int>, char32_t> m_codes;
    std::vector<ShapedGlyph> m_glyphs;
};

Shaper& shaper() {
    static Shaper s;
    return s;
}

}  // namespace

bool needs_shaping(std::string_view text) {
    bool candidate = false;
    for (unsigned char c : text)
        if (c >= 0xE0) {  // the shaped scripts are all at U+0900 and above: three-byte UTF-8
            candidate = true;
            break;
        }
    if (!candidate) return false;
    for (char32_t c : code_points(text))
        if (const ScriptFont* s = script_font_for(c); s && s->shaped) return true;
    return false;
}

std::string shaped_text(std::string_view text) {
    if (!needs_shaping(text)) return std::string(text);
    return shaper().shape(text);
}

std::vector<ShapedGlyph> shaped_glyphs() { return shaper().glyphs(); }

}  // namespace storyplot
