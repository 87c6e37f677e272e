#pragma once
// One Dear ImGui context with storyplot's font and look, drawing through the OpenGL3 backend.
// With a window it also takes SDL input; without one (headless) the caller gives the frame size.
#include <memory>
#include <optional>
#include <string>

#include "ui/fonts.hpp"

struct ImGuiContext;
struct SDL_Window;
union SDL_Event;

namespace storyplot {

class KeptPanels;

// Restores the ImGui context (and fonts) that was current when it was made: code that uses its own
// UiContext in the middle of another's frame (an export while the window draws) keeps one of these.
class KeepCurrentUi {
public:
    KeepCurrentUi();
    ~KeepCurrentUi();
    KeepCurrentUi(const KeepCurrentUi&) = delete;
    KeepCurrentUi& operator=(const KeepCurrentUi&) = delete;

private:
    ImGuiContext* m_context;
    const UiFonts* m_fonts;
};

class UiContext {
public:
    // `window` may be null for headless use; a GL context must be current. The fonts are built once,
    // with the glyphs of `glyphs` too (an image of a story knows its text before its first frame).
    explicit UiContext(SDL_Window* window, void* /* SDL_GLContext */ gl, float scale = 1.0f, const FontText& glyphs = {});
    ~UiContext();
    UiContext(const UiContext&) = delete;
    UiContext& operator=(const UiContext&) = delete;

    bool process_event(const SDL_Event& event);  // true when ImGui used it
    void begin_frame(int width, int height);      // width/height only matter headless
    // Renders into the bound framebuffer: rows top-down when `top_down` (a PixelLayout::window one;
    // the panels that keep their pixels, ui/kept_panels, are then copied back where unchanged).
    void end_frame(bool top_down = false);
    // For images drawn in tiles: finish the frame once, then draw the part of it at (x, y) of size
    // (w, h) in frame pixels into the bound framebuffer, once per tile.
    void finish_frame();
    void draw_region(float x, float y, float w, float h);

    // Fonts with the glyphs of `extra` too. Rebuilding the atlas in the middle of a frame aborts
    // ImGui (the atlas is locked): the request is kept and carried out at the start of the next
    // frame, the one place where fonts and their texture change. A request needing no letter the
    // fonts lack changes nothing (typing English into a chapter never rebuilds the atlas).
    void request_fonts(const FontText& extra);
    // The interface's size (HiDPI): fonts and the widgets' sizes, from the next frame.
    void set_scale(float scale);
    float scale() const { return m_scale; }

    // The panels whose pixels are kept between frames (ui/kept_panels).
    const KeptPanels& kept_panels() const { return *m_kept; }

    bool wants_mouse() const;
    bool wants_keyboard() const;

    // Makes this context (and its fonts) the one ImGui calls go to; the methods above do it.
    void activate() const;

private:
    static void apply_style(float scale);

    SDL_Window* m_window;
    float m_scale;
    ImGuiContext* m_context = nullptr;
    ImGuiContext* m_previous = nullptr;
    UiFonts m_fonts;
    std::unique_ptr<OverlaySprites> m_sprites;  // made from the atlas when it reaches the GPU
    std::unique_ptr<KeptPanels> m_kept;         // the docked panels' pixels (ui/kept_panels)
    std::optional<FontText> m_pending_fonts;
    FontText m_font_text;        // what the fonts were last built with
    std::u32string m_letters;    // and the letters beyond ASCII it holds
    bool m_restyle = false;      // the scale changed: the style is made again
};

}  // namespace storyplot
