#pragma once
// Which basemap to draw for a view: Natural Earth's 1:110m at world scale, 1:50m between, 1:10m
// for a region, and closer in GSHHG's high-resolution shores (about 200 m between points, against
// about a kilometre for 1:10m) with 1:10m's borders: a border crossing, a bay, a city.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace storyplot {

enum class DetailLevel { coarse_110m = 0, medium_50m = 1, fine_10m = 2, close_h = 3 };

inline constexpr std::size_t detail_level_count = 4;
inline constexpr std::array<DetailLevel, detail_level_count> all_detail_levels{DetailLevel::coarse_110m, DetailLevel::medium_50m,
                                                                               DetailLevel::fine_10m, DetailLevel::close_h};

// `resolution` is projected metres per pixel. The thresholds are where the coarser set's
// generalisation (about 1 mm at its nominal scale) shrinks below a few pixels, so the switch
// moves coastlines by less than that.
DetailLevel detail_for_resolution(double resolution);

std::string_view detail_suffix(DetailLevel level);  // "110m", "50m", "10m", "h"
// What the status bar says is drawn, in its column: "Natural Earth 1:10m", "GSHHG shores, 200 m".
std::string_view detail_name(DetailLevel level);
// The Natural Earth countries a level draws its borders from (and, but for close_h, its land).
DetailLevel countries_level(DetailLevel level);

// A level is also kept generalised to these tolerances (projected metres), finest first, a factor
// of four apart: for stills far coarser than the level is chosen for (a forced --detail). Coarser
// than the level's own vertex spacing, or none (1:110m).
std::span<const double> generalisation_tolerances(DetailLevel level);

// Which to draw at `resolution` (projected metres per pixel): the index of the coarsest tolerance
// within half a pixel, or -1 (the level as it is) when none is.
int generalisation_for(std::span<const double> tolerances, double resolution);

// A view in motion in the window (a zoom, a fly-to, a camera easing to a leg's scale) may be drawn
// from a copy this much coarser, in pixels, while it moves: the exact base is drawn in its place
// over the next frames (scene/map_scene). The copy kept for it is the level's finest generalised
// one (none for 1:110m). Two and a half pixels: 1:10m's 1 km copy serves all the scales 1:10m is
// drawn at (down to 400 m a pixel), so a zoom at that level never draws the level whole.
inline constexpr double moving_pixels = 2.5;
std::optional<double> moving_tolerance(DetailLevel level);
// Whether a copy generalised to `tolerance` may stand in at `resolution` (projected metres a pixel).
bool serves_moving_view(double tolerance, double resolution);

}  // namespace storyplot
