#include "core/files/mp4_samples.hpp"

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

// One box inside `data`: its type and its payload, after its header.
struct Box {
    std::string_view type;
    const std::uint8_t* payload;
    std::size_t size;
};

// The boxes laid end to end in `data`; nullopt when one runs past the end.
std::optional<std::vector<Box>> boxes_in(const std::uint8_t* data, std::size_t size) {
    std::vector<Box> out;
    std::size_t at = 0;
    while (at < size) {
        if (size - at < 8) return std::nullopt;
        std::uint64_t length = u32(data + at);
        std::size_t header = 8;
        if (length == 1) {
            if (size - at < 16) return std::nullopt;
            length = u64(data + at + 8);
            header = 16;
        } else if (length == 0) {
            length = size - at;  // to the end
        }
        if (length < header || length > size - at) return std::nullopt;
        out.push_back({std::string_view(reinterpret_cast<const char*>(data + at + 4), 4), data + at + header, static_cast<std::size_t>(length) - header});
        at += static_cast<std::size_t>(length);
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
        if (total - at < 8) return -1;
        in.seekg(static_cast<std::streamoff>(at));
        if (!in.read(reinterpret_cast<char*>(header), 8)) return -1;
        std::uint64_t length = u32(header);
        std::uint64_t header_size = 8;
        if (length == 1) {
            if (total - at < 16 || !in.read(reinterpret_cast<char*>(header + 8), 8)) return -1;
            length = u64(header + 8);
            header_size = 16;
        } else if (length == 0) {
            length = total - at;
        }
        if (length < header_size || length > total - at) return -1;  // cut short
        const std::string_view type(reinterpret_cast<const char*>(header + 4), 4);
        if (type == "mdat") media_bytes += length - header_size;
        if (type == "moov") {
            if (length - header_size > (std::uint64_t{1} << 30)) return -1;
            moov.resize(static_cast<std::size_t>(length - header_size));
            if (!in.read(reinterpret_cast<char*>(moov.data()), static_cast<std::streamsize>(moov.size()))) return -1;
        }
        at += length;
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
