#include "core/motion/fly_to.hpp"

#include <cmath>

namespace storyplot {

namespace {
constexpr double rho = 1.4142135623730951;  // sqrt(2): van Wijk and Nuij's recommended trade-off
constexpr double rho2 = 2.0;
constexpr double rho4 = 4.0;
}  // namespace

FlyTo::FlyTo(const Camera& from, const Camera& to)
    : m_from(from), m_c0(from.center()), m_c1(to.center()),
      m_w0(from.resolution() * from.width()), m_w1(to.resolution() * from.width()) {
    const double dx = m_c1.x - m_c0.x;
    const double dy = m_c1.y - m_c0.y;
    const double d2 = dx * dx + dy * dy;
    if (d2 < 1e-6) {
        m_pure_zoom = true;
        m_length = std::abs(std::log(m_w1 / m_w0)) / rho;
        return;
    }
    const double d1 = std::sqrt(d2);
    const double b0 = (m_w1 * m_w1 - m_w0 * m_w0 + rho4 * d2) / (2 * m_w0 * rho2 * d1);
    const double b1 = (m_w1 * m_w1 - m_w0 * m_w0 - rho4 * d2) / (2 * m_w1 * rho2 * d1);
    m_r0 = std::log(std::sqrt(b0 * b0 + 1) - b0);
    const double r1 = std::log(std::sqrt(b1 * b1 + 1) - b1);
    m_length = (r1 - m_r0) / rho;
}

Camera FlyTo::at(double t) const {
    t = std::clamp(t, 0.0, 1.0);
    if (t >= 1.0) return Camera(m_c1, m_w1 / m_from.width(), m_from.width(), m_from.height());
    const double s = t * m_length;
    if (m_pure_zoom) {
        const double w = m_w0 * std::exp((m_w1 >= m_w0 ? 1 : -1) * rho * s);
        return Camera(m_c0 + (m_c1 - m_c0) * t, w / m_from.width(), m_from.width(), m_from.height());
    }
    const double dx = m_c1.x - m_c0.x;
    const double dy = m_c1.y - m_c0.y;
    const double d1 = std::sqrt(dx * dx + dy * dy);
    const double cosh_r0 = std::cosh(m_r0);
    const double u = m_w0 / (rho2 * d1) * (cosh_r0 * std::tanh(rho * s + m_r0) - std::sinh(m_r0));
    const double w = m_w0 * cosh_r0 / std::cosh(rho * s + m_r0);
    return Camera(Vec2{m_c0.x + u * dx, m_c0.y + u * dy}, w / m_from.width(), m_from.width(), m_from.height());
}

double FlyTo::duration_seconds() const { return std::clamp(0.45 * m_length, 0.35, 3.0); }

double ease_in_out(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

}  // namespace storyplot
