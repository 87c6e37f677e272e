#include "fixture_writer.hpp"

#include "core/files/pmtiles_directory.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <brotli/encode.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>

namespace storyplot::test_support {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::random_device rd;
    m_path = fs::temp_directory_path() / ("storyplot-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

namespace {

struct Closer {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, Closer>;

Dataset create(const char* driver_name, const std::string& path, char** options = nullptr) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    Dataset ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, options));
    if (!ds) throw std::runtime_error("cannot create fixture " + path);
    return ds;
}

void add_wkt(OGRLayer* layer, const char* wkt) {
    OGRGeometry* geom = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt, layer->GetSpatialRef(), &geom) != OGRERR_NONE)
        throw std::runtime_error(std::string("bad fixture WKT ") + wkt);
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetGeometryDirectly(geom);
    if (layer->CreateFeature(&feature) != OGRERR_NONE) throw std::runtime_error("cannot write fixture feature");
}

}  // namespace

namespace {

void write_tile_layers(const char* driver, const std::string& path, bool compressed_tiles = true) {
    char** options = CSLSetNameValue(nullptr, "MINZOOM", "0");
    options = CSLSetNameValue(options, "MAXZOOM", "10");
    if (!compressed_tiles) options = CSLSetNameValue(options, "COMPRESS", "NO");
    Dataset ds = create(driver, path, options);
    CSLDestroy(options);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* towns = ds->CreateLayer("towns", &wgs84, wkbPoint, nullptr);
    // At the centres of zoom-10 tiles (far from any tile's edge, so no tile repeats them in its buffer).
    for (int i = 0; i < 5; ++i) {
        const double x = (i * 40 + 0.5) / 1024.0, y = 0.5 + 0.5 / 1024.0 - 120.0 / 1024.0;  // tile (x * 1024, y * 1024) of zoom 10
        const double lon = x * 360 - 180, lat = std::atan(std::sinh(M_PI * (1 - 2 * y))) * 180 / M_PI;
        const std::string wkt = "POINT (" + std::to_string(lon) + " " + std::to_string(lat) + ")";
        add_wkt(towns, wkt.c_str());
    }
    OGRLayer* areas = ds->CreateLayer("areas", &wgs84, wkbPolygon, nullptr);
    add_wkt(areas, "POLYGON ((-160.2 38,-159.2 38,-159.2 39,-160.2 39,-160.2 38))");
}

std::string gzip(const std::string& bytes) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("zlib");
    std::string out(deflateBound(&z, bytes.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("zlib");
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

// Bytes compressed as a PMTiles header's code says: 2 gzip, 3 Brotli, 4 Zstandard.
std::string compressed(const std::string& bytes, int compression) {
    if (compression == 2) return gzip(bytes);
    if (compression == 3) {
        std::string out(BrotliEncoderMaxCompressedSize(bytes.size()) + 16, '\0');
        std::size_t size = out.size();
        if (!BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, bytes.size(),
                                   reinterpret_cast<const std::uint8_t*>(bytes.data()), &size, reinterpret_cast<std::uint8_t*>(out.data())))
            throw std::runtime_error("Brotli");
        out.resize(size);
        return out;
    }
    if (compression == 4) {
        std::string out(ZSTD_compressBound(bytes.size()), '\0');
        const std::size_t size = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3);
        if (ZSTD_isError(size)) throw std::runtime_error("Zstandard");
        out.resize(size);
        return out;
    }
    throw std::invalid_argument("no such PMTiles compression in the tests: " + std::to_string(compression));
}

void put_le(std::string& out, std::size_t at, std::uint64_t value, int width) {
    for (int i = 0; i < width; ++i) out[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xff);
}

}  // namespace

void write_vector_tiles(const std::string& path) { write_tile_layers("MBTiles", path); }

void write_pmtiles(const std::string& path, std::size_t leaf_entries, int compression) {
    // GDAL writes the tiles (Mapbox vector tiles, z/x/y.pbf, left uncompressed), then they are packed.
    const fs::path folder = path + ".tiles";
    write_tile_layers("MVT", folder.string(), false);
    pack_pmtiles(folder.string(), path, leaf_entries, {"towns", "areas"}, 0, 10, compression);
    fs::remove_all(folder);
}

