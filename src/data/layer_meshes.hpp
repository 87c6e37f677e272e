#pragma once
// Lon/lat layers to GPU-ready meshes in Web Mercator.
#include <string>
#include <vector>

#include "core/geo/geometry.hpp"
#include "core/geo/level_of_detail.hpp"
#include "core/mesh/map_layers.hpp"
#include "core/mesh/mesh.hpp"
#include "data/gshhg.hpp"

namespace storyplot {

// `dashed_lines`: the lines carry their length along (for dashes), at a seventh more memory;
// `tolerance`: generalised to that many projected metres (0: as it is), for a layer read by view;
// its points then thinned to one in each cell of 8 tolerances (4 pixels), where more would only
// cover each other.
LayerMeshes build_layer_meshes(const VectorLayer& layer, Color color, double cell_size = regional_cell, bool dashed_lines = false,
                               double tolerance = 0);

// The level, then its generalised copies (generalisation_tolerances), finest first. `land`, where
// given (close_h's GSHHG shores), is filled and its shores drawn as the coast in place of the
// countries', which then give only the borders.
std::vector<BasemapMeshes> build_basemap_meshes(const std::vector<Polygon>& countries, const RiverPaths& rivers, const LakePolygons& lakes,
                                                DetailLevel level, const std::vector<Polygon>* land = nullptr);

}  // namespace storyplot
