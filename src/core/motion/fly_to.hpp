#pragma once
// Smooth and efficient zooming and panning (van Wijk and Nuij, 2003): the camera zooms out, moves,
// and zooms in along the path that looks shortest to the eye. Pure: a view at each t in [0, 1].
#include "core/geo/camera.hpp"

namespace storyplot {

class FlyTo {
public:
    // Both views share the viewport of `from`.
    FlyTo(const Camera& from, const Camera& to);

    Camera at(double t) const;          // t is clamped to [0, 1]; at(0) == from, at(1) == to
    double duration_seconds() const;    // by the path's perceived length, 0.35 s to 3 s

private:
    Camera m_from;
    Vec2 m_c0, m_c1;
    double m_w0 = 1, m_w1 = 1;  // view widths in projected metres
    double m_r0 = 0, m_length = 0;
    bool m_pure_zoom = false;
};

// A smooth start and stop for the animation's clock.
double ease_in_out(double t);

}  // namespace storyplot
