#pragma once
// Polygon (with holes) to triangles, by the GLU tessellator with the odd winding rule, which also
// copes with the self-intersecting rings real data has (Natural Earth's land at 1:10m has one).
// GLU's sweep keeps its active edges in a list, so a huge polygon costs about n^2: polygons of
// more than a few thousand vertices are cut in halves first, recursively, and the pieces tessellated.
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

// `rings` in any planar coordinates; returns three points per triangle. With `cell` > 0 the polygon
// is first cut on a grid of that size, so no triangle is wider than a cell: the vertex shader
// projects only a triangle's corners, and a projection other than Mercator bends the lines between
// them (a globe's horizon or a conic's cut passes through a triangle, not across a continent).
std::vector<Vec2> tessellate(const std::vector<std::vector<Vec2>>& rings, double cell = 0);

}  // namespace storyplot
