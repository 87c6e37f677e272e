#include "data/layer_meshes.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <future>
#include <optional>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "core/geo/mercator.hpp"
#include "core/geo/self_crossings.hpp"
#include "core/geo/shore_trim.hpp"
#include "core/geo/simplify.hpp"
#include "core/mesh/shared_edges.hpp"
#include "data/tessellate.hpp"

namespace storyplot {

namespace {

// Projected, then generalised to `tolerance` metres (0: as it is).
std::vector<std::vector<Vec2>> projected_rings(const Polygon& poly, double tolerance) {
    std::vector<std::vector<Vec2>> rings;
    rings.reserve(poly.rings.size());
    for (const auto& ring : poly.rings) {
        auto projected = mercator::project_ring(ring);
        if (tolerance > 0) projected = simplify_ring(projected, tolerance);
        if (projected.size() >= 3) rings.push_back(std::move(projected));
    }
    return rings;
}

// The polygon's triangles, or none when it is too tangled to fill (then `tangled` says how much).
std::vector<Vec2> polygon_triangles(const Polygon& poly, double tolerance, std::optional<CrossingEstimate>& tangled) {
    const std::vector<std::vector<Vec2>> rings = projected_rings(poly, tolerance);
    const CrossingEstimate crossings = estimate_self_crossings(rings);
    if (too_tangled_to_fill(crossings)) {
        tangled = crossings;
        return {};
    }
    return tessellate(rings, projection_cell);
}

// Tessellation is the slow part of a load: it is spread over the cores, largest polygons first so
// no core is left with a big one at the end; results keep the input order.
std::vector<std::vector<Vec2>> triangulate_all(const std::vector<Polygon>& polygons, double tolerance, std::vector<TangledPolygon>* tangled) {
    std::vector<std::vector<Vec2>> out(polygons.size());
    std::vector<std::optional<CrossingEstimate>> crossings(polygons.size());
    std::vector<std::size_t> order(polygons.size());
    std::vector<std::size_t> sizes(polygons.size(), 0);
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        order[i] = i;
        for (const auto& ring : polygons[i].rings) sizes[i] += ring.size();
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < order.size();) out[order[k]] = polygon_triangles(polygons[order[k]], tolerance, crossings[order[k]]);
    };
    const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
    {
        std::vector<std::jthread> threads;
        for (unsigned w = 1; w < workers && polygons.size() > 8; ++w) threads.emplace_back(work);
        work();
    }
    for (std::size_t i = 0; i < crossings.size(); ++i)
        if (crossings[i] && tangled) tangled->push_back({i, crossings[i]->edges, crossings[i]->crossings});
    return out;
}

void append_paths(MeshBuilder& builder, const std::vector<Path>& paths, double tolerance) {
    for (const auto& path : paths) {
        const std::vector<Vec2> line = mercator::project_path(path);
        append_polyline(builder, tolerance > 0 ? simplify_path(line, tolerance) : line);
    }
}

Mesh fill_mesh(const std::vector<Polygon>& polygons, double cell_size, double tolerance = 0, std::vector<TangledPolygon>* tangled = nullptr) {
    MeshBuilder builder(2, cell_size);
    for (const auto& triangles : triangulate_all(polygons, tolerance, tangled)) append_triangles(builder, triangles);
    return builder.finish();
}

// How far from a border's end a crossing of another source's shore is taken for where the
// sources' coasts differ (1:10m's and GSHHG's, by up to a kilometre or so), not water it crosses.
constexpr double border_tail_m = 2000.0;

// Rings as lines that close (a ring does not repeat its first point).
std::vector<Path> closed_rings(const std::vector<Polygon>& polygons) {
    std::vector<Path> lines;
    for (const Polygon& polygon : polygons)
        for (const Ring& ring : polygon.rings) {
            if (ring.empty()) continue;
            lines.push_back(ring);
            lines.back().push_back(ring.front());
        }
    return lines;
}

Mesh line_mesh(const std::vector<Path>& paths, double cell_size, double tolerance = 0, bool measured = false) {
    MeshBuilder builder(measured ? route_line_vertex_floats : line_vertex_floats, cell_size);
    append_paths(builder, paths, tolerance);
    return builder.finish();
}

}  // namespace

LayerMeshes build_layer_meshes(const VectorLayer& layer, Color color, double cell_size, bool dashed_lines, double tolerance) {
    LayerMeshes out;
    out.name = layer.name;
    out.color = color;
    out.paint = geometry_paint(color);
    out.fill = fill_mesh(layer.polygons, cell_size, tolerance, &out.tangled);
    // A tangled polygon's outline is a hairball of long edges that would take seconds to draw: the
    // polygon is left out whole, and the user told.
    std::vector<bool> left_out(layer.polygons.size(), false);
    for (const TangledPolygon& t : out.tangled) left_out[t.index] = true;
    std::vector<Path> rings;
    for (std::size_t i = 0; i < layer.polygons.size(); ++i)
        if (!left_out[i]) rings.insert(rings.end(), layer.polygons[i].rings.begin(), layer.polygons[i].rings.end());
    out.outline = line_mesh(rings, cell_size, tolerance);
    out.lines = line_mesh(layer.lines, cell_size, tolerance, dashed_lines);
    MeshBuilder points(point_vertex_floats, cell_size);
    // Read for a view: no two points within 4 pixels (8 tolerances) of a cell's corner, where a
    // marker would only cover the one before it (100,000 points at world scale took llvmpipe seconds).
    std::unordered_set<std::uint64_t> taken;
    const double cell = 8 * tolerance;
    for (LonLat p : layer.points) {
        const Vec2 at = mercator::forward(p);
        if (tolerance > 0) {
            const auto col = static_cast<std::uint32_t>(static_cast<std::int64_t>(std::floor(at.x / cell)));
            const auto row = static_cast<std::uint32_t>(static_cast<std::int64_t>(std::floor(at.y / cell)));
            if (!taken.insert(std::uint64_t{col} << 32 | row).second) continue;
        }
        append_point(points, at);
    }
    out.points = points.finish();
    return out;
}

