#include "core/mesh/shared_edges.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "core/geo/mercator.hpp"

namespace storyplot {

namespace {

struct Edge {
    std::uint64_t hash;
    std::uint32_t id;  // running index of the edge over all rings, in walking order
};

std::uint64_t mix(std::uint64_t h, double v) {
    h ^= std::bit_cast<std::uint64_t>(v) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 29);
}

// The same for an edge in either direction.
std::uint64_t edge_hash(LonLat a, LonLat b) {
    if (b.lon < a.lon || (b.lon == a.lon && b.lat < a.lat)) std::swap(a, b);
    return mix(mix(mix(mix(0, a.lon), a.lat), b.lon), b.lat);
}

bool is_artefact(LonLat a, LonLat b) {
    const bool on_antimeridian = a.lon == b.lon && std::abs(a.lon) >= 179.99999;
    const bool below_projection = a.lat < -mercator::max_latitude && b.lat < -mercator::max_latitude;
    return on_antimeridian || below_projection;
}

enum class EdgeClass : std::uint8_t { skip, coast, border };

}  // namespace

EdgeSplit split_shared_edges(const std::vector<Polygon>& polygons) {
    // Sorting the edges by a hash of their end points groups each edge with its twin: a group of
    // one is coast, a larger group a border, drawn by its first member only. A sort of flat
    // records is several times faster here than a node-based hash map.
    std::vector<Edge> edges;
    std::vector<std::pair<LonLat, LonLat>> ends;
    for (const auto& poly : polygons)
        for (const auto& ring : poly.rings)
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                edges.push_back({edge_hash(ring[i], ring[i + 1]), static_cast<std::uint32_t>(edges.size())});
                ends.emplace_back(ring[i], ring[i + 1]);
            }
    std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
        return x.hash != y.hash ? x.hash < y.hash : x.id < y.id;
    });

    std::vector<EdgeClass> classes(edges.size(), EdgeClass::skip);
    auto same_edge = [&](std::uint32_t i, std::uint32_t j) {
        const auto [a, b] = ends[i];
        const auto [c, d] = ends[j];
        return (a == c && b == d) || (a == d && b == c);
    };
    for (std::size_t start = 0; start < edges.size();) {
        std::size_t end = start + 1;
        while (end < edges.size() && edges[end].hash == edges[start].hash) ++end;
        // Within a run of equal hashes (almost always one edge and its twin) match exact coordinates.
        for (std::size_t i = start; i < end; ++i) {
            const auto id = edges[i].id;
            bool first = true;
            int count = 0;
            for (std::size_t j = start; j < end; ++j)
                if (same_edge(id, edges[j].id)) {
                    ++count;
                    if (edges[j].id < id) first = false;
                }
            const auto [a, b] = ends[id];
            if (first && !is_artefact(a, b)) classes[id] = count >= 2 ? EdgeClass::border : EdgeClass::coast;
        }
        start = end;
    }

    // Walk the rings again, joining consecutive edges of one class into paths.
    EdgeSplit out;
    std::size_t id = 0;
    for (const auto& poly : polygons) {
        for (const auto& ring : poly.rings) {
            Path current;
            EdgeClass current_class = EdgeClass::skip;
            auto flush = [&] {
                if (current.size() >= 2) (current_class == EdgeClass::border ? out.borders : out.coast).push_back(std::move(current));
                current.clear();
            };
            for (std::size_t i = 0; i + 1 < ring.size(); ++i, ++id) {
                const EdgeClass c = classes[id];
                if (c != current_class) {
                    flush();
                    current_class = c;
                    if (c != EdgeClass::skip) current = {ring[i]};
                }
                if (c != EdgeClass::skip) current.push_back(ring[i + 1]);
            }
            flush();
        }
    }
    return out;
}

}  // namespace storyplot
