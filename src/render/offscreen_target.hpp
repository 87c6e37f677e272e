#pragma once
// A framebuffer of a given size to draw into without a window, and to read back as an Image.
#include "core/files/image.hpp"
#include "render/gl_handle.hpp"

namespace storyplot {

// How a target keeps its pixels.
// - gl: GL's way, rows bottom-up, bytes R, G, B, A.
// - window: as window surfaces keep theirs, rows top-down, bytes B, G, R, A. A frame drawn so (with
//   the clip origin at the upper left: ClipOrigin) goes onto the window's back buffer as a plain copy
//   of bytes (a blit that turns it over). From a buffer kept GL's way Mesa's llvmpipe draws that copy
//   as a pass over the whole window instead: 7-9 ms at 1920x1080 against 0.9-1.7 ms.
enum class PixelLayout { gl, window };

// Whether this GL can draw a frame rows top-down (GL 4.5 or ARB_clip_control).
bool can_draw_top_down();

// The clip origin at the upper left while it lives (and the GL can): what is drawn lands rows
// top-down, as a PixelLayout::window target keeps them. Viewports and scissors stay in the
// framebuffer's rows.
class ClipOrigin {
public:
    explicit ClipOrigin(bool upper_left);
    ~ClipOrigin();
    ClipOrigin(const ClipOrigin&) = delete;
    ClipOrigin& operator=(const ClipOrigin&) = delete;

private:
    GLint m_before = 0;
};

class OffscreenTarget {
public:
    // Throws std::runtime_error when the size exceeds what the GL implementation can allocate.
    OffscreenTarget(int width, int height, PixelLayout layout = PixelLayout::gl);

    void bind() const;
    Image read() const;  // top row first
    // The first `width` x `height` of the target (a tile smaller than the target: its bottom-left
    // corner, or its top-left kept the window's way), top row first.
    Image read_region(int width, int height) const;
    // The same into `image`, whose pixels are reused when they are of this size (no allocation, no
    // zeroing: a video's frames recycled).
    void read_region(int width, int height, Image& image) const;
    GLuint framebuffer() const { return m_fbo.get(); }
    int width() const { return m_width; }
    int height() const { return m_height; }
    PixelLayout layout() const { return m_layout; }

    static int max_size();  // GL_MAX_RENDERBUFFER_SIZE

private:
    int m_width;
    int m_height;
    PixelLayout m_layout;
    gl::Framebuffer m_fbo;
    gl::Renderbuffer m_color;  // GL's way
    gl::Texture m_texture;     // the window's: a texture, the one way to ask GL for B, G, R, A
};

}  // namespace storyplot
