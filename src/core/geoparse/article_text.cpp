#include "core/geoparse/article_text.hpp"

#include "core/files/input_error.hpp"

namespace storyplot {

void check_article_text(const std::string& path, const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError(path, "the file is empty");
    if (text.find('\0') != std::string::npos) throw InputError(path, "looks like a binary file, not text");
    // Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
    std::size_t line = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto at = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
        const unsigned c = at(0);
        std::size_t length = 0;
        if (c < 0x80) length = 1;
        else if (c >= 0xC2 && c <= 0xDF) length = (at(1) >> 6) == 2 ? 2 : 0;
        else if (c >= 0xE0 && c <= 0xEF) {
            const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
            length = at(1) >= lo && at(1) <= hi && (at(2) >> 6) == 2 ? 3 : 0;
        } else if (c >= 0xF0 && c <= 0xF4) {
            const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            length = at(1) >= lo && at(1) <= hi && (at(2) >> 6) == 2 && (at(3) >> 6) == 2 ? 4 : 0;
        }
        if (length == 0) throw InputError(path + ":" + std::to_string(line), "not UTF-8 text (byte " + std::to_string(i + 1) + ")");
        if (c == '\n') ++line;
        i += length;
    }
}

}  // namespace storyplot
