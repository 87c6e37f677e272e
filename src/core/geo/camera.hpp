#pragma once
// The 2D map camera: a centre in Web Mercator metres, a resolution in metres per pixel and a viewport.
// Screen pixels have their origin at the top left with y growing downwards.
#include "core/geo/geometry.hpp"

namespace storyplot {

class Camera {
public:
    Camera() = default;
    Camera(Vec2 center, double resolution, int width, int height);

    // The camera that shows `box` (projected metres) whole and centred: the box fills one axis
    // exactly and is widened along the other, never stretched.
    static Camera fit(const Box& box, int width, int height);

    Vec2 center() const { return m_center; }
    double resolution() const { return m_resolution; }
    int width() const { return m_width; }
    int height() const { return m_height; }

    Vec2 screen_to_world(Vec2 px) const;
    Vec2 world_to_screen(Vec2 world) const;
    Box visible_box() const;

    void set_viewport(int width, int height);
    void set_center(Vec2 center);
    // Moves the map with the pointer: a drag of (dx, dy) pixels.
    void pan_pixels(double dx, double dy);
    // Zooms by `factor` (> 1 zooms in) keeping the world point under `px` where it is on screen.
    void zoom_around(Vec2 px, double factor);

    // Ground metres per pixel at the centre's latitude, and the 1:N scale for a 0.28 mm pixel (OGC).
    double ground_resolution() const;
    double scale_denominator() const;

    static constexpr double min_resolution = 0.05;     // metres per pixel at the deepest zoom
    static constexpr double max_resolution = 200000.0;  // the world is a small square at this

private:
    void clamp();

    Vec2 m_center{};
    double m_resolution = 1000.0;
    int m_width = 1;
    int m_height = 1;
};

}  // namespace storyplot
