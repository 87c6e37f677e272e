#include "data/pmtiles_archive.hpp"

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/files/input_error.hpp"

namespace storyplot {

namespace {

// What a directory or a tile may grow to when decompressed: more is a broken (or hostile) file.
constexpr std::size_t max_inflated = std::size_t{256} << 20;
constexpr std::size_t max_depth = 4;     // leaf directories below the root
constexpr std::size_t kept_leaves = 64;  // leaf directories kept decoded

const char* compression_name(pmtiles::Compression c) {
    switch (c) {
    case pmtiles::Compression::gzip: return "gzip";
    case pmtiles::Compression::brotli: return "Brotli";
    case pmtiles::Compression::zstd: return "Zstandard";
    default: return "an unknown compression";
    }
}

// The three compressions of the PMTiles specification, each as a stream into `out`, which grows up
// to max_inflated. Each returns whether the stream ended whole.
bool inflate_gzip(std::string& bytes, std::string& out) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 32) != Z_OK) throw std::runtime_error("zlib: cannot start inflate");  // gzip or zlib, by its header
    z.next_in = reinterpret_cast<Bytef*>(bytes.data());
    z.avail_in = static_cast<uInt>(bytes.size());
    int status = Z_OK;
    while (status == Z_OK) {
        if (z.total_out == out.size()) {
            if (out.size() >= max_inflated) break;
            out.resize(std::min(out.size() * 2, max_inflated));
        }
        z.next_out = reinterpret_cast<Bytef*>(out.data() + z.total_out);
        z.avail_out = static_cast<uInt>(out.size() - z.total_out);
        status = inflate(&z, Z_NO_FLUSH);
        if (status == Z_BUF_ERROR && z.avail_in > 0) status = Z_OK;  // out of room: grow and go on
    }
    out.resize(z.total_out);
    inflateEnd(&z);
    return status == Z_STREAM_END;
}

bool inflate_brotli(const std::string& bytes, std::string& out) {
    BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (!state) throw std::runtime_error("Brotli: cannot start a decoder");
    std::size_t in_left = bytes.size(), out_left = out.size(), total = 0;
    const auto* in = reinterpret_cast<const std::uint8_t*>(bytes.data());
    BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        if (out_left == 0) {
            if (out.size() >= max_inflated) break;
            const std::size_t grown = std::min(out.size() * 2, max_inflated);
            out_left = grown - out.size();
            out.resize(grown);
        }
        auto* next = reinterpret_cast<std::uint8_t*>(out.data()) + (out.size() - out_left);
        result = BrotliDecoderDecompressStream(state, &in_left, &in, &out_left, &next, &total);
    }
    BrotliDecoderDestroyInstance(state);
    out.resize(out.size() - out_left);
    return result == BROTLI_DECODER_RESULT_SUCCESS && in_left == 0;
}

bool inflate_zstd(const std::string& bytes, std::string& out) {
    ZSTD_DStream* stream = ZSTD_createDStream();
    if (!stream) throw std::runtime_error("Zstandard: cannot start a decoder");
    ZSTD_inBuffer in{bytes.data(), bytes.size(), 0};
    std::size_t done = 0, status = 1;
    // A frame ends where status is 0; bytes left after it, or a frame cut short, are an error.
    while (status != 0 && !ZSTD_isError(status)) {
        if (done == out.size()) {
            if (out.size() >= max_inflated) break;
            out.resize(std::min(out.size() * 2, max_inflated));
        }
        ZSTD_outBuffer o{out.data(), out.size(), done};
        status = ZSTD_decompressStream(stream, &o, &in);
        done = o.pos;
        if (status != 0 && in.pos == in.size && o.pos < o.size) break;  // input ended inside a frame
    }
    ZSTD_freeDStream(stream);
    out.resize(done);
    return status == 0 && in.pos == in.size;
}

}  // namespace

