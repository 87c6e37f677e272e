#pragma once
// What the geoparser reads: text, not empty, UTF-8, with no NUL byte (a binary file is refused at
// its first NUL, before any work is done).
#include <string>

namespace storyplot {

// Throws InputError naming `path` ("FILE:LINE: not UTF-8 text (byte N)").
void check_article_text(const std::string& path, const std::string& text);

}  // namespace storyplot
