#pragma once
// What a projection other than Web Mercator draws around the land: the whole sphere as one fill
// (the sea, so the world's outline shows on the paper around it) and a graticule of meridians and
// parallels. In Web Mercator metres like every mesh: the vertex shader projects them.
#include <vector>

#include "core/geo/projection.hpp"
#include "core/mesh/mesh.hpp"

namespace storyplot {

// The sphere in cells of `cell_deg` degrees (small enough that the globe's rim, cut between a cell's
// corners, reads as a circle). Its rows at the poles lie on Mercator's clamped edge, which the
// shader takes back to the pole.
Mesh sphere_fill_mesh(double cell_deg = 2.0);

// The same sea as triangles already in `p`'s projected metres, cut where the vertex shader cuts
// (the meridian opposite the centre, the globe's horizon, an azimuthal's reach, a conic's far
// pole), in as few triangles as its outline needs: a fan of 360 for an azimuthal, strips along
// the curved edges of a cone or of Equal Earth, one rectangle for the equirectangular. Nothing for
// Web Mercator (the sea is the paper) or the transverse Mercator (drawn from sphere_fill_mesh).
std::vector<Vec2> world_outline_triangles(const Projection& p);

// Meridians and parallels every `step_deg` degrees, with a vertex every degree; meridians stop
// at 85 degrees, where they crowd together (a globe's picture of the flat world stops them at 84,
// short of its edge rows, which stand for the caps beyond: core/geo/globe_picture).
Mesh graticule_mesh(double step_deg = 30.0, double meridians_end_deg = 85.0);

// The sphere a globe's picture of the flat world is drawn on (core/geo/globe_picture), in Web
// Mercator metres: cells of about `cell_deg` degrees from 85 degrees south to 85 north, and a
// band from there to each pole (its pole row on Mercator's clamped edge, which the shader takes
// back to the pole), where the picture's edge row stands for the cap.
Mesh globe_picture_sphere(double cell_deg);

}  // namespace storyplot
