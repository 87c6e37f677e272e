#include "core/mesh/mesh.hpp"

#include <algorithm>
#include <cmath>

#include "core/geo/mercator.hpp"

namespace storyplot {

std::size_t Mesh::vertex_count() const {
    std::size_t n = 0;
    for (const auto& c : chunks) n += c.vertices.size() / static_cast<std::size_t>(floats_per_vertex);
    return n;
}

std::size_t Mesh::index_count() const {
    std::size_t n = 0;
    for (const auto& c : chunks) n += c.indices.size();
    return n;
}

std::size_t Mesh::byte_size() const {
    std::size_t n = 0;
    for (const auto& c : chunks) n += c.vertices.size() * sizeof(float) + c.indices.size() * sizeof(std::uint32_t);
    return n;
}

Box Mesh::bounds() const {
    Box b;
    for (const auto& c : chunks) b.add(c.bounds);
    return b;
}

WorldCopies world_copies(const Box& chunk, const Box& view) {
    if (chunk.min_y > view.max_y || chunk.max_y < view.min_y) return {};
    const double w = mercator::world_width;
    const auto first = static_cast<long>(std::ceil((view.min_x - chunk.max_x) / w));
    const auto last = std::min(first + 8, static_cast<long>(std::floor((view.max_x - chunk.min_x) / w)));
    return {first, last};
}

Mesh chunks_in_view(Mesh mesh, const Box& view) {
    std::erase_if(mesh.chunks, [&](const MeshChunk& c) {
        const WorldCopies copies = world_copies(c.bounds, view);
        return copies.first > copies.last;
    });
    return mesh;
}

MeshBuilder::MeshBuilder(int floats_per_vertex, double cell_size)
    : m_floats_per_vertex(floats_per_vertex), m_cell_size(cell_size) {
    m_mesh.floats_per_vertex = floats_per_vertex;
}

MeshChunk& MeshBuilder::chunk_at(Vec2 first) {
    const bool whole_world = m_cell_size >= whole_world_cell;
    const std::pair<long, long> cell{whole_world ? 0 : std::lround(std::floor(first.x / m_cell_size)),
                                     whole_world ? 0 : std::lround(std::floor(first.y / m_cell_size))};
    auto [it, inserted] = m_cells.try_emplace(cell, m_mesh.chunks.size());
    if (inserted) {
        MeshChunk chunk;
        chunk.origin = whole_world
                           ? Vec2{}
                           : Vec2{(static_cast<double>(cell.first) + 0.5) * m_cell_size,
                                  (static_cast<double>(cell.second) + 0.5) * m_cell_size};
        m_mesh.chunks.push_back(std::move(chunk));
    }
    return m_mesh.chunks[it->second];
}

std::uint32_t MeshBuilder::add_vertex(MeshChunk& chunk, Vec2 p, std::initializer_list<float> extra) {
    const auto floats = 2 + extra.size();
    const auto index = static_cast<std::uint32_t>(chunk.vertices.size() / floats);
    chunk.bounds.add(p);
    chunk.vertices.push_back(static_cast<float>(p.x - chunk.origin.x));
    chunk.vertices.push_back(static_cast<float>(p.y - chunk.origin.y));
    chunk.vertices.insert(chunk.vertices.end(), extra.begin(), extra.end());
    return index;
}

Mesh MeshBuilder::finish() {
    m_cells.clear();
    Mesh out = std::move(m_mesh);
    m_mesh = Mesh{};
    m_mesh.floats_per_vertex = m_floats_per_vertex;
    return out;
}

void append_triangles(MeshBuilder& builder, const std::vector<Vec2>& triangles) {
    for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) {
        MeshChunk& chunk = builder.chunk_at(triangles[i]);
        for (std::size_t k = 0; k < 3; ++k) chunk.indices.push_back(MeshBuilder::add_vertex(chunk, triangles[i + k], {}));
    }
}

}  // namespace storyplot
