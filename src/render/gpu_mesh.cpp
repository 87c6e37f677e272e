#include "render/gpu_mesh.hpp"

namespace storyplot {

GpuMesh::GpuMesh(const Mesh& mesh) {
    const GLsizei stride = static_cast<GLsizei>(sizeof(float)) * mesh.floats_per_vertex;
    for (const MeshChunk& chunk : mesh.chunks) {
        if (chunk.indices.empty()) continue;
        GpuChunk gpu;
        gpu.origin = chunk.origin;
        gpu.bounds = chunk.bounds;
        gpu.index_count = static_cast<GLsizei>(chunk.indices.size());
        gpu.vao = gl::make_vertex_array();
        gpu.vertices = gl::make_buffer();
        gpu.indices = gl::make_buffer();
        glBindVertexArray(gpu.vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, gpu.vertices.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(chunk.vertices.size() * sizeof(float)), chunk.vertices.data(),
                     GL_STATIC_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.indices.get());
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(chunk.indices.size() * sizeof(std::uint32_t)),
                     chunk.indices.data(), GL_STATIC_DRAW);
        // Attribute 0 is the position; attribute 1 whatever follows it (direction, side, corner…).
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
        if (mesh.floats_per_vertex > 2) {
            glEnableVertexAttribArray(1);
            glVertexAttribPointer(1, mesh.floats_per_vertex - 2, GL_FLOAT, GL_FALSE, stride,
                                  reinterpret_cast<const void*>(2 * sizeof(float)));
        }
        glBindVertexArray(0);
        m_chunks.push_back(std::move(gpu));
    }
}

}  // namespace storyplot
