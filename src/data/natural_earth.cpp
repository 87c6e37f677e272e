#include "data/natural_earth.hpp"

#include "core/files/input_error.hpp"
#include "data/data_paths.hpp"
#include "data/mesh_cache.hpp"
#include "data/vector_source.hpp"

namespace storyplot {

BasemapMeshes load_natural_earth(DetailLevel level) {
    const auto path = natural_earth_countries(level);
    if (!std::filesystem::exists(path))
        throw InputError(path.string(), "Natural Earth data not installed (run ./setup.sh)");
    const MeshCacheKey key = mesh_cache_key(path, level);
    const auto cached = cache_folder() / ("countries-" + std::string(detail_suffix(level)) + ".mesh");
    if (auto meshes = read_mesh_cache(cached, key)) return std::move(*meshes);
    VectorSource source = load_vector_source(path.string());
    for (const auto& layer : source.layers)
        if (layer.name == "countries") {
            BasemapMeshes meshes = build_basemap_meshes(layer.polygons, level);
            write_mesh_cache(cached, key, meshes);
            return meshes;
        }
    throw InputError(path.string(), "has no \"countries\" layer");
}

}  // namespace storyplot
