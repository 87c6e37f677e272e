#include "core/geo/mercator.hpp"

#include <numbers>

namespace storyplot::mercator {

namespace {
constexpr double deg = std::numbers::pi / 180.0;

// The turns added to a line's longitudes so they run on from one vertex to the next: a step of
// more than 180 degrees crosses the antimeridian.
double running_shift(double shift, double previous_lon, double lon) {
    const double step = lon - previous_lon;
    if (step > 180) return shift - 360;
    if (step < -180) return shift + 360;
    return shift;
}
}

Vec2 forward(LonLat p) {
    const double lat = std::clamp(p.lat, -max_latitude, max_latitude);
    return {earth_radius * p.lon * deg, earth_radius * std::log(std::tan(std::numbers::pi / 4 + lat * deg / 2))};
}

LonLat inverse(Vec2 m) {
    return {m.x / earth_radius / deg, (2 * std::atan(std::exp(m.y / earth_radius)) - std::numbers::pi / 2) / deg};
}

Box forward(double west, double south, double east, double north) {
    Box b;
    b.add(forward(LonLat{west, south}));
    b.add(forward(LonLat{east, north}));
    return b;
}

std::vector<Vec2> project_ring(const Ring& ring) {
    std::vector<Vec2> out;
    out.reserve(ring.size());
    double shift = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        if (i > 0) shift = running_shift(shift, ring[i - 1].lon, ring[i].lon);
        const Vec2 m = forward(LonLat{ring[i].lon + shift, ring[i].lat});
        if (out.empty() || !(out.back() == m)) out.push_back(m);
    }
    if (out.size() > 1 && out.front() == out.back()) out.pop_back();  // a tessellator closes rings itself
    // Keep the unwrapped ring's middle within the world, wherever the ring happened to start.
    Box box;
    for (Vec2 p : out) box.add(p);
    if (!box.empty() && std::abs(box.center().x) > half_world) {
        const double back = box.center().x > 0 ? -world_width : world_width;
        for (Vec2& p : out) p.x += back;
    }
    return out;
}

std::vector<Vec2> project_path(const Path& path, bool to_the_poles) {
    std::vector<Vec2> out;
    out.reserve(path.size());
    double shift = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (i > 0) shift = running_shift(shift, path[i - 1].lon, path[i].lon);
        const double lon = path[i].lon + shift;
        if (to_the_poles && std::abs(path[i].lat) > max_latitude) {
            const double lat = std::clamp(path[i].lat, -89.9, 89.9) * deg;
            out.push_back({earth_radius * lon * deg, earth_radius * std::log(std::tan(std::numbers::pi / 4 + lat / 2))});
        } else {
            out.push_back(forward(LonLat{lon, path[i].lat}));
        }
    }
    return out;
}

double ground_scale(double lat) { return std::cos(std::clamp(lat, -max_latitude, max_latitude) * deg); }

}  // namespace storyplot::mercator
