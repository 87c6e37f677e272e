#include "core/geo/camera.hpp"

#include "core/geo/mercator.hpp"

namespace storyplot {

Camera::Camera(Vec2 center, double resolution, int width, int height)
    : m_center(center), m_resolution(resolution), m_width(std::max(width, 1)), m_height(std::max(height, 1)) {
    clamp();
}

Camera Camera::fit(const Box& box, int width, int height) {
    const double w = std::max(width, 1);
    const double h = std::max(height, 1);
    const double resolution = std::max(box.width() / w, box.height() / h);
    return Camera(box.center(), resolution > 0 ? resolution : 1000.0, width, height);
}

Vec2 Camera::screen_to_world(Vec2 px) const {
    return {m_center.x + (px.x - m_width / 2.0) * m_resolution, m_center.y - (px.y - m_height / 2.0) * m_resolution};
}

Vec2 Camera::world_to_screen(Vec2 world) const {
    return {(world.x - m_center.x) / m_resolution + m_width / 2.0, (m_center.y - world.y) / m_resolution + m_height / 2.0};
}

Box Camera::visible_box() const {
    const double hw = m_width * m_resolution / 2;
    const double hh = m_height * m_resolution / 2;
    return Box::of(m_center.x - hw, m_center.y - hh, m_center.x + hw, m_center.y + hh);
}

void Camera::set_viewport(int width, int height) {
    m_width = std::max(width, 1);
    m_height = std::max(height, 1);
}

void Camera::set_center(Vec2 center) {
    m_center = center;
    clamp();
}

void Camera::pan_pixels(double dx, double dy) {
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
    return m_resolution * mercator::ground_scale(mercator::inverse(m_center).lat);
}

double Camera::scale_denominator() const { return ground_resolution() / 0.00028; }

void Camera::clamp() {
    m_resolution = std::clamp(m_resolution, min_resolution, max_resolution);
    // Longitude wraps (the renderer draws world copies); keep the centre within one world of 0.
    if (m_center.x > mercator::world_width || m_center.x < -mercator::world_width)
        m_center.x = std::remainder(m_center.x, mercator::world_width);
    m_center.y = std::clamp(m_center.y, -mercator::half_world, mercator::half_world);
}

}  // namespace storyplot
