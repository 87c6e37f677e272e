#pragma once
// Sources too big to read whole, read by view: a PostGIS table ("PG:dbname=… host=…"), vector tiles
// (MBTiles or PMTiles, read at the zoom the view needs) or a file larger than `view_read_bytes` (a
// GeoPackage, FlatGeobuf, a shapefile with its .qix). Each read asks GDAL for the features inside the
// view only (its spatial filter: the PostGIS index, the GeoPackage's R-tree), samples them down to
// a budget, and generalises them to the view's pixels; a table or file is never read whole for a
// view that shows a part of it. One thread at a time may use a ViewSource.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/geo/geometry.hpp"
#include "data/map_sources.hpp"

namespace storyplot {

inline constexpr std::uintmax_t view_read_bytes = std::uintmax_t{256} << 20;
inline constexpr std::size_t view_feature_budget = 100'000;

// A connection string, an .mbtiles or .pmtiles file, an OSM file over osm_index_bytes, or another
// file over view_read_bytes.
bool reads_by_view(const std::string& path);

// `path` as messages show it: a connection string's password hidden.
std::string shown_source_name(const std::string& path);

// How finely a view of `resolution` projected metres a pixel is read: half a pixel.
inline double view_tolerance(double resolution) { return resolution / 2; }

class ViewSource {
public:
    // Opens the source and its layers (`only_layers`, or every layer with geometry). Throws
    // InputError naming it (a connection string without its password): a refused or dead
    // connection, a wrong password, a layer (table) it lacks, no layer with geometry.
    // An OSM file past osm_index_bytes is read through its index (data/osm_index), built first
    // when the cache lacks it: `progress` is told how far that has come (0 to 1).
    ViewSource(const std::string& path, const std::vector<std::string>& only_layers, std::size_t color_index, const MapStyle* style,
               std::size_t budget = view_feature_budget, const std::function<void(double)>& progress = {});
    ~ViewSource();
    ViewSource(const ViewSource&) = delete;
    ViewSource& operator=(const ViewSource&) = delete;

    const std::string& name() const;  // as messages show it
    // Vector tiles: the zoom level the last read used (-1: not tiles).
    int tile_zoom() const;
    // Where its features lie, in lon/lat (empty when the source cannot tell).
    Box lonlat_extent() const;
    // The layers' features inside `lonlat` (lon/lat degrees; wider than the world is the world), as
    // meshes generalised to `tolerance` projected metres; more of them than the budget, and every
    // k-th is drawn (an even sample, which a note states). Throws InputError naming the source when
    // the read fails (a connection lost).
    LoadedSource read(const Box& lonlat, double tolerance);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace storyplot
