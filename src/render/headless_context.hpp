#pragma once
// A GL 3.3 core context with no display: SDL's offscreen video driver over Mesa (EGL).
#include <SDL.h>

#include <string>

namespace storyplot {

class HeadlessContext {
public:
    HeadlessContext();  // throws std::runtime_error with SDL's reason
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    std::string renderer() const;  // "GL 4.5 (Core Profile) Mesa … | llvmpipe …"

private:
    SDL_Window* m_window = nullptr;
    SDL_GLContext m_context = nullptr;
};

// Asks SDL for the GL 3.3 core profile; call before creating a window.
void request_gl_core_profile();

// "GL <version> | <renderer>" of the current context.
std::string describe_gl();

}  // namespace storyplot
