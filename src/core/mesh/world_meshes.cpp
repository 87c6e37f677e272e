#include "core/mesh/world_meshes.hpp"

#include <cmath>
#include <numbers>
#include <optional>
#include <vector>

#include "core/geo/mercator.hpp"

namespace storyplot {

namespace {

// The sphere in cells between the parallels `lats` (south to north) and `columns` meridians, as
// triangles in Web Mercator metres (a row at a pole lies on Mercator's clamped edge).
Mesh sphere_cells(const std::vector<double>& lats, int columns) {
    MeshBuilder builder(2, whole_world_cell);
    std::vector<Vec2> triangles;
    for (int i = 0; i < columns; ++i)
        for (std::size_t j = 0; j + 1 < lats.size(); ++j) {
            const double w = -180 + 360.0 * i / columns, e = -180 + 360.0 * (i + 1) / columns;
            const Vec2 sw = mercator::forward({w, lats[j]}), se = mercator::forward({e, lats[j]});
            const Vec2 nw = mercator::forward({w, lats[j + 1]}), ne = mercator::forward({e, lats[j + 1]});
            triangles.insert(triangles.end(), {sw, se, ne, sw, ne, nw});
        }
    append_triangles(builder, triangles);
    return builder.finish();
}

}  // namespace

Mesh sphere_fill_mesh(double cell_deg) {
    const int rows = static_cast<int>(std::ceil(180.0 / cell_deg));
    std::vector<double> lats;
    for (int j = 0; j <= rows; ++j) lats.push_back(-90 + 180.0 * j / rows);
    return sphere_cells(lats, static_cast<int>(std::ceil(360.0 / cell_deg)));
}

Mesh globe_picture_sphere(double cell_deg) {
    std::vector<double> lats{-90};
    const int bands = static_cast<int>(std::ceil(170.0 / cell_deg));
    for (int j = 0; j <= bands; ++j) lats.push_back(-85 + 170.0 * j / bands);
    lats.push_back(90);
    return sphere_cells(lats, static_cast<int>(std::ceil(360.0 / cell_deg)));
}

namespace {

// A convex outline (its points in order, the first not repeated) as triangles: one between its
// thirds, then each arc split at its middle down to single edges. Few are thin, so Mesa's llvmpipe
// fills whole tiles of most of the shape at once (a fan from the centre or strips across, all
// slivers, took twice as long).
std::vector<Vec2> convex_triangles(std::vector<Vec2> rim) {
    std::vector<Vec2> triangles;
    if (rim.size() > 1 && rim.back().x == rim.front().x && rim.back().y == rim.front().y) rim.pop_back();
    const std::size_t n = rim.size();
    if (n < 3) return triangles;
    auto split = [&](auto& self, std::size_t a, std::size_t b) -> void {
        if (b - a < 2) return;
        const std::size_t m = (a + b) / 2;
        triangles.insert(triangles.end(), {rim[a], rim[m], rim[b % n]});
        self(self, a, m);
        self(self, m, b);
    };
    triangles.insert(triangles.end(), {rim[0], rim[n / 3], rim[2 * n / 3]});
    split(split, 0, n / 3);
    split(split, n / 3, 2 * n / 3);
    split(split, 2 * n / 3, n);
    return triangles;
}

}  // namespace

std::vector<Vec2> world_outline_triangles(const Projection& p) {
    constexpr double deg = std::numbers::pi / 180;
    std::vector<Vec2> triangles;
    auto at = [&](double lon, double lat) { return p.forward({p.lon0 + lon, lat}); };
    auto quad = [&](std::optional<Vec2> a, std::optional<Vec2> b, std::optional<Vec2> c, std::optional<Vec2> d) {
        if (a && b && c && d) triangles.insert(triangles.end(), {*a, *b, *c, *a, *c, *d});
    };
    switch (p.kind) {
    case ProjectionKind::web_mercator:
    case ProjectionKind::transverse_mercator: return {};
    case ProjectionKind::orthographic:
    case ProjectionKind::azimuthal_equidistant:
    case ProjectionKind::azimuthal_equal_area:
    case ProjectionKind::stereographic: {
        // The points at the reach's distance in every direction, a degree apart.
        const double d = p.reach_degrees() * deg * (1 - 1e-9), f0 = p.lat0 * deg;
        std::vector<Vec2> rim;
        for (int i = 0; i < 360; ++i) {
            const double az = i * deg;
            const double lat = std::asin(std::sin(f0) * std::cos(d) + std::cos(f0) * std::sin(d) * std::cos(az));
            const double lon = std::atan2(std::sin(az) * std::sin(d) * std::cos(f0), std::cos(d) - std::sin(f0) * std::sin(lat));
            if (auto q = at(lon / deg, lat / deg)) rim.push_back(*q);
        }
        return convex_triangles(rim);
    }
    case ProjectionKind::equal_earth: {
        // Convex too: its edge meridians followed in 2 degree steps, the poles straight lines.
        const double lon_edge = 180 * (1 - 1e-9);
        std::vector<Vec2> rim;
        for (int lat = -90; lat <= 90; lat += 2)
            if (auto q = at(lon_edge, lat)) rim.push_back(*q);
        for (int lat = 90; lat >= -90; lat -= 2)
            if (auto q = at(-lon_edge, lat)) rim.push_back(*q);
        return convex_triangles(rim);
    }
    default: break;
    }
    // The cut meridians run from pole to pole (a conformal cone stops 5 degrees short of its far
    // pole). A cone's parallels are arcs, followed in 2 degree steps; the equirectangular's straight
    // edges need none.
    const bool cone = p.kind == ProjectionKind::conformal_conic || p.kind == ProjectionKind::equal_area_conic;
    double south = -90, north = 90;
    if (p.kind == ProjectionKind::conformal_conic) {
        if (conic_constants(p).n >= 0) south = -85;
        else north = 85;
    }
    const int columns = cone ? 180 : 1;
    const double lon_edge = 180 * (1 - 1e-9);
    for (int i = 0; i < columns; ++i) {
        const double w = -lon_edge + 2 * lon_edge * i / columns, e = -lon_edge + 2 * lon_edge * (i + 1) / columns;
        quad(at(w, south), at(e, south), at(e, north), at(w, north));
    }
    return triangles;
}

Mesh graticule_mesh(double step_deg, double meridians_end_deg) {
    MeshBuilder builder(line_vertex_floats, whole_world_cell);
    for (double lon = -180; lon < 180 - 1e-9; lon += step_deg) {
        std::vector<Vec2> meridian;
        for (double lat = -meridians_end_deg; lat <= meridians_end_deg + 1e-9; lat += 1) meridian.push_back(mercator::forward({lon, lat}));
        append_polyline(builder, meridian);
    }
    for (double lat = -90 + step_deg; lat < 90 - 1e-9; lat += step_deg) {
        std::vector<Vec2> parallel;
        for (double lon = -180; lon <= 180 + 1e-9; lon += 1) parallel.push_back(mercator::forward({lon, lat}));
        append_polyline(builder, parallel);
    }
    return builder.finish();
}

}  // namespace storyplot
