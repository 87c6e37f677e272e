#pragma once
// What a map shows besides Natural Earth and the story: --basemap files (and dropped ones),
// loaded to meshes, in the background in the window. Shared by the window and the headless commands.
#include <optional>
#include <string>
#include <vector>

#include "core/labels/context_labels.hpp"
#include "core/mesh/map_layers.hpp"
#include "core/style/map_style.hpp"

namespace storyplot {

struct LoadedSource {
    std::string path;
    std::vector<LayerMeshes> layers;
    Box bounds;  // projected metres
    std::vector<std::string> notes;  // what was loaded but cannot be drawn as it is, one line each, naming the file
    std::vector<Town> places;        // named by the style's label rules, most populous first
    std::vector<NamedLine> named_lines;  // named along themselves by the style's label rules
    std::string credit;              // what its data asks the map to say ("© OpenStreetMap contributors (ODbL)")
};

// Throws InputError naming the file. `color_index` picks the first unstyled layer's colour; with a
// style, layers whose features carry its tags are drawn by its rules.
LoadedSource load_source(const std::string& path, std::size_t color_index, const MapStyle* style = nullptr);

// The map style added layers are drawn with: the file at `path`, or (empty) assets/styles/osm.json.
// Throws InputError naming the file when it cannot be read or used.
MapStyle load_map_style(const std::string& path = {});

}  // namespace storyplot
