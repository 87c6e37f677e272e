#pragma once
// Borders from one source meeting a coast from another: close in, Natural Earth's 1:10m borders
// meet GSHHG's finer shores (core/geo/level_of_detail's close_h), and where the two sources'
// coasts differ (by up to a kilometre or so) a border's end runs on past the shore into the sea.
// Such an end is cut where it crosses the shore.
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

// Each border's end cut at its crossing of the land's shore nearest that end, when that crossing
// lies within `tail_m` metres on the ground of the end (a crossing further in is where the border
// crosses water: a bay, an estuary). An end short of the shore is left as it is. `land`: polygons
// in lon/lat, each ring a shore. Borders that cross no shore near their ends come back unchanged.
std::vector<Path> trim_border_ends_at_shore(std::vector<Path> borders, const std::vector<Polygon>& land, double tail_m);

}  // namespace storyplot
