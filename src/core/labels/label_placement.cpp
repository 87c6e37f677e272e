#include "core/labels/label_placement.hpp"

#include "core/geo/segment_index.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace storyplot {

namespace {

// A uniform grid over the screen so each test looks only at nearby boxes.
class BoxGrid {
public:
    explicit BoxGrid(double cell) : m_cell(cell) {}

    bool overlaps(const Box& b) const {
        bool hit = false;
        visit(b, [&](long key) {
            const auto it = m_cells.find(key);
            if (it == m_cells.end()) return;
            for (const Box& other : it->second)
                if (b.min_x < other.max_x && b.max_x > other.min_x && b.min_y < other.max_y && b.max_y > other.min_y) hit = true;
        });
        return hit;
    }
    void add(const Box& b) {
        visit(b, [&](long key) { m_cells[key].push_back(b); });
    }

private:
    template <typename F>
    void visit(const Box& b, F&& f) const {
        const auto x0 = static_cast<long>(std::floor(b.min_x / m_cell)), x1 = static_cast<long>(std::floor(b.max_x / m_cell));
        const auto y0 = static_cast<long>(std::floor(b.min_y / m_cell)), y1 = static_cast<long>(std::floor(b.max_y / m_cell));
        for (long y = y0; y <= y1; ++y)
            for (long x = x0; x <= x1; ++x) f(y * 100003 + x);
    }
    double m_cell;
    std::unordered_map<long, std::vector<Box>> m_cells;
};

}  // namespace

std::vector<Box> label_candidates(const LabelRequest& r) {
    const double w = r.size.x, h = r.size.y, g = r.gap;
    const Vec2 a = r.anchor;
    std::vector<Vec2> corners;  // top-left corners: right, left, above, below, then the diagonals
    if (r.centered) {
        corners = {{a.x - w / 2, a.y - h / 2}};
    } else {
        const double d = g * 0.7;
        corners = {{a.x + g, a.y - h / 2}, {a.x - g - w, a.y - h / 2}, {a.x - w / 2, a.y - g - h}, {a.x - w / 2, a.y + g},
                   {a.x + d, a.y - d - h}, {a.x + d, a.y + d},      {a.x - d - w, a.y - d - h}, {a.x - d - w, a.y + d}};
    }
    std::vector<Box> boxes;
    for (Vec2 c : corners) boxes.push_back(Box::of(c.x, c.y, c.x + w, c.y + h));
    if (!r.sides.empty()) {
        // 0: on the anchor's side, clear of every line; 1: on its side but cut by a line; 2: across one.
        auto across = [&](const Box& b) {
            const Vec2 centre = b.center();
            int worst = 0;
            for (const auto& [p, q] : r.sides) {
                if (segments_cross(a, centre, p, q)) return 2;  // a border through the anchor itself is no side
                const Vec2 corner[4] = {{b.min_x, b.min_y}, {b.max_x, b.min_y}, {b.max_x, b.max_y}, {b.min_x, b.max_y}};
                for (int e = 0; e < 4 && worst == 0; ++e)
                    if (segments_meet(corner[e], corner[(e + 1) % 4], p, q)) worst = 1;
            }
            return worst;
        };
        std::vector<std::pair<int, Box>> ranked;
        for (const Box& b : boxes) ranked.emplace_back(across(b), b);
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        for (std::size_t i = 0; i < boxes.size(); ++i) boxes[i] = ranked[i].second;
    }
    return boxes;
}

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const std::vector<Box>& obstacles,
                                      ScreenRect screen) {
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return requests[a].priority > requests[b].priority; });

    BoxGrid placed(64.0);
    BoxGrid blocked(64.0);
    for (const Box& b : obstacles) blocked.add(b);
    std::vector<PlacedLabel> out;
    for (std::size_t index : order) {
        const LabelRequest& r = requests[index];
        for (const Box& box : label_candidates(r)) {
            if (box.min_x < 0 || box.min_y < 0 || box.max_x > screen.width || box.max_y > screen.height) continue;
            const double pad = r.padding;
            const Box room = Box::of(box.min_x - pad, box.min_y - pad, box.max_x + pad, box.max_y + pad);
            if (placed.overlaps(room) || blocked.overlaps(box)) continue;
            placed.add(room);
            out.push_back({index, box});
            break;
        }
    }
    return out;
}

}  // namespace storyplot
