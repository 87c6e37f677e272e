#include "core/geo/simplify.hpp"

#include <cmath>
#include <utility>

namespace storyplot {

namespace {

// Squared distance from p to the segment a-b.
double distance2_to_segment(Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 ab = b - a;
    const double len2 = ab.x * ab.x + ab.y * ab.y;
    double t = len2 > 0 ? ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2 : 0.0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const Vec2 q = a + ab * t;
    return (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y);
}

// Marks the vertices of path[first..last] to keep; an explicit stack, so no depth limit.
void mark(const std::vector<Vec2>& path, std::size_t first, std::size_t last, double tolerance2, std::vector<char>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> todo{{first, last}};
    while (!todo.empty()) {
        const auto [a, b] = todo.back();
        todo.pop_back();
        double farthest = -1;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = distance2_to_segment(path[i], path[a], path[b]);
            if (d > farthest) {
                farthest = d;
                at = i;
            }
        }
        if (farthest > tolerance2) {
            keep[at] = 1;
            todo.push_back({a, at});
            todo.push_back({at, b});
        }
    }
}

std::vector<Vec2> kept(const std::vector<Vec2>& path, const std::vector<char>& keep) {
    std::vector<Vec2> out;
    for (std::size_t i = 0; i < path.size(); ++i)
        if (keep[i]) out.push_back(path[i]);
    return out;
}

}  // namespace

std::vector<Vec2> simplify_path(const std::vector<Vec2>& path, double tolerance) {
    if (path.size() < 3) return path;
    std::vector<char> keep(path.size(), 0);
    keep.front() = keep.back() = 1;
    mark(path, 0, path.size() - 1, tolerance * tolerance, keep);
    return kept(path, keep);
}

std::vector<Vec2> simplify_ring(const std::vector<Vec2>& ring, double tolerance) {
    if (ring.size() < 3) return {};
    // Split at the first vertex and the one farthest from it: two open paths.
    std::size_t far = 0;
    double farthest = -1;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        const Vec2 d = ring[i] - ring[0];
        const double d2 = d.x * d.x + d.y * d.y;
        if (d2 > farthest) {
            farthest = d2;
            far = i;
        }
    }
    if (farthest <= tolerance * tolerance) return {};  // smaller than the tolerance
    std::vector<Vec2> closed(ring);
    closed.push_back(ring[0]);
    std::vector<char> keep(closed.size(), 0);
    keep[0] = keep[far] = keep.back() = 1;
    mark(closed, 0, far, tolerance * tolerance, keep);
    mark(closed, far, closed.size() - 1, tolerance * tolerance, keep);
    keep.back() = 0;  // the repeated first vertex
    std::vector<Vec2> out = kept(closed, keep);
    if (out.size() < 3) return {};
    return out;
}

}  // namespace storyplot
