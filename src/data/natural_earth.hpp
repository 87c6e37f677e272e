#pragma once
// The basemap, loaded to meshes at one level of detail: Natural Earth's countries (world-atlas
// TopoJSON, npm) and GSHHG's lakes and WDBII rivers (Debian's gmt-gshhg-low and -high).
#include <optional>

#include "data/layer_meshes.hpp"

namespace storyplot {

// Tessellated meshes are cached on disk (see mesh_cache.hpp): the first load of a level parses and
// tessellates, later ones read the cache. Throws InputError naming the file when the data is
// missing (set-up not run) or unreadable.
// The level as it is. Its generalised copies (core/geo/level_of_detail.hpp) are built and cached
// with it, each in a file of its own. With `view` (projected metres), only the chunks it reaches
// (chunks_in_view) are read: for pictures that never show the rest.
BasemapMeshes load_natural_earth(DetailLevel level, const Box* view = nullptr);

// For one still at `resolution` (projected metres per pixel): the level as it is, or the one
// generalised copy the view takes, as the level's own meshes.
BasemapMeshes load_natural_earth(DetailLevel level, double resolution, const Box* view);

// The copy the window draws while the view moves (core/geo/level_of_detail.hpp moving_tolerance),
// or none for a level that keeps none (1:110m).
std::optional<BasemapMeshes> load_natural_earth_for_moving(DetailLevel level);

}  // namespace storyplot
