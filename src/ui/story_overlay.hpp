#pragma once
// Paints a story overlay's plan (core/overlay_plan.hpp) into an ImGui draw list, so windows and
// headless renders alike get it; and measures text with the fonts it paints with.
#include "core/labels/overlay_plan.hpp"
#include "core/labels/text_measure.hpp"

struct ImDrawList;
struct ImFont;

namespace storyplot {

// Text measured with the current ImGui context's fonts (valid inside a UiContext frame).
class ImGuiTextMeasure final : public TextMeasure {
public:
    Vec2 size(TextStyle style, std::string_view text, float wrap_width = 0.0f) const override;
    float font_size(TextStyle style) const override;
};

ImFont* font_for(TextStyle style);

void paint_overlay(ImDrawList& list, const OverlayPlan& plan);

}  // namespace storyplot
