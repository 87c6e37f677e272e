#pragma once
// The Natural Earth basemap (world-atlas TopoJSON, npm), loaded to meshes at one level of detail.
#include "data/layer_meshes.hpp"

namespace storyplot {

// Tessellated meshes are cached on disk (see mesh_cache.hpp): the first load of a level parses and
// tessellates, later ones read the cache. Throws InputError naming the file when the data is
// missing (set-up not run) or unreadable.
BasemapMeshes load_natural_earth(DetailLevel level);

}  // namespace storyplot