std::vector<BasemapMeshes> build_basemap_meshes(const std::vector<Polygon>& countries, const RiverPaths& rivers, const LakePolygons& lakes,
                                                DetailLevel level, const std::vector<Polygon>* land) {
    // The coarse world is one chunk (one draw call); the finer ones a grid, drawn where in view.
    // (4000 km cells at 1:10m were measured too: 5 draw calls in the region view against 22, but
    // no faster frames on llvmpipe, and coarser culling.) GSHHG's shores (close_h), three times
    // 1:10m's vertices, in cells a quarter as wide: a city's view draws a few of them.
    const double cell = level == DetailLevel::coarse_110m  ? whole_world_cell
                        : level == DetailLevel::medium_50m ? 4 * regional_cell
                        : level == DetailLevel::close_h    ? regional_cell / 4
                                                           : regional_cell;
    const std::vector<Polygon>& filled = land ? *land : countries;
    const std::vector<Path> land_shores = land ? closed_rings(*land) : std::vector<Path>{};
    BasemapMeshes out;
    out.level = level;
    // Lakes and their shores by size class.
    std::array<std::vector<Polygon>, lake_size_classes> lake_classes;
    std::array<std::vector<Path>, lake_size_classes> shores;
    for (const Polygon& lake : lakes.lakes) {
        if (lake.rings.empty() || lake.rings.front().empty()) continue;
        Box box;
        for (const LonLat& p : lake.rings.front()) box.add(mercator::forward(p));
        const std::size_t c = lake_size_class(level, std::max(box.width(), box.height()));
        lake_classes[c].push_back(lake);
    }
    for (std::size_t c = 0; c < lake_size_classes; ++c) shores[c] = closed_rings(lake_classes[c]);
    // Lines are built beside the fill, which takes the other cores.
    auto lines = std::async(std::launch::async, [&] {
        EdgeSplit edges = split_shared_edges(countries);
        // 1:10m's borders on another source's shores: their ends cut where they run into the sea.
        if (land) edges.borders = trim_border_ends_at_shore(std::move(edges.borders), *land, border_tail_m);
        Mesh coast = line_mesh(land ? land_shores : edges.coast, cell), borders = line_mesh(edges.borders, cell);
        out.rivers = line_mesh(rivers.major, cell);
        out.minor_rivers = line_mesh(rivers.minor, cell);
        for (std::size_t c = 0; c < lake_size_classes; ++c) out.lake_shores[c] = line_mesh(shores[c], cell);
        return std::tuple{std::move(edges), std::move(coast), std::move(borders)};
    });
    out.land = fill_mesh(filled, cell);
    for (std::size_t c = 0; c < lake_size_classes; ++c) out.lakes[c] = fill_mesh(lake_classes[c], cell);
    auto [edges, coast, borders] = lines.get();
    out.coast = std::move(coast);
    out.borders = std::move(borders);
    std::vector<BasemapMeshes> parts;
    parts.push_back(std::move(out));
    // Generalised copies for stills far coarser than the level is chosen for (a forced --detail):
    // from the same split of shared edges, each line generalised alone; a fill ring generalised
    // alone may leave sub-pixel slivers along a border, which the border line drawn over it covers.
    for (double tolerance : generalisation_tolerances(level)) {
        BasemapMeshes copy;
        copy.level = level;
        copy.tolerance = tolerance;
        // Coarser copies are few vertices: one chunk each for the coarsest.
        const double copy_cell = tolerance >= 4000 ? 4 * cell : cell;
        copy.land = fill_mesh(filled, copy_cell, tolerance);
        copy.coast = line_mesh(land ? land_shores : edges.coast, copy_cell, tolerance);
        copy.borders = line_mesh(edges.borders, copy_cell, tolerance);
        // Minor rivers show only closer in than any copy is drawn (minor_rivers_below).
        for (std::size_t c = 0; c < lake_size_classes; ++c) {
            copy.lakes[c] = fill_mesh(lake_classes[c], copy_cell, tolerance);
            copy.lake_shores[c] = line_mesh(shores[c], copy_cell, tolerance);
        }
        copy.rivers = line_mesh(rivers.major, copy_cell, tolerance);
        parts.push_back(std::move(copy));
    }
    return parts;
}

}  // namespace storyplot
