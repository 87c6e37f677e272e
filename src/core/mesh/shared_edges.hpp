#pragma once
// Splits the rings of adjacent polygons (countries) into coastlines and borders, each drawn once.
//
// Natural Earth's countries share their borders exactly (TopoJSON arcs decode to the same
// coordinates), so an edge used by two polygons is a border and an edge used by one is coast.
// Edges along the antimeridian and along the southern cut below Web Mercator's reach are artefacts
// of the data, not lines on the ground, and are dropped.
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

struct EdgeSplit {
    std::vector<Path> coast;
    std::vector<Path> borders;
};

EdgeSplit split_shared_edges(const std::vector<Polygon>& polygons);

}  // namespace storyplot
