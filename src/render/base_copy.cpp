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

namespace {

// A span [from, to) of a base's pixels along one axis, and where it starts in the copy.
struct Span {
    int from = 0, to = 0, at = 0;
};

// [from, to) of a base `size` pixels long, in a copy whose pixel of the base's first is `origin`:
// one span, or two where it wraps past the copy's edge.
std::vector<Span> wrapped(int from, int to, int size, int origin) {
    const int at = (from + origin) % size;
    if (at + (to - from) <= size) return {{from, to, at}};
    const int first = size - at;
    return {{from, from + first, at}, {from + first, to, 0}};
}

int modulo(int a, int size) { return ((a % size) + size) % size; }

// The pieces of `part` of a `width` x `height` base between the copy's edges: each as a box of
// the base's pixels, with its corner in the copy.
template <typename Visit>
void for_each_piece(const Box& part, int width, int height, int origin_x, int origin_y, Visit&& visit) {
    const int x0 = std::clamp(static_cast<int>(part.min_x), 0, width), x1 = std::clamp(static_cast<int>(part.max_x), 0, width);
    const int y0 = std::clamp(static_cast<int>(part.min_y), 0, height), y1 = std::clamp(static_cast<int>(part.max_y), 0, height);
    if (x1 <= x0 || y1 <= y0) return;
    for (const Span& x : wrapped(x0, x1, width, origin_x))
        for (const Span& y : wrapped(y0, y1, height, origin_y)) visit(Box::of(x.from, y.from, x.to, y.to), x.at, y.at);
}

}  // namespace

std::optional<BaseCopy::Shift> BaseCopy::move_to(const Key& key) {
    if (!m_held || !m_pixels || m_stats.globe_picture_lags) return std::nullopt;
    const auto shift = shift_between(*m_held, key);
    if (!shift) return std::nullopt;
    const int w = key.width, h = key.height;
    // The new view's pixel (x, y) is the old one's (x + dx, y + dy): the ring turns by the shift.
    m_origin_x = modulo(m_origin_x + shift->dx, w);
    m_origin_y = modulo(m_origin_y + shift->dy, h);
    // The coarse part moves with the pixels, and what of it left the view goes.
    const Box shifted = m_coarse.shifted(-shift->dx, -shift->dy);
    const Box moved = Box::of(std::max(0.0, shifted.min_x), std::max(0.0, shifted.min_y), std::min<double>(w, shifted.max_x), std::min<double>(h, shifted.max_y));
    m_coarse = moved.width() > 0 && moved.height() > 0 ? moved : Box{};
    m_held = key;
    m_last = key;
    return shift;
}

void BaseCopy::draw_into(const Box& part, const std::function<void(const Box& piece)>& draw) {
    if (!m_held || !m_pixels) return;
    // Not KeepBindings: the pieces are drawn with the frame's clip origin (rows top-down in a window's
    // frame), which it would set to GL's own.
    GLint framebuffer = 0, viewport[4] = {0, 0, 0, 0}, scissor[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &framebuffer);
    glGetIntegerv(GL_VIEWPORT, viewport);
    glGetIntegerv(GL_SCISSOR_BOX, scissor);
    const GLboolean scissor_on = glIsEnabled(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_pixels->framebuffer());
    glEnable(GL_SCISSOR_TEST);
    for_each_piece(part, m_held->width, m_held->height, m_origin_x, m_origin_y, [&](const Box& piece, int x, int y) {
        const int w = static_cast<int>(piece.width()), h = static_cast<int>(piece.height());
        glViewport(x, y, w, h);
        glScissor(x, y, w, h);
        draw(piece);
    });
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(framebuffer));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    glScissor(scissor[0], scissor[1], scissor[2], scissor[3]);
    if (!scissor_on) glDisable(GL_SCISSOR_TEST);
}

void BaseCopy::drawn(const DrawStats& stats, const Box& coarse) {
    m_stats = stats;
    m_coarse.add(coarse);
}

bool BaseCopy::put_back(const Key& key, DrawStats& stats) {
    if (!serves(key)) return false;
    const KeepBindings keep;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_pixels->framebuffer());
    for_each_piece(Box::of(0, 0, key.width, key.height), key.width, key.height, m_origin_x, m_origin_y, [&](const Box& piece, int x, int y) {
        const int w = static_cast<int>(piece.width()), h = static_cast<int>(piece.height());
        const int to_x = key.x + static_cast<int>(piece.min_x), to_y = key.y + static_cast<int>(piece.min_y);
        glBlitFramebuffer(x, y, x + w, y + h, to_x, to_y, to_x + w, to_y + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    });
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
    keep(key, stats, stats.coarse);
}

void BaseCopy::keep(const Key& key, const DrawStats& stats, bool coarse) {
    m_held.reset();
    m_origin_x = m_origin_y = 0;
    m_coarse = coarse ? Box::of(0, 0, key.width, key.height) : Box{};
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
    // The band is the coarse part's top rows: what is left below it stays a box.
    if (m_held->layout == PixelLayout::window) m_coarse.min_y = band.max_y;
    else m_coarse.max_y = band.min_y;
}

}  // namespace storyplot
