#include "render/base_copy.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "render/keep_bindings.hpp"

namespace storyplot {

namespace {

constexpr long long max_pixels = 4096LL * 4096LL;

}  // namespace

std::vector<Box> BaseCopy::exposed(int width, int height, Shift shift) {
    std::vector<Box> parts;
    const double w = width, h = height, dx = shift.dx, dy = shift.dy;
    if (shift.dx > 0) parts.push_back(Box::of(w - dx, 0, w, h));
    if (shift.dx < 0) parts.push_back(Box::of(0, 0, -dx, h));
    if (shift.dy > 0) parts.push_back(Box::of(0, h - dy, w, h));
    if (shift.dy < 0) parts.push_back(Box::of(0, 0, w, -dy));
    return parts;
}

std::optional<BaseCopy::Shift> BaseCopy::shift_between(const Key& from, const Key& to) {
    const Camera& a = from.camera;
    const Camera& b = to.camera;
    if (from.x != to.x || from.y != to.y || from.width != to.width || from.height != to.height || from.overlays != to.overlays ||
        from.scale != to.scale || from.revision != to.revision || from.layout != to.layout || !(a.projection() == b.projection()) ||
        a.is_mercator() != b.is_mercator() ||
        a.projected_resolution() != b.projected_resolution() || a.width() != b.width() || a.height() != b.height())
        return std::nullopt;
    const double res = a.projected_resolution();
    const double fx = (b.projected_center().x - a.projected_center().x) / res;
    const double fy = (b.projected_center().y - a.projected_center().y) / res * (to.layout == PixelLayout::window ? -1 : 1);  // rows down
    const double rx = std::round(fx), ry = std::round(fy);
    if (std::abs(fx - rx) > 1e-3 || std::abs(fy - ry) > 1e-3 || std::abs(rx) >= to.width || std::abs(ry) >= to.height || (rx == 0 && ry == 0))
        return std::nullopt;
    return Shift{static_cast<int>(rx), static_cast<int>(ry)};
}

std::optional<BaseCopy::Shift> BaseCopy::put_back_moved(const Key& key) {
    if (!m_held || m_stats.globe_picture_lags) return std::nullopt;
    const auto shift = shift_between(*m_held, key);
    if (!shift) return std::nullopt;
    const KeepBindings keep;
    const int w = key.width, h = key.height;
    const int x0 = std::max(0, shift->dx), x1 = w + std::min(0, shift->dx);
    const int y0 = std::max(0, shift->dy), y1 = h + std::min(0, shift->dy);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_pixels->framebuffer());
    glBlitFramebuffer(x0, y0, x1, y1, key.x + x0 - shift->dx, key.y + y0 - shift->dy, key.x + x1 - shift->dx, key.y + y1 - shift->dy,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    // The coarse part moves with the pixels, and what of it left the view goes.
    const Box shifted = m_coarse.shifted(-shift->dx, -shift->dy);
    const Box moved = Box::of(std::max(0.0, shifted.min_x), std::max(0.0, shifted.min_y), std::min<double>(w, shifted.max_x), std::min<double>(h, shifted.max_y));
    m_moved_coarse = moved.width() > 0 && moved.height() > 0 ? moved : Box{};
    return shift;
}

bool BaseCopy::put_back(const Key& key, DrawStats& stats) {
    if (!holds(key) || m_stats.globe_picture_lags) return false;
    const KeepBindings keep;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_pixels->framebuffer());
    glBlitFramebuffer(0, 0, key.width, key.height, key.x, key.y, key.x + key.width, key.y + key.height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    stats = m_stats;
    stats.base_copied = true;
    m_last = key;
    return true;
}

void BaseCopy::offer(const Key& key, const DrawStats& stats) {
    // The view decides whether the next frames are likely to show this base again: the one the
    // frame before drew, or it moved by whole pixels (not a zoom). Its content may have changed in
    // between (a layer read by view arrives while the user pans): it is kept at once all the same.
    std::optional<Key> last = m_last;
    if (last) last->revision = key.revision;
    const bool again = last && (*last == key || shift_between(*last, key));
    m_last = key;
    if (!again || holds(key)) return;
    keep(key, stats, stats.coarse ? Box::of(0, 0, key.width, key.height) : Box{});
}

void BaseCopy::keep(const Key& key, const DrawStats& stats, const Box& coarse) {
    m_last = key;
    m_held.reset();
    m_coarse = std::exchange(m_moved_coarse, Box{});
    m_coarse.add(coarse);
    if (key.width <= 0 || key.height <= 0 || static_cast<long long>(key.width) * key.height > max_pixels) return;
    const KeepBindings bindings;
    if (!m_pixels || key.width != m_pixels->width() || key.height != m_pixels->height() || key.layout != m_pixels->layout()) {
        m_pixels.reset();
        try {
            m_pixels = std::make_unique<OffscreenTarget>(key.width, key.height, key.layout);  // a copy of bytes either way
        } catch (const std::runtime_error&) {
            return;  // no copy: the next frames draw their base
        }
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, bindings.draw());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_pixels->framebuffer());
    glBlitFramebuffer(key.x, key.y, key.x + key.width, key.y + key.height, 0, 0, key.width, key.height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    m_held = key;
    m_stats = stats;
}

std::optional<Box> BaseCopy::next_to_refine(int rows) const {
    if (!has_coarse() || rows <= 0) return std::nullopt;
    if (m_held->layout == PixelLayout::window)  // rows top-down
        return Box::of(m_coarse.min_x, m_coarse.min_y, m_coarse.max_x, std::min(m_coarse.max_y, m_coarse.min_y + rows));
    return Box::of(m_coarse.min_x, std::max(m_coarse.min_y, m_coarse.max_y - rows), m_coarse.max_x, m_coarse.max_y);
}

void BaseCopy::refined(const Box& band) {
    if (!m_held) return;
    const KeepBindings bindings;
    const Key& key = *m_held;
    const int x0 = static_cast<int>(band.min_x), y0 = static_cast<int>(band.min_y);
    const int x1 = static_cast<int>(band.max_x), y1 = static_cast<int>(band.max_y);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, bindings.draw());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_pixels->framebuffer());
    glBlitFramebuffer(key.x + x0, key.y + y0, key.x + x1, key.y + y1, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    // The band is the coarse part's top rows: what is left below it stays a box.
    if (key.layout == PixelLayout::window) m_coarse.min_y = band.max_y;
    else m_coarse.max_y = band.min_y;
}

}  // namespace storyplot
