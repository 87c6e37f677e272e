#include "core/files/pmtiles_directory.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace storyplot::pmtiles {

namespace {

constexpr int max_zoom_level = 31;

// Hilbert curve order of (x, y) in a square of side n (a power of two), and back.
std::uint64_t hilbert_index(std::uint64_t n, std::uint64_t x, std::uint64_t y) {
    std::uint64_t d = 0;
    for (std::uint64_t s = n / 2; s > 0; s /= 2) {
        const std::uint64_t rx = (x & s) ? 1 : 0;
        const std::uint64_t ry = (y & s) ? 1 : 0;
        d += s * s * ((3 * rx) ^ ry);
        // The quadrant turned so the curve inside it runs as the whole does.
        if (ry == 0) {
            if (rx == 1) {
                x = s - 1 - (x & (s - 1));
                y = s - 1 - (y & (s - 1));
            }
            std::swap(x, y);
        }
    }
    return d;
}

void hilbert_point(std::uint64_t n, std::uint64_t d, std::uint64_t& x, std::uint64_t& y) {
    x = y = 0;
    for (std::uint64_t s = 1; s < n; s *= 2) {
        const std::uint64_t rx = 1 & (d / 2);
        const std::uint64_t ry = 1 & (d ^ rx);
        if (ry == 0) {
            if (rx == 1) {
                x = s - 1 - x;
                y = s - 1 - y;
            }
            std::swap(x, y);
        }
        x += s * rx;
        y += s * ry;
        d /= 4;
    }
}

// Tiles of all zooms before z: (4^z - 1) / 3.
std::uint64_t tiles_before(int z) { return ((std::uint64_t{1} << (2 * z)) - 1) / 3; }

template <typename T>
T little_endian(std::string_view bytes, std::size_t at) {
    T value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) value |= static_cast<T>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return value;
}

class VarintReader {
public:
    explicit VarintReader(std::string_view bytes) : m_bytes(bytes) {}
    std::uint64_t next() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_at >= m_bytes.size()) throw std::runtime_error("directory ends inside a number");
            const auto byte = static_cast<unsigned char>(m_bytes[m_at++]);
            value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return value;
        }
        throw std::runtime_error("directory holds a number longer than 64 bits");
    }

private:
    std::string_view m_bytes;
    std::size_t m_at = 0;
};

void put_varint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

}  // namespace

std::uint64_t tile_id(TileAddress t) {
    if (t.z < 0 || t.z > max_zoom_level) throw std::out_of_range("tile zoom out of range");
    const std::uint64_t n = std::uint64_t{1} << t.z;
    if (t.x >= n || t.y >= n) throw std::out_of_range("tile outside its zoom");
    return tiles_before(t.z) + hilbert_index(n, t.x, t.y);
}

TileAddress tile_address(std::uint64_t id) {
    for (int z = 0; z <= max_zoom_level; ++z) {
        const std::uint64_t count = std::uint64_t{1} << (2 * z);
        const std::uint64_t first = tiles_before(z);
        if (id < first + count) {
            std::uint64_t x = 0, y = 0;
            hilbert_point(std::uint64_t{1} << z, id - first, x, y);
            return {z, static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)};
        }
    }
    throw std::out_of_range("tile id beyond zoom 31");
}

