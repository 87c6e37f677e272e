#include "export/frame_renderer.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <cstring>

#include "render/offscreen_target.hpp"
#include "ui/headless_overlay.hpp"
#include "ui/map_decorations.hpp"

namespace storyplot {

FrameRenderer::FrameRenderer(MapRenderer& renderer, const Story* story, const ContextLabels* context, float scale, bool local_names,
                             int max_tile)
    : m_renderer(renderer), m_story(story), m_context(context), m_scale(scale),
      m_tile(std::min(max_tile, OffscreenTarget::max_size())), m_ui(std::make_unique<UiContext>(nullptr, nullptr, scale)) {
    if (local_names) m_ui->rebuild_fonts(label_glyphs(story, context, 0));
    if (story) {
        m_motion.emplace(*story);
        m_clock.emplace(*story);
    }
}

namespace {

struct Panel {
    Box rect;       // image pixels
    Camera camera;  // of the whole panel
    MapRenderer::DrawOptions options;
};

// Draws the part of `panel` inside the tile whose top-left is `tile` (image pixels, size tw x th).
void draw_panel_in_tile(MapRenderer& renderer, const Panel& panel, Vec2 tile, int tw, int th) {
    const double x0 = std::max(panel.rect.min_x, tile.x), y0 = std::max(panel.rect.min_y, tile.y);
    const double x1 = std::min(panel.rect.max_x, tile.x + tw), y1 = std::min(panel.rect.max_y, tile.y + th);
    if (x1 <= x0 || y1 <= y0) return;
    const int w = static_cast<int>(std::lround(x1 - x0)), h = static_cast<int>(std::lround(y1 - y0));
    // The same projection as the whole panel: the piece's centre, at the panel's resolution.
    const Vec2 centre = panel.camera.screen_to_world({(x0 + x1) / 2 - panel.rect.min_x, (y0 + y1) / 2 - panel.rect.min_y});
    const Camera piece(centre, panel.camera.resolution(), w, h);
    const int vx = static_cast<int>(std::lround(x0 - tile.x));
    const int vy = th - static_cast<int>(std::lround(y1 - tile.y));  // GL rows run bottom-up
    glViewport(vx, vy, w, h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(vx, vy, w, h);
    renderer.draw(piece, panel.options);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace

Image FrameRenderer::render(const FrameSpec& spec, const FrameProgress& progress) {
    const Camera& camera = spec.camera;
    const int width = camera.width(), height = camera.height();
    m_renderer.set_pixel_scale(m_scale);

    // The story at the frame's moment.
    std::vector<RouteAt> moving;
    if (spec.time && m_motion) moving = m_motion->at(*spec.time);
    for (auto& layer : m_renderer.routes()) {
        layer.progress_m = -1;
        layer.trail_m = 0;
        for (const auto& r : moving)
            if (r.route->id == layer.id) {
                layer.progress_m = r.projected_m;
                layer.trail_m = spec.trail && !r.state.finished ? 250.0 * m_scale * camera.resolution() : 0.0;
            }
    }

    // Decorations and the overlay, laid out once for the whole frame.
    ExportDecorations decorations;
    decorations.show = spec.decorations;
    const bool towns = m_context && spec.context_labels && !m_context->towns.empty();
    decorations.credits = map_credits(towns);
    if (m_story) {
        decorations.title = m_story->title;
        decorations.legend = legend_for(*m_story);
        if (spec.time && m_clock)
            decorations.date = m_clock->format(*spec.time) + " " + m_clock->zone_name();
        else if (!m_story->published.empty())
            decorations.date = m_story->published;
    }
    m_ui->begin_frame(width, height);  // fonts are known only inside a frame
    const DecorationLayout layout = layout_decorations(camera, m_scale, decorations);
    StoryOverlayOptions options;
    options.local_names = spec.local_names;
    options.context_labels = spec.context_labels;
    options.scale = m_scale;
    options.reserved = layout.boxes();
    options.motion = moving;
    options.caption_left = layout.title.empty() ? 0.0f : static_cast<float>(layout.title.max_x);
    if (m_clock) {
        const StoryClock* clock = &*m_clock;
        options.format_time = [clock](double t) { return clock->format(t, false); };
    }
    ImDrawList& list = *ImGui::GetForegroundDrawList();
    m_overlay.draw(list, m_story, m_context, camera, options);
    add_export_decorations(list, camera, m_scale, decorations, layout);
    m_ui->finish_frame();

    std::vector<Panel> panels{{Box::of(0, 0, width, height), camera, {}}};
    if (!layout.inset.empty()) panels.push_back({layout.inset, inset_camera(camera, layout.inset), {false, false}});

    Image image{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)};
    const int tiles_x = (width + m_tile - 1) / m_tile, tiles_y = (height + m_tile - 1) / m_tile;
    const int total = tiles_x * tiles_y;
    const int target_w = std::min(width, m_tile), target_h = std::min(height, m_tile);
    if (!m_target || m_target->width() != target_w || m_target->height() != target_h)
        m_target = std::make_unique<OffscreenTarget>(target_w, target_h);
    OffscreenTarget& target = *m_target;
    int done = 0;
    for (int ty = 0; ty < tiles_y; ++ty)
        for (int tx = 0; tx < tiles_x; ++tx) {
            if (progress && !progress(done, total)) throw Cancelled();
            const int x = tx * m_tile, y = ty * m_tile;
            const int tw = std::min(m_tile, width - x), th = std::min(m_tile, height - y);
            target.bind();
            for (const Panel& panel : panels) draw_panel_in_tile(m_renderer, panel, {static_cast<double>(x), static_cast<double>(y)}, tw, th);
            // The overlay's window onto this tile (the backend sets its own viewport: the tile's).
            glViewport(0, 0, tw, th);
            m_ui->draw_region(static_cast<float>(x), static_cast<float>(y), static_cast<float>(tw), static_cast<float>(th));
            const Image part = target.read_region(tw, th);
            for (int row = 0; row < th; ++row)
                std::memcpy(image.rgba.data() + (static_cast<std::size_t>(y + row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4,
                            part.rgba.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(tw) * 4, static_cast<std::size_t>(tw) * 4);
            ++done;
        }
    if (progress) progress(done, total);
    return image;
}

}  // namespace storyplot
