#include "data/natural_earth.hpp"

#include <string_view>

#include "core/files/content_hash.hpp"
#include "core/files/input_error.hpp"
#include "core/geo/water_detail.hpp"
#include "reader/data_paths.hpp"
#include "data/gshhg.hpp"
#include "data/mesh_cache.hpp"
#include "data/vector_source.hpp"

namespace storyplot {

namespace {

// Where a part of a level is cached, and its key: the level's own (tolerance 0) as before, a
// generalised copy's beside it, keyed by the source and the tolerance.
struct CachedPart {
    std::filesystem::path file;
    MeshCacheKey key;
};

CachedPart cached_part(const MeshCacheKey& source_key, DetailLevel level, double tolerance) {
    CachedPart part{cache_folder() / ("countries-" + std::string(detail_suffix(level)) + ".mesh"), source_key};
    if (tolerance > 0) {
        part.file.replace_filename("countries-" + std::string(detail_suffix(level)) + "-" + std::to_string(static_cast<long>(tolerance)) + "m.mesh");
        part.key.source_hash = content_hash(std::string_view(reinterpret_cast<const char*>(&tolerance), sizeof tolerance), source_key.source_hash);
    }
    return part;
}

// One part of a level (tolerance 0: the level as it is; else a generalised copy) from its cache
// file; on a miss, the level and every copy are built from the source and each part written.
BasemapMeshes load_part(DetailLevel level, double tolerance, const Box* view) {
    const auto path = natural_earth_countries(level);
    if (!std::filesystem::exists(path))
        throw InputError(path.string(), "Natural Earth data not installed (run ./setup.sh)");
    const auto rivers_path = gshhg_rivers_path(gshhg_resolution(level));
    const auto shores_path = gshhg_shores_path(gshhg_resolution(level));
    // Keyed by every source: new countries, rivers or lakes build the level anew (a missing one
    // keys no cache, and its reader says it is not installed).
    MeshCacheKey key = mesh_cache_key(path, level);
    for (const auto& water : {rivers_path, shores_path}) {
        const std::uint64_t hash = file_content_hash(water).value_or(0);
        key.source_hash = content_hash(std::string_view(reinterpret_cast<const char*>(&hash), sizeof hash), key.source_hash);
    }
    const CachedPart wanted = cached_part(key, level, tolerance);
    if (auto meshes = read_mesh_cache(wanted.file, wanted.key, view)) {
        meshes->tolerance = tolerance;
        if (view) meshes->coverage = *view;  // as keep_in_view marks it
        return std::move(*meshes);
    }
    VectorSource source = load_vector_source(path.string());
    const RiverPaths rivers = read_gshhg_rivers(rivers_path, level);
    const LakePolygons lakes = read_gshhg_lakes(shores_path, level);
    // Close in, the land and its shores are GSHHG's; the countries give the borders.
    std::optional<LandPolygons> land;
    if (level == DetailLevel::close_h) land = read_gshhg_land(shores_path);
    for (const auto& layer : source.layers)
        if (layer.name == "countries") {
            BasemapMeshes out;
            for (BasemapMeshes& part : build_basemap_meshes(layer.polygons, rivers, lakes, level, land ? &land->land : nullptr)) {
                const CachedPart cached = cached_part(key, level, part.tolerance);
                write_mesh_cache(cached.file, cached.key, part);
                if (part.tolerance == tolerance) out = std::move(part);
            }
            if (view) out.keep_in_view(*view);
            return out;
        }
    throw InputError(path.string(), "has no \"countries\" layer");
}

}  // namespace

BasemapMeshes load_natural_earth(DetailLevel level, const Box* view) { return load_part(level, 0, view); }

BasemapMeshes load_natural_earth(DetailLevel level, double resolution, const Box* view) {
    const auto tolerances = generalisation_tolerances(level);
    const int g = generalisation_for(tolerances, resolution);
    return load_part(level, g < 0 ? 0 : tolerances[static_cast<std::size_t>(g)], view);
}

std::optional<BasemapMeshes> load_natural_earth_for_moving(DetailLevel level) {
    const auto tolerance = moving_tolerance(level);
    if (!tolerance) return std::nullopt;
    return load_part(level, *tolerance, nullptr);
}

}  // namespace storyplot
