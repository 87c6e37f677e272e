#pragma once
// Which rivers the basemap draws at each level of detail. The rivers are WDBII's (the CIA World
// Data Bank II), as GSHHG keeps them for GMT in five resolutions, each line ranked by its class:
//   0 double-lined rivers (river-lakes), 1 permanent major rivers, 2 additional major rivers,
//   3 additional rivers, 4 minor rivers, 5-7 intermittent rivers, 8-10 canals.
#include "core/geo/level_of_detail.hpp"

namespace storyplot {

enum class RiverRank { none, major, minor };

// GSHHG's resolution letter for a level: 'c' (crude) for the world, 'i' (intermediate) for a
// continent, 'h' (high, about 0.2 km) close in.
char river_resolution(DetailLevel level);

// The world shows only permanent major rivers; a continent also the additional major ones (the
// Tumen, the Yalu); close in, the other permanent rivers and major canals are minor lines, drawn
// only below minor_rivers_below. Intermittent rivers and small canals are never drawn.
RiverRank river_rank(DetailLevel level, int river_class);

// Projected metres per pixel under which minor rivers are drawn: a view of about 500 km across at
// 1920 px (the border chapter), not the whole story region (about 1,000 km), which they would crowd.
inline constexpr double minor_rivers_below = 400.0;

}  // namespace storyplot
