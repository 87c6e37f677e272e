#pragma once
// Scripts whose letters change shape, join and reorder with their neighbours — Devanagari, Bengali,
// Tamil and the other Indic scripts, Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer — shaped by
// HarfBuzz with their Noto font. ImGui draws by code point, so each shaped glyph (a glyph of the
// font at an advance and offset) gets a code point of the Private Use Area: the fonts are built
// with those glyphs drawn in (ui/fonts.cpp), and a label's text is drawn as its shaped code points.
#include <string>
#include <string_view>
#include <vector>

namespace storyplot {

struct ScriptFont;

// A shaped glyph: which glyph of which script font, where (font units).
struct ShapedGlyph {
    char32_t code = 0;  // its Private Use Area code point
    const ScriptFont* font = nullptr;
    unsigned glyph = 0;
    int advance = 0, x_offset = 0, y_offset = 0;
};

// Whether `text` holds a letter of a shaped script.
bool needs_shaping(std::string_view text);

// The text with each run of a shaped script replaced by its glyphs' code points (given out on
// first sight, from U+E000 on; a run that does not fit in the area stays as typed). Shaped anew
// each call: visual_text (ui/text_shaping.hpp) keeps what labels draw.
std::string shaped_text(std::string_view text);

// Every glyph given a code point so far, in order of its code point.
std::vector<ShapedGlyph> shaped_glyphs();

}  // namespace storyplot
