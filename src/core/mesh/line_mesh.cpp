#include "core/mesh/mesh.hpp"

#include <cmath>

namespace storyplot {

void append_polyline(MeshBuilder& builder, const std::vector<Vec2>& path) {
    // Long segments in pieces (see projection_cell).
    std::vector<Vec2> dense;
    dense.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (i > 0) {
            const Vec2 a = path[i - 1], b = path[i];
            // No segment on the Earth spans more than a few hundred cells; one that claims to
            // (coordinates far outside the world, or not finite) is drawn as it is.
            const double cells = std::ceil(length(b - a) / projection_cell);
            const int pieces = cells > 1 && cells <= max_projection_cells ? static_cast<int>(cells) : 1;
            for (int k = 1; k < pieces; ++k) dense.push_back(a + (b - a) * (static_cast<double>(k) / pieces));
        }
        dense.push_back(path[i]);
    }
    double along = 0;
    for (std::size_t i = 0; i + 1 < dense.size(); ++i) {
        const Vec2 a = dense[i];
        const Vec2 b = dense[i + 1];
        const double len = length(b - a);
        if (len <= 0) continue;
        const auto dx = static_cast<float>((b.x - a.x) / len);
        const auto dy = static_cast<float>((b.y - a.y) / len);
        MeshChunk& chunk = builder.chunk_at(a);
        std::uint32_t i0, i1, i2, i3;
        if (builder.floats_per_vertex() >= route_line_vertex_floats) {
            const auto d0 = static_cast<float>(along);
            const auto d1 = static_cast<float>(along + len);
            i0 = MeshBuilder::add_vertex(chunk, a, {dx, dy, -1.0f, -1.0f, d0});
            i1 = MeshBuilder::add_vertex(chunk, a, {dx, dy, 1.0f, -1.0f, d0});
            i2 = MeshBuilder::add_vertex(chunk, b, {dx, dy, -1.0f, 1.0f, d1});
            i3 = MeshBuilder::add_vertex(chunk, b, {dx, dy, 1.0f, 1.0f, d1});
        } else {
            i0 = MeshBuilder::add_vertex(chunk, a, {dx, dy, -1.0f, -1.0f});
            i1 = MeshBuilder::add_vertex(chunk, a, {dx, dy, 1.0f, -1.0f});
            i2 = MeshBuilder::add_vertex(chunk, b, {dx, dy, -1.0f, 1.0f});
            i3 = MeshBuilder::add_vertex(chunk, b, {dx, dy, 1.0f, 1.0f});
        }
        chunk.indices.insert(chunk.indices.end(), {i0, i1, i2, i1, i3, i2});
        along += len;
    }
}

std::vector<std::pair<Vec2, Vec2>> line_segments(const Mesh& lines) {
    std::vector<std::pair<Vec2, Vec2>> out;
    const auto stride = static_cast<std::size_t>(lines.floats_per_vertex);
    for (const MeshChunk& chunk : lines.chunks) {
        auto at = [&](std::uint32_t v) {
            const std::size_t i = v * stride;
            return Vec2{chunk.origin.x + chunk.vertices[i], chunk.origin.y + chunk.vertices[i + 1]};
        };
        // Each segment is a quad of six indices: a, a, b, a, b, b (append_polyline).
        for (std::size_t k = 0; k + 5 < chunk.indices.size(); k += 6) out.emplace_back(at(chunk.indices[k]), at(chunk.indices[k + 2]));
    }
    return out;
}

}  // namespace storyplot
