#include "core/network/line_network.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <unordered_map>

#include "core/geo/geodesic.hpp"

namespace storyplot {

namespace {

constexpr double metres_per_degree = 6378137.0 * 3.14159265358979323846 / 180.0;
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
constexpr double infinity = std::numeric_limits<double>::infinity();

// Metres east and north of `origin` on a plane tangent there: exact enough over the few
// kilometres that joining and looking up points spans.
Vec2 local_metres(LonLat origin, LonLat p) {
    const double east = std::remainder(p.lon - origin.lon, 360.0) * std::cos(origin.lat * 3.14159265358979323846 / 180.0);
    return {east * metres_per_degree, (p.lat - origin.lat) * metres_per_degree};
}

double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }

// Where on the segment a–b (in metres around the query point at the origin) the origin is nearest,
// as a fraction of the way from a.
double nearest_fraction(Vec2 a, Vec2 b) {
    const Vec2 ab = b - a;
    const double len2 = dot(ab, ab);
    return len2 > 0 ? std::clamp(-dot(a, ab) / len2, 0.0, 1.0) : 0.0;
}

LonLat along(LonLat a, LonLat b, double f) {
    return {a.lon + std::remainder(b.lon - a.lon, 360.0) * f, a.lat + (b.lat - a.lat) * f};
}

// Vertices within the tolerance of one another become one node: a hash of cells the tolerance wide.
class NodeJoiner {
public:
    NodeJoiner(std::vector<LonLat>& nodes, double tolerance_m) : m_nodes(nodes), m_tolerance(tolerance_m) {}

    std::uint32_t node_for(LonLat p) {
        const auto [row, column] = cell(p);
        for (std::int64_t r = row - 1; r <= row + 1; ++r)
            for (std::int64_t c = column - 1; c <= column + 1; ++c) {
                const auto it = m_cells.find(key(r, c));
                if (it == m_cells.end()) continue;
                for (std::uint32_t n : it->second)
                    if (m_nodes[n] == p || length(local_metres(p, m_nodes[n])) <= m_tolerance) return n;
            }
        const auto n = static_cast<std::uint32_t>(m_nodes.size());
        m_nodes.push_back(p);
        m_cells[key(row, column)].push_back(n);
        return n;
    }

private:
    std::pair<std::int64_t, std::int64_t> cell(LonLat p) const {
        const double size = std::max(m_tolerance, 1e-3);  // a millimetre: exact joins only
        const double east = p.lon * std::cos(p.lat * 3.14159265358979323846 / 180.0) * metres_per_degree;
        return {static_cast<std::int64_t>(std::floor(p.lat * metres_per_degree / size)),
                static_cast<std::int64_t>(std::floor(east / size))};
    }
    static std::uint64_t key(std::int64_t row, std::int64_t column) {
        return (static_cast<std::uint64_t>(row) << 32) ^ static_cast<std::uint64_t>(column & 0xffffffff);
    }

    std::vector<LonLat>& m_nodes;
    double m_tolerance;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_cells;
};

}  // namespace

LineNetwork::LineNetwork(const std::vector<NetworkLine>& lines, double join_tolerance_m) {
    NodeJoiner joiner(m_nodes, std::max(0.0, join_tolerance_m));
    for (const NetworkLine& line : lines) {
        if (line.modes == 0) continue;
        std::uint32_t previous = none;
        for (LonLat p : line.path) {
            if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) continue;
            const std::uint32_t n = joiner.node_for(p);
            if (previous != none && n != previous)
                m_segments.push_back({previous, n, line.modes, geodesic_distance(m_nodes[previous], m_nodes[n])});
            previous = n;
        }
        m_modes |= line.modes;
    }
    build_index();
    if (join_tolerance_m > 0) {
        join_free_ends(join_tolerance_m);
        build_index();
    }
}

