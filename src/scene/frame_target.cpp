#include "scene/frame_target.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <cstring>
#include <utility>

namespace storyplot {

ImDrawList& WindowTarget::begin(int width, int height, float, const FontText*) {
    m_width = width;
    m_height = height;
    return *ImGui::GetBackgroundDrawList();  // under the window's panels
}

const OffscreenTarget* WindowTarget::bind() {
    const OffscreenTarget* target = m_framebuffer;
    if (!target && can_draw_top_down() && m_width > 0 && m_height > 0) {
        if (!m_frame || m_frame->width() != m_width || m_frame->height() != m_height) {
            m_frame.reset();
            try {
                m_frame = std::make_unique<OffscreenTarget>(m_width, m_height, PixelLayout::window);
            } catch (const std::runtime_error&) {
                // past the GL's limit: into the back buffer, as where the GL cannot draw rows top-down
            }
        }
        target = m_frame.get();
    }
    if (target) target->bind();
    else glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, m_width, m_height);
    return target;
}

DrawStats WindowTarget::end(MapScene& scene, MapPaint map) {
    const OffscreenTarget* target = bind();
    const PixelLayout layout = target ? target->layout() : PixelLayout::gl;
    const ClipOrigin origin(layout == PixelLayout::window);
    return scene.paint_map(map, Box::of(0, 0, m_width, m_height), layout);
}

void WindowTarget::present(UiContext& ui) {
    const OffscreenTarget* target = bind();
    ui.end_frame(target && target->layout() == PixelLayout::window);
    if (target != m_frame.get() || !m_frame) return;
    // Turned over onto the back buffer, whose rows run bottom-up.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_frame->framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, m_width, m_height, 0, m_height, m_width, 0, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

ImageTarget::ImageTarget(int max_tile) : m_tile(std::min(max_tile, OffscreenTarget::max_size())) {}

ImageTarget::~ImageTarget() {
    m_keep.reset();
    const KeepCurrentUi keep;
    m_ui.reset();
}

ImDrawList& ImageTarget::begin(int width, int height, float scale, const FontText* glyphs) {
    m_keep.emplace();  // the window may be in the middle of its own frame
    if (!m_ui || scale != m_scale) {
        m_glyphs = glyphs ? *glyphs : FontText{};
        m_ui = std::make_unique<UiContext>(nullptr, nullptr, scale, m_glyphs);
        m_scale = scale;
    }
    if (glyphs && *glyphs != m_glyphs) {
        m_ui->request_fonts(*glyphs);  // carried out as the frame begins
        m_glyphs = *glyphs;
    }
    m_ui->begin_frame(width, height);
    // Pixels come with the tiles (a single tile's read back is the image), into the buffer given
    // back by reuse() when there is one.
    m_image = Image{width, height, std::exchange(m_spare, {})};
    return *ImGui::GetForegroundDrawList();
}

DrawStats ImageTarget::end(MapScene& scene, MapPaint map) {
    m_ui->finish_frame();
    m_keep.reset();
    m_scene = &scene;
    m_map = std::move(map);
    m_stats = {};
    const int width = m_image.width, height = m_image.height;
    m_tiles_x = (width + m_tile - 1) / m_tile;
    m_tiles_y = (height + m_tile - 1) / m_tile;
    m_done = 0;
    const int target_w = std::min(width, m_tile), target_h = std::min(height, m_tile);
    if (!m_target || m_target->width() != target_w || m_target->height() != target_h)
        m_target = std::make_unique<OffscreenTarget>(target_w, target_h);
    return m_stats;  // nothing painted yet: step() paints
}

bool ImageTarget::step() {
    if (!m_scene || m_done >= tiles_total()) return true;
    const KeepCurrentUi keep;
    const int width = m_image.width, height = m_image.height;
    const int tx = m_done % m_tiles_x, ty = m_done / m_tiles_x;
    const int x = tx * m_tile, y = ty * m_tile;
    const int tw = std::min(m_tile, width - x), th = std::min(m_tile, height - y);
    m_target->bind();
    const DrawStats stats = m_scene->paint_map(m_map, Box::of(x, y, x + tw, y + th));
    if (m_done == 0) m_stats = stats;
    // The overlay's window onto this tile (the backend sets its own viewport: the tile's).
    m_ui->draw_region(static_cast<float>(x), static_cast<float>(y), static_cast<float>(tw), static_cast<float>(th));
    ++m_done;
    if (tw == width && th == height) {
        m_target->read_region(tw, th, m_image);
        return true;
    }
    const Image part = m_target->read_region(tw, th);
    const std::size_t bytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    if (m_image.rgba.size() != bytes) m_image.rgba.resize(bytes);  // every byte comes from a tile
    for (int row = 0; row < th; ++row)
        std::memcpy(m_image.rgba.data() + (static_cast<std::size_t>(y + row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4,
                    part.rgba.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(tw) * 4, static_cast<std::size_t>(tw) * 4);
    return m_done >= tiles_total();
}

Image ImageTarget::finish() {
    m_scene = nullptr;
    return std::move(m_image);
}

Image ImageTarget::render(MapScene& scene, const FrameView& view, const FrameProgress& progress, FrameResult* result) {
    FrameResult drawn = scene.draw(view, *this);
    for (;;) {
        if (progress && !progress(m_done, tiles_total())) {
            finish();
            throw Cancelled();
        }
        if (step()) break;
    }
    if (progress) progress(m_done, tiles_total());
    drawn.map = m_stats;
    if (result) *result = std::move(drawn);
    return finish();
}

}  // namespace storyplot
