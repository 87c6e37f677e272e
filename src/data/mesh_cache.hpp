#pragma once
// A cache of tessellated basemap meshes on disk, so a run does not parse and tessellate Natural
// Earth again: keyed by the source file's size and modification time and the format's version,
// rebuilt when any differs, and ignored (never fatal) when it cannot be read or written.
#include <filesystem>
#include <optional>

#include "core/map_layers.hpp"

namespace storyplot {

struct MeshCacheKey {
    std::uintmax_t source_size = 0;
    std::int64_t source_mtime = 0;
    int level = 0;
};

MeshCacheKey mesh_cache_key(const std::filesystem::path& source, DetailLevel level);

// $STORYPLOT_CACHE, else $XDG_CACHE_HOME/storyplot, else ~/.cache/storyplot.
std::filesystem::path cache_folder();

std::optional<BasemapMeshes> read_mesh_cache(const std::filesystem::path& file, const MeshCacheKey& key);
// Written through a temporary file; returns false (and writes nothing) on any failure.
bool write_mesh_cache(const std::filesystem::path& file, const MeshCacheKey& key, const BasemapMeshes& meshes);

}  // namespace storyplot
