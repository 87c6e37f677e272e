#pragma once
// Distances and great circles on the WGS84 ellipsoid, through PROJ's geodesic routines (Karney).
#include <optional>
#include <span>

#include "core/geo/geometry.hpp"

namespace storyplot {

// Metres along the shortest path on the ellipsoid.
double geodesic_distance(LonLat a, LonLat b);
// Initial bearing from a to b, degrees clockwise from north.
double geodesic_bearing(LonLat a, LonLat b);

// The great circle from a to b as points at most `max_step_m` apart, the ends exact. Longitudes run
// on continuously from a.lon (past +-180 where the path crosses the antimeridian), so no segment
// spans the map.
Path great_circle(LonLat a, LonLat b, double max_step_m = 50000.0);

// The centre of a ring's area, each part of it weighed by its true area: the centroid in Lambert's
// cylindrical equal-area plane (longitude, sine of latitude). Longitudes are unwrapped from the first
// point, so a ring across the antimeridian has its centre on it; the answer is back in -180..180.
// None for a ring of no area. It may lie outside a ring that is not convex.
std::optional<LonLat> area_centroid(const Ring& ring);
// The same for several rings together (the outer rings of a multipolygon's parts), each weighed by
// its area; longitudes unwrapped from the first ring's first point.
std::optional<LonLat> area_centroid(std::span<const Ring> rings);

}  // namespace storyplot
