#include "core/geoparse/local_names.hpp"

#include <array>
#include <utility>

namespace storyplot {

std::vector<char32_t> utf8_code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
        bool ok = true;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc >> 6) != 2) ok = false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        out.push_back(ok ? cp : 0xFFFD);
        i += ok ? static_cast<std::size_t>(extra) + 1 : 1;
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

namespace {

Script script_of_code_point(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF)) return Script::latin;
    if (c >= 0x400 && c <= 0x52F) return Script::cyrillic;
    if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)) return Script::hangul;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) return Script::han;
    if (c >= 0x3040 && c <= 0x30FF) return Script::kana;
    if (c >= 0x370 && c <= 0x3FF) return Script::greek;
    if (c >= 0x600 && c <= 0x6FF) return Script::arabic;
    if (c >= 0x590 && c <= 0x5FF) return Script::hebrew;
    if (c >= 0xE00 && c <= 0xE7F) return Script::thai;
    if (c >= 0x10A0 && c <= 0x10FF) return Script::georgian;
    if (c >= 0x530 && c <= 0x58F) return Script::armenian;
    if (c >= 0x900 && c <= 0x97F) return Script::devanagari;
    return Script::other;  // digits, spaces, punctuation
}

}  // namespace

Script script_of(std::string_view text) {
    std::array<int, 13> counts{};
    for (char32_t c : utf8_code_points(text)) ++counts[static_cast<std::size_t>(script_of_code_point(c))];
    std::size_t best = static_cast<std::size_t>(Script::other);
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (i != static_cast<std::size_t>(Script::other) && counts[i] > 0 && (best == static_cast<std::size_t>(Script::other) || counts[i] > counts[best]))
            best = i;
    return static_cast<Script>(best);
}

Script country_script(std::string_view cc) {
    static constexpr std::array<std::pair<std::string_view, Script>, 34> table{{
        {"RU", Script::cyrillic}, {"BY", Script::cyrillic}, {"UA", Script::cyrillic}, {"BG", Script::cyrillic},
        {"RS", Script::cyrillic}, {"MK", Script::cyrillic}, {"KZ", Script::cyrillic}, {"KG", Script::cyrillic},
        {"TJ", Script::cyrillic}, {"MN", Script::cyrillic}, {"KP", Script::hangul},   {"KR", Script::hangul},
        {"CN", Script::han},      {"TW", Script::han},      {"HK", Script::han},      {"MO", Script::han},
        {"JP", Script::han},      {"GR", Script::greek},    {"CY", Script::greek},    {"SA", Script::arabic},
        {"EG", Script::arabic},   {"IQ", Script::arabic},   {"SY", Script::arabic},   {"JO", Script::arabic},
        {"AE", Script::arabic},   {"IR", Script::arabic},   {"IL", Script::hebrew},   {"TH", Script::thai},
        {"GE", Script::georgian}, {"AM", Script::armenian}, {"IN", Script::devanagari}, {"NP", Script::devanagari},
        {"LB", Script::arabic},   {"YE", Script::arabic},
    }};
    for (const auto& [code, script] : table)
        if (code == cc) return script;
    return Script::latin;
}

namespace {

// Cyrillic countries write their own alphabets: GeoNames also lists the names other languages give
// in Cyrillic (Ossetian "Находкæ", Belarusian "Уладзівасток"), which must not win.
bool in_national_alphabet(std::string_view country, std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::u32string_view>, 10> extra_letters{{
        {"RU", U"ёЁ"}, {"UA", U"іїєґІЇЄҐ"}, {"BY", U"іўёІЎЁ"}, {"BG", U""}, {"RS", U"ђјљњћџЂЈЉЊЋЏ"},
        {"MK", U"ѓѕјљњќџЃЅЈЉЊЌЏ"}, {"KZ", U"әғқңөұүһіӘҒҚҢӨҰҮҺІёЁ"}, {"KG", U"ңөүҢӨҮёЁ"}, {"TJ", U"ғӣқӯҳҷҒӢҚӮҲҶёЁ"},
        {"MN", U"өүёӨҮЁ"},
    }};
    std::u32string_view extra;
    bool known = false;
    for (const auto& [code, letters] : extra_letters)
        if (code == country) {
            extra = letters;
            known = true;
        }
    if (!known) return true;
    for (char32_t c : utf8_code_points(name)) {
        const bool national = (c >= 0x410 && c <= 0x44F) || extra.find(c) != std::u32string_view::npos;
        const bool ascii_letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!national && (ascii_letter || c >= 0x80)) return false;  // spaces, hyphens and digits may stay
    }
    return true;
}

}  // namespace

std::string local_name(std::string_view country_code, const std::vector<std::string_view>& alternates) {
    const Script want = country_script(country_code);
    if (want == Script::latin) return {};
    std::string_view fallback;
    for (std::string_view name : alternates) {
        if (script_of(name) != want) continue;
        if (want != Script::cyrillic || in_national_alphabet(country_code, name)) return std::string(name);
        if (fallback.empty()) fallback = name;
    }
    return std::string(fallback);
}

}  // namespace storyplot
