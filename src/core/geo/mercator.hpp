#pragma once
// Spherical Web Mercator (EPSG:3857), the default projection: metres on the sphere of radius 6378137.
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot::mercator {

inline constexpr double earth_radius = 6378137.0;
inline constexpr double max_latitude = 85.051128779806604;  // atan(sinh(pi)): the square world
inline constexpr double half_world = 20037508.342789244;     // pi * earth_radius
inline constexpr double world_width = 2 * half_world;

// Latitudes beyond +-max_latitude are clamped: Natural Earth reaches the poles.
Vec2 forward(LonLat p);
LonLat inverse(Vec2 m);

Box forward(double west, double south, double east, double north);

// A lon/lat path in Web Mercator as one line: where it crosses the antimeridian its longitudes run
// on past +-180 (the renderer draws every copy of the world it reaches), so the crossing segment is
// drawn. With `to_the_poles`, latitudes beyond Mercator's square world keep their place (up to
// 89.9 degrees) for the projections that show the poles; Web Mercator's own view clamps them to its
// edge (shaders/projection.glsl).
std::vector<Vec2> project_path(const Path& path, bool to_the_poles = false);

// A polygon's ring in Web Mercator as one shape: where it crosses the antimeridian (a jump of about
// 360 degrees between two vertices) its longitudes run on past +-180, and the whole ring is moved by
// a world so its middle lies within the world. Repeated vertices and a closing vertex are dropped.
std::vector<Vec2> project_ring(const Ring& ring);

// Metres on the ground per projected metre at a latitude (the Mercator scale factor's inverse).
double ground_scale(double lat);

}  // namespace storyplot::mercator
