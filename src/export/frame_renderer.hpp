#pragma once
// One frame of the map at any size: the basemap, layers and story, the overlay and the export
// decorations. Larger than a tile (4096 px, or the GL's limit), it is drawn tile by tile into one
// image: every tile uses the same projection of the whole frame, and the overlay (labels placed
// once for the whole frame) is replayed into each tile, so lines and labels run on across tile
// edges without seams. Needs a current GL context.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "core/camera.hpp"
#include "core/context_labels.hpp"
#include "core/image.hpp"
#include "core/story.hpp"
#include "core/story_clock.hpp"
#include "core/story_motion.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "ui/export_decorations.hpp"
#include "ui/story_overlay.hpp"
#include "ui/ui_context.hpp"

namespace storyplot {

struct FrameSpec {
    Camera camera;                 // of the whole frame
    std::optional<double> time;    // the story's clock (UTC seconds); none: routes whole, no vehicles
    bool local_names = false;
    bool context_labels = true;
    bool trail = false;
    DecorationSet decorations;
};

// (tiles done, tiles in all); return false to cancel.
using FrameProgress = std::function<bool(int done, int total)>;

struct Cancelled : std::runtime_error {
    Cancelled() : std::runtime_error("cancelled") {}
};

class FrameRenderer {
public:
    // `scale` multiplies line widths, markers and text (2 for print). The renderer must hold the
    // basemap; story and context may be null.
    FrameRenderer(MapRenderer& renderer, const Story* story, const ContextLabels* context, float scale, bool local_names,
                  int max_tile = 4096);
    ~FrameRenderer();
    FrameRenderer(const FrameRenderer&) = delete;
    FrameRenderer& operator=(const FrameRenderer&) = delete;

    // Throws Cancelled when `progress` returns false.
    Image render(const FrameSpec& spec, const FrameProgress& progress = {});

    // The same in steps, for a window that must stay responsive: begin() lays the frame out, each
    // step() draws one tile (and returns true when the last is drawn), finish() hands the image over.
    // The renderer may be used for other drawing between steps.
    void begin(const FrameSpec& spec);
    bool step();
    Image finish();
    int tiles_done() const { return m_done; }
    int tiles_total() const { return m_tiles_x * m_tiles_y; }

    int tile_size() const { return m_tile; }

private:
    MapRenderer& m_renderer;
    const Story* m_story;
    const ContextLabels* m_context;
    float m_scale;
    int m_tile;
    std::unique_ptr<UiContext> m_ui;
    std::optional<StoryMotion> m_motion;
    std::optional<StoryClock> m_clock;
    StoryOverlay m_overlay;
    std::unique_ptr<OffscreenTarget> m_target;  // kept between frames of the same size

    // The frame in progress.
    struct Panel {
        Box rect;
        Camera camera;
        MapRenderer::DrawOptions options;
    };
    FrameSpec m_spec;
    std::vector<RouteAt> m_moving;
    std::vector<Panel> m_panels;
    Image m_image;
    int m_tiles_x = 0, m_tiles_y = 0, m_done = 0;
};

}  // namespace storyplot
