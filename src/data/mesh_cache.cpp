#include "data/mesh_cache.hpp"

#include <cstring>
#include <string>
#include <string_view>

#include "core/files/content_hash.hpp"
#include "core/files/payload.hpp"

namespace storyplot {

namespace fs = std::filesystem;

namespace {

constexpr CacheKind mesh_cache_kind{{'S', 'P', 'M', 'E', 'S', 'H', '0', '2'}, 14};

std::uint64_t combined_key(const MeshCacheKey& key) { return content_hash(std::string_view(reinterpret_cast<const char*>(&key.level), sizeof key.level), key.source_hash); }

void put_mesh(std::string& out, const Mesh& mesh) {
    put(out, static_cast<std::int32_t>(mesh.floats_per_vertex));
    put(out, static_cast<std::uint64_t>(mesh.chunks.size()));
    for (const auto& c : mesh.chunks) {
        const std::size_t start = out.size();
        put(out, c.origin.x);
        put(out, c.origin.y);
        put(out, c.bounds.min_x);
        put(out, c.bounds.min_y);
        put(out, c.bounds.max_x);
        put(out, c.bounds.max_y);
        put_array(out, c.vertices.data(), c.vertices.size());
        put_array(out, c.indices.data(), c.indices.size());
        // The chunk's own checksum, seeded with the mesh's vertex size.
        put(out, content_hash(std::string_view(out).substr(start), static_cast<std::uint64_t>(mesh.floats_per_vertex)));
    }
}

// With `view`, the chunks no copy of which reaches it are passed over, not copied.
bool get_mesh(PayloadReader& in, Mesh& mesh, const Box* view) {
    std::int32_t floats = 0;
    std::uint64_t chunks = 0;
    if (!in.get(floats) || !in.get(chunks) || floats < 2 || floats > 16 || chunks > (1u << 24)) return false;
    mesh.floats_per_vertex = floats;
    mesh.chunks.clear();
    for (std::uint64_t k = 0; k < chunks; ++k) {
        const std::string_view start = in.rest();
        MeshChunk c;
        if (!in.get(c.origin.x) || !in.get(c.origin.y) || !in.get(c.bounds.min_x) || !in.get(c.bounds.min_y) || !in.get(c.bounds.max_x) ||
            !in.get(c.bounds.max_y))
            return false;
        if (view) {
            const WorldCopies copies = world_copies(c.bounds, *view);
            if (copies.first > copies.last) {
                std::uint64_t checksum = 0;
                if (!in.skip_array<float>() || !in.skip_array<std::uint32_t>() || !in.get(checksum)) return false;
                continue;
            }
        }
        if (!in.get_array(c.vertices) || !in.get_array(c.indices)) return false;
        // The chunk taken is checked by its own checksum (the file as a whole is not: a start reads
        // and hashes the chunks its view needs, not 178 MB).
        const std::string_view bytes = start.substr(0, start.size() - in.rest().size());
        std::uint64_t checksum = 0;
        if (!in.get(checksum) || checksum != content_hash(bytes, static_cast<std::uint64_t>(floats))) return false;
        // Indices past the vertices would make the GPU read outside its buffer.
        const std::size_t vertex_count = c.vertices.size() / static_cast<std::size_t>(floats);
        for (std::uint32_t i : c.indices)
            if (i >= vertex_count) return false;
        mesh.chunks.push_back(std::move(c));
    }
    return true;
}

}  // namespace

MeshCacheKey mesh_cache_key(const fs::path& source, DetailLevel level) {
    MeshCacheKey key;
    key.source_hash = file_content_hash(source).value_or(0);
    key.level = static_cast<int>(level);
    return key;
}

std::optional<BasemapMeshes> read_mesh_cache(const fs::path& file, const MeshCacheKey& key, const Box* view) {
    const auto payload = map_cache_file(file, mesh_cache_kind, combined_key(key), Check::parts);
    if (!payload) return std::nullopt;
    PayloadReader in(payload->bytes());
    BasemapMeshes meshes;
    meshes.level = static_cast<DetailLevel>(key.level);
    if (!get_mesh(in, meshes.land, view) || !get_mesh(in, meshes.coast, view) || !get_mesh(in, meshes.borders, view) ||
        !get_mesh(in, meshes.rivers, view) || !get_mesh(in, meshes.minor_rivers, view))
        return std::nullopt;
    for (std::size_t c = 0; c < lake_size_classes; ++c)
        if (!get_mesh(in, meshes.lakes[c], view) || !get_mesh(in, meshes.lake_shores[c], view)) return std::nullopt;
    if (!in.done()) return std::nullopt;
    return meshes;
}

bool write_mesh_cache(const fs::path& file, const MeshCacheKey& key, const BasemapMeshes& meshes) {
    std::string out;
    put_mesh(out, meshes.land);
    put_mesh(out, meshes.coast);
    put_mesh(out, meshes.borders);
    put_mesh(out, meshes.rivers);
    put_mesh(out, meshes.minor_rivers);
    for (std::size_t c = 0; c < lake_size_classes; ++c) {
        put_mesh(out, meshes.lakes[c]);
        put_mesh(out, meshes.lake_shores[c]);
    }
    return write_cache_file(file, mesh_cache_kind, combined_key(key), out);
}

}  // namespace storyplot
