#pragma once
// Line segments (projected metres) found by area: a grid of buckets. The borders a label keeps its
// own side of are looked up here for each label, each frame.
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

using Segment2 = std::pair<Vec2, Vec2>;

class SegmentIndex {
public:
    explicit SegmentIndex(std::vector<Segment2> segments, double cell_size = 20000.0);

    std::size_t size() const { return m_segments.size(); }
    // The segments whose bounding boxes meet `area`, each once; none for an area over 256 cells (a
    // label that big for the cells spans countries, and its side is moot).
    std::vector<Segment2> near(const Box& area) const;

private:
    std::int64_t cell(double v) const { return static_cast<std::int64_t>(std::floor(v / m_cell)); }
    static std::uint64_t key(std::int64_t x, std::int64_t y) {
        return (static_cast<std::uint64_t>(x) << 32) ^ static_cast<std::uint64_t>(y & 0xffffffff);
    }

    std::vector<Segment2> m_segments;
    double m_cell;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_buckets;
};

// Whether the segments p–q and a–b cross or touch.
bool segments_meet(Vec2 p, Vec2 q, Vec2 a, Vec2 b);
// Whether they cross, each passing strictly from one side of the other to the other side.
bool segments_cross(Vec2 p, Vec2 q, Vec2 a, Vec2 b);

}  // namespace storyplot
