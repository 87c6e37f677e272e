#pragma once
// The map and the story as one scene. It owns what is derived from a story and its sources, once
// per revision: the basemap, layer and route meshes on the GPU, the routes' geometry and motion,
// the clock, the legend, the glyphs the labels need, and the view state that is not the camera
// (local names, context labels, hover, selection; layer visibility lives with the layers).
//
// One call, draw(), makes every picture: the window, `render`, `animate`, the Export dialog, the
// render tests and the benchmarks. It takes a plain value (camera, story time, pixel scale, what
// to show), decides the frame in core (compose: the overlay plan and the decorations' layout, no
// GL), then paints it into a target (frame_target.hpp). Nothing of a frame stays in the renderer;
// the scene keeps a copy of each panel's base while its view stays (render/base_copy.hpp), a cache
// that gives the same pixels.
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/labels/context_labels.hpp"
#include "core/labels/map_decorations.hpp"
#include "core/labels/overlay_plan.hpp"
#include "core/story/story.hpp"
#include "core/motion/story_clock.hpp"
#include "core/motion/story_motion.hpp"
#include "core/labels/text_measure.hpp"
#include "core/session/view_state.hpp"
#include "render/base_copy.hpp"
#include "render/map_renderer.hpp"
#include "ui/fonts.hpp"

namespace storyplot {

class FrameTarget;

// What one frame shows, as a value.
struct FrameView {
    Camera camera;
    std::optional<double> time;  // the story's clock (UTC seconds); none: routes whole, nothing moves
    float scale = 1.0f;          // line widths, markers and text (2 for print)
    bool trail = false;          // a fading trail behind each vehicle
    DecorationSet decorations = DecorationSet::on_screen();
    DecorationInsets insets;     // the window's panels: labels and decorations keep clear of them
    bool highlights = false;     // the hovered and selected places lit (the window's own view)
    bool live = false;           // the window's own view: a globe's picture may lag a zoom (MapRenderer::DrawOptions)
    std::vector<LonLat> ruler;   // the window's ruler, when measuring
    std::optional<ChapterCard> card;  // a presented chapter's text, in large type
};

// The map part of a frame: panels (the main map, the inset locator) and how each is drawn.
struct MapPaint {
    struct Panel {
        Box rect;  // frame pixels
        Camera camera;
        MapRenderer::DrawOptions options;
    };
    std::vector<Panel> panels;
};

// One frame decided.
struct Frame {
    MapPaint map;
    OverlayPlan overlay;
    ExportDecorations decorations;
    DecorationLayout layout;
};

struct FrameResult {
    DrawStats map;       // of the main panel, once painted (an image target paints it tile by tile)
    OverlayPlan overlay; // what the overlay showed: markers for hit tests, labels for tests
};

class MapScene {
public:
    MapScene();  // a GL context must be current, now and for every call that draws
    ~MapScene();
    MapScene(const MapScene&) = delete;
    MapScene& operator=(const MapScene&) = delete;

    // Sources.
    void set_basemap(const BasemapMeshes& meshes);
    // A level's copy for moving views (render/map_renderer.hpp DrawOptions::moving): the window's.
    void set_moving_basemap(const BasemapMeshes& meshes) { m_renderer.set_moving_basemap(meshes); }
    void add_overlay(const LayerMeshes& layer);
    // The story (null: none) at a new revision: everything derived from it is rebuilt, here and
    // only here. The story must stay alive and unchanged until the next call.
    void set_story(const Story* story);
    void set_context(std::shared_ptr<const ContextLabels> context);
    // What an added layer names (its style's label rules): places, labelled with the towns, and lines
    // named along themselves; and the credit its data asks for (empty: none).
    void add_names(const std::vector<Town>& places, const std::vector<NamedLine>& lines, const std::string& credit);
    // A source read by view (data/view_source): its layers and names replace what its last read
    // gave, where they were among the others.
    void replace_source(const std::string& source, const std::vector<LayerMeshes>& layers, const std::vector<Town>& places,
                        const std::vector<NamedLine>& lines, const std::string& credit);

