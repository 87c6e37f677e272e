#pragma once
// The parts of a PMTiles (version 3) archive that are plain logic: tile ids along the Hilbert
// curves of each zoom, the 127-byte header, and directories (varints in columns). Reading the file
// and decompressing its parts is data/pmtiles_archive's work. Malformed bytes throw
// std::runtime_error saying what is wrong; the caller names the file.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyplot::pmtiles {

struct TileAddress {
    int z = 0;
    std::uint32_t x = 0, y = 0;  // y from the north, as web maps number tiles
    bool operator==(const TileAddress&) const = default;
};

// The tiles of every zoom before z, then the tile's place along zoom z's Hilbert curve.
std::uint64_t tile_id(TileAddress t);
TileAddress tile_address(std::uint64_t id);

enum class Compression : std::uint8_t { unknown = 0, none = 1, gzip = 2, brotli = 3, zstd = 4 };
enum class TileType : std::uint8_t { unknown = 0, mvt = 1, png = 2, jpeg = 3, webp = 4, avif = 5 };

struct Header {
    std::uint64_t root_offset = 0, root_length = 0;
    std::uint64_t metadata_offset = 0, metadata_length = 0;
    std::uint64_t leaves_offset = 0, leaves_length = 0;
    std::uint64_t data_offset = 0, data_length = 0;
    Compression internal_compression = Compression::unknown;
    Compression tile_compression = Compression::unknown;
    TileType tile_type = TileType::unknown;
    int min_zoom = 0, max_zoom = 0;
    double west = -180, south = -85, east = 180, north = 85;  // degrees
};
inline constexpr std::size_t header_size = 127;

// The header from the archive's first 127 bytes (magic "PMTiles", version 3).
Header parse_header(std::string_view bytes);

// A directory entry: a run of `run_length` tiles from `tile_id` sharing the bytes at `offset`
// (relative to the tile data), or with run_length 0, a leaf directory (relative to the leaves).
struct Entry {
    std::uint64_t tile_id = 0;
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
    std::uint32_t run_length = 0;
    bool operator==(const Entry&) const = default;
};

// A directory's entries from its decompressed bytes.
std::vector<Entry> decode_directory(std::string_view bytes);
// The inverse, for writers (the tests write archives with it).
std::string encode_directory(const std::vector<Entry>& entries);

// The entry of `entries` (sorted by id) that holds `id`: a tile run covering it, or the leaf
// directory whose range it falls in; none when the archive has no such tile.
std::optional<Entry> find_entry(const std::vector<Entry>& entries, std::uint64_t id);

}  // namespace storyplot::pmtiles
