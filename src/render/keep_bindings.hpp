#pragma once
// Framebuffer bindings, the viewport, the scissor test and the clip origin, restored when it goes;
// the scissor test is off and the clip origin GL's own meanwhile. For work that draws or copies into
// a framebuffer of its own in the middle of a frame (a copy of the base, a globe's picture of the
// flat world): the draws around it do not expect the read or draw framebuffer, the viewport or the
// scissor to change, and the work does not expect a frame drawn rows top-down.
#include <epoxy/gl.h>

#include "render/offscreen_target.hpp"

namespace storyplot {

class KeepBindings {
public:
    KeepBindings() {
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &m_draw);
        glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &m_read);
        glGetIntegerv(GL_VIEWPORT, m_viewport);
        m_scissor = glIsEnabled(GL_SCISSOR_TEST);
        glDisable(GL_SCISSOR_TEST);
    }
    ~KeepBindings() {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(m_draw));
        glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(m_read));
        glViewport(m_viewport[0], m_viewport[1], m_viewport[2], m_viewport[3]);
        if (m_scissor) glEnable(GL_SCISSOR_TEST);
    }
    KeepBindings(const KeepBindings&) = delete;
    KeepBindings& operator=(const KeepBindings&) = delete;
    GLuint draw() const { return static_cast<GLuint>(m_draw); }

private:
    GLint m_draw = 0, m_read = 0;
    GLint m_viewport[4] = {0, 0, 0, 0};
    GLboolean m_scissor = GL_FALSE;
    ClipOrigin m_origin{false};
};

}  // namespace storyplot
