#pragma once
// A chapter's text with basic formatting, as authors write it in plain text: paragraphs separated
// by a blank line, "- " or "* " at a line's start for a bullet, **bold** and *italic* (or _italic_).
// Parsed, then laid out word by word in a width with the fonts' measures, so the window's panel,
// the presentation card and exports place it the same way; ui paints the placed words.
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/geometry.hpp"
#include "core/labels/text_measure.hpp"

namespace storyplot {

enum class SpanStyle { regular, bold, italic };

struct TextSpan {
    std::string text;
    SpanStyle style = SpanStyle::regular;
    friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

struct TextBlock {
    bool bullet = false;
    std::vector<TextSpan> spans;
};

std::vector<TextBlock> parse_rich_text(std::string_view text);

// The text as read, markers removed (for a tooltip or a plain-text export).
std::string plain_text(std::string_view text);

struct RichFonts {
    TextStyle regular = TextStyle::label;
    TextStyle bold = TextStyle::label_bold;
    TextStyle italic = TextStyle::italic;
    TextStyle for_span(SpanStyle s) const { return s == SpanStyle::bold ? bold : s == SpanStyle::italic ? italic : regular; }
};

struct PlacedText {
    Vec2 at;  // top-left, relative to the layout's origin
    std::string text;
    TextStyle style;
};

struct RichLayout {
    std::vector<PlacedText> pieces;  // words (and bullets), in reading order
    Vec2 size;                       // the box they fill
};

// Lays the blocks out in `width` pixels: words wrap at spaces, a word wider than the line stands on
// its own, paragraphs are half a line apart, bullets hang.
RichLayout layout_rich_text(const std::vector<TextBlock>& blocks, const TextMeasure& measure, const RichFonts& fonts, float width);

}  // namespace storyplot
