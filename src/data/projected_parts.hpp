#pragma once
// A polygon's parts as a label is placed in them: in Web Mercator, each with the projected area of
// its outer ring, and the point well inside one.
#include <ogr_geometry.h>

#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

struct ProjectedPart {
    double area = 0;                           // of the outer ring, square projected metres
    std::vector<std::vector<Vec2>> rings;      // outer first, then holes
};

// The parts of a polygon or multipolygon (none for other geometries), each ring thinned to about
// `max_points` points (0: every point).
std::vector<ProjectedPart> projected_parts(const OGRGeometry& geom, int max_points = 0);

// The largest part (none when every part is empty).
const ProjectedPart* largest_part(const std::vector<ProjectedPart>& parts);

// A point well inside a part, in lon/lat within -180..180 (a part unwrapped across the antimeridian
// comes back).
LonLat part_anchor(const ProjectedPart& part);

// The centre of a part's area (area_centroid of its outer ring) where that lies inside the part, or
// else part_anchor: where a gazetteer puts a region that is not to be labelled but found.
LonLat part_centre(const ProjectedPart& part);

}  // namespace storyplot
