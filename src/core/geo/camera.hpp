#pragma once
// The 2D map camera: a projection (Web Mercator unless chosen), a centre in its projected metres, a
// resolution in projected metres per pixel and a viewport. Screen pixels have their origin at the
// top left with y growing downwards.
//
// Whatever the projection, the camera speaks Web Mercator metres to the rest of storyplot (meshes,
// overlay plans and sessions keep their geometry there): world_to_screen takes Mercator metres and
// projects them through the camera's projection, center() and resolution() answer in Mercator terms.
// projected_center() and projected_resolution() are the projection's own, for the renderer.
#include <optional>

#include "core/geo/geometry.hpp"
#include "core/geo/projection.hpp"

namespace storyplot {

class Camera {
public:
    Camera() = default;
    Camera(Vec2 center, double resolution, int width, int height);  // Web Mercator
    // A camera in `projection`: centre and resolution in its projected metres.
    static Camera projected(const Projection& projection, Vec2 center, double resolution, int width, int height);
    // A Web Mercator view shown in `projection`: the same centre, the same ground metres per pixel
    // there; an orthographic globe turned to face that centre. Close in (a view under 1,500 km
    // across) the globe gives way to Web Mercator: facing the view's centre at the same ground
    // scale, the two differ there by less than a pixel in a hundred.
    static Camera in_projection(const Camera& mercator_view, const Projection& projection);
    // The camera that shows a lon/lat box whole in `projection` (fitted to it by the caller).
    static Camera fit_lonlat(const Projection& projection, const Box& lonlat, int width, int height);

    // The camera that shows `box` (projected metres) whole and centred: the box fills one axis
    // exactly and is widened along the other, never stretched.
    static Camera fit(const Box& box, int width, int height);

    const Projection& projection() const { return m_projection; }
    bool is_mercator() const { return m_mercator; }
    // Web Mercator metres of the view's centre, and Mercator metres per pixel there.
    Vec2 center() const;
    double resolution() const;
    Vec2 projected_center() const { return m_center; }
    double projected_resolution() const { return m_resolution; }
    int width() const { return m_width; }
    int height() const { return m_height; }

    // Mercator metres to screen pixels and back. A point the projection cannot show (behind the
    // globe) is placed at off_map, far outside every view; a pixel off the map gives NaN.
    Vec2 screen_to_world(Vec2 px) const;
    Vec2 world_to_screen(Vec2 world) const;
    std::optional<Vec2> lonlat_to_screen(LonLat p) const;
    std::optional<LonLat> screen_to_lonlat(Vec2 px) const;
    static constexpr Vec2 off_map{-1e7, -1e7};
    // The view's extent in Mercator metres (for another projection: of the lon/lat it shows, with
    // longitudes continuous from the projection's central meridian).
    Box visible_box() const;
    // The lon/lat a Web Mercator view shows (east may run past 180; at most a turn wide), to fit
    // another projection to it.
    Box visible_lonlat() const;
    // The view's extent in its own projected metres (a picture's georeferencing).
    Box projected_box() const;
    // The view's lon/lat extent, longitudes relative to the central meridian in [-180, 180]
    // (projections other than Mercator; for culling by chunk).
    Box visible_relative_lonlat() const;
    // A part of this view (pixels of this view), with the same projection and resolution.
    Camera piece(const Box& pixels) const;

    void set_viewport(int width, int height);
    void set_center(Vec2 center);
    // Moves the map with the pointer: a drag of (dx, dy) pixels (on the globe: spins it).
    void pan_pixels(double dx, double dy);
    // Zooms by `factor` (> 1 zooms in) keeping the world point under `px` where it is on screen.
    void zoom_around(Vec2 px, double factor);

    // Ground metres per pixel at the centre's latitude, and the 1:N scale for a 0.28 mm pixel (OGC).
    double ground_resolution() const;
    double scale_denominator() const;

    friend bool operator==(const Camera&, const Camera&) = default;

    static constexpr double min_resolution = 0.05;     // metres per pixel at the deepest zoom
    static constexpr double max_resolution = 200000.0;  // the world is a small square at this

private:
    void clamp();
    // A pixel to the projection's own metres and back.
    Vec2 projected_at(Vec2 px) const;
    Vec2 pixel_of(Vec2 projected) const;

    Projection m_projection;
    bool m_mercator = true;
    Vec2 m_center{};
    double m_resolution = 1000.0;
    int m_width = 1;
    int m_height = 1;
};

}  // namespace storyplot