    const Story* story() const { return m_story; }
    const StoryMotion* motion() const { return m_motion ? &*m_motion : nullptr; }
    const StoryClock* clock() const { return m_clock ? &*m_clock : nullptr; }
    const ContextLabels* context() const { return m_context.get(); }
    // Every character the labels may need beyond the fonts' built-in ranges.
    const FontText& glyphs() const { return m_glyphs; }
    // Each route's length, duration and speed in a line, by route id (core describe_route).
    const std::map<std::string, std::string>& route_summaries() const { return m_route_summaries; }

    std::optional<DetailLevel> level_for(const Camera& camera) const { return m_renderer.level_for(camera); }
    bool level_covers(DetailLevel level, const Box& view) const { return m_renderer.level_covers(level, view); }
    // The largest picture of the flat world a globe is drawn from (0: none; render/map_renderer).
    void set_globe_picture_largest(int pixels) { m_renderer.set_globe_picture_largest(pixels); }
    std::vector<RouteLayer>& routes() { return m_renderer.routes(); }
    std::vector<OverlayLayer>& overlays() { return m_renderer.overlays(); }
    ViewState& state() { return m_state; }
    const ViewState& state() const { return m_state; }

    // Decide: the whole frame, without GL (text measured by `text`).
    Frame compose(const FrameView& view, const TextMeasure& text) const;
    // Paint: the part of the map inside `tile` (frame pixels) into the bound framebuffer, whose
    // viewport is the tile's, kept as `layout` says (window: rows top-down, drawn so with the clip
    // origin at the upper left, which the caller sets).
    DrawStats paint_map(const MapPaint& map, const Box& tile, PixelLayout layout = PixelLayout::gl);

    // The one call: compose the frame and paint it into `target`.
    FrameResult draw(const FrameView& view, FrameTarget& target);

private:
    MapRenderer m_renderer;
    std::vector<BaseCopy> m_base_copies;  // one a panel
    ViewState m_state;
    const Story* m_story = nullptr;
    std::optional<StoryMotion> m_motion;
    std::optional<StoryClock> m_clock;
    mutable ContextPlanCache m_context_plan;  // the context labels of the last frame's view (compose)
    std::vector<LegendEntry> m_legend;
    std::map<std::string, std::string> m_route_summaries;
    std::shared_ptr<const ContextLabels> m_context;       // the base's and the added layers' together
    std::shared_ptr<const ContextLabels> m_base_context;
    // Each level's borders, for labels to keep their side of the borders drawn.
    std::array<std::shared_ptr<const SegmentIndex>, detail_level_count> m_sides;
    std::array<double, detail_level_count> m_sides_tolerance{};  // Natural Earth's countries, GeoNames' towns
    std::vector<Town> m_added_places;    // every source's, merged
    std::vector<NamedLine> m_added_lines;
    // The names of each source read by view, as its last read gave them.
    std::map<std::string, std::pair<std::vector<Town>, std::vector<NamedLine>>> m_view_names;
    std::vector<Town> m_loaded_places;   // of the sources loaded once
    std::vector<NamedLine> m_loaded_lines;
    void merge_names();
    void add_credit(const std::string& credit);  // once
    std::vector<std::string> m_credits;  // of added layers
    std::array<bool, detail_level_count> m_gshhg{};  // whether a level's basemap draws GSHHG's data
    FontText m_glyphs;        // the story's text, the names added layers give, and its and the towns' local names
    FontText m_story_glyphs;  // the story's text, and the names added layers give, as they write them
    std::string m_town_glyphs;  // the context towns' local names
    std::string m_added_glyphs;  // the names added layers give (OSM's `name`: often the local script)
};

}  // namespace storyplot
