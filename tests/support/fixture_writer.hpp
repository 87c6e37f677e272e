#pragma once
// Small vector fixtures that the tests write themselves with GDAL, in a fresh temporary folder.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace storyplot::test_support {

// A new empty folder under the system temp dir, removed when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

void write_text(const std::string& path, const std::string& text);

// A GeoPackage with layers: "areas" (a polygon with a hole and a two-part multipolygon),
// "roads" (a line), "towns" (three points) and "nothing" (an empty layer). EPSG:4326.
void write_mixed_geopackage(const std::string& path);

// Vector tiles (MBTiles, zooms 0–10): "towns", five points at the centres of zoom-10 tiles along
// 38.69°N, from 179.82°W eastwards every 14.06°, and "areas", a 1° square at 160.2–159.2°W, 38–39°N.
void write_vector_tiles(const std::string& path);
// The same tiles as a PMTiles archive, its directory split into leaves of `leaf_entries` entries
// when it holds more; directories, metadata and tiles compressed with `compression` (the PMTiles
// header's code: 2 gzip, 3 Brotli, 4 Zstandard).
void write_pmtiles(const std::string& path, std::size_t leaf_entries, int compression = 2);
// Packs a folder of uncompressed z/x/y.pbf tiles (GDAL's MVT driver writes them with COMPRESS=NO)
// into a PMTiles archive, each tile compressed with `compression`.
void pack_pmtiles(const std::string& folder, const std::string& path, std::size_t leaf_entries, const std::vector<std::string>& layers,
                  int min_zoom, int max_zoom, int compression = 2);

// A Shapefile in UTM zone 52N (EPSG:32652) with one point: Vladivostok station,
// 734909.8137 E 4776587.4710 N = 131.8869 E 43.1056 N.
void write_utm_shapefile(const std::string& path);

// A GeoJSON FeatureCollection with one point, one line and one polygon near Vladivostok.
std::string small_geojson();

// A small OpenStreetMap XML network at 42°N: a railway A (130.0) – J (130.1) – B (130.2) along the
// parallel, a branch J – C (130.1, 42.1), a road on a bridge across the railway between J and B
// sharing no node with it, another railway from 300 m east of B to E (130.3), and a platform
// (not track).
void write_small_rail_osm(const std::string& path);

// A small town in OpenStreetMap XML near Vladivostok (131.84–131.97 E, 43.07–43.18 N): a railway
// with a station, a river, a lake, a residential area, a primary road, a street, a fence, and a
// town (population 25,000) and a village as place nodes.
void write_small_town_osm(const std::string& path);

}  // namespace storyplot::test_support
