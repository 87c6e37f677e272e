#pragma once
// The lines of any vector source GDAL opens (OSM .pbf or .osm, GeoPackage, Shapefile, GeoJSON…),
// each with the travel modes its tags allow (core/network/travel_tags.hpp), for a LineNetwork.
#include <string>
#include <vector>

#include "core/network/line_network.hpp"

namespace storyplot {

struct NetworkSource {
    std::string path;
    std::vector<NetworkLine> lines;
};

// Throws InputError naming the file when it cannot be read or holds no line.
NetworkSource load_network_source(const std::string& path);

}  // namespace storyplot
