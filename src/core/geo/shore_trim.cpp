#include "core/geo/shore_trim.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <unordered_set>

#include "core/geo/mercator.hpp"
#include "core/geo/segment_index.hpp"

namespace storyplot {

namespace {

// Cells of the coarse grid that picks the shore segments near a border's end (projected metres).
constexpr double coarse_cell = 20000.0;

std::int64_t cell_of(double v) { return static_cast<std::int64_t>(std::floor(v / coarse_cell)); }
std::uint64_t cell_key(std::int64_t x, std::int64_t y) { return (static_cast<std::uint64_t>(x) << 32) ^ static_cast<std::uint64_t>(y & 0xffffffff); }
std::uint64_t cell_key(Vec2 p) { return cell_key(cell_of(p.x), cell_of(p.y)); }

// Whether the segment's box meets a cell of `cells`.
bool meets_cells(Vec2 a, Vec2 b, const std::unordered_set<std::uint64_t>& cells) {
    const std::int64_t x0 = cell_of(std::min(a.x, b.x)), x1 = cell_of(std::max(a.x, b.x));
    const std::int64_t y0 = cell_of(std::min(a.y, b.y)), y1 = cell_of(std::max(a.y, b.y));
    for (std::int64_t x = x0; x <= x1; ++x)
        for (std::int64_t y = y0; y <= y1; ++y)
            if (cells.count(cell_key(x, y))) return true;
    return false;
}

// Where p–q meets a–b, as the fraction of the way from p to q (segments that meet, not parallel).
std::optional<double> crossing_along(Vec2 p, Vec2 q, Vec2 a, Vec2 b) {
    if (!segments_meet(p, q, a, b)) return std::nullopt;
    const Vec2 r = q - p, s = b - a;
    const double denominator = r.x * s.y - r.y * s.x;
    if (denominator == 0) return std::nullopt;  // along the shore: no single crossing
    return std::clamp(((a.x - p.x) * s.y - (a.y - p.y) * s.x) / denominator, 0.0, 1.0);
}

// The point where the line `points` (projected, from the end inward) first crosses the shore
// within `tail` projected metres of its first point: the index of the segment and the point.
std::optional<std::pair<std::size_t, Vec2>> first_crossing(const std::vector<Vec2>& points, const SegmentIndex& shore, double tail) {
    double walked = 0;
    for (std::size_t i = 0; i + 1 < points.size() && walked <= tail; ++i) {
        const Vec2 p = points[i], q = points[i + 1];
        const double len = length(q - p);
        Box box;
        box.add(p);
        box.add(q);
        std::optional<double> nearest;
        for (const auto& [a, b] : shore.near(box))
            if (const auto t = crossing_along(p, q, a, b); t && (!nearest || *t < *nearest)) nearest = t;
        if (nearest) {
            if (walked + *nearest * len > tail) return std::nullopt;
            return std::pair{i, p + (q - p) * *nearest};
        }
        walked += len;
    }
    return std::nullopt;
}

}  // namespace

std::vector<Path> trim_border_ends_at_shore(std::vector<Path> borders, const std::vector<Polygon>& land, double tail_m) {
    // The shore's segments near some border's end, found through a coarse grid of the ends' cells.
    std::unordered_set<std::uint64_t> near_ends;
    for (const Path& border : borders) {
        if (border.size() < 2) continue;
        for (LonLat end : {border.front(), border.back()}) {
            const Vec2 at = mercator::forward(end);
            const double reach = tail_m / mercator::ground_scale(end.lat);
            for (double dx = -reach; dx <= reach + coarse_cell; dx += coarse_cell)
                for (double dy = -reach; dy <= reach + coarse_cell; dy += coarse_cell)
                    near_ends.insert(cell_key(at + Vec2{std::min(dx, reach), std::min(dy, reach)}));
        }
    }
    std::vector<Segment2> shore;
    for (const Polygon& polygon : land)
        for (const Ring& ring : polygon.rings)
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const Vec2 a = mercator::forward(ring[i]), b = mercator::forward(ring[(i + 1) % ring.size()]);
                if (meets_cells(a, b, near_ends)) shore.emplace_back(a, b);
            }
    if (shore.empty()) return borders;
    const SegmentIndex index(std::move(shore), 2000.0);

    for (Path& border : borders) {
        if (border.size() < 2) continue;
        std::vector<Vec2> points = mercator::project_path(border);  // kept beside the path as it is cut
        if (points.size() != border.size()) continue;  // a path project_path changed: left as it is
        // The end at the front, then the end at the back (the path turned round and back again).
        for (int side = 0; side < 2; ++side) {
            const double tail = tail_m / mercator::ground_scale(border.front().lat);
            if (const auto cut = first_crossing(points, index, tail)) {
                const auto rest = static_cast<std::ptrdiff_t>(cut->first) + 1;
                border.erase(border.begin(), border.begin() + rest);
                border.insert(border.begin(), mercator::inverse(cut->second));
                points.erase(points.begin(), points.begin() + rest);
                points.insert(points.begin(), cut->second);
            }
            std::reverse(border.begin(), border.end());
            std::reverse(points.begin(), points.end());
        }
    }
    return borders;
}

}  // namespace storyplot
