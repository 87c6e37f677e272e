#pragma once
// Which rivers and lakes the basemap draws at each level of detail. Both come from GSHHG (the
// Global Self-consistent Hierarchical High-resolution Geography) as GMT keeps it, in five
// resolutions. Its rivers are WDBII's (the CIA World Data Bank II), each line ranked by its class:
//   0 double-lined rivers (river-lakes), 1 permanent major rivers, 2 additional major rivers,
//   3 additional rivers, 4 minor rivers, 5-7 intermittent rivers, 8-10 canals.
// Its shorelines are polygons in a hierarchy: 1 land, 2 lakes (and river-lakes), 3 islands in
// lakes, 4 ponds on those islands.
#include <cstddef>

#include "core/geo/level_of_detail.hpp"

namespace storyplot {

enum class RiverRank { none, major, minor };

// GSHHG's resolution letter for a level: 'c' (crude) for the world, 'i' (intermediate) for a
// continent, 'h' (high, about 0.2 km) for a region and closer in (close_h's shores as well).
char gshhg_resolution(DetailLevel level);

// The world shows only permanent major rivers; a continent also the additional major ones (the
// Tumen, the Yalu); close in, the other permanent rivers and major canals are minor lines, drawn
// only below minor_rivers_below. Intermittent rivers and small canals are never drawn.
RiverRank river_rank(DetailLevel level, int river_class);

// Projected metres per pixel under which minor rivers are drawn: a view of about 500 km across at
// 1920 px (the border chapter), not the whole story region (about 1,000 km), which they would crowd.
inline constexpr double minor_rivers_below = 400.0;

// The smallest lake a level draws, in km² (GSHHG's area at that resolution): the world the great
// lakes (Superior, Baikal, Victoria), a continent those of 50 km² (Khanka), close in those of 2 km².
// An island in a lake is a hole in it when it is as large.
double lake_min_km2(DetailLevel level);

// A level's lakes are kept in classes by size, so that a view draws only those it can show: on the
// globe of the whole world at 1:50m, the level's lakes were a third of the frame, yet two in three
// of them are a few pixels long or less there. A lake's size is its length: the longer side of its box in Web Mercator metres
// (its shore, drawn a pixel wide, shows a long thin lake as a line, so the length decides whether
// it shows, not the area). With s the side of a square as large as the level's smallest lake (the
// square root of lake_min_km2), class 0 holds those under 2s long, class 1 under 4s, class 2
// under 8s, class 3 the rest.
inline constexpr std::size_t lake_size_classes = 4;
std::size_t lake_size_class(DetailLevel level, double length_m);

// Whether a view at `resolution` (Web Mercator metres per pixel, times the picture's scale) draws
// a class: the largest always; the others while their shortest lake (s, 2s, 4s) is 2 pixels long or
// more. No lake over 4 pixels long is left out, none under 2 drawn.
bool lake_class_shown(DetailLevel level, std::size_t size_class, double resolution);

}  // namespace storyplot
