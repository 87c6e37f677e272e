#include "core/files/cache_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/files/atomic_file.hpp"
#include "core/files/content_hash.hpp"

namespace storyplot {

namespace fs = std::filesystem;

namespace {

struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t reserved;
    std::uint64_t key;
    std::uint64_t payload_size;
    std::uint64_t payload_hash;
};
static_assert(sizeof(Header) == 40);

constexpr std::uint64_t max_payload = 4ull << 30;

}  // namespace

MappedCache::MappedCache(MappedCache&& other) noexcept : m_map(other.m_map), m_map_size(other.m_map_size), m_offset(other.m_offset) {
    other.m_map = nullptr;
    other.m_map_size = 0;
}

MappedCache::~MappedCache() {
    if (m_map) ::munmap(m_map, m_map_size);
}

std::string_view MappedCache::bytes() const { return {static_cast<const char*>(m_map) + m_offset, m_map_size - m_offset}; }

std::optional<MappedCache> map_cache_file(const fs::path& file, const CacheKind& kind, std::uint64_t key, Check check) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    void* map = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) >= sizeof(Header) &&
        static_cast<std::uint64_t>(st.st_size) - sizeof(Header) <= max_payload)
        map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return std::nullopt;
    const auto size = static_cast<std::size_t>(st.st_size);
    MappedCache mapped(map, size, sizeof(Header));
    Header header{};
    std::memcpy(&header, map, sizeof header);
    if (std::memcmp(header.magic, kind.magic, 8) != 0 || header.version != kind.version || header.key != key ||
        header.payload_size != static_cast<std::uint64_t>(st.st_size) - sizeof header)
        return std::nullopt;
    if (check == Check::parts) return mapped;
    // The payload verified a window at a time, each window's pages let go once hashed: a reader
    // then holds what it reads (a view's chunks), not the whole file (the 1:10m meshes are 177 MB).
    constexpr std::size_t window = 16u << 20;
    ContentHash hash;
    for (std::size_t at = 0; at < size; at += window) {
        const std::size_t end = std::min(size, at + window);
        const std::size_t from = std::max(at, sizeof header);
        hash.add(std::string_view(static_cast<const char*>(map) + from, end - from));
        ::madvise(static_cast<char*>(map) + at, end - at, MADV_DONTNEED);
    }
    if (hash.value() != header.payload_hash) return std::nullopt;
    return mapped;
}

std::optional<std::string> read_cache_file(const fs::path& file, const CacheKind& kind, std::uint64_t key) {
    const auto mapped = map_cache_file(file, kind, key);
    if (!mapped) return std::nullopt;
    return std::string(mapped->bytes());
}

bool write_cache_file(const fs::path& file, const CacheKind& kind, std::uint64_t key, std::string_view payload) {
    try {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        Header header{};
        std::memcpy(header.magic, kind.magic, 8);
        header.version = kind.version;
        header.key = key;
        header.payload_size = payload.size();
        header.payload_hash = content_hash(payload);
        OutputFile out(file);
        out.write(std::string_view(reinterpret_cast<const char*>(&header), sizeof header));
        out.write(payload);
        out.commit();
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

fs::path cache_folder() {
    if (const char* dir = std::getenv("STORYPLOT_CACHE"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "storyplot";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "storyplot";
    return fs::temp_directory_path() / "storyplot-cache";
}

}  // namespace storyplot
