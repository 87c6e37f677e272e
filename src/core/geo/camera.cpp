#include "core/geo/camera.hpp"

#include "core/geo/mercator.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace storyplot {

Camera::Camera(Vec2 center, double resolution, int width, int height)
    : m_center(center), m_resolution(resolution), m_width(std::max(width, 1)), m_height(std::max(height, 1)) {
    clamp();
}

Camera Camera::projected(const Projection& projection, Vec2 center, double resolution, int width, int height) {
    Camera c;
    c.m_projection = projection;
    c.m_mercator = projection.is_mercator();
    c.m_center = center;
    c.m_resolution = resolution;
    c.set_viewport(width, height);
    c.clamp();
    return c;
}

Camera Camera::in_projection(const Camera& view, const Projection& projection) {
    if (projection.is_mercator()) return view;
    constexpr double flat_below_m = 1.5e6;
    if (projection.kind == ProjectionKind::orthographic && view.ground_resolution() * std::max(view.width(), view.height()) < flat_below_m)
        return view;
    const LonLat centre = mercator::inverse(view.center());
    Projection p = projection;
    if (p.kind == ProjectionKind::orthographic) {
        p.lon0 = std::remainder(centre.lon, 360.0);
        p.lat0 = centre.lat;
    }
    const Vec2 at = p.forward(centre).value_or(Vec2{p.x0, p.y0});
    const double ground = view.resolution() * mercator::ground_scale(centre.lat);
    return projected(p, at, ground / p.ground_scale(centre), view.width(), view.height());
}

Camera Camera::fit(const Box& box, int width, int height) {
    const double w = std::max(width, 1);
    const double h = std::max(height, 1);
    const double resolution = std::max(box.width() / w, box.height() / h);
    return Camera(box.center(), resolution > 0 ? resolution : 1000.0, width, height);
}

Camera Camera::fit_lonlat(const Projection& projection, const Box& lonlat, int width, int height) {
    if (projection.is_mercator()) {
        const Box b = unwrapped_lonlat(lonlat);
        return fit(mercator::forward(b.min_x, b.min_y, b.max_x, b.max_y), width, height);
    }
    Box box = projected_bounds(projection, lonlat);
    const Box b = unwrapped_lonlat(lonlat);
    if (projection.kind == ProjectionKind::orthographic && (b.width() >= 180 || b.height() >= 90)) {
        const double r = mercator::earth_radius * projection.k0;  // the whole globe, not a piece of its rim
        box = Box::of(projection.x0 - r, projection.y0 - r, projection.x0 + r, projection.y0 + r);
    }
    const double resolution = std::max(box.width() / std::max(width, 1), box.height() / std::max(height, 1));
    return projected(projection, box.empty() ? Vec2{} : box.center(), resolution > 0 ? resolution : 1000.0, width, height);
}

Vec2 Camera::center() const {
    if (m_mercator) return m_center;
    const auto ll = m_projection.inverse(m_center);
    return mercator::forward(ll.value_or(LonLat{m_projection.lon0, m_projection.lat0}));
}

double Camera::resolution() const {
    if (m_mercator) return m_resolution;
    const LonLat c = m_projection.inverse(m_center).value_or(LonLat{m_projection.lon0, m_projection.lat0});
    const double lat = std::clamp(c.lat, -80.0, 80.0);
    return m_resolution * m_projection.ground_scale(c) / std::cos(lat * std::numbers::pi / 180);
}

Vec2 Camera::projected_at(Vec2 px) const {
    return {m_center.x + (px.x - m_width / 2.0) * m_resolution, m_center.y - (px.y - m_height / 2.0) * m_resolution};
}

Vec2 Camera::pixel_of(Vec2 projected) const {
    return {(projected.x - m_center.x) / m_resolution + m_width / 2.0, (m_center.y - projected.y) / m_resolution + m_height / 2.0};
}

Vec2 Camera::screen_to_world(Vec2 px) const {
    const Vec2 p = projected_at(px);
    if (m_mercator) return p;
    const auto ll = m_projection.inverse(p);
    if (!ll) return {std::nan(""), std::nan("")};
    // Longitudes continuous from the central meridian, as visible_box() gives them.
    return mercator::forward(LonLat{m_projection.lon0 + std::remainder(ll->lon - m_projection.lon0, 360.0), ll->lat});
}

Vec2 Camera::world_to_screen(Vec2 world) const {
    Vec2 p = world;
    if (!m_mercator) {
        const auto xy = m_projection.forward(mercator::inverse(world));
        if (!xy) return off_map;
        p = *xy;
    }
    return pixel_of(p);
}

std::optional<Vec2> Camera::lonlat_to_screen(LonLat ll) const {
    const auto p = m_mercator ? std::optional<Vec2>(mercator::forward(ll)) : m_projection.forward(ll);
    if (!p) return std::nullopt;
    return pixel_of(*p);
}

std::optional<LonLat> Camera::screen_to_lonlat(Vec2 px) const {
    const Vec2 p = projected_at(px);
    if (m_mercator) return mercator::inverse(p);
    return m_projection.inverse(p);
}