void LineNetwork::build_index() {
    // Edges by node.
    m_first_edge.assign(m_nodes.size() + 1, 0);
    for (const Segment& s : m_segments) {
        ++m_first_edge[s.a + 1];
        ++m_first_edge[s.b + 1];
    }
    for (std::size_t i = 1; i < m_first_edge.size(); ++i) m_first_edge[i] += m_first_edge[i - 1];
    m_edges.assign(m_first_edge.back(), 0);
    std::vector<std::uint32_t> fill(m_first_edge.begin(), m_first_edge.end() - 1);
    for (std::uint32_t i = 0; i < m_segments.size(); ++i) {
        m_edges[fill[m_segments[i].a]++] = i;
        m_edges[fill[m_segments[i].b]++] = i;
    }

    // Segments by cell: cells sized for a few segments each, at most about four million cells.
    m_bounds = Box{};
    for (LonLat p : m_nodes) m_bounds.add(Vec2{p.lon, p.lat});
    if (m_bounds.empty()) {
        m_columns = m_rows = 0;
        m_cell_first.assign(1, 0);
        m_cell_segments.clear();
        return;
    }
    const double area = std::max(m_bounds.width(), 1e-6) * std::max(m_bounds.height(), 1e-6);
    m_cell_deg = std::max({std::sqrt(area / static_cast<double>(std::max<std::size_t>(m_segments.size(), 1))),
                           std::sqrt(area / 4e6), 1e-5});
    m_columns = static_cast<int>(m_bounds.width() / m_cell_deg) + 1;
    m_rows = static_cast<int>(m_bounds.height() / m_cell_deg) + 1;
    auto cells_of = [&](const Segment& s, const std::function<void(std::size_t)>& visit) {
        const LonLat a = m_nodes[s.a], b = m_nodes[s.b];
        const int c0 = static_cast<int>((std::min(a.lon, b.lon) - m_bounds.min_x) / m_cell_deg);
        const int c1 = static_cast<int>((std::max(a.lon, b.lon) - m_bounds.min_x) / m_cell_deg);
        const int r0 = static_cast<int>((std::min(a.lat, b.lat) - m_bounds.min_y) / m_cell_deg);
        const int r1 = static_cast<int>((std::max(a.lat, b.lat) - m_bounds.min_y) / m_cell_deg);
        for (int r = r0; r <= std::min(r1, m_rows - 1); ++r)
            for (int c = c0; c <= std::min(c1, m_columns - 1); ++c)
                visit(static_cast<std::size_t>(r) * static_cast<std::size_t>(m_columns) + static_cast<std::size_t>(c));
    };
    const std::size_t cells = static_cast<std::size_t>(m_rows) * static_cast<std::size_t>(m_columns);
    m_cell_first.assign(cells + 1, 0);
    for (const Segment& s : m_segments) cells_of(s, [&](std::size_t cell) { ++m_cell_first[cell + 1]; });
    for (std::size_t i = 1; i < m_cell_first.size(); ++i) m_cell_first[i] += m_cell_first[i - 1];
    m_cell_segments.assign(m_cell_first.back(), 0);
    std::vector<std::uint32_t> next(m_cell_first.begin(), m_cell_first.end() - 1);
    for (std::uint32_t i = 0; i < m_segments.size(); ++i)
        cells_of(m_segments[i], [&](std::size_t cell) { m_cell_segments[next[cell]++] = i; });
}

std::optional<NetworkPoint> LineNetwork::nearest(LonLat p, ModeSet modes, double max_distance_m) const {
    return nearest_segment(p, modes, max_distance_m, none);
}

std::optional<NetworkPoint> LineNetwork::nearest_segment(LonLat p, ModeSet modes, double max_distance_m,
                                                         std::uint32_t skip_node) const {
    if (m_columns == 0 || !std::isfinite(p.lon) || !std::isfinite(p.lat)) return std::nullopt;
    const double reach_lat = max_distance_m / metres_per_degree;
    const double reach_lon = reach_lat / std::max(std::cos(p.lat * 3.14159265358979323846 / 180.0), 1e-6);
    auto clamp_index = [](double v, int count) { return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(count - 1))); };
    if (p.lon + reach_lon < m_bounds.min_x || p.lon - reach_lon > m_bounds.max_x || p.lat + reach_lat < m_bounds.min_y ||
        p.lat - reach_lat > m_bounds.max_y)
        return std::nullopt;
    const int c0 = clamp_index((p.lon - reach_lon - m_bounds.min_x) / m_cell_deg, m_columns);
    const int c1 = clamp_index((p.lon + reach_lon - m_bounds.min_x) / m_cell_deg, m_columns);
    const int r0 = clamp_index((p.lat - reach_lat - m_bounds.min_y) / m_cell_deg, m_rows);
    const int r1 = clamp_index((p.lat + reach_lat - m_bounds.min_y) / m_cell_deg, m_rows);

    std::optional<NetworkPoint> best;
    double best_m = max_distance_m;
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            const std::size_t cell = static_cast<std::size_t>(r) * static_cast<std::size_t>(m_columns) + static_cast<std::size_t>(c);
            for (std::uint32_t k = m_cell_first[cell]; k < m_cell_first[cell + 1]; ++k) {
                const std::uint32_t i = m_cell_segments[k];
                const Segment& s = m_segments[i];
                if (!(s.modes & modes) || s.a == skip_node || s.b == skip_node) continue;
                const Vec2 a = local_metres(p, m_nodes[s.a]);
                const Vec2 b = local_metres(p, m_nodes[s.b]);
                const double f = nearest_fraction(a, b);
                const double d = length(a + (b - a) * f);
                if (d <= best_m && (!best || d < best_m || i < best->segment)) {
                    best_m = d;
                    best = NetworkPoint{i, f, along(m_nodes[s.a], m_nodes[s.b], f), d};
                }
            }
        }
    if (best) best->distance_m = geodesic_distance(p, best->position);
    return best;
}

