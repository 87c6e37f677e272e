#include "data/natural_earth.hpp"

#include "core/input_error.hpp"
#include "data/data_paths.hpp"
#include "data/vector_source.hpp"

namespace storyplot {

BasemapMeshes load_natural_earth(DetailLevel level) {
    const auto path = natural_earth_countries(level);
    if (!std::filesystem::exists(path))
        throw InputError(path.string(), "Natural Earth data not installed (run ./setup.sh)");
    VectorSource source = load_vector_source(path.string());
    for (const auto& layer : source.layers)
        if (layer.name == "countries") return build_basemap_meshes(layer.polygons, level);
    throw InputError(path.string(), "has no \"countries\" layer");
}

}  // namespace storyplot
