#pragma once
// Douglas–Peucker generalisation in planar (projected) coordinates: the fewest vertices that keep
// every dropped one within `tolerance` of the line kept. Used to draw a fine source at a coarse
// view with sub-pixel tolerance: the same picture from a fraction of the vertices.
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

// An open path keeps its two ends.
std::vector<Vec2> simplify_path(const std::vector<Vec2>& path, double tolerance);

// A closed ring (first vertex not repeated at the end) keeps its first vertex and the one farthest
// from it; empty when what is left has under three vertices or no extent beyond the tolerance
// (an island smaller than the tolerance).
std::vector<Vec2> simplify_ring(const std::vector<Vec2>& ring, double tolerance);

}  // namespace storyplot