void LineNetwork::join_free_ends(double tolerance_m) {
    std::vector<std::uint32_t> degree(m_nodes.size(), 0);
    for (const Segment& s : m_segments) {
        ++degree[s.a];
        ++degree[s.b];
    }
    struct Split {
        double fraction;
        std::uint32_t free_end;
        LonLat at;
        ModeSet modes;
    };
    std::unordered_map<std::uint32_t, std::vector<Split>> splits;  // by segment
    std::vector<Segment> connectors;
    for (std::uint32_t n = 0; n < m_nodes.size(); ++n) {
        if (degree[n] != 1) continue;
        const Segment& own = m_segments[m_edges[m_first_edge[n]]];
        const auto hit = nearest_segment(m_nodes[n], surface_modes, tolerance_m, n);
        if (!hit) continue;
        const Segment& target = m_segments[hit->segment];
        const ModeSet modes = (own.modes & target.modes) ? (own.modes & target.modes) : own.modes;
        if (hit->fraction <= 0 || hit->fraction >= 1) {  // at the other line's vertex: join the two nodes
            const std::uint32_t other = hit->fraction <= 0 ? target.a : target.b;
            connectors.push_back({n, other, modes, hit->distance_m});
        } else {
            splits[hit->segment].push_back({hit->fraction, n, hit->position, modes});
        }
    }
    for (auto& [index, list] : splits) {
        std::sort(list.begin(), list.end(), [](const Split& x, const Split& y) { return x.fraction < y.fraction; });
        const Segment whole = m_segments[index];
        std::uint32_t from = whole.a;
        double from_fraction = 0;
        bool first = true;
        for (const Split& split : list) {
            const auto node = static_cast<std::uint32_t>(m_nodes.size());
            m_nodes.push_back(split.at);
            const Segment piece{from, node, whole.modes, whole.length_m * (split.fraction - from_fraction)};
            if (first) m_segments[index] = piece;
            else m_segments.push_back(piece);
            first = false;
            connectors.push_back({split.free_end, node, split.modes, geodesic_distance(m_nodes[split.free_end], split.at)});
            from = node;
            from_fraction = split.fraction;
        }
        m_segments.push_back({from, whole.b, whole.modes, whole.length_m * (1 - from_fraction)});
    }
    m_joined_gaps = connectors.size();
    m_segments.insert(m_segments.end(), connectors.begin(), connectors.end());
}

std::optional<NetworkPath> LineNetwork::shortest_path(const NetworkPoint& from, const NetworkPoint& to, ModeSet modes) const {
    if (from.segment >= m_segments.size() || to.segment >= m_segments.size()) return std::nullopt;
    const Segment& first = m_segments[from.segment];
    const Segment& last = m_segments[to.segment];
    if (from.segment == to.segment)
        return NetworkPath{{from.position, to.position}, std::abs(to.fraction - from.fraction) * first.length_m};

    std::vector<double> dist(m_nodes.size(), infinity);
    std::vector<std::uint32_t> came_by(m_nodes.size(), none);  // the segment each node was reached along
    using Entry = std::pair<double, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
    auto reach = [&](std::uint32_t node, double d, std::uint32_t segment) {
        if (d < dist[node]) {
            dist[node] = d;
            came_by[node] = segment;
            open.push({d, node});
        }
    };
    reach(first.a, from.fraction * first.length_m, none);
    reach(first.b, (1 - from.fraction) * first.length_m, none);

    double best = infinity;
    std::uint32_t best_end = none;
    while (!open.empty()) {
        const auto [d, node] = open.top();
        open.pop();
        if (d > dist[node]) continue;
        if (d >= best) break;
        if (node == last.a && d + to.fraction * last.length_m < best) {
            best = d + to.fraction * last.length_m;
            best_end = node;
        }
        if (node == last.b && d + (1 - to.fraction) * last.length_m < best) {
            best = d + (1 - to.fraction) * last.length_m;
            best_end = node;
        }
        for (std::uint32_t k = m_first_edge[node]; k < m_first_edge[node + 1]; ++k) {
            const std::uint32_t e = m_edges[k];
            const Segment& s = m_segments[e];
            if (!(s.modes & modes)) continue;
            reach(s.a == node ? s.b : s.a, d + s.length_m, e);
        }
    }
    if (best_end == none) return std::nullopt;

    std::vector<std::uint32_t> nodes;
    for (std::uint32_t n = best_end;;) {
        nodes.push_back(n);
        const std::uint32_t e = came_by[n];
        if (e == none) break;
        n = m_segments[e].a == n ? m_segments[e].b : m_segments[e].a;
    }
    NetworkPath out;
    out.length_m = best;
    out.path.push_back(from.position);
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it)
        if (m_nodes[*it] != out.path.back()) out.path.push_back(m_nodes[*it]);
    if (to.position != out.path.back()) out.path.push_back(to.position);
    return out;
}

}  // namespace storyplot
