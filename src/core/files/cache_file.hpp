#pragma once
// Cache files that can be trusted: a header (magic, format version, the key of the sources they
// were built from, the payload's size and checksum) and the payload. A read returns the payload
// only when every part matches; anything else (truncated, flipped bits, another key, a FIFO or
// device in its place) is a miss, and the caller rebuilds. Writes go through a temporary file and
// a rename, so concurrent first runs each leave a whole cache and the last one stays.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace storyplot {

struct CacheKind {
    char magic[8];
    std::uint32_t version;  // bump whenever what is built from the same sources changes
};

// The payload mapped from the file rather than copied: a large cache is verified at the speed of
// the page cache, and its reader copies only what it takes. (The writers never change a cache file
// in place: they rename a new one over it, and the mapping keeps the old.)
class MappedCache {
public:
    MappedCache(void* map, std::size_t map_size, std::size_t offset) : m_map(map), m_map_size(map_size), m_offset(offset) {}
    MappedCache(MappedCache&& other) noexcept;
    MappedCache& operator=(MappedCache&&) = delete;
    MappedCache(const MappedCache&) = delete;
    ~MappedCache();
    std::string_view bytes() const;

private:
    void* m_map;
    std::size_t m_map_size, m_offset;
};
// `Check::parts`: the payload's checksum is left to the reader, who checks each part it takes by
// checksums of its own in the payload (the meshes: a view's chunks of a 178 MB file), so a start
// reads and hashes only those; the header (magic, version, key, size) is still checked.
enum class Check { whole, parts };
std::optional<MappedCache> map_cache_file(const std::filesystem::path& file, const CacheKind& kind, std::uint64_t key, Check check = Check::whole);

// The same, copied out.
std::optional<std::string> read_cache_file(const std::filesystem::path& file, const CacheKind& kind, std::uint64_t key);

// False (and nothing in place) on any failure: a cache that cannot be written only costs time.
bool write_cache_file(const std::filesystem::path& file, const CacheKind& kind, std::uint64_t key, std::string_view payload);

// $STORYPLOT_CACHE, else $XDG_CACHE_HOME/storyplot, else ~/.cache/storyplot.
std::filesystem::path cache_folder();

}  // namespace storyplot
