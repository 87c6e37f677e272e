#pragma once
// What a map shows besides Natural Earth: the story (read as GeoJSON for now) and --basemap files,
// loaded to meshes. Shared by the window and the headless commands.
#include <optional>
#include <string>
#include <vector>

#include "core/camera.hpp"
#include "core/map_layers.hpp"

namespace storyplot {

struct LoadedSource {
    std::string path;
    std::vector<LayerMeshes> layers;
    Box bounds;  // projected metres
};

// Throws InputError naming the file. `color_index` picks the first layer's colour.
LoadedSource load_source(const std::string& path, std::size_t color_index);

// Where a map opens: the given box if any, else all the story's places and routes (with a margin),
// else the story region.
Camera initial_camera(const std::optional<Box>& lonlat_bbox, const std::optional<Box>& story_bounds, int width, int height);

}  // namespace storyplot
