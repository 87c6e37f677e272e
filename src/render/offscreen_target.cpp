#include "render/offscreen_target.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace storyplot {

int OffscreenTarget::max_size() {
    GLint size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &size);
    return size;
}

bool can_draw_top_down() {
    static const bool can = epoxy_gl_version() >= 45 || epoxy_has_gl_extension("GL_ARB_clip_control");
    return can;
}

ClipOrigin::ClipOrigin(bool upper_left) {
    if (!can_draw_top_down()) return;
    glGetIntegerv(GL_CLIP_ORIGIN, &m_before);
    glClipControl(upper_left ? GL_UPPER_LEFT : GL_LOWER_LEFT, GL_NEGATIVE_ONE_TO_ONE);
}

ClipOrigin::~ClipOrigin() {
    if (m_before) glClipControl(static_cast<GLenum>(m_before), GL_NEGATIVE_ONE_TO_ONE);
}

OffscreenTarget::OffscreenTarget(int width, int height, PixelLayout layout) : m_width(width), m_height(height), m_layout(layout) {
    if (width <= 0 || height <= 0 || width > max_size() || height > max_size())
        throw std::runtime_error("image size " + std::to_string(width) + "x" + std::to_string(height) +
                                 " exceeds this GL's limit of " + std::to_string(max_size()));
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    m_fbo = gl::Framebuffer(id);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.get());
    if (layout == PixelLayout::window) {
        // An unsized RGBA given B, G, R, A words: Mesa keeps it in that order.
        GLint bound = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
        glGenTextures(1, &id);
        m_texture = gl::Texture(id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, id, 0);
    } else {
        glGenRenderbuffers(1, &id);
        m_color = gl::Renderbuffer(id);
        glBindRenderbuffer(GL_RENDERBUFFER, m_color.get());
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_color.get());
    }
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error("cannot create a " + std::to_string(width) + "x" + std::to_string(height) + " framebuffer");
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.get());
    glViewport(0, 0, m_width, m_height);
}

Image OffscreenTarget::read() const { return read_region(m_width, m_height); }

Image OffscreenTarget::read_region(int width, int height) const {
    Image image;
    read_region(width, height, image);
    return image;
}

void OffscreenTarget::read_region(int width, int height, Image& image) const {
    image.width = width;
    image.height = height;
    const auto row = static_cast<std::size_t>(width) * 4;
    image.rgba.resize(row * static_cast<std::size_t>(height));  // no work when its pixels are of this size
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    if (m_layout == PixelLayout::window) {  // rows top-down already: the window's top-left corner
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
        return;
    }
    // GL's rows run bottom-up; images top-down. Mesa turns them as it reads (GL_MESA_pack_invert);
    // elsewhere they are swapped after.
    static const bool invert = epoxy_has_gl_extension("GL_MESA_pack_invert");
    if (invert) glPixelStorei(GL_PACK_INVERT_MESA, GL_TRUE);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    if (invert) {
        glPixelStorei(GL_PACK_INVERT_MESA, GL_FALSE);
        return;
    }
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        auto* a = image.rgba.data() + static_cast<std::size_t>(y) * row;
        auto* b = image.rgba.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
}

}  // namespace storyplot
