#pragma once
// One Dear ImGui context with storyplot's font and look, drawing through the OpenGL3 backend.
// With a window it also takes SDL input; without one (headless) the caller gives the frame size.
#include <SDL.h>

#include <string>

namespace storyplot {

class UiContext {
public:
    // `window` may be null for headless use; a GL context must be current.
    explicit UiContext(SDL_Window* window, SDL_GLContext gl, float scale = 1.0f);
    ~UiContext();
    UiContext(const UiContext&) = delete;
    UiContext& operator=(const UiContext&) = delete;

    bool process_event(const SDL_Event& event);  // true when ImGui used it
    void begin_frame(int width, int height);      // width/height only matter headless
    void end_frame();                             // renders into the bound framebuffer

    // Rebuilds the font atlas with extra glyphs (local-script names); call between frames.
    void rebuild_fonts(const std::string& extra_text);

    bool wants_mouse() const;
    bool wants_keyboard() const;

private:
    SDL_Window* m_window;
    float m_scale;
};

}  // namespace storyplot
