#include "app/cli_values.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include "core/geo/mercator.hpp"

namespace storyplot {

namespace {

bool parse_int(std::string_view s, int& out) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && ptr == s.data() + s.size();
}

bool parse_double(const std::string& s, double& out) {
    try {
        std::size_t used = 0;
        out = std::stod(s, &used);
        return used == s.size() && std::isfinite(out);
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace

ImageSize parse_size(const std::string& text) {
    const auto x = text.find('x');
    ImageSize size;
    if (x == std::string::npos || !parse_int(std::string_view(text).substr(0, x), size.width) ||
        !parse_int(std::string_view(text).substr(x + 1), size.height))
        throw UsageError("--size: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080, got \"" + text + "\"");
    if (size.width < min_image_side || size.height < min_image_side || size.width > max_image_side ||
        size.height > max_image_side)
        throw UsageError("--size: each side must be between " + std::to_string(min_image_side) + " and " +
                         std::to_string(max_image_side) + " pixels, got " + text);
    return size;
}

Box parse_bbox(const std::string& text) {
    std::vector<double> v;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        double d = 0;
        if (!parse_double(part, d)) throw UsageError("--bbox: \"" + part + "\" is not a number (expected W,S,E,N in degrees)");
        v.push_back(d);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (v.size() != 4) throw UsageError("--bbox: expected four numbers W,S,E,N in degrees, got \"" + text + "\"");
    if (v[0] < -180 || v[2] > 180 || v[0] > 180 || v[2] < -180 || v[1] < -90 || v[3] > 90 || v[1] > 90 || v[3] < -90)
        throw UsageError("--bbox: longitudes must lie in [-180, 180] and latitudes in [-90, 90]");
    if (!(v[1] < v[3])) throw UsageError("--bbox: south must be less than north");
    if (v[0] == v[2]) throw UsageError("--bbox: west and east must differ");
    // West past east: the box crosses the antimeridian (as GeoJSON's bbox, RFC 7946 5.2), and its
    // east runs on past 180 degrees, where the map repeats.
    const Box b = Box::of(v[0], v[1], v[0] < v[2] ? v[2] : v[2] + 360, v[3]);
    if (b.width() < 1e-6 || b.height() < 1e-6)
        throw UsageError("--bbox: the box must be at least 0.000001 degrees (about 0.1 m) on each side");
    if (b.max_y <= -mercator::max_latitude || b.min_y >= mercator::max_latitude)
        throw UsageError("--bbox: the box lies beyond Web Mercator's +-85.05 degrees of latitude");
    return b;
}

}  // namespace storyplot
