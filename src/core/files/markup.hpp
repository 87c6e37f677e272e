#pragma once
// Text for XML or HTML (KML, GPX, StoryMapJS's slides): markup escaped, and what XML 1.0 cannot
// hold at all (control characters but tab and newlines, U+FFFE, U+FFFF) dropped.
#include <string>
#include <string_view>

namespace storyplot {

std::string escape_markup(std::string_view text);

}  // namespace storyplot
