#pragma once
// Distances and great circles on the WGS84 ellipsoid, through PROJ's geodesic routines (Karney).
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

}  // namespace storyplot
