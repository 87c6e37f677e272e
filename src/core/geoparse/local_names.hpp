#pragma once
// Names in local script: of a place's alternate names, the one written in its country's script
// (Владивосток for Russia, 평양 for North Korea), as GeoNames lists them without language tags.
#include <string>
#include <string_view>
#include <vector>

namespace storyplot {

enum class Script { latin, cyrillic, hangul, han, kana, greek, arabic, hebrew, thai, georgian, armenian, devanagari, other };

// The script most of the letters of `text` (UTF-8) are in.
Script script_of(std::string_view text);

// The script a country (ISO 3166 alpha-2) writes its place names in; latin where unknown.
Script country_script(std::string_view country_code);

// The first of `alternates` in the country's script, or empty when the country writes Latin or
// no alternate is in its script.
std::string local_name(std::string_view country_code, const std::vector<std::string_view>& alternates);

// Decodes UTF-8 into code points; invalid bytes become U+FFFD. And encodes one.
std::vector<char32_t> utf8_code_points(std::string_view text);
void append_utf8(std::string& out, char32_t c);

}  // namespace storyplot
