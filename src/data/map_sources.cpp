#include "data/map_sources.hpp"

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
    }
    return out;
}

}  // namespace storyplot
