#pragma once
// What a map shows besides Natural Earth and the story: --basemap files (and dropped ones),
// loaded to meshes, in the background in the window. Shared by the window and the headless commands.
#include <optional>
#include <string>
#include <vector>

#include "core/mesh/map_layers.hpp"

namespace storyplot {

struct LoadedSource {
    std::string path;
    std::vector<LayerMeshes> layers;
    Box bounds;  // projected metres
    std::vector<std::string> notes;  // what was loaded but cannot be drawn as it is, one line each, naming the file
};

// Throws InputError naming the file. `color_index` picks the first layer's colour.
LoadedSource load_source(const std::string& path, std::size_t color_index);

}  // namespace storyplot