void pack_pmtiles(const std::string& folder, const std::string& path, std::size_t leaf_entries, const std::vector<std::string>& layers,
                  int min_zoom, int max_zoom, int compression) {
    // As the PMTiles 3 specification lays an archive out: header, root directory, metadata, leaves, tiles.
    auto pack = [compression](const std::string& bytes) { return compressed(bytes, compression); };
    std::vector<std::pair<std::uint64_t, std::string>> tiles;
    for (const auto& file : fs::recursive_directory_iterator(folder)) {
        if (file.path().extension() != ".pbf") continue;
        const int z = std::stoi(file.path().parent_path().parent_path().filename().string());
        const auto x = static_cast<std::uint32_t>(std::stoul(file.path().parent_path().filename().string()));
        const auto y = static_cast<std::uint32_t>(std::stoul(file.path().stem().string()));
        if (x >> z || y >> z) continue;  // GDAL writes a world copy's tile for features past 180°
        std::ifstream in(file.path(), std::ios::binary);
        tiles.emplace_back(pmtiles::tile_id({z, x, y}), pack(std::string(std::istreambuf_iterator<char>(in), {})));
    }
    std::sort(tiles.begin(), tiles.end());
    // Tiles of the same bytes share them; consecutive ones make a run.
    std::string data;
    std::map<std::string, std::uint64_t> stored;
    std::vector<pmtiles::Entry> entries;
    for (const auto& [id, bytes] : tiles) {
        auto [it, fresh] = stored.emplace(bytes, data.size());
        if (fresh) data += bytes;
        if (!entries.empty() && entries.back().offset == it->second && entries.back().tile_id + entries.back().run_length == id) {
            ++entries.back().run_length;
            continue;
        }
        entries.push_back({id, it->second, static_cast<std::uint32_t>(bytes.size()), 1});
    }
    std::string root, leaves;
    if (entries.size() <= leaf_entries) {
        root = pack(pmtiles::encode_directory(entries));
    } else {
        std::vector<pmtiles::Entry> root_entries;
        for (std::size_t i = 0; i < entries.size(); i += leaf_entries) {
            const std::vector<pmtiles::Entry> part(entries.begin() + static_cast<std::ptrdiff_t>(i),
                                                   entries.begin() + static_cast<std::ptrdiff_t>(std::min(i + leaf_entries, entries.size())));
            const std::string leaf = pack(pmtiles::encode_directory(part));
            root_entries.push_back({part.front().tile_id, leaves.size(), static_cast<std::uint32_t>(leaf.size()), 0});
            leaves += leaf;
        }
        root = pack(pmtiles::encode_directory(root_entries));
    }
    std::string listed;
    for (const auto& layer : layers) listed += (listed.empty() ? "" : ", ") + std::string(R"({"id": ")") + layer + R"(", "fields": {}})";
    const std::string metadata = pack(R"({"name": "fixture", "attribution": "<a href=\"https://example.org\">&copy; Fixture makers</a> <b>2026</b>", "vector_layers": [)" + listed + "]}");
    std::string header(pmtiles::header_size, '\0');
    header.replace(0, 8, std::string("PMTiles\x03", 8));
    const std::uint64_t root_at = pmtiles::header_size, metadata_at = root_at + root.size(), leaves_at = metadata_at + metadata.size(),
                        data_at = leaves_at + leaves.size();
    put_le(header, 8, root_at, 8);
    put_le(header, 16, root.size(), 8);
    put_le(header, 24, metadata_at, 8);
    put_le(header, 32, metadata.size(), 8);
    put_le(header, 40, leaves_at, 8);
    put_le(header, 48, leaves.size(), 8);
    put_le(header, 56, data_at, 8);
    put_le(header, 64, data.size(), 8);
    put_le(header, 72, tiles.size(), 8);
    put_le(header, 80, entries.size(), 8);
    put_le(header, 88, stored.size(), 8);
    header[96] = 1;   // clustered
    header[97] = static_cast<char>(compression);  // the directories'
    header[98] = static_cast<char>(compression);  // the tiles'
    header[99] = 1;   // Mapbox vector tiles
    header[100] = static_cast<char>(min_zoom);
    header[101] = static_cast<char>(max_zoom);
    put_le(header, 102, static_cast<std::uint32_t>(-1800000000), 4);
    put_le(header, 106, static_cast<std::uint32_t>(-850511287), 4);
    put_le(header, 110, 1800000000u, 4);
    put_le(header, 114, 850511287u, 4);
    std::ofstream out(path, std::ios::binary);
    out << header << root << metadata << leaves << data;
}

void write_mixed_geopackage(const std::string& path) {
    Dataset ds = create("GPKG", path);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    OGRLayer* areas = ds->CreateLayer("areas", &wgs84, wkbUnknown, nullptr);
    add_wkt(areas, "POLYGON ((130 42,134 42,134 45,130 45,130 42),(131 43,131 44,133 44,133 43,131 43))");
    add_wkt(areas, "MULTIPOLYGON (((125 38,126 38,126 39,125 39,125 38)),((127 38,128 38,128 39,127 39,127 38)))");
    OGRLayer* roads = ds->CreateLayer("roads", &wgs84, wkbLineString, nullptr);
    add_wkt(roads, "LINESTRING (125.75 39.03,129.7 41.8,130.65 42.42,131.88 43.11)");
    OGRLayer* towns = ds->CreateLayer("towns", &wgs84, wkbPoint, nullptr);
    add_wkt(towns, "POINT (125.75 39.03)");
    add_wkt(towns, "POINT (130.65 42.42)");
    add_wkt(towns, "POINT (131.88 43.11)");
    ds->CreateLayer("nothing", &wgs84, wkbPoint, nullptr);
}

