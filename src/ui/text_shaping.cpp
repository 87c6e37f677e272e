#include "ui/text_shaping.hpp"

#include <fribidi.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/geoparse/local_names.hpp"
#include "ui/complex_script.hpp"

namespace storyplot {

std::u32string code_points(std::string_view s) {
    const std::vector<char32_t> points = utf8_code_points(s);
    return std::u32string(points.begin(), points.end());
}

std::string to_utf8(const std::u32string& points) {
    std::string out;
    for (char32_t c : points) append_utf8(out, c);
    return out;
}

namespace {

bool right_to_left(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
           (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

std::string reorder(std::string_view logical) {
    const std::u32string points = code_points(logical);
    std::vector<FriBidiChar> in(points.begin(), points.end()), out(points.size() + 1);
    FriBidiParType direction = FRIBIDI_PAR_ON;  // from the first strong letter
    if (!fribidi_log2vis(in.data(), static_cast<FriBidiStrIndex>(in.size()), &direction, out.data(), nullptr, nullptr, nullptr))
        return std::string(logical);
    std::string text;
    for (std::size_t i = 0; i < in.size(); ++i)
        if (out[i] != 0xFEFF && out[i] != 0x200C && out[i] != 0x200D) append_utf8(text, out[i]);  // joiners have done their work
    return text;
}

}  // namespace

bool has_right_to_left(std::string_view text) {
    // Right-to-left letters start with bytes D6 to DF (U+0590 to U+07FF), E0 A0 to E0 A3 (U+0800 to
    // U+08FF), EF AC to EF BB (presentation forms) or F0 90 A0 and up: a byte scan rules most text out.
    bool candidate = false;
    for (unsigned char c : text)
        if (c >= 0xD6) {
            candidate = true;
            break;
        }
    if (!candidate) return false;
    for (char32_t c : code_points(text))
        if (right_to_left(c)) return true;
    return false;
}

std::string_view visual_text(std::string_view logical) {
    // ASCII is drawn as it is; other text is worked out once and kept (labels ask every frame):
    // shaped scripts first (their runs become glyphs, left to right), then the bidirectional order.
    if (std::all_of(logical.begin(), logical.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return logical;
    static thread_local std::unordered_map<std::string, std::optional<std::string>> cache;  // none: drawn as it is
    if (cache.size() > 20000) cache.clear();  // a bound: names come and go with the view
    auto [it, fresh] = cache.try_emplace(std::string(logical));
    if (fresh) {
        std::string text = shaped_text(logical);
        if (has_right_to_left(text)) text = reorder(text);
        if (text != logical) it->second = std::move(text);
    }
    return it->second ? std::string_view(*it->second) : logical;
}

}  // namespace storyplot
