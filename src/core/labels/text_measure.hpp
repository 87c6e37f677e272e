#pragma once
// How big a piece of text is in each of the map's text styles: what the layout of labels, captions
// and decorations needs of the fonts, and no more. The window and the exporter measure with the
// fonts they draw with (ui/imgui_text_measure.hpp); unit tests with a fixed-width fake.
#include <string_view>

#include "core/geo/geometry.hpp"

namespace storyplot {

enum class TextStyle {
    label,       // town and place labels, captions, credits
    label_bold,  // story place names, the title
    italic,      // route and country names
    card,        // a chapter's text in a presentation: large type
    card_bold,
    card_italic,
    card_title,  // its title: larger, bold
};

class TextMeasure {
public:
    virtual ~TextMeasure() = default;
    // The box the text takes, wrapped at `wrap_width` pixels when that is above zero.
    virtual Vec2 size(TextStyle style, std::string_view text, float wrap_width = 0.0f) const = 0;
    // The style's font size in pixels (its line height).
    virtual float font_size(TextStyle style) const = 0;
};

}  // namespace storyplot
