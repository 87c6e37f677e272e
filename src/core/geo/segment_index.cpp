#include "core/geo/segment_index.hpp"

#include <algorithm>
#include <cmath>

namespace storyplot {

SegmentIndex::SegmentIndex(std::vector<Segment2> segments, double cell_size) : m_segments(std::move(segments)), m_cell(cell_size) {
    for (std::uint32_t i = 0; i < m_segments.size(); ++i) {
        const auto& [a, b] = m_segments[i];
        const std::int64_t x1 = cell(std::max(a.x, b.x)), y1 = cell(std::max(a.y, b.y));
        // A segment longer than a hundred cells (a straight border across a desert) is rare; it is
        // bucketed along its bounding box all the same, capped so a stray one cannot fill memory.
        for (std::int64_t x = cell(std::min(a.x, b.x)); x <= x1 && x - cell(std::min(a.x, b.x)) < 256; ++x)
            for (std::int64_t y = cell(std::min(a.y, b.y)); y <= y1 && y - cell(std::min(a.y, b.y)) < 256; ++y)
                m_buckets[key(x, y)].push_back(i);
    }
}

std::vector<Segment2> SegmentIndex::near(const Box& area) const {
    std::vector<std::uint32_t> hits;
    if (area.empty()) return {};
    const std::int64_t x0 = cell(area.min_x), x1 = cell(area.max_x), y0 = cell(area.min_y), y1 = cell(area.max_y);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 256) return {};  // an area this large is no label's neighbourhood
    for (std::int64_t x = x0; x <= x1; ++x)
        for (std::int64_t y = y0; y <= y1; ++y)
            if (const auto it = m_buckets.find(key(x, y)); it != m_buckets.end()) hits.insert(hits.end(), it->second.begin(), it->second.end());
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
    std::vector<Segment2> out;
    for (std::uint32_t i : hits) {
        const auto& [a, b] = m_segments[i];
        if (Box::of(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)).intersects(area))
            out.push_back(m_segments[i]);
    }
    return out;
}

namespace {
double turn(Vec2 o, Vec2 u, Vec2 v) { return (u.x - o.x) * (v.y - o.y) - (u.y - o.y) * (v.x - o.x); }
bool opposite(double s, double t) { return (s > 0 && t < 0) || (s < 0 && t > 0); }
}  // namespace

bool segments_cross(Vec2 p, Vec2 q, Vec2 a, Vec2 b) {
    return opposite(turn(a, b, p), turn(a, b, q)) && opposite(turn(p, q, a), turn(p, q, b));
}

bool segments_meet(Vec2 p, Vec2 q, Vec2 a, Vec2 b) {
    const double d1 = turn(a, b, p), d2 = turn(a, b, q), d3 = turn(p, q, a), d4 = turn(p, q, b);
    if (opposite(d1, d2) && opposite(d3, d4)) return true;
    auto on = [](Vec2 o, Vec2 u, Vec2 v) {  // v on segment o–u, given collinear
        return std::min(o.x, u.x) <= v.x && v.x <= std::max(o.x, u.x) && std::min(o.y, u.y) <= v.y && v.y <= std::max(o.y, u.y);
    };
    return (d1 == 0 && on(a, b, p)) || (d2 == 0 && on(a, b, q)) || (d3 == 0 && on(p, q, a)) || (d4 == 0 && on(p, q, b));
}

}  // namespace storyplot
