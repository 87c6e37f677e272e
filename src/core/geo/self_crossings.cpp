#include "core/geo/self_crossings.hpp"

#include <cstdint>

namespace storyplot {

namespace {

struct Edge {
    Vec2 a, b;
    std::size_t ring, index, ring_size;
};

double cross(Vec2 o, Vec2 a, Vec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

// Proper crossings only: each edge's ends strictly on both sides of the other.
bool edges_cross(const Edge& p, const Edge& q) {
    const double d1 = cross(p.a, p.b, q.a), d2 = cross(p.a, p.b, q.b);
    const double d3 = cross(q.a, q.b, p.a), d4 = cross(q.a, q.b, p.b);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

bool neighbours(const Edge& p, const Edge& q) {
    if (p.ring != q.ring) return false;
    const std::size_t n = p.ring_size;
    return q.index == (p.index + 1) % n || p.index == (q.index + 1) % n;
}

}  // namespace

CrossingEstimate estimate_self_crossings(const std::vector<std::vector<Vec2>>& rings, std::size_t samples) {
    std::vector<Edge> edges;
    for (std::size_t r = 0; r < rings.size(); ++r) {
        const auto& ring = rings[r];
        if (ring.size() < 2) continue;
        for (std::size_t i = 0; i < ring.size(); ++i) edges.push_back({ring[i], ring[(i + 1) % ring.size()], r, i, ring.size()});
    }
    CrossingEstimate out;
    out.edges = edges.size();
    const std::size_t n = edges.size();
    if (n < 2) return out;
    const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2.0;
    if (pairs <= static_cast<double>(samples)) {  // few enough to count them all
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                ++out.sampled;
                if (!neighbours(edges[i], edges[j]) && edges_cross(edges[i], edges[j])) ++out.hits;
            }
        out.crossings = static_cast<double>(out.hits);
        return out;
    }
    std::uint64_t state = 0x9E3779B97F4A7C15ull;  // splitmix64: the same pairs every run
    auto next = [&] {
        state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    for (std::size_t s = 0; s < samples; ++s) {
        const std::size_t i = static_cast<std::size_t>(next() % n);
        std::size_t j = static_cast<std::size_t>(next() % (n - 1));
        if (j >= i) ++j;  // a pair of two different edges
        ++out.sampled;
        if (!neighbours(edges[i], edges[j]) && edges_cross(edges[i], edges[j])) ++out.hits;
    }
    out.crossings = static_cast<double>(out.hits) / static_cast<double>(out.sampled) * pairs;
    return out;
}

bool too_tangled_to_fill(const CrossingEstimate& estimate) {
    return estimate.hits >= min_crossing_hits && estimate.crossings > max_fill_crossings;
}

}  // namespace storyplot
