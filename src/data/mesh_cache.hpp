#pragma once
// A cache of tessellated basemap meshes on disk, so a run does not parse and tessellate Natural
// Earth again: keyed by the source file's content and the level (two builds or checkouts on one
// machine share it), checked on read (core/cache_file.hpp: header, size, checksum of the whole
// payload) and rebuilt on any mismatch, never drawn from a damaged file.
#include <cstdint>
#include <filesystem>
#include <optional>

#include "core/files/cache_file.hpp"
#include "core/mesh/map_layers.hpp"

namespace storyplot {

struct MeshCacheKey {
    std::uint64_t source_hash = 0;
    int level = 0;
};

// Reads the source's bytes once (about 4 ms for the 3.6 MB 1:10m file).
MeshCacheKey mesh_cache_key(const std::filesystem::path& source, DetailLevel level);

// With `view`, only the chunks it reaches (chunks_in_view): the rest of the file is not copied.
std::optional<BasemapMeshes> read_mesh_cache(const std::filesystem::path& file, const MeshCacheKey& key, const Box* view = nullptr);
// Written through a temporary file; returns false (and writes nothing) on any failure.
bool write_mesh_cache(const std::filesystem::path& file, const MeshCacheKey& key, const BasemapMeshes& meshes);

}  // namespace storyplot
