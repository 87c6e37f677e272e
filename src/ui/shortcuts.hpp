#pragma once
// The keyboard and mouse help (F1 or ?): every shortcut the window knows, in one place.
namespace storyplot {

// Draws the help window while `open`; its close button and Esc clear `open`.
void draw_shortcuts(bool& open);

}  // namespace storyplot