Header parse_header(std::string_view bytes) {
    if (bytes.size() < header_size || bytes.substr(0, 7) != "PMTiles") throw std::runtime_error("not a PMTiles archive");
    if (bytes[7] != 3) throw std::runtime_error("PMTiles version " + std::to_string(static_cast<int>(bytes[7])) + ", not 3");
    Header h;
    h.root_offset = little_endian<std::uint64_t>(bytes, 8);
    h.root_length = little_endian<std::uint64_t>(bytes, 16);
    h.metadata_offset = little_endian<std::uint64_t>(bytes, 24);
    h.metadata_length = little_endian<std::uint64_t>(bytes, 32);
    h.leaves_offset = little_endian<std::uint64_t>(bytes, 40);
    h.leaves_length = little_endian<std::uint64_t>(bytes, 48);
    h.data_offset = little_endian<std::uint64_t>(bytes, 56);
    h.data_length = little_endian<std::uint64_t>(bytes, 64);
    auto compression = [&](std::size_t at) {
        const auto c = static_cast<std::uint8_t>(bytes[at]);
        if (c > 4) throw std::runtime_error("unknown compression " + std::to_string(c));
        return static_cast<Compression>(c);
    };
    h.internal_compression = compression(97);
    h.tile_compression = compression(98);
    const auto type = static_cast<std::uint8_t>(bytes[99]);
    h.tile_type = type <= 5 ? static_cast<TileType>(type) : TileType::unknown;
    h.min_zoom = static_cast<unsigned char>(bytes[100]);
    h.max_zoom = static_cast<unsigned char>(bytes[101]);
    if (h.min_zoom > h.max_zoom || h.max_zoom > max_zoom_level) throw std::runtime_error("zoom levels out of order or beyond 31");
    h.west = little_endian<std::int32_t>(bytes, 102) / 1e7;
    h.south = little_endian<std::int32_t>(bytes, 106) / 1e7;
    h.east = little_endian<std::int32_t>(bytes, 110) / 1e7;
    h.north = little_endian<std::int32_t>(bytes, 114) / 1e7;
    return h;
}

std::vector<Entry> decode_directory(std::string_view bytes) {
    VarintReader in(bytes);
    const std::uint64_t count = in.next();
    // Each entry takes at least four bytes: a count beyond that is a broken directory, not an allocation.
    if (count == 0 || count > bytes.size()) throw std::runtime_error("directory of " + std::to_string(count) + " entries in " +
                                                                     std::to_string(bytes.size()) + " bytes");
    std::vector<Entry> entries(static_cast<std::size_t>(count));
    std::uint64_t id = 0;
    for (Entry& e : entries) {
        id += in.next();
        e.tile_id = id;
    }
    auto u32 = [&](const char* what) {
        const std::uint64_t v = in.next();
        if (v > UINT32_MAX) throw std::runtime_error(std::string("directory holds a ") + what + " over 32 bits");
        return static_cast<std::uint32_t>(v);
    };
    for (Entry& e : entries) e.run_length = u32("run length");
    for (Entry& e : entries) e.length = u32("length");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        // 0: right after the previous entry's bytes; otherwise the offset plus one.
        const std::uint64_t v = in.next();
        if (v == 0 && i == 0) throw std::runtime_error("directory's first entry has no offset");
        entries[i].offset = v == 0 ? entries[i - 1].offset + entries[i - 1].length : v - 1;
    }
    return entries;
}

std::string encode_directory(const std::vector<Entry>& entries) {
    std::string out;
    put_varint(out, entries.size());
    std::uint64_t last = 0;
    for (const Entry& e : entries) {
        put_varint(out, e.tile_id - last);
        last = e.tile_id;
    }
    for (const Entry& e : entries) put_varint(out, e.run_length);
    for (const Entry& e : entries) put_varint(out, e.length);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const bool follows = i > 0 && entries[i].offset == entries[i - 1].offset + entries[i - 1].length;
        put_varint(out, follows ? 0 : entries[i].offset + 1);
    }
    return out;
}

std::optional<Entry> find_entry(const std::vector<Entry>& entries, std::uint64_t id) {
    // The last entry starting at or before id.
    auto it = std::upper_bound(entries.begin(), entries.end(), id, [](std::uint64_t v, const Entry& e) { return v < e.tile_id; });
    if (it == entries.begin()) return std::nullopt;
    const Entry& e = *std::prev(it);
    if (e.run_length == 0) return e;  // a leaf directory: the tile, if any, is in it
    if (id - e.tile_id < e.run_length) return e;
    return std::nullopt;
}

}  // namespace storyplot::pmtiles
