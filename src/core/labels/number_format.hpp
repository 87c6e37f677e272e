#pragma once
// Numbers as the map writes them for people: thousands grouped with a comma ("1,234,567").
#include <string>

namespace storyplot {

inline std::string group_thousands(long n) {
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace storyplot
