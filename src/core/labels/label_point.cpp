#include <algorithm>
#include <cmath>
#include <limits>

#include "core/labels/context_labels.hpp"

namespace storyplot {

namespace {

// Signed distance from p to the polygon's boundary: positive inside (odd winding), negative outside.
double signed_distance(Vec2 p, const std::vector<std::vector<Vec2>>& rings) {
    bool inside = false;
    double best2 = std::numeric_limits<double>::infinity();  // squared: one square root at the end
    for (const auto& ring : rings) {
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Vec2 a = ring[i], b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
            const Vec2 ab = b - a;
            const double len2 = ab.x * ab.x + ab.y * ab.y;
            double t = len2 > 0 ? ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2 : 0;
            t = std::clamp(t, 0.0, 1.0);
            const double dx = p.x - (a.x + ab.x * t), dy = p.y - (a.y + ab.y * t);
            best2 = std::min(best2, dx * dx + dy * dy);
        }
    }
    const double best = std::sqrt(best2);
    return inside ? best : -best;
}

// The part of a ring inside `box` (Sutherland and Hodgman: clipped edge by edge of the box). A ring
// that leaves the box and comes back gains edges along the box's side, which is what a label
// inside the box should keep clear of anyway.
std::vector<Vec2> clip_ring(std::vector<Vec2> ring, const Box& box) {
    auto clip = [&](auto inside, auto cross) {
        std::vector<Vec2> out;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
            const bool in_a = inside(a), in_b = inside(b);
            if (in_a) out.push_back(a);
            if (in_a != in_b) out.push_back(cross(a, b));
        }
        ring = std::move(out);
    };
    auto at_x = [](double x) { return [x](Vec2 a, Vec2 b) { return Vec2{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)}; }; };
    auto at_y = [](double y) { return [y](Vec2 a, Vec2 b) { return Vec2{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y}; }; };
    clip([&](Vec2 p) { return p.x >= box.min_x; }, at_x(box.min_x));
    clip([&](Vec2 p) { return p.x <= box.max_x; }, at_x(box.max_x));
    clip([&](Vec2 p) { return p.y >= box.min_y; }, at_y(box.min_y));
    clip([&](Vec2 p) { return p.y <= box.max_y; }, at_y(box.max_y));
    return ring;
}

// The search behind label_point: a grid of n x n cells over the rings' bounds, then `rounds` - 1
// more, each four times finer around the best point so far.
Vec2 search_label_point(const std::vector<std::vector<Vec2>>& rings, int n, int rounds) {
    Box box;
    for (const auto& ring : rings)
        for (Vec2 p : ring) box.add(p);
    if (box.empty() || rings.empty() || rings[0].size() < 3) return box.empty() ? Vec2{} : box.center();
    Vec2 best = box.center();
    double best_d = signed_distance(best, rings);
    double cell_w = box.width(), cell_h = box.height();
    Vec2 origin{box.min_x, box.min_y};
    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i <= n; ++i)
            for (int j = 0; j <= n; ++j) {
                const Vec2 p{origin.x + cell_w * i / n, origin.y + cell_h * j / n};
                const double d = signed_distance(p, rings);
                if (d > best_d) {
                    best_d = d;
                    best = p;
                }
            }
        // Look again around the best point, on a grid four times finer.
        cell_w /= 4;
        cell_h /= 4;
        origin = {best.x - cell_w / 2, best.y - cell_h / 2};
    }
    return best;
}

}  // namespace

std::optional<Vec2> label_point_within(const std::vector<std::vector<Vec2>>& rings, const Box& box, double clearance) {
    if (rings.empty() || box.empty()) return std::nullopt;
    Box bounds;
    for (Vec2 p : rings[0]) bounds.add(p);
    if (bounds.empty() || bounds.max_x < box.min_x || bounds.min_x > box.max_x || bounds.max_y < box.min_y || bounds.min_y > box.max_y)
        return std::nullopt;
    std::vector<std::vector<Vec2>> clipped;
    for (const auto& ring : rings) {
        std::vector<Vec2> part = clip_ring(ring, box);
        if (part.size() >= 3) clipped.push_back(std::move(part));
        else if (clipped.empty()) return std::nullopt;  // the outer ring misses the box
    }
    const Vec2 p = search_label_point(clipped, 8, 3);  // a coarser search: this runs as the view moves
    if (signed_distance(p, clipped) < clearance) return std::nullopt;
    return p;
}

Vec2 label_point(const std::vector<std::vector<Vec2>>& rings) { return search_label_point(rings, 12, 4); }

}  // namespace storyplot
