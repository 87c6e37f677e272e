#include "export/frame_renderer.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <cstring>

#include "render/offscreen_target.hpp"
#include "ui/map_decorations.hpp"

namespace storyplot {

FrameRenderer::FrameRenderer(MapRenderer& renderer, const Story* story, const ContextLabels* context, float scale, bool local_names,
                             int max_tile)
    : m_renderer(renderer), m_story(story), m_context(context), m_scale(scale),
      m_tile(std::min(max_tile, OffscreenTarget::max_size())) {
    const KeepCurrentUi keep;  // the window may be in the middle of its own frame
    m_ui = std::make_unique<UiContext>(nullptr, nullptr, scale);
    if (local_names) m_ui->request_fonts(label_glyphs(story, context, 0));
    if (story) {
        m_motion.emplace(*story);
        m_clock.emplace(*story);
    }
}

namespace {

// Draws the part of a panel inside the tile whose top-left is `tile` (image pixels, size tw x th).
void draw_panel_in_tile(MapRenderer& renderer, const Box& rect, const Camera& camera, const MapRenderer::DrawOptions& options,
                        Vec2 tile, int tw, int th) {
    const double x0 = std::max(rect.min_x, tile.x), y0 = std::max(rect.min_y, tile.y);
    const double x1 = std::min(rect.max_x, tile.x + tw), y1 = std::min(rect.max_y, tile.y + th);
    if (x1 <= x0 || y1 <= y0) return;
    const int w = static_cast<int>(std::lround(x1 - x0)), h = static_cast<int>(std::lround(y1 - y0));
    // The same projection as the whole panel: the piece's centre, at the panel's resolution.
    const Vec2 centre = camera.screen_to_world({(x0 + x1) / 2 - rect.min_x, (y0 + y1) / 2 - rect.min_y});
    const Camera piece(centre, camera.resolution(), w, h);
    const int vx = static_cast<int>(std::lround(x0 - tile.x));
    const int vy = th - static_cast<int>(std::lround(y1 - tile.y));  // GL rows run bottom-up
    glViewport(vx, vy, w, h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(vx, vy, w, h);
    renderer.draw(piece, options);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace

FrameRenderer::~FrameRenderer() {
    const KeepCurrentUi keep;
    m_ui.reset();
}

void FrameRenderer::begin(const FrameSpec& spec) {
    const KeepCurrentUi keep;
    m_spec = spec;
    const Camera& camera = spec.camera;
    const int width = camera.width(), height = camera.height();
    m_moving.clear();
    if (spec.time && m_motion) m_moving = m_motion->at(*spec.time);

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
    options.motion = m_moving;
    options.caption_left = layout.title.empty() ? 0.0f : static_cast<float>(layout.title.max_x);
    options.clock = m_clock ? &*m_clock : nullptr;
    options.paths = m_motion ? &*m_motion : nullptr;
    ImDrawList& list = *ImGui::GetForegroundDrawList();
    m_overlay.draw(list, m_story, m_context, camera, options);
    add_export_decorations(list, camera, m_scale, decorations, layout);
    m_ui->finish_frame();

    m_panels = {{Box::of(0, 0, width, height), camera, {}}};
    if (!layout.inset.empty()) m_panels.push_back({layout.inset, inset_camera(camera, layout.inset), {false, false}});
    m_image = Image{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)};
    m_tiles_x = (width + m_tile - 1) / m_tile;
    m_tiles_y = (height + m_tile - 1) / m_tile;
    m_done = 0;
    const int target_w = std::min(width, m_tile), target_h = std::min(height, m_tile);
    if (!m_target || m_target->width() != target_w || m_target->height() != target_h)
        m_target = std::make_unique<OffscreenTarget>(target_w, target_h);
}

bool FrameRenderer::step() {
    if (m_done >= tiles_total()) return true;
    const KeepCurrentUi keep;
    const int width = m_image.width, height = m_image.height;
    // The renderer is shared (the window draws with it between steps): set the frame's state anew.
    m_renderer.set_pixel_scale(m_scale);
    m_renderer.show_motion(m_moving, m_spec.trail ? 250.0 * m_scale * m_spec.camera.resolution() : 0.0);
    const int tx = m_done % m_tiles_x, ty = m_done / m_tiles_x;
    const int x = tx * m_tile, y = ty * m_tile;
    const int tw = std::min(m_tile, width - x), th = std::min(m_tile, height - y);
    m_target->bind();
    for (const Panel& panel : m_panels)
        draw_panel_in_tile(m_renderer, panel.rect, panel.camera, panel.options, {static_cast<double>(x), static_cast<double>(y)}, tw, th);
    // The overlay's window onto this tile (the backend sets its own viewport: the tile's).
    glViewport(0, 0, tw, th);
    m_ui->draw_region(static_cast<float>(x), static_cast<float>(y), static_cast<float>(tw), static_cast<float>(th));
    const Image part = m_target->read_region(tw, th);
    for (int row = 0; row < th; ++row)
        std::memcpy(m_image.rgba.data() + (static_cast<std::size_t>(y + row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4,
                    part.rgba.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(tw) * 4, static_cast<std::size_t>(tw) * 4);
    m_renderer.set_pixel_scale(1.0f);
    ++m_done;
    return m_done >= tiles_total();
}

Image FrameRenderer::finish() { return std::move(m_image); }

Image FrameRenderer::render(const FrameSpec& spec, const FrameProgress& progress) {
    begin(spec);
    for (;;) {
        if (progress && !progress(m_done, tiles_total())) throw Cancelled();
        if (step()) break;
    }
    if (progress) progress(m_done, tiles_total());
    return finish();
}

}  // namespace storyplot
