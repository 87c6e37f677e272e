#pragma once
// Where MapScene::draw puts a frame. The window's back buffer, inside the window's own UI frame
// (its panels drawn over the map); or an image of any size: larger than a tile (4096 px, or the
// GL's limit) it is drawn tile by tile, every tile with the projection of the whole frame and the
// overlay (laid out once) replayed into it, so lines and labels run on across tile edges.
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/files/image.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "scene/map_scene.hpp"
#include "ui/ui_context.hpp"

struct ImDrawList;

namespace storyplot {

class FrameTarget {
public:
    virtual ~FrameTarget() = default;
    // Begins a frame of this size: the UI frame whose draw list takes the overlay and decorations.
    // `glyphs`: characters the labels need beyond the fonts' built-in ranges (null: none).
    virtual ImDrawList& begin(int width, int height, float scale, const FontText* glyphs) = 0;
    // Ends it: the map painted under the overlay (at once, or a tile per step()).
    virtual DrawStats end(MapScene& scene, MapPaint map) = 0;
};

// The window (or an offscreen buffer standing in for it, in benchmarks and tests): the caller has
// begun its UI frame, draws its panels over the map and present()s the frame.
// Where the GL can draw rows top-down, the window's frame is drawn into a buffer of its own kept the
// window's way (PixelLayout::window) and put onto the back buffer in one copy of bytes; elsewhere
// into the back buffer itself. A stand-in is drawn into as its layout says.
class WindowTarget final : public FrameTarget {
public:
    explicit WindowTarget(const OffscreenTarget* framebuffer = nullptr) : m_framebuffer(framebuffer) {}
    ImDrawList& begin(int width, int height, float scale, const FontText* glyphs) override;
    DrawStats end(MapScene& scene, MapPaint map) override;
    // Ends the UI frame over the map (the panels, the labels, the decorations) and puts the frame
    // on the window's back buffer, for the caller to swap.
    void present(UiContext& ui);

private:
    // The framebuffer this frame is drawn into, bound with its viewport.
    const OffscreenTarget* bind();

    const OffscreenTarget* m_framebuffer;
    std::unique_ptr<OffscreenTarget> m_frame;  // the window's frame, kept the window's way
    int m_width = 0, m_height = 0;
};

// (tiles done, tiles in all); return false to cancel.
using FrameProgress = std::function<bool(int done, int total)>;

struct Cancelled : std::runtime_error {
    Cancelled() : std::runtime_error("cancelled") {}
};

// An image, drawn in tiles through its own UI context, so a window may be in the middle of its
// own frame. After MapScene::draw, step() draws one tile (true when the last is drawn) and
// finish() hands the image over; render() does it all.
class ImageTarget final : public FrameTarget {
public:
    explicit ImageTarget(int max_tile = 4096);
    ~ImageTarget() override;
    ImageTarget(const ImageTarget&) = delete;
    ImageTarget& operator=(const ImageTarget&) = delete;

    ImDrawList& begin(int width, int height, float scale, const FontText* glyphs) override;
    DrawStats end(MapScene& scene, MapPaint map) override;

    bool step();
    Image finish();
    int tiles_done() const { return m_done; }
    int tiles_total() const { return m_tiles_x * m_tiles_y; }
    int tile_size() const { return m_tile; }

    // Pixels the next frame may be read into (a frame already written out), so that a run of
    // frames of one size allocates none.
    void reuse(std::vector<std::uint8_t> pixels) { m_spare = std::move(pixels); }

    // Draws the frame whole; throws Cancelled when `progress` returns false.
    Image render(MapScene& scene, const FrameView& view, const FrameProgress& progress = {}, FrameResult* result = nullptr);

private:
    int m_tile;
    float m_scale = 0;
    FontText m_glyphs;
    std::unique_ptr<UiContext> m_ui;
    std::optional<KeepCurrentUi> m_keep;  // between begin() and end()
    std::unique_ptr<OffscreenTarget> m_target;  // kept between frames of the same size
    MapScene* m_scene = nullptr;
    MapPaint m_map;
    DrawStats m_stats;
    Image m_image;
    std::vector<std::uint8_t> m_spare;
    int m_tiles_x = 0, m_tiles_y = 0, m_done = 0;
};

}  // namespace storyplot
