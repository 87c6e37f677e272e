#pragma once
// A framebuffer of a given size to draw into without a window, and to read back as an Image.
#include "core/files/image.hpp"
#include "render/gl_handle.hpp"

namespace storyplot {

class OffscreenTarget {
public:
    // Throws std::runtime_error when the size exceeds what the GL implementation can allocate.
    OffscreenTarget(int width, int height);

    void bind() const;
    Image read() const;  // top row first
    // The bottom-left `width` x `height` of the target (a tile smaller than the target), top row first.
    Image read_region(int width, int height) const;
    // The same into `image`, whose pixels are reused when they are of this size (no allocation, no
    // zeroing: a video's frames recycled).
    void read_region(int width, int height, Image& image) const;
    GLuint framebuffer() const { return m_fbo.get(); }
    int width() const { return m_width; }
    int height() const { return m_height; }

    static int max_size();  // GL_MAX_RENDERBUFFER_SIZE

private:
    int m_width;
    int m_height;
    gl::Framebuffer m_fbo;
    gl::Renderbuffer m_color;
};

}  // namespace storyplot
