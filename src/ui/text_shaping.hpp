#pragma once
// Text as it is drawn: a line in right-to-left scripts (Arabic, Persian, Hebrew, Urdu…) put in
// visual order by the Unicode bidirectional algorithm, and Arabic letters joined (their initial,
// medial, final and isolated forms, and the lam-alef ligatures), through GNU FriBidi. Text in
// left-to-right scripts comes back as it is, at the cost of a scan of its bytes.
//
// Indic and Southeast Asian scripts are shaped first, by HarfBuzz (ui/complex_script.hpp).
#include <string>
#include <string_view>

namespace storyplot {

// The line in the order its glyphs are drawn, left to right: `logical` itself when it has no
// right-to-left letter, else a view of a cached copy (labels ask each frame), valid until the next
// call from this thread.
std::string_view visual_text(std::string_view logical);

// The same as a string, for ImGui widgets (a name in a list, a title): they draw what they are given.
inline std::string drawn(std::string_view logical) { return std::string(visual_text(logical)); }

// Whether the text holds any right-to-left letter (the fast path's test).
bool has_right_to_left(std::string_view text);

// Every code point of `text` (invalid bytes as U+FFFD), and back to UTF-8.
std::u32string code_points(std::string_view text);
std::string to_utf8(const std::u32string& points);

}  // namespace storyplot
