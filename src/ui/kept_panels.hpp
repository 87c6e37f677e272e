#pragma once
// The window's docked panels (the story panel, the timeline) put back from a copy of their pixels
// while what they draw stays the same: a pan, a zoom or the clock changes the map under them, not
// them. On llvmpipe drawing the story panel's text and background costs 4-5 ms a frame at
// 1280x800; a copy of its pixels a fraction of that.
//
// A panel declares itself kept (keep_panel_pixels, inside its ImGui window) only when its pixels
// depend on nothing under it: opaque, square-cornered, covering its whole rectangle. Its draw list
// is drawn as usual the first time and whenever its vertices, indices, commands, place or the
// textures it draws from change, and its rectangle is then copied; the next frames copy it back
// instead of drawing it. Needs a current GL context.
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

struct ImDrawData;
struct ImDrawList;

namespace storyplot {

class OffscreenTarget;

class KeptPanels {
public:
    KeptPanels();
    ~KeptPanels();
    KeptPanels(const KeptPanels&) = delete;
    KeptPanels& operator=(const KeptPanels&) = delete;

    // Forgets the last frame's kept panels: each declares itself again as it is drawn.
    void new_frame();
    // The ImGui window drawn into `list` is kept: its rectangle in the frame's coordinates.
    void keep(const ImDrawList* list, float x, float y, float width, float height);
    // Renders `data` into the bound framebuffer, whose rows run top-down (PixelLayout::window), in
    // the lists' order: `draw` draws a run of lists (the backend), and each kept panel unchanged
    // since its copy is copied back in its place.
    void render(ImDrawData& data, const std::function<void(ImDrawData&)>& draw);

    // Kept panels copied back, and drawn (then copied), since this was made.
    int copied_back() const { return m_copied_back; }
    int drawn() const { return m_drawn; }

private:
    struct Rect {
        int x = 0, y = 0, width = 0, height = 0;  // framebuffer pixels, rows top-down
    };
    struct Copy {
        std::uint64_t key = 0;
        std::unique_ptr<OffscreenTarget> pixels;
    };
    struct Declared {
        const ImDrawList* list = nullptr;
        float x = 0, y = 0, width = 0, height = 0;  // the frame's coordinates
    };

    std::vector<Declared> m_frame;
    std::unordered_map<const ImDrawList*, Copy> m_copies;  // a window keeps its draw list for its life
    int m_copied_back = 0, m_drawn = 0;
};

// Declares the ImGui window now being drawn kept by its context's KeptPanels (see above). Call it
// between Begin and End, and only for an opaque window without rounded corners.
void keep_panel_pixels();

// A texture the interface draws from (the font atlas, a picture, the overlay's sprites) got new
// pixels, or its name a new texture: no copy of a kept panel that draws from it survives. Called
// on the GL thread; `texture` is the GL name.
void interface_texture_changed(unsigned texture);

}  // namespace storyplot
