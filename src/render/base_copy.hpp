#pragma once
// A copy of the map's base (everything under the routes: MapRenderer::draw_base) for a view that
// stays. While a story plays with the camera still, or the overlay changes under a still map (a
// hover, a label, the clock), each frame puts the base back in one copy of pixels and draws only the
// routes and the overlay over it: the same pixels as drawing it again, for a fraction of the work.
//
// A view moved by whole pixels (a drag, a camera following a vehicle on whole pixels) turns the
// copy, which wraps around its edges like a ring: the copy's pixel of the view's (x, y) is
// ((x + origin.x) mod width, (y + origin.y) mod height). Only the column and row that came into
// view are drawn, into the copy where they wrap, and the whole is put back as usual: a moved frame
// copies the base's pixels once, not twice (out of the copy and back into it). A copy is made only
// when the same base, or the same moved by whole pixels, was drawn twice in a row, so a view that
// zooms or moves by fractions of a pixel pays nothing for it.
//
// The window's base drawn from a copy for moving views (DrawStats::coarse), whole or where a move
// brought it into view, is kept like any other, marked coarse; once the view stays, the scene draws
// the exact base over the coarse part a band a frame (next_to_refine, refined), so no frame draws
// it whole.
// Needs a current GL context.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/geo/camera.hpp"
#include "render/offscreen_target.hpp"
#include "render/map_renderer.hpp"

namespace storyplot {

class BaseCopy {
public:
    // Everything a base's pixels depend on: the camera, where it lies in the framebuffer (its
    // pixels: rows bottom-up, or top-down in a window-layout framebuffer), what is drawn and how
    // thick, the renderer's base revision and how the framebuffer keeps its pixels.
    struct Key {
        Camera camera;
        int x = 0, y = 0, width = 0, height = 0;
        bool overlays = true;
        float scale = 1.0f;
        std::uint64_t revision = 0;
        PixelLayout layout = PixelLayout::gl;
        friend bool operator==(const Key&, const Key&) = default;
    };

    // A move by whole pixels in the framebuffer's rows (x right; y up, or down in a window-layout
    // one): the new view's pixel (x, y) is the old one's (x + dx, y + dy).
    struct Shift {
        int dx = 0, dy = 0;
    };
    // The part of a `width` x `height` rectangle a shift leaves without pixels (the framebuffer's
    // pixels from the rectangle's first corner): a column and a row at most.
    static std::vector<Box> exposed(int width, int height, Shift shift);
    // When `to` shows the same base as `from` moved by whole pixels (everything but the camera's
    // centre the same, the centre moved by a whole number of pixels, less than the view).
    static std::optional<Shift> shift_between(const Key& from, const Key& to);

    // When it holds the base for `key`: copies it into the bound draw framebuffer at the key's
    // rectangle, sets `stats` to those of its draw, and answers true. Never a base whose globe was
    // drawn from a picture for another scale (DrawStats::globe_picture_lags), nor moved: drawn
    // again, the picture catches up.
    bool put_back(const Key& key, DrawStats& stats);
    // When it holds a base `key` shows moved by whole pixels (a pan, a camera following a vehicle):
    // turns the copy by the shift and answers it. It then holds `key`, but what came into view
    // (exposed()) still shows what left it: the caller draws those parts into it (draw_into), tells
    // how (drawn), and puts the whole back.
    std::optional<Shift> move_to(const Key& key);
    // Draws `part` of the held base (its pixels from its first corner) into the copy: `draw(piece)`
    // for each piece of it between the copy's edges (one, or up to four where it wraps), with the
    // copy's framebuffer bound and the viewport and scissor on where that piece lies in it. The
    // bindings, viewport and scissor are restored after.
    void draw_into(const Box& part, const std::function<void(const Box& piece)>& draw);
    // The parts of a move have been drawn: `stats` those of their draws, `coarse` the box around
    // those drawn coarse (its pixels).
    void drawn(const DrawStats& stats, const Box& coarse);
    // After the base for `key` was drawn into the bound framebuffer: keeps a copy of it when the
    // frame before drew the same view, or the same moved by whole pixels, whatever it drew there
    // (up to 4096x4096 pixels); all of it coarse when `stats` says so.
    void offer(const Key& key, const DrawStats& stats);

    // The band of the held base's coarse part (its pixels from its first corner) to draw exactly
    // this frame (into the copy: draw_into): at most `rows` rows of it, the picture's top first;
    // none when all is exact.
    std::optional<Box> next_to_refine(int rows) const;
    // Whether some of the held base is still coarse.
    bool has_coarse() const { return m_held && m_coarse.width() > 0 && m_coarse.height() > 0; }
    // `band` (from next_to_refine) has been drawn exactly into the copy: no longer coarse.
    void refined(const Box& band);

    bool holds(const Key& key) const { return m_held && *m_held == key; }
    // Whether put_back(key) would put it back.
    bool serves(const Key& key) const { return holds(key) && m_pixels && !m_stats.globe_picture_lags; }

private:
    // Keeps a copy of the base for `key` now in the bound framebuffer, its origin at the copy's
    // first corner; all of it coarse when `coarse`.
    void keep(const Key& key, const DrawStats& stats, bool coarse);

    std::optional<Key> m_last;  // the base drawn last
    std::optional<Key> m_held;  // the base the copy holds
    DrawStats m_stats;
    std::unique_ptr<OffscreenTarget> m_pixels;  // the copy
    int m_origin_x = 0, m_origin_y = 0;  // the copy's pixel of the held base's first
    Box m_coarse;  // of the held base
};

}  // namespace storyplot
