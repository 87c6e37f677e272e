#include "render/headless_context.hpp"

#include <epoxy/gl.h>

#include <stdexcept>

namespace storyplot {

void request_gl_core_profile() {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
}

std::string describe_gl() {
    auto str = [](GLenum name) {
        const auto* s = glGetString(name);
        return s ? std::string(reinterpret_cast<const char*>(s)) : std::string("?");
    };
    return "GL " + str(GL_VERSION) + " | " + str(GL_RENDERER);
}

HeadlessContext::HeadlessContext() {
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
        throw std::runtime_error(std::string("cannot start SDL's offscreen video: ") + SDL_GetError());
    request_gl_core_profile();
    m_window = SDL_CreateWindow("storyplot", 0, 0, 16, 16, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    if (!m_window) {
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        throw std::runtime_error(std::string("cannot create an offscreen GL surface: ") + SDL_GetError());
    }
    m_context = SDL_GL_CreateContext(m_window);
    if (!m_context) {
        SDL_DestroyWindow(m_window);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        throw std::runtime_error(std::string("cannot create a GL 3.3 core context: ") + SDL_GetError());
    }
    SDL_GL_MakeCurrent(m_window, m_context);
}

HeadlessContext::~HeadlessContext() {
    SDL_GL_DeleteContext(m_context);
    SDL_DestroyWindow(m_window);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

std::string HeadlessContext::renderer() const { return describe_gl(); }

}  // namespace storyplot
