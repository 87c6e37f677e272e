#pragma once
// Reads any vector source GDAL opens (Shapefile, GeoPackage, GeoJSON, TopoJSON, KML, GPX, OSM PBF…)
// into lon/lat layers, reprojected from whatever CRS it declares (none declared: WGS84 is assumed).
#include <string>
#include <vector>

#include "core/geo/geometry.hpp"
#include "core/labels/context_labels.hpp"
#include "core/style/map_style.hpp"

namespace storyplot {

struct VectorSource {
    std::string path;
    std::string driver;  // GDAL's short name, e.g. "GPKG"
    std::vector<VectorLayer> layers;  // only the layers that hold something
    std::vector<Town> places;         // points a style rule labels (place=town…), most populous first
    std::vector<NamedLine> named_lines;  // lines a style rule labels (rivers), by rank

    Box lonlat_bounds() const;
};

// Throws InputError ("PATH: what is wrong") for a missing, empty, corrupt or unsupported file,
// or one that holds no features at all. With a style, each file layer is split by the rule its
// features match (a VectorLayer per rule, in the style's order); in a file layer where some features
// match, those that match none are left out (fences, power lines: what the style does not draw); a
// file layer where none matches stays one layer, drawn by geometry.
VectorSource load_vector_source(const std::string& path, const MapStyle* style = nullptr);

}  // namespace storyplot
