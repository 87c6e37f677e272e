#pragma once
// The overlay's fonts: DejaVu Sans (Latin, Greek, Cyrillic, Vietnamese) for the interface and
// labels, with Noto Sans CJK merged in for the Hangul and Han of local-script names. The CJK glyphs
// are limited to the characters actually needed, so the atlas stays small.
#include <string>

struct ImFont;

namespace storyplot {

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
};

// Loads the fonts into the current ImGui context's atlas (clearing it first). `extra_text` holds
// every character the labels may show beyond the built-in ranges (e.g. local names).
UiFonts load_fonts(float scale, const std::string& extra_text);

// The fonts of the ImGui context in use (UiContext sets them when it makes its context current).
const UiFonts& fonts();
void use_fonts(const UiFonts* fonts);
const UiFonts* fonts_in_use();

}  // namespace storyplot
