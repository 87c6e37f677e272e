#pragma once
// Move-only owners of GL object names; the deleter runs with the context current.
#include <epoxy/gl.h>

#include <utility>

namespace storyplot::gl {

template <void (*Delete)(GLuint)>
class Handle {
public:
    Handle() = default;
    explicit Handle(GLuint id) : m_id(id) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept : m_id(std::exchange(other.m_id, 0)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            m_id = std::exchange(other.m_id, 0);
        }
        return *this;
    }
    ~Handle() { reset(); }

    GLuint get() const { return m_id; }
    void reset() {
        if (m_id) Delete(m_id);
        m_id = 0;
    }

private:
    GLuint m_id = 0;
};

inline void delete_buffer(GLuint id) { glDeleteBuffers(1, &id); }
inline void delete_vertex_array(GLuint id) { glDeleteVertexArrays(1, &id); }
inline void delete_framebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
inline void delete_renderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
inline void delete_program(GLuint id) { glDeleteProgram(id); }
inline void delete_texture(GLuint id) { glDeleteTextures(1, &id); }

using Buffer = Handle<delete_buffer>;
using VertexArray = Handle<delete_vertex_array>;
using Framebuffer = Handle<delete_framebuffer>;
using Renderbuffer = Handle<delete_renderbuffer>;
using ProgramHandle = Handle<delete_program>;
using Texture = Handle<delete_texture>;

inline Buffer make_buffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return Buffer(id);
}
inline VertexArray make_vertex_array() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray(id);
}

}  // namespace storyplot::gl
