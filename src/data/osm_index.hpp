#pragma once
// OpenStreetMap files too big to parse for every view. GDAL's OSM driver has no spatial index: it
// reads a .osm.pbf or .osm file whole, twice (nodes, then ways and relations), for any view of it.
// Past `osm_index_bytes` such a file is copied once into a GeoPackage in the cache (its R-tree is
// the index), keyed by the file's path, size and modification time; every later open reads that by
// view (data/view_source). Concurrent first opens each build their own and rename it in place.
#include <cstdint>
#include <functional>
#include <string>

namespace storyplot {

inline constexpr std::uintmax_t osm_index_bytes = std::uintmax_t{32} << 20;

// An OSM file (.pbf or .osm) larger than osm_index_bytes.
bool indexes_osm(const std::string& path);

// The GeoPackage index of the OSM file at `path`, built now when the cache lacks it or holds a
// stale or broken one (`progress` told the fraction done, 0 to 1, as it goes). Throws InputError
// naming the file when it cannot be read or the index cannot be written.
std::string osm_index(const std::string& path, const std::function<void(double)>& progress = {});

}  // namespace storyplot
