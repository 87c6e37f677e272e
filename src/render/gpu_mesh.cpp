#include "render/gpu_mesh.hpp"

#include <algorithm>

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
        // Attribute 0 is the position; 1 the next (up to) four floats; 2 the rest.
        const int rest = mesh.floats_per_vertex - 2;
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
        if (rest > 0) {
            glEnableVertexAttribArray(1);
            glVertexAttribPointer(1, std::min(rest, 4), GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(2 * sizeof(float)));
        }
        if (rest > 4) {
            glEnableVertexAttribArray(2);
            glVertexAttribPointer(2, rest - 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(6 * sizeof(float)));
        }
        glBindVertexArray(0);
        m_chunks.push_back(std::move(gpu));
    }
}

}  // namespace storyplot
