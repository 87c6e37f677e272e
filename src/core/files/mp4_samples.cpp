#include "core/files/mp4_samples.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyplot {

namespace {

std::uint32_t u32(const std::uint8_t* p) {
    return static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 | static_cast<std::uint32_t>(p[2]) << 8 | p[3];
}

std::uint64_t u64(const std::uint8_t* p) { return static_cast<std::uint64_t>(u32(p)) << 32 | u32(p + 4); }

// Where a box ends: its length and its header's, from the bytes at its start (as many as there
// are, up to 16), `left` bytes from its start to the end of what holds it. Nullopt when it runs
// past that end.
struct Extent {
    std::uint64_t length;
    std::size_t header;
};
std::optional<Extent> box_extent(const std::uint8_t* p, std::uint64_t left) {
    if (left < 8) return std::nullopt;
    Extent e{u32(p), 8};
    if (e.length == 1) {  // a 64-bit length follows the type
        if (left < 16) return std::nullopt;
        e.length = u64(p + 8);
        e.header = 16;
    } else if (e.length == 0) {
        e.length = left;  // to the end
    }
    if (e.length < e.header || e.length > left) return std::nullopt;
    return e;
}

// One box inside `data`: its type and its payload, after its header.
struct Box {
    std::string_view type;
    const std::uint8_t* payload;
    std::size_t size;
};

// The boxes laid end to end in `data`; nullopt when one runs past the end.
std::optional<std::vector<Box>> boxes_in(const std::uint8_t* data, std::size_t size) {
    std::vector<Box> out;
    for (std::size_t at = 0; at < size;) {
        const auto e = box_extent(data + at, size - at);
        if (!e) return std::nullopt;
        out.push_back({std::string_view(reinterpret_cast<const char*>(data + at + 4), 4), data + at + e->header, static_cast<std::size_t>(e->length) - e->header});
        at += static_cast<std::size_t>(e->length);
    }
    return out;
}

const Box* child(const std::vector<Box>& boxes, std::string_view type) {
    for (const Box& b : boxes)
        if (b.type == type) return &b;
    return nullptr;
}

std::optional<std::vector<Box>> children(const Box* box) {
    if (!box) return std::nullopt;
    return boxes_in(box->payload, box->size);
}

// The sample count and the bytes they take, of a `trak` that holds video.
std::optional<std::pair<std::uint32_t, std::uint64_t>> video_samples(const Box& trak) {
    const auto in_trak = children(&trak);
    if (!in_trak) return std::nullopt;
    const auto in_mdia = children(child(*in_trak, "mdia"));
    if (!in_mdia) return std::nullopt;
    const Box* hdlr = child(*in_mdia, "hdlr");  // version and flags, pre_defined, handler_type
    if (!hdlr || hdlr->size < 12 || std::string_view(reinterpret_cast<const char*>(hdlr->payload + 8), 4) != "vide") return std::nullopt;
    const auto in_minf = children(child(*in_mdia, "minf"));
    if (!in_minf) return std::nullopt;
    const auto in_stbl = children(child(*in_minf, "stbl"));
    if (!in_stbl) return std::nullopt;
    const Box* stsz = child(*in_stbl, "stsz");  // version and flags, sample_size, sample_count, [entry_size...]
    if (!stsz || stsz->size < 12) return std::nullopt;
    const std::uint32_t each = u32(stsz->payload + 4), count = u32(stsz->payload + 8);
    if (each != 0) return std::make_pair(count, static_cast<std::uint64_t>(each) * count);
    if ((stsz->size - 12) / 4 < count) return std::nullopt;
    std::uint64_t bytes = 0;
    for (std::uint32_t i = 0; i < count; ++i) bytes += u32(stsz->payload + 12 + 4 * static_cast<std::size_t>(i));
    return std::make_pair(count, bytes);
}

}  // namespace

long mp4_video_samples(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return -1;
    in.seekg(0, std::ios::end);
    const std::streamoff end = in.tellg();
    if (end < 0) return -1;
    // The top-level boxes: `moov` read whole (the index, small), `mdat` only measured.
    std::vector<std::uint8_t> moov;
    std::uint64_t media_bytes = 0;
    std::uint64_t at = 0;
    const auto total = static_cast<std::uint64_t>(end);
    while (at < total) {
        std::uint8_t header[16];
        const auto have = static_cast<std::streamsize>(std::min<std::uint64_t>(16, total - at));
        in.seekg(static_cast<std::streamoff>(at));
        if (!in.read(reinterpret_cast<char*>(header), have)) return -1;
        const auto e = box_extent(header, total - at);
        if (!e) return -1;  // cut short
        const std::string_view type(reinterpret_cast<const char*>(header + 4), 4);
        if (type == "mdat") media_bytes += e->length - e->header;
        if (type == "moov") {
            if (e->length - e->header > (std::uint64_t{1} << 30)) return -1;
            moov.resize(static_cast<std::size_t>(e->length - e->header));
            in.seekg(static_cast<std::streamoff>(at + e->header));
            if (!in.read(reinterpret_cast<char*>(moov.data()), static_cast<std::streamsize>(moov.size()))) return -1;
        }
        at += e->length;
    }
    const auto in_moov = boxes_in(moov.data(), moov.size());
    if (moov.empty() || !in_moov) return -1;
    for (const Box& b : *in_moov) {
        if (b.type != "trak") continue;
        if (const auto samples = video_samples(b)) return samples->second <= media_bytes ? static_cast<long>(samples->first) : -1;
    }
    return -1;
}

}  // namespace storyplot
