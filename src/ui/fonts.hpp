#pragma once
// The overlay's fonts: DejaVu Sans (Latin, Greek, Cyrillic, Vietnamese) for the interface and
// labels, with Noto Sans CJK merged in for the Hangul and Han of local-script names. The CJK glyphs
// are limited to the characters actually needed, so the atlas stays small.
#include <string>

struct ImFont;

namespace storyplot {

class OverlaySprites;

struct UiFonts {
    ImFont* ui = nullptr;          // panels and status bar
    ImFont* label = nullptr;       // town and place labels, with CJK merged in
    ImFont* label_bold = nullptr;  // story place names
    ImFont* italic = nullptr;      // route names, country names
    // A presented chapter's card: large type.
    ImFont* card = nullptr;
    ImFont* card_bold = nullptr;
    ImFont* card_italic = nullptr;
    ImFont* card_title = nullptr;
    float scale = 1.0f;  // the interface's size they were made for (HiDPI: 1.5, 2…)
    OverlaySprites* sprites = nullptr;  // labels' halos from this atlas and town dots (ui/overlay_sprites), its context's
};

// The text fonts must draw beyond their built-in ranges: `text` in any style (the story's names,
// title, chapters), `labels` in the map labels' styles only (local names: the bulk of the letters).
struct FontText {
    std::string text;
    std::string labels;
    friend bool operator==(const FontText&, const FontText&) = default;
};

// The letters beyond ASCII each part holds, each once, in order (the text's, a 0, the labels'):
// two texts that need the same fonts have the same letters.
std::u32string letters_beyond_ascii(const FontText& text);

// Loads the fonts into the current ImGui context's atlas (clearing it first), with the letters of
// `extra` from the Noto font of each script they are in.
UiFonts load_fonts(float scale, const FontText& extra);

// The fonts of the ImGui context in use (UiContext sets them when it makes its context current).
const UiFonts& fonts();
// The interface's size of the fonts in use: panels and widths in pixels are multiplied by it.
inline float ui_scale() { return fonts().scale; }
void use_fonts(const UiFonts* fonts);
const UiFonts* fonts_in_use();

}  // namespace storyplot
