#include "data/map_sources.hpp"

#include <cstdio>

#include "data/layer_meshes.hpp"
#include "data/vector_source.hpp"

namespace storyplot {

LoadedSource load_source(const std::string& path, std::size_t color_index) {
    const VectorSource source = load_vector_source(path);
    LoadedSource out;
    out.path = path;
    for (const auto& layer : source.layers) {
        out.layers.push_back(build_layer_meshes(layer, overlay_color(color_index + out.layers.size())));
        out.bounds.add(out.layers.back().bounds());
        const auto& tangled = out.layers.back().tangled;
        if (!tangled.empty()) {
            const TangledPolygon& t = tangled.front();
            char crossings[32];
            std::snprintf(crossings, sizeof crossings, "%.2g", t.crossings);
            out.notes.push_back(path + ": layer " + layer.name + ": polygon " + std::to_string(t.index + 1) + " (" + std::to_string(t.vertices) +
                                " vertices) crosses itself about " + crossings + " times, too tangled to fill: not drawn" +
                                (tangled.size() > 1 ? " (and " + std::to_string(tangled.size() - 1) + " more such polygons)" : ""));
        }
    }
    return out;
}

}  // namespace storyplot
