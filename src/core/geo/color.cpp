#include "core/geo/color.hpp"

#include <array>
#include <charconv>
#include <cstdint>

namespace storyplot {

std::optional<Color> parse_hex_color(std::string_view text) {
    if (text.empty() || text.front() != '#' || (text.size() != 7 && text.size() != 9)) return std::nullopt;
    std::uint32_t value = 0;
    const auto* begin = text.data() + 1;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value, 16);
    if (ec != std::errc{} || ptr != end) return std::nullopt;
    if (text.size() == 7) value = (value << 8) | 0xffu;
    auto channel = [&](int shift) { return static_cast<float>((value >> shift) & 0xffu) / 255.0f; };
    return Color{channel(24), channel(16), channel(8), channel(0)};
}

Color overlay_color(std::size_t index) {
    static constexpr std::array<std::string_view, 6> palette{"#1f6f8b", "#c2571a", "#5b8c2a", "#7a4ea3", "#b8336a",
                                                              "#8a6d1f"};
    return *parse_hex_color(palette[index % palette.size()]);
}

}  // namespace storyplot