PmTilesArchive::PmTilesArchive(const std::string& path) : m_path(path) {
    std::error_code ec;
    m_size = std::filesystem::file_size(path, ec);
    if (ec) throw InputError(path, "cannot read: " + ec.message());
    m_file.open(path, std::ios::binary);
    if (!m_file) throw InputError(path, "cannot open");
    m_header = naming_the_file("", [&] { return pmtiles::parse_header(read_at(0, std::min<std::uint64_t>(m_size, pmtiles::header_size), "header")); });
    if (m_header.tile_type != pmtiles::TileType::mvt)
        throw InputError(path, "holds raster tiles, not vector tiles (storyplot draws PMTiles of Mapbox vector tiles)");
    for (const auto c : {m_header.internal_compression, m_header.tile_compression})
        if (c != pmtiles::Compression::none && c != pmtiles::Compression::gzip && c != pmtiles::Compression::brotli &&
            c != pmtiles::Compression::zstd)
            throw InputError(path, std::string("is compressed with ") + compression_name(c) +
                                       "; storyplot reads PMTiles compressed with gzip, Brotli or Zstandard, or not at all");
    m_root = naming_the_file("root directory: ", [&] {
        return pmtiles::decode_directory(
            decompress(read_at(m_header.root_offset, m_header.root_length, "root directory"), m_header.internal_compression, "root directory"));
    });
    if (m_header.metadata_length > 0) {
        const std::string text = decompress(read_at(m_header.metadata_offset, m_header.metadata_length, "metadata"),
                                            m_header.internal_compression, "metadata");
        const auto json = nlohmann::json::parse(text, nullptr, false);
        if (json.is_object() && json.contains("attribution") && json["attribution"].is_string())
            m_attribution = json["attribution"].get<std::string>();
        if (json.is_object() && json.contains("vector_layers") && json["vector_layers"].is_array())
            for (const auto& layer : json["vector_layers"])
                if (layer.is_object() && layer.contains("id") && layer["id"].is_string()) m_layers.push_back(layer["id"].get<std::string>());
    }
}

std::string PmTilesArchive::read_at(std::uint64_t offset, std::uint64_t length, const char* what) {
    if (offset > m_size || length > m_size - offset)
        throw InputError(m_path, std::string("its ") + what + " lies past the end of the file (cut short?)");
    std::string bytes(static_cast<std::size_t>(length), '\0');
    m_file.clear();
    m_file.seekg(static_cast<std::streamoff>(offset));
    m_file.read(bytes.data(), static_cast<std::streamsize>(length));
    if (!m_file) throw InputError(m_path, std::string("cannot read its ") + what);
    return bytes;
}

std::string PmTilesArchive::decompress(std::string bytes, pmtiles::Compression compression, const char* what) const {
    if (compression == pmtiles::Compression::none) return bytes;
    std::string out(std::min(std::max<std::size_t>(bytes.size() * 4, 4096), max_inflated), '\0');
    const bool whole = compression == pmtiles::Compression::brotli ? inflate_brotli(bytes, out)
                       : compression == pmtiles::Compression::zstd ? inflate_zstd(bytes, out)
                                                                    : inflate_gzip(bytes, out);
    if (!whole)
        throw InputError(m_path, std::string("its ") + what + " is not valid " + compression_name(compression) + " (corrupt, cut short or over " +
                                     std::to_string(max_inflated >> 20) + " MB)");
    return out;
}

const std::vector<pmtiles::Entry>& PmTilesArchive::leaf(const pmtiles::Entry& entry) {
    const std::uint64_t offset = m_header.leaves_offset + entry.offset;
    if (auto it = m_leaves.find(offset); it != m_leaves.end()) return it->second;
    if (m_leaves.size() >= kept_leaves) m_leaves.clear();
    auto entries = naming_the_file("leaf directory: ", [&] {
        return pmtiles::decode_directory(decompress(read_at(offset, entry.length, "leaf directory"), m_header.internal_compression, "leaf directory"));
    });
    return m_leaves.emplace(offset, std::move(entries)).first->second;
}

std::optional<std::string> PmTilesArchive::tile(pmtiles::TileAddress address) {
    if (address.z < m_header.min_zoom || address.z > m_header.max_zoom) return std::nullopt;
    const std::uint64_t id = pmtiles::tile_id(address);
    const std::vector<pmtiles::Entry>* directory = &m_root;
    for (std::size_t depth = 0; depth <= max_depth; ++depth) {
        const auto entry = pmtiles::find_entry(*directory, id);
        if (!entry) return std::nullopt;
        if (entry->run_length > 0)
            return decompress(read_at(m_header.data_offset + entry->offset, entry->length, "tile"), m_header.tile_compression, "tile");
        directory = &leaf(*entry);
    }
    throw InputError(m_path, "its leaf directories nest deeper than " + std::to_string(max_depth));
}

}  // namespace storyplot
