#include "data/mesh_cache.hpp"

#include <cstdlib>
#include <cstring>
#include <fstream>

#include "core/atomic_file.hpp"

namespace storyplot {

namespace fs = std::filesystem;

namespace {

constexpr char magic[8] = {'S', 'P', 'M', 'E', 'S', 'H', '0', '1'};
constexpr std::uint32_t format_version = 5;  // bump whenever the meshes built from the same data change

template <typename T>
void put(std::string& out, const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
bool get(std::ifstream& in, T& v) {
    return static_cast<bool>(in.read(reinterpret_cast<char*>(&v), sizeof v));
}

void put_mesh(std::string& out, const Mesh& mesh) {
    put(out, static_cast<std::int32_t>(mesh.floats_per_vertex));
    put(out, static_cast<std::uint64_t>(mesh.chunks.size()));
    for (const auto& c : mesh.chunks) {
        put(out, c.origin.x);
        put(out, c.origin.y);
        put(out, c.bounds.min_x);
        put(out, c.bounds.min_y);
        put(out, c.bounds.max_x);
        put(out, c.bounds.max_y);
        put(out, static_cast<std::uint64_t>(c.vertices.size()));
        out.append(reinterpret_cast<const char*>(c.vertices.data()), c.vertices.size() * sizeof(float));
        put(out, static_cast<std::uint64_t>(c.indices.size()));
        out.append(reinterpret_cast<const char*>(c.indices.data()), c.indices.size() * sizeof(std::uint32_t));
    }
}

bool get_mesh(std::ifstream& in, Mesh& mesh, std::uintmax_t file_size) {
    std::int32_t floats = 0;
    std::uint64_t chunks = 0;
    if (!get(in, floats) || !get(in, chunks) || floats < 2 || floats > 16 || chunks > file_size) return false;
    mesh.floats_per_vertex = floats;
    mesh.chunks.resize(chunks);
    for (auto& c : mesh.chunks) {
        std::uint64_t n = 0;
        if (!get(in, c.origin.x) || !get(in, c.origin.y) || !get(in, c.bounds.min_x) || !get(in, c.bounds.min_y) ||
            !get(in, c.bounds.max_x) || !get(in, c.bounds.max_y) || !get(in, n) || n * sizeof(float) > file_size)
            return false;
        c.vertices.resize(n);
        if (!in.read(reinterpret_cast<char*>(c.vertices.data()), static_cast<std::streamsize>(n * sizeof(float)))) return false;
        if (!get(in, n) || n * sizeof(std::uint32_t) > file_size) return false;
        c.indices.resize(n);
        if (!in.read(reinterpret_cast<char*>(c.indices.data()), static_cast<std::streamsize>(n * sizeof(std::uint32_t)))) return false;
    }
    return true;
}

}  // namespace

MeshCacheKey mesh_cache_key(const fs::path& source, DetailLevel level) {
    std::error_code ec;
    MeshCacheKey key;
    key.source_size = fs::file_size(source, ec);
    const auto mtime = fs::last_write_time(source, ec);
    key.source_mtime = static_cast<std::int64_t>(mtime.time_since_epoch().count());
    key.level = static_cast<int>(level);
    return key;
}

fs::path cache_folder() {
    if (const char* dir = std::getenv("STORYPLOT_CACHE"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "storyplot";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "storyplot";
    return fs::temp_directory_path() / "storyplot-cache";
}

std::optional<BasemapMeshes> read_mesh_cache(const fs::path& file, const MeshCacheKey& key) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    char head[8];
    std::uint32_t version = 0;
    MeshCacheKey stored;
    if (!in.read(head, sizeof head) || std::memcmp(head, magic, sizeof head) != 0 || !get(in, version) || version != format_version ||
        !get(in, stored.source_size) || !get(in, stored.source_mtime) || !get(in, stored.level))
        return std::nullopt;
    if (stored.source_size != key.source_size || stored.source_mtime != key.source_mtime || stored.level != key.level) return std::nullopt;
    BasemapMeshes meshes;
    meshes.level = static_cast<DetailLevel>(key.level);
    if (!get_mesh(in, meshes.land, size) || !get_mesh(in, meshes.coast, size) || !get_mesh(in, meshes.borders, size)) return std::nullopt;
    return meshes;
}

bool write_mesh_cache(const fs::path& file, const MeshCacheKey& key, const BasemapMeshes& meshes) {
    try {
        std::string out(magic, sizeof magic);
        put(out, format_version);
        put(out, key.source_size);
        put(out, key.source_mtime);
        put(out, key.level);
        put_mesh(out, meshes.land);
        put_mesh(out, meshes.coast);
        put_mesh(out, meshes.borders);
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        write_file_atomically(file, out);
        return true;
    } catch (const std::exception&) {
        return false;  // a cache that cannot be written only costs time
    }
}

}  // namespace storyplot
