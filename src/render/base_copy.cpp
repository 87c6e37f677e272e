#include "render/base_copy.hpp"

#include <epoxy/gl.h>

namespace storyplot {

namespace {

constexpr long long max_pixels = 4096LL * 4096LL;

// Framebuffer bindings and the scissor, restored when it goes: a copy of pixels is cut by the
// scissor and reads from the read framebuffer, which the draws around it do not expect to change.
class KeepBindings {
public:
    KeepBindings() {
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &m_draw);
        glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &m_read);
        m_scissor = glIsEnabled(GL_SCISSOR_TEST);
        glDisable(GL_SCISSOR_TEST);
    }
    ~KeepBindings() {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(m_draw));
        glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(m_read));
        if (m_scissor) glEnable(GL_SCISSOR_TEST);
    }
    KeepBindings(const KeepBindings&) = delete;
    KeepBindings& operator=(const KeepBindings&) = delete;
    GLuint draw() const { return static_cast<GLuint>(m_draw); }

private:
    GLint m_draw = 0, m_read = 0;
    GLboolean m_scissor = GL_FALSE;
};

}  // namespace

bool BaseCopy::put_back(const Key& key, DrawStats& stats) {
    if (!holds(key)) return false;
    const KeepBindings keep;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.get());
    glBlitFramebuffer(0, 0, key.width, key.height, key.x, key.y, key.x + key.width, key.y + key.height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    stats = m_stats;
    stats.base_copied = true;
    m_last = key;
    return true;
}

void BaseCopy::offer(const Key& key, const DrawStats& stats) {
    const bool again = m_last && *m_last == key;
    m_last = key;
    if (!again || holds(key)) return;
    m_held.reset();
    if (key.width <= 0 || key.height <= 0 || static_cast<long long>(key.width) * key.height > max_pixels) return;
    const KeepBindings keep;
    if (!m_fbo.get() || key.width != m_width || key.height != m_height) {
        GLuint id = 0;
        glGenFramebuffers(1, &id);
        m_fbo = gl::Framebuffer(id);
        glGenRenderbuffers(1, &id);
        m_color = gl::Renderbuffer(id);
        glBindRenderbuffer(GL_RENDERBUFFER, m_color.get());
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, key.width, key.height);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_fbo.get());
        glFramebufferRenderbuffer(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_color.get());
        m_width = key.width;
        m_height = key.height;
        if (glCheckFramebufferStatus(GL_DRAW_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            m_fbo.reset();
            m_color.reset();
            return;
        }
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, keep.draw());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_fbo.get());
    glBlitFramebuffer(key.x, key.y, key.x + key.width, key.y + key.height, 0, 0, key.width, key.height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    m_held = key;
    m_stats = stats;
}

}  // namespace storyplot
