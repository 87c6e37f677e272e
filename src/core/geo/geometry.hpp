#pragma once
// Plain geometry types shared by every layer of storyplot.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace storyplot {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;

    friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
    friend Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
    friend Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
    friend bool operator==(Vec2 a, Vec2 b) = default;
};

inline double length(Vec2 v) { return std::hypot(v.x, v.y); }

// Longitude and latitude in degrees, WGS84.
struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
    friend bool operator==(LonLat a, LonLat b) = default;
};

// An axis-aligned box; empty until something is added.
struct Box {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    static Box of(double x0, double y0, double x1, double y1) { return {x0, y0, x1, y1}; }
    bool empty() const { return !(min_x <= max_x && min_y <= max_y); }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    Vec2 center() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
    void add(Vec2 p) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    void add(const Box& b) {
        if (b.empty()) return;
        add(Vec2{b.min_x, b.min_y});
        add(Vec2{b.max_x, b.max_y});
    }
    bool intersects(const Box& b) const {
        return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
    }
    bool contains(Vec2 p) const { return min_x <= p.x && p.x <= max_x && min_y <= p.y && p.y <= max_y; }
    // All of `b` (nothing of an empty box), within `slack` of the edges.
    bool contains(const Box& b, double slack = 0) const {
        return !empty() && !b.empty() && min_x - slack <= b.min_x && min_y - slack <= b.min_y && b.max_x <= max_x + slack && b.max_y <= max_y + slack;
    }
    friend bool operator==(const Box&, const Box&) = default;
    Box shifted(double dx, double dy) const { return {min_x + dx, min_y + dy, max_x + dx, max_y + dy}; }
};

using Ring = std::vector<LonLat>;
using Path = std::vector<LonLat>;

// A polygon: the first ring is the outer boundary, the others are holes.
struct Polygon {
    std::vector<Ring> rings;
};

// Whether a point lies inside rings by the even-odd rule (so inside an outer ring and no hole), in
// whatever plane the rings and point share: lon/lat or projected metres.
inline bool inside_rings(double x, double y, const auto& rings, auto x_of, auto y_of) {
    bool in = false;
    for (const auto& ring : rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const double xi = x_of(ring[i]), yi = y_of(ring[i]), xj = x_of(ring[j]), yj = y_of(ring[j]);
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
        }
    return in;
}
inline bool inside(LonLat p, const Polygon& poly) {
    return inside_rings(p.lon, p.lat, poly.rings, [](LonLat q) { return q.lon; }, [](LonLat q) { return q.lat; });
}
inline bool inside(Vec2 p, const std::vector<std::vector<Vec2>>& rings) {
    return inside_rings(p.x, p.y, rings, [](Vec2 q) { return q.x; }, [](Vec2 q) { return q.y; });
}

enum class GeometryKind { polygon, line, point };

// One vector layer as storyplot sees it, in lon/lat: whatever CRS the source had is already undone.
struct VectorLayer {
    std::string name;
    int style_rule = -1;  // the map style's rule its features matched (core/style/map_style.hpp); -1: none
    std::vector<Polygon> polygons;
    std::vector<Path> lines;
    std::vector<LonLat> points;

    std::size_t feature_count() const { return polygons.size() + lines.size() + points.size(); }
    bool empty() const { return feature_count() == 0; }
};

}  // namespace storyplot