Box Camera::visible_relative_lonlat() const {
    Box out;
    constexpr int n = 16;
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= n; ++j) {
            const Vec2 px{m_width * static_cast<double>(i) / n, m_height * static_cast<double>(j) / n};
            if (const auto ll = screen_to_lonlat(px)) out.add(Vec2{std::remainder(ll->lon - m_projection.lon0, 360.0), ll->lat});
        }
    // The map's outline inside the view (the globe's rim, a world map's edge) is not on the grid:
    // widen by a grid step, and take in a pole the view shows.
    if (!out.empty()) {
        const double step_x = out.width() / n + 1, step_y = out.height() / n + 1;
        out = Box::of(out.min_x - step_x, out.min_y - step_y, out.max_x + step_x, out.max_y + step_y);
    }
    auto shows = [&](LonLat pole) {
        const auto px = lonlat_to_screen(pole);
        return px && px->x >= 0 && px->y >= 0 && px->x <= m_width && px->y <= m_height;
    };
    if (shows({m_projection.lon0, 90})) out = Box::of(-180, out.min_y, 180, 90);
    if (shows({m_projection.lon0, -90})) out = Box::of(-180, -90, 180, out.max_y);
    if (out.empty()) return out;
    return Box::of(std::max(out.min_x, -180.0), std::max(out.min_y, -90.0), std::min(out.max_x, 180.0), std::min(out.max_y, 90.0));
}

Box Camera::visible_box() const {
    if (!m_mercator) {
        const Box rel = visible_relative_lonlat();
        if (rel.empty()) return rel;
        const double lon0 = m_projection.lon0;
        return mercator::forward(lon0 + rel.min_x, rel.min_y, lon0 + rel.max_x, rel.max_y);
    }
    return projected_box();
}

Box Camera::visible_lonlat() const {
    if (!m_mercator) {
        const Box rel = visible_relative_lonlat();
        return rel.empty() ? rel : rel.shifted(m_projection.lon0, 0);
    }
    const Box b = visible_box();
    const LonLat sw = mercator::inverse({b.min_x, b.min_y}), ne = mercator::inverse({b.max_x, b.max_y});
    double west = sw.lon, east = ne.lon;
    if (east - west > 360) {
        const double mid = (west + east) / 2;
        west = mid - 180;
        east = mid + 180;
    }
    return Box::of(west, std::max(sw.lat, -90.0), east, std::min(ne.lat, 90.0));
}

Box Camera::projected_box() const {
    const double hw = m_width * m_resolution / 2, hh = m_height * m_resolution / 2;
    return Box::of(m_center.x - hw, m_center.y - hh, m_center.x + hw, m_center.y + hh);
}

Camera Camera::piece(const Box& px) const {
    Camera c = *this;
    c.m_center = projected_at(px.center());
    c.set_viewport(static_cast<int>(std::lround(px.width())), static_cast<int>(std::lround(px.height())));
    return c;
}

void Camera::set_viewport(int width, int height) {
    m_width = std::max(width, 1);
    m_height = std::max(height, 1);
}

void Camera::set_center(Vec2 center) {
    if (!m_mercator) {
        if (const auto p = m_projection.forward(mercator::inverse(center))) m_center = *p;
        clamp();
        return;
    }
    m_center = center;
    clamp();
}

void Camera::pan_pixels(double dx, double dy) {
    if (m_projection.kind == ProjectionKind::orthographic) {
        // The globe turns under the pointer: its centre moves by the arc the drag covers.
        const double to_deg = m_resolution / mercator::earth_radius * 180 / std::numbers::pi;
        m_projection.lon0 = std::remainder(m_projection.lon0 - dx * to_deg, 360.0);
        m_projection.lat0 = std::clamp(m_projection.lat0 + dy * to_deg, -89.0, 89.0);
        return;
    }
    m_center.x -= dx * m_resolution;
    m_center.y += dy * m_resolution;
    clamp();
}

void Camera::zoom_around(Vec2 px, double factor) {
    if (!(factor > 0)) return;
    const Vec2 anchor = screen_to_world(px);
    m_resolution = std::clamp(m_resolution / factor, min_resolution, max_resolution);
    // Put the anchor back under the pointer at the new resolution.
    m_center.x = anchor.x - (px.x - m_width / 2.0) * m_resolution;
    m_center.y = anchor.y + (px.y - m_height / 2.0) * m_resolution;
    clamp();
}

double Camera::ground_resolution() const {
    if (!m_mercator) return m_resolution * m_projection.ground_scale(m_projection.inverse(m_center).value_or(LonLat{m_projection.lon0, m_projection.lat0}));
    return m_resolution * mercator::ground_scale(mercator::inverse(m_center).lat);
}

double Camera::scale_denominator() const { return ground_resolution() / 0.00028; }

void Camera::clamp() {
    m_resolution = std::clamp(m_resolution, min_resolution, max_resolution);
    if (!m_mercator) {
        m_center.x = std::clamp(m_center.x, -2 * mercator::world_width, 2 * mercator::world_width);
        m_center.y = std::clamp(m_center.y, -2 * mercator::world_width, 2 * mercator::world_width);
        return;
    }
    // Longitude wraps (the renderer draws world copies); keep the centre within one world of 0.
    if (m_center.x > mercator::world_width || m_center.x < -mercator::world_width)
        m_center.x = std::remainder(m_center.x, mercator::world_width);
    m_center.y = std::clamp(m_center.y, -mercator::half_world, mercator::half_world);
}

}  // namespace storyplot
