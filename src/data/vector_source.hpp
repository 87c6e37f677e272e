#pragma once
// Reads any vector source GDAL opens (Shapefile, GeoPackage, GeoJSON, TopoJSON, KML, GPX, OSM PBF…)
// into lon/lat layers, reprojected from whatever CRS it declares (none declared: WGS84 is assumed).
#include <string>
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

struct VectorSource {
    std::string path;
    std::string driver;  // GDAL's short name, e.g. "GPKG"
    std::vector<VectorLayer> layers;  // only the layers that hold something

    Box lonlat_bounds() const;
};

// Throws InputError ("PATH: what is wrong") for a missing, empty, corrupt or unsupported file,
// or one that holds no features at all.
VectorSource load_vector_source(const std::string& path);

}  // namespace storyplot
