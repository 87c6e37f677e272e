#pragma once
// Which Natural Earth scale to draw for a view: 1:110m at world scale, 1:50m between, 1:10m close in.
#include <array>
#include <span>
#include <string_view>

namespace storyplot {

enum class DetailLevel { coarse_110m = 0, medium_50m = 1, fine_10m = 2 };

inline constexpr std::array<DetailLevel, 3> all_detail_levels{DetailLevel::coarse_110m, DetailLevel::medium_50m,
                                                              DetailLevel::fine_10m};

// `resolution` is projected metres per pixel. The thresholds are where the coarser set's
// generalisation (about 1 mm at its nominal scale) shrinks below a few pixels, so the switch
// moves coastlines by less than that.
DetailLevel detail_for_resolution(double resolution);

std::string_view detail_suffix(DetailLevel level);  // "110m", "50m", "10m"

// A level is also kept generalised to these tolerances (projected metres), finest first, a factor
// of four apart: for stills far coarser than the level is chosen for (a forced --detail). Coarser
// than the level's own vertex spacing, or none (1:110m).
std::span<const double> generalisation_tolerances(DetailLevel level);

// Which to draw at `resolution` (projected metres per pixel): the index of the coarsest tolerance
// within half a pixel, or -1 (the level as it is) when none is.
int generalisation_for(std::span<const double> tolerances, double resolution);

}  // namespace storyplot
