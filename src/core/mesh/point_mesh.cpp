#include "core/mesh/mesh.hpp"

namespace storyplot {

void append_point(MeshBuilder& builder, Vec2 p) {
    MeshChunk& chunk = builder.chunk_at(p);
    const auto i0 = MeshBuilder::add_vertex(chunk, p, {-1.0f, -1.0f});
    const auto i1 = MeshBuilder::add_vertex(chunk, p, {1.0f, -1.0f});
    const auto i2 = MeshBuilder::add_vertex(chunk, p, {-1.0f, 1.0f});
    const auto i3 = MeshBuilder::add_vertex(chunk, p, {1.0f, 1.0f});
    chunk.indices.insert(chunk.indices.end(), {i0, i1, i2, i1, i3, i2});
}

}  // namespace storyplot
