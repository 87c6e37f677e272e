#pragma once
// A core::Mesh uploaded to GL: one vertex array per chunk, with the chunk's origin and bounds kept
// on the CPU for the per-draw offset and for culling.
#include <vector>

#include "core/mesh/mesh.hpp"
#include "render/gl_handle.hpp"

namespace storyplot {

struct GpuChunk {
    Vec2 origin;
    Box bounds;
    GLsizei index_count = 0;
    gl::VertexArray vao;
    gl::Buffer vertices;
    gl::Buffer indices;
};

class GpuMesh {
public:
    GpuMesh() = default;
    explicit GpuMesh(const Mesh& mesh);

    const std::vector<GpuChunk>& chunks() const { return m_chunks; }
    bool empty() const { return m_chunks.empty(); }

private:
    std::vector<GpuChunk> m_chunks;
};

}  // namespace storyplot
