#include "core/geo/geodesic.hpp"

#include <geodesic.h>

#include <algorithm>
#include <cmath>

namespace storyplot {

namespace {
const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic out;
        geod_init(&out, 6378137.0, 1 / 298.257223563);
        return out;
    }();
    return g;
}
}  // namespace

double geodesic_distance(LonLat a, LonLat b) {
    double s12 = 0;
    geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
    return s12;
}

double geodesic_bearing(LonLat a, LonLat b) {
    double s12 = 0, azi1 = 0, azi2 = 0;
    geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
    return azi1;
}

Path great_circle(LonLat a, LonLat b, double max_step_m) {
    geod_geodesicline line;
    geod_inverseline(&line, &wgs84(), a.lat, a.lon, b.lat, b.lon, GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_DISTANCE_IN);
    const double total = line.s13;
    const int steps = std::max(1, static_cast<int>(std::ceil(total / max_step_m)));
    Path path;
    path.reserve(static_cast<std::size_t>(steps) + 1);
    for (int i = 0; i <= steps; ++i) {
        double lat = 0, lon = 0;
        // GEOD_LONG_UNROLL: longitudes continue from a.lon instead of wrapping into [-180, 180].
        geod_genposition(&line, GEOD_LONG_UNROLL, total * i / steps, &lat, &lon, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
        path.push_back({lon, lat});
    }
    path.front() = a;
    path.back().lat = b.lat;
    return path;
}

std::optional<LonLat> area_centroid(const Ring& ring) { return area_centroid(std::span<const Ring>(&ring, 1)); }

std::optional<LonLat> area_centroid(std::span<const Ring> rings) {
    if (rings.empty() || rings.front().empty()) return std::nullopt;
    constexpr double to_radians = 3.14159265358979323846 / 180.0;
    const double lon0 = rings.front().front().lon;
    auto point = [&](const LonLat& p) {
        return Vec2{p.lon - 360.0 * std::round((p.lon - lon0) / 360.0), std::sin(p.lat * to_radians)};
    };
    double twice_area = 0, cx = 0, cy = 0;
    for (const Ring& ring : rings) {
        double ring_area = 0, ring_x = 0, ring_y = 0;
        for (std::size_t i = 0; ring.size() >= 3 && i < ring.size(); ++i) {
            const Vec2 a = point(ring[i]), b = point(ring[(i + 1) % ring.size()]);
            const double cross = a.x * b.y - b.x * a.y;
            ring_area += cross;
            ring_x += (a.x + b.x) * cross;
            ring_y += (a.y + b.y) * cross;
        }
        const double sign = ring_area < 0 ? -1.0 : 1.0;  // rings wound either way weigh alike
        twice_area += sign * ring_area;
        cx += sign * ring_x;
        cy += sign * ring_y;
    }
    if (std::abs(twice_area) < 1e-12) return std::nullopt;
    const double lon = cx / (3.0 * twice_area), sin_lat = std::clamp(cy / (3.0 * twice_area), -1.0, 1.0);
    return LonLat{lon - 360.0 * std::round(lon / 360.0), std::asin(sin_lat) / to_radians};
}

}  // namespace storyplot
