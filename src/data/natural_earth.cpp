#include "data/natural_earth.hpp"

#include <algorithm>
#include <string_view>

#include "core/files/content_hash.hpp"
#include "core/files/input_error.hpp"
#include "data/data_paths.hpp"
#include "data/mesh_cache.hpp"
#include "data/vector_source.hpp"

namespace storyplot {

namespace {

// The level's meshes (tolerance 0) or a generalised copy's, as their own cache file says.
struct CachedPart {
    double tolerance = 0;
    std::filesystem::path file;
    MeshCacheKey key;
};

CachedPart cached_part(const MeshCacheKey& source_key, DetailLevel level, double tolerance) {
    CachedPart part{tolerance, cache_folder() / ("countries-" + std::string(detail_suffix(level)) + ".mesh"), source_key};
    if (tolerance > 0) {
        part.file.replace_filename("countries-" + std::string(detail_suffix(level)) + "-" + std::to_string(static_cast<long>(tolerance)) + "m.mesh");
        part.key.source_hash = content_hash(std::string_view(reinterpret_cast<const char*>(&tolerance), sizeof tolerance), source_key.source_hash);
    }
    return part;
}

// Reads the parts asked for from the cache; on any miss, builds the level and every copy from the
// source and writes them all.
BasemapMeshes load_parts(DetailLevel level, const std::vector<double>& wanted, const Box* view) {
    const auto path = natural_earth_countries(level);
    if (!std::filesystem::exists(path))
        throw InputError(path.string(), "Natural Earth data not installed (run ./setup.sh)");
    const MeshCacheKey key = mesh_cache_key(path, level);
    std::vector<BasemapMeshes> read;
    for (double tolerance : wanted) {
        const CachedPart part = cached_part(key, level, tolerance);
        auto meshes = read_mesh_cache(part.file, part.key, view);
        if (!meshes) break;
        read.push_back(std::move(*meshes));
    }
    BasemapMeshes out;
    out.level = level;
    if (read.size() == wanted.size()) {
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            if (wanted[i] == 0) {
                out.land = std::move(read[i].land);
                out.coast = std::move(read[i].coast);
                out.borders = std::move(read[i].borders);
            } else {
                out.generalised.push_back({wanted[i], std::move(read[i].land), std::move(read[i].coast), std::move(read[i].borders)});
            }
        }
        return out;
    }
    VectorSource source = load_vector_source(path.string());
    for (const auto& layer : source.layers)
        if (layer.name == "countries") {
            BasemapMeshes built = build_basemap_meshes(layer.polygons, level);
            write_mesh_cache(cached_part(key, level, 0).file, key, built);
            for (const auto& g : built.generalised) {
                const CachedPart part = cached_part(key, level, g.tolerance);
                BasemapMeshes copy;
                copy.level = level;
                copy.land = g.land;
                copy.coast = g.coast;
                copy.borders = g.borders;
                write_mesh_cache(part.file, part.key, copy);
            }
            if (std::find(wanted.begin(), wanted.end(), 0.0) == wanted.end()) {
                for (auto& g : built.generalised)
                    if (std::find(wanted.begin(), wanted.end(), g.tolerance) != wanted.end()) out.generalised.push_back(std::move(g));
                if (view)
                    for (auto& g : out.generalised) {
                        g.land = chunks_in_view(std::move(g.land), *view);
                        g.coast = chunks_in_view(std::move(g.coast), *view);
                        g.borders = chunks_in_view(std::move(g.borders), *view);
                    }
                return out;
            }
            built.generalised.clear();  // only the level itself was asked for
            if (view) built.keep_in_view(*view);
            return built;
        }
    throw InputError(path.string(), "has no \"countries\" layer");
}

}  // namespace

BasemapMeshes load_natural_earth(DetailLevel level, const Box* view) { return load_parts(level, {0.0}, view); }

BasemapMeshes load_natural_earth(DetailLevel level, double resolution, const Box* view) {
    const auto tolerances = generalisation_tolerances(level);
    const int g = generalisation_for(tolerances, resolution);
    if (g < 0) return load_parts(level, {0.0}, view);
    BasemapMeshes copy = load_parts(level, {tolerances[static_cast<std::size_t>(g)]}, view);
    // The view draws the copy as the level itself.
    GeneralisedBasemap& only = copy.generalised.front();
    copy.land = std::move(only.land);
    copy.coast = std::move(only.coast);
    copy.borders = std::move(only.borders);
    copy.generalised.clear();
    return copy;
}

}  // namespace storyplot