void write_utm_shapefile(const std::string& path) {
    Dataset ds = create("ESRI Shapefile", path);
    OGRSpatialReference utm;
    utm.importFromEPSG(32652);
    OGRLayer* layer = ds->CreateLayer("station", &utm, wkbPoint, nullptr);
    add_wkt(layer, "POINT (734909.8137 4776587.4710)");
}

std::string small_geojson() {
    return R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "Vladivostok"}, "geometry": {"type": "Point", "coordinates": [131.8869, 43.1056]}},
 {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[130.65, 42.42], [131.95, 43.8], [131.8869, 43.1056]]}},
 {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[131.5, 42.8], [132.2, 42.8], [132.2, 43.3], [131.5, 43.3], [131.5, 42.8]]]}}
]})";
}

void write_small_rail_osm(const std::string& path) {
    write_text(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="storyplot tests">
  <node id="1" lat="42.0" lon="130.0" version="1"/>
  <node id="2" lat="42.0" lon="130.1" version="1"/>
  <node id="3" lat="42.0" lon="130.2" version="1"/>
  <node id="4" lat="42.1" lon="130.1" version="1"/>
  <node id="5" lat="41.95" lon="130.15" version="1"/>
  <node id="6" lat="42.05" lon="130.15" version="1"/>
  <node id="7" lat="42.0" lon="130.2036" version="1"/>
  <node id="8" lat="42.0" lon="130.3" version="1"/>
  <node id="9" lat="42.0005" lon="130.0" version="1"/>
  <node id="10" lat="42.0005" lon="130.01" version="1"/>
  <way id="100" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="railway" v="rail"/><tag k="name" v="Main line"/><tag k="usage" v="main"/></way>
  <way id="101" version="1"><nd ref="2"/><nd ref="4"/><tag k="railway" v="rail"/><tag k="service" v="spur"/></way>
  <way id="102" version="1"><nd ref="5"/><nd ref="6"/><tag k="highway" v="primary"/><tag k="bridge" v="yes"/></way>
  <way id="103" version="1"><nd ref="7"/><nd ref="8"/><tag k="railway" v="rail"/></way>
  <way id="104" version="1"><nd ref="9"/><nd ref="10"/><tag k="railway" v="platform"/></way>
</osm>
)");
}

void write_small_town_osm(const std::string& path) {
    write_text(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="storyplot tests">
  <node id="1" lat="43.10" lon="131.85"/>
  <node id="2" lat="43.12" lon="131.88"/>
  <node id="3" lat="43.13" lon="131.92"/>
  <node id="4" lat="43.15" lon="131.95"/>
  <node id="10" lat="43.08" lon="131.86"/>
  <node id="11" lat="43.11" lon="131.90"/>
  <node id="12" lat="43.14" lon="131.93"/>
  <node id="13" lat="43.17" lon="131.94"/>
  <node id="20" lat="43.09" lon="131.89"/>
  <node id="21" lat="43.12" lon="131.89"/>
  <node id="22" lat="43.12" lon="131.93"/>
  <node id="23" lat="43.09" lon="131.93"/>
  <node id="30" lat="43.155" lon="131.86"/>
  <node id="31" lat="43.165" lon="131.88"/>
  <node id="32" lat="43.150" lon="131.89"/>
  <node id="40" lat="43.105" lon="131.87"/>
  <node id="41" lat="43.135" lon="131.91"/>
  <node id="50" lat="43.10" lon="131.95"/>
  <node id="51" lat="43.16" lon="131.87"/>
  <node id="60" lat="43.115" lon="131.905"><tag k="place" v="town"/><tag k="name" v="Testograd"/><tag k="population" v="25000"/></node>
  <node id="61" lat="43.120" lon="131.885"><tag k="railway" v="station"/><tag k="name" v="Testograd-Passazhirsky"/></node>
  <node id="62" lat="43.158" lon="131.875"><tag k="place" v="village"/><tag k="name" v="Ozyorsk"/></node>
  <node id="70" lat="43.13" lon="131.86"/>
  <node id="71" lat="43.13" lon="131.87"/>
  <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><tag k="railway" v="rail"/><tag k="name" v="Trans-Siberian"/></way>
  <way id="101"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/><tag k="waterway" v="river"/><tag k="name" v="Test River"/></way>
  <way id="102"><nd ref="20"/><nd ref="21"/><nd ref="22"/><nd ref="23"/><nd ref="20"/><tag k="landuse" v="residential"/></way>
  <way id="103"><nd ref="30"/><nd ref="31"/><nd ref="32"/><nd ref="30"/><tag k="natural" v="water"/><tag k="name" v="Test Lake"/></way>
  <way id="104"><nd ref="40"/><nd ref="41"/><tag k="highway" v="primary"/></way>
  <way id="105"><nd ref="50"/><nd ref="11"/><nd ref="51"/><tag k="highway" v="residential"/></way>
  <way id="106"><nd ref="70"/><nd ref="71"/><tag k="barrier" v="fence"/></way>
</osm>
)");
}

}  // namespace storyplot::test_support
