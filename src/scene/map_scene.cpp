#include "scene/map_scene.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/mesh/story_meshes.hpp"
#include "scene/frame_target.hpp"
#include "ui/export_decorations.hpp"
#include "ui/story_overlay.hpp"

namespace storyplot {

MapScene::MapScene() = default;
MapScene::~MapScene() = default;

void MapScene::set_basemap(const BasemapMeshes& meshes) {
    m_renderer.set_basemap(meshes);
    // GSHHG's in it: the shores close in, the lakes and rivers at every level (none under --no-water).
    bool water = !meshes.rivers.empty() || !meshes.minor_rivers.empty();
    for (const Mesh& lakes : meshes.lakes) water = water || !lakes.empty();
    m_gshhg[static_cast<std::size_t>(meshes.level)] = meshes.level == DetailLevel::close_h || water;
    m_context_plan.valid = false;  // the borders labels keep their side of may change
    // Labels keep their side of the borders drawn: each level's, the least generalised given (a still
    // gets only the copy its scale needs, within half a pixel), the part last read of a level read
    // by parts (the window's close_h). Cells sized to the level's scale.
    const auto index = static_cast<std::size_t>(meshes.level);
    constexpr std::array<double, detail_level_count> cell_m{400e3, 100e3, 25e3, 25e3};
    const bool replaces = !m_sides[index] || meshes.tolerance < m_sides_tolerance[index] || !meshes.coverage.empty();
    if (replaces && !meshes.borders.empty()) {
        m_sides[index] = std::make_shared<const SegmentIndex>(line_segments(meshes.borders), cell_m[index]);
        m_sides_tolerance[index] = meshes.tolerance;
    }
}

void MapScene::add_overlay(const LayerMeshes& layer) { m_renderer.add_overlay(layer); }

void MapScene::set_story(const Story* story) {
    m_story = story;
    m_context_plan.valid = false;
    m_motion.reset();
    m_clock.reset();
    m_legend.clear();
    m_route_summaries.clear();
    if (story) {
        m_motion.emplace(*story);  // the routes' geometry, once: meshes, motion, overlay and cameras read it
        m_renderer.set_routes(build_route_meshes(*story, *m_motion));
        m_clock.emplace(*story);
        m_legend = legend_for(*story);
        for (const auto& route : story->routes)
            if (const RouteMotion* m = m_motion->motion(route.id)) m_route_summaries[route.id] = describe_route(*m);
    } else {
        m_renderer.set_routes({});
    }
    m_story_glyphs = FontText{story_glyphs(m_story), m_added_glyphs};
    m_glyphs = FontText{m_story_glyphs.text, local_name_glyphs(m_story, nullptr, 0) + m_town_glyphs + m_added_glyphs};
}

void MapScene::set_context(std::shared_ptr<const ContextLabels> context) {
    m_base_context = std::move(context);
    m_context_plan.valid = false;  // not kept by the address of a context that may be new
    if (m_added_places.empty() && m_added_lines.empty()) {
        m_context = m_base_context;
    } else {
        auto merged = std::make_shared<ContextLabels>(m_base_context ? *m_base_context : ContextLabels{});
        merged->towns.insert(merged->towns.end(), m_added_places.begin(), m_added_places.end());
        std::stable_sort(merged->towns.begin(), merged->towns.end(), [](const Town& a, const Town& b) { return a.population > b.population; });
        merged->lines.insert(merged->lines.end(), m_added_lines.begin(), m_added_lines.end());
        std::stable_sort(merged->lines.begin(), merged->lines.end(), [](const NamedLine& a, const NamedLine& b) { return a.rank > b.rank; });
        m_context = std::move(merged);
    }
    m_town_glyphs = local_name_glyphs(nullptr, m_base_context.get(), 0);  // once per context, not per story revision
    // Added layers' names are as their data writes them, often in the local script (OSM's `name`):
    // drawn in every mode, not only with local names.
    m_added_glyphs.clear();
    for (const Town& place : m_added_places) m_added_glyphs += place.name + "\n";
    for (const NamedLine& line : m_added_lines) m_added_glyphs += line.name + "\n";
    m_story_glyphs.labels = m_added_glyphs;
    m_glyphs = FontText{m_story_glyphs.text, local_name_glyphs(m_story, nullptr, 0) + m_town_glyphs + m_added_glyphs};
}

void MapScene::add_credit(const std::string& credit) {
    if (!credit.empty() && std::find(m_credits.begin(), m_credits.end(), credit) == m_credits.end()) m_credits.push_back(credit);
}

void MapScene::add_names(const std::vector<Town>& places, const std::vector<NamedLine>& lines, const std::string& credit) {
    add_credit(credit);
    if (places.empty() && lines.empty()) return;
    m_loaded_places.insert(m_loaded_places.end(), places.begin(), places.end());
    m_loaded_lines.insert(m_loaded_lines.end(), lines.begin(), lines.end());
    merge_names();
}

void MapScene::replace_source(const std::string& source, const std::vector<LayerMeshes>& layers, const std::vector<Town>& places,
                              const std::vector<NamedLine>& lines, const std::string& credit) {
    m_renderer.replace_overlays(source, layers);
    add_credit(credit);
    auto& names = m_view_names[source];
    if (names.first.empty() && names.second.empty() && places.empty() && lines.empty()) return;  // no labels before or now
    names = {places, lines};
    merge_names();
}

void MapScene::merge_names() {
    m_added_places = m_loaded_places;
    m_added_lines = m_loaded_lines;
    for (const auto& [source, names] : m_view_names) {
        m_added_places.insert(m_added_places.end(), names.first.begin(), names.first.end());
        m_added_lines.insert(m_added_lines.end(), names.second.begin(), names.second.end());
    }
    set_context(m_base_context);
}

namespace {

// Each moving route's progress for the renderer, with a trail of `trail_m` projected metres while
// it is under way.
std::vector<RouteProgress> route_progress(const std::vector<RouteAt>& moving, double trail_m) {
    std::vector<RouteProgress> out;
    for (const auto& r : moving) out.push_back({r.route->id, r.projected_m, r.state.finished ? 0.0 : trail_m});
    return out;
}

}  // namespace

Frame MapScene::compose(const FrameView& view, const TextMeasure& text) const {
    Frame frame;
    const Camera& camera = view.camera;
    const double width = camera.width(), height = camera.height();
    std::vector<RouteAt> moving;
    if (view.time && m_motion) moving = m_motion->at(*view.time);

    // Decorations first: the overlay's labels keep clear of them.
    ExportDecorations& d = frame.decorations;
    d.show = view.decorations;
    // GSHHG for the level the view draws, and the world's in the inset.
    const auto level = m_renderer.level_for(camera);
    const bool gshhg = (level && m_gshhg[static_cast<std::size_t>(*level)]) ||
                       (view.decorations.inset && m_gshhg[static_cast<std::size_t>(DetailLevel::coarse_110m)]);
    d.credits = map_credits(gshhg, m_base_context && m_state.context_labels && !m_base_context->towns.empty(), m_credits);
    if (!camera.is_mercator()) d.credits += "\nProjection: " + camera.projection().name();  // a line of its own
    if (m_story) {
        d.title = m_story->title;
        d.legend = m_legend;
        if (view.time && m_clock)
            d.date = m_clock->format(*view.time) + " " + m_clock->zone_name();
        else if (!m_story->published.empty())
            d.date = m_story->published;
    }
    d.card = view.card;
    frame.layout = layout_decorations(camera, view.scale, d, text, view.insets);

    OverlayOptions options;
    options.local_names = m_state.local_names;
    options.context_labels = m_state.context_labels;
    if (view.highlights) {
        options.hovered = m_state.hovered;
        options.selected = m_state.selected;
    }
    for (const auto& r : m_renderer.routes())
        if (!r.visible) options.hidden_routes.insert(r.id);
    options.reserved = frame.layout.boxes();
    if (!frame.layout.inset.empty()) options.covered.push_back(frame.layout.inset);
    const DecorationInsets& in = view.insets;
    if (in.left > 0) options.reserved.push_back(Box::of(0, 0, in.left, height));
    if (in.right > 0) options.reserved.push_back(Box::of(width - in.right, 0, width, height));
    if (in.bottom > 0) options.reserved.push_back(Box::of(0, height - in.bottom, width, height));
    if (in.top > 0) options.reserved.push_back(Box::of(0, 0, width, in.top));
    options.motion = moving;
    options.clock = m_clock ? &*m_clock : nullptr;
    options.ruler = view.ruler;
    options.paths = m_motion ? &*m_motion : nullptr;
    options.caption_left = static_cast<float>(frame.layout.title.empty() ? in.left : frame.layout.title.max_x);
    options.caption_top = static_cast<float>(in.top);
    options.scale = view.scale;
    if (level) options.sides = m_sides[static_cast<std::size_t>(*level)].get();
    options.context_cache = &m_context_plan;
    frame.overlay = plan_overlay(m_story, m_context.get(), camera, options, text);

    MapRenderer::DrawOptions main;
    main.scale = view.scale;
    main.live = view.live;
    main.motion = route_progress(moving, view.trail ? 250.0 * view.scale * camera.resolution() : 0.0);
    frame.map.panels.push_back({Box::of(0, 0, width, height), camera, std::move(main)});
    if (!frame.layout.inset.empty()) {
        MapRenderer::DrawOptions inset;
        inset.overlays = inset.routes = false;
        inset.scale = view.scale;
        frame.map.panels.push_back({frame.layout.inset, inset_camera(camera, frame.layout.inset), std::move(inset)});
    }
    return frame;
}

DrawStats MapScene::paint_map(const MapPaint& map, const Box& tile, PixelLayout layout) {
    const bool top_down = layout == PixelLayout::window;
    DrawStats main;
    const int tw = static_cast<int>(std::lround(tile.width())), th = static_cast<int>(std::lround(tile.height()));
    bool first = true;
    for (const auto& panel : map.panels) {
        const Box& rect = panel.rect;
        const double x0 = std::max(rect.min_x, tile.min_x), y0 = std::max(rect.min_y, tile.min_y);
        const double x1 = std::min(rect.max_x, tile.max_x), y1 = std::min(rect.max_y, tile.max_y);
        const bool is_main = first;
        first = false;
        if (x1 <= x0 || y1 <= y0) continue;
        const int w = static_cast<int>(std::lround(x1 - x0)), h = static_cast<int>(std::lround(y1 - y0));
        // The same projection as the whole panel: the piece's centre, at the panel's resolution.
        const Camera piece = panel.camera.piece(Box::of(x0 - rect.min_x, y0 - rect.min_y, x1 - rect.min_x, y1 - rect.min_y));
        const int vx = static_cast<int>(std::lround(x0 - tile.min_x));
        // GL's rows run bottom-up; a window-layout framebuffer's top-down.
        const int vy = top_down ? static_cast<int>(std::lround(y0 - tile.min_y)) : th - static_cast<int>(std::lround(y1 - tile.min_y));
        glViewport(vx, vy, w, h);
        glEnable(GL_SCISSOR_TEST);
        glScissor(vx, vy, w, h);
        // The base from its copy when this panel shows what it showed the frames before.
        const std::size_t index = static_cast<std::size_t>(&panel - map.panels.data());
        if (m_base_copies.size() <= index) m_base_copies.resize(index + 1);
        BaseCopy& copy = m_base_copies[index];
        const BaseCopy::Key key{piece, vx, vy, w, h, panel.options.overlays, panel.options.scale, m_renderer.base_revision(), layout};
        // In the window, a base or a part of it drawn while the view moves (a zoom, a fly-to, a drag,
        // a camera following a vehicle) is drawn from the copy for moving views where there is one;
        // once the view stays, the exact base is drawn over it a quarter of its rows a frame.
        MapRenderer::DrawOptions moving = panel.options;
        moving.moving = panel.options.live;
        // A part of the panel (framebuffer pixels from the panel's first corner) drawn into the
        // copy as a piece of its view.
        auto draw_into_copy = [&](const Box& part, const MapRenderer::DrawOptions& options) {
            DrawStats drawn;
            copy.draw_into(part, [&](const Box& p) {
                const Box rows = top_down ? p : Box::of(p.min_x, h - p.max_y, p.max_x, h - p.min_y);  // the view's, top-down
                drawn = m_renderer.draw_base(piece.piece(rows), options);
            });
            return drawn;
        };
        DrawStats stats;
        if (copy.serves(key)) {
            if (const auto band = copy.next_to_refine((h + 3) / 4)) {
                draw_into_copy(*band, panel.options);
                copy.refined(*band);
            }
        } else if (const auto shift = copy.move_to(key)) {
            // Moved by whole pixels (a pan, a camera following a vehicle): only what came into view
            // is drawn, into the copy.
            Box coarse;
            DrawStats drawn;
            for (const Box& part : BaseCopy::exposed(w, h, *shift)) {
                drawn = draw_into_copy(part, moving);
                if (drawn.coarse) coarse.add(part);
            }
            copy.drawn(drawn, coarse);
        }
        if (!copy.put_back(key, stats)) {
            stats = m_renderer.draw_base(piece, moving);
            copy.offer(key, stats);
        }
        // Coarse pixels shown: the window draws again (the same view is then kept and made exact).
        if (copy.holds(key)) stats.coarse = copy.has_coarse();
        m_renderer.draw_routes(piece, panel.options);
        glDisable(GL_SCISSOR_TEST);
        if (is_main) main = stats;
    }
    glViewport(0, 0, tw, th);
    return main;
}

FrameResult MapScene::draw(const FrameView& view, FrameTarget& target) {
    const Camera& camera = view.camera;
    // The story's own letters always; the towns' local names when they are shown.
    ImDrawList& list = target.begin(camera.width(), camera.height(), view.scale, m_state.local_names ? &m_glyphs : &m_story_glyphs);
    const ImGuiTextMeasure text;  // fonts are known only inside a UI frame
    Frame frame = compose(view, text);
    paint_overlay(list, frame.overlay);
    add_export_decorations(list, camera, view.scale, frame.decorations, frame.layout);
    FrameResult result;
    result.map = target.end(*this, std::move(frame.map));
    result.overlay = std::move(frame.overlay);
    return result;
}

}  // namespace storyplot
