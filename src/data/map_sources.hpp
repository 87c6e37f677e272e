#pragma once
// What a map shows besides Natural Earth and the story: --basemap files (and dropped ones),
// loaded to meshes, in the background in the window. Shared by the window and the headless commands.
#include <optional>
#include <string>
#include <vector>

#include "core/labels/context_labels.hpp"
#include "core/mesh/map_layers.hpp"
#include "core/style/map_style.hpp"
#include "data/vector_source.hpp"

namespace storyplot {

inline constexpr char osm_credit[] = "\xC2\xA9 OpenStreetMap contributors (ODbL)";

struct LoadedSource {
    std::string path;
    std::vector<LayerMeshes> layers;
    Box bounds;  // projected metres
    std::vector<std::string> notes;  // what was loaded but cannot be drawn as it is, one line each, naming the file
    std::vector<Town> places;        // named by the style's label rules, most populous first
    std::vector<NamedLine> named_lines;  // named along themselves by the style's label rules
    std::string credit;              // what its data asks the map to say ("© OpenStreetMap contributors (ODbL)")
    std::size_t features = 0;        // drawn
    std::size_t sample_every = 1;    // read by view, more than the budget: every k-th drawn (notes.front() says so)
};

// Throws InputError naming the file. `color_index` picks the first unstyled layer's colour; with a
// style, layers whose features carry its tags are drawn by its rules. `only_layers` (empty: all)
// names the layers (tables) to draw.
LoadedSource load_source(const std::string& path, std::size_t color_index, const MapStyle* style = nullptr,
                         const std::vector<std::string>& only_layers = {});

// What was read of a source (whole, or what a view holds) as meshes, generalised to `tolerance`
// projected metres (0: as it is); notes name the source as `source.path` does.
LoadedSource loaded_source(VectorSource source, std::size_t color_index, const MapStyle* style, double tolerance = 0);

// The map style added layers are drawn with: the file at `path`, or (empty) assets/styles/osm.json.
// Throws InputError naming the file when it cannot be read or used.
MapStyle load_map_style(const std::string& path = {});

}  // namespace storyplot
