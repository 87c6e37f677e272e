#include <cmath>
#include <limits>

#include "core/labels/context_labels.hpp"

namespace storyplot {

namespace {

// Signed distance from p to the polygon's boundary: positive inside (odd winding), negative outside.
double signed_distance(Vec2 p, const std::vector<std::vector<Vec2>>& rings) {
    bool inside = false;
    double best = std::numeric_limits<double>::infinity();
    for (const auto& ring : rings) {
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Vec2 a = ring[i], b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
            const Vec2 ab = b - a;
            const double len2 = ab.x * ab.x + ab.y * ab.y;
            double t = len2 > 0 ? ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2 : 0;
            t = std::clamp(t, 0.0, 1.0);
            best = std::min(best, length(p - (a + ab * t)));
        }
    }
    return inside ? best : -best;
}

}  // namespace

Vec2 label_point(const std::vector<std::vector<Vec2>>& rings) {
    Box box;
    for (const auto& ring : rings)
        for (Vec2 p : ring) box.add(p);
    if (box.empty() || rings.empty() || rings[0].size() < 3) return box.empty() ? Vec2{} : box.center();
    Vec2 best = box.center();
    double best_d = signed_distance(best, rings);
    double cell_w = box.width(), cell_h = box.height();
    Vec2 origin{box.min_x, box.min_y};
    constexpr int n = 12;
    for (int round = 0; round < 4; ++round) {
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

}  // namespace storyplot
