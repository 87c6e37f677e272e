#pragma once
// Numbers as the map writes them for people: thousands grouped with a comma ("1,234,567"), distances.
#include <cmath>
#include <cstdio>
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

// A distance as the ruler, the panels and the snap report write it: "850 m", "12.3 km", "1,234 km".
inline std::string format_distance(double metres) {
    char text[32];
    if (metres < 1000) std::snprintf(text, sizeof text, "%.0f m", metres);
    else if (metres < 100000) std::snprintf(text, sizeof text, "%.1f km", metres / 1000);
    else return group_thousands(std::lround(metres / 1000)) + " km";
    return text;
}

}  // namespace storyplot
