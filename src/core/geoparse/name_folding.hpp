#pragma once
// Place names folded for matching: lower case, diacritics removed (Đồng Đăng -> dong dang, Artëm ->
// artem), hyphens as spaces, apostrophes dropped, spaces collapsed. Letters of other scripts stay.
#include <string>
#include <string_view>

namespace storyplot {

std::string fold_name(std::string_view utf8);

// True when the folded name is written in Latin letters only (what English text can contain).
bool is_latin_name(std::string_view folded);

}  // namespace storyplot
