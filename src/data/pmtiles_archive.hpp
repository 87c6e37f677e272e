#pragma once
// A PMTiles archive on disk (version 3), read a tile at a time: its header and root directory at
// open, leaf directories as tiles need them (the last few kept), each tile's bytes decompressed.
// GDAL 3.6 has no PMTiles driver; the vector tiles it holds are read by GDAL's MVT driver
// (data/view_source). One thread at a time may use an archive.
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/files/input_error.hpp"
#include "core/files/pmtiles_directory.hpp"

namespace storyplot {

class PmTilesArchive {
public:
    // Throws InputError naming the file: missing, not PMTiles 3, compressed in a way it cannot
    // read (Brotli, Zstandard), or a broken root directory.
    explicit PmTilesArchive(const std::string& path);

    const pmtiles::Header& header() const { return m_header; }
    // The layers its metadata lists (TileJSON's vector_layers), in its order.
    const std::vector<std::string>& layer_names() const { return m_layers; }
    // What its metadata asks a map to credit (often HTML), empty when it says nothing.
    const std::string& attribution() const { return m_attribution; }
    // The tile's bytes, decompressed; none where the archive has no such tile. Throws InputError
    // naming the file when a directory or the tile is broken or lies outside the file.
    std::optional<std::string> tile(pmtiles::TileAddress address);

private:
    std::string read_at(std::uint64_t offset, std::uint64_t length, const char* what);
    std::string decompress(std::string bytes, pmtiles::Compression compression, const char* what) const;
    const std::vector<pmtiles::Entry>& leaf(const pmtiles::Entry& entry);
    // What `parse` returns; what the plain parsers (core/files/pmtiles_directory) find wrong as a
    // line naming the file, after `part`.
    template <typename Parse>
    auto naming_the_file(const char* part, Parse&& parse) {
        try {
            return parse();
        } catch (const InputError&) {
            throw;
        } catch (const std::runtime_error& e) {
            throw InputError(m_path, part + std::string(e.what()));
        }
    }

    std::string m_path;
    std::ifstream m_file;
    std::uint64_t m_size = 0;
    pmtiles::Header m_header;
    std::vector<pmtiles::Entry> m_root;
    std::vector<std::string> m_layers;
    std::string m_attribution;
    std::map<std::uint64_t, std::vector<pmtiles::Entry>> m_leaves;  // by offset
};

}  // namespace storyplot
