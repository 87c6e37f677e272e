#pragma once
// The reader's data built from its sources: GeoNames (reader/), Natural Earth's country outlines,
// which name the gazetteer's countries, world-countries' names, short forms and demonyms, Natural
// Earth's states and provinces (Debian's qgis-common, read through GDAL) and the word list.
#include <string>
#include <unordered_map>

#include "core/geo/geometry.hpp"
#include "reader/gazetteer_index.hpp"

namespace storyplot {

// Natural Earth's countries as the reader knows them: folded names, short forms and demonyms -> ISO
// alpha-2 (for the countries in `gazetteer`), and each one's mainland (its largest part) with the
// point its label takes there.
struct Mainland {
    Polygon part;
    LonLat label;
};
struct CountryNames {
    std::unordered_map<std::string, std::string> codes;
    std::unordered_map<std::string, Mainland> mainlands;
};
CountryNames load_country_names(const GazetteerIndex& gazetteer);

// The reader's data: from its cache (cached_geoparser_data) or, when that is missing or a source
// has changed, built from the sources and cached; `built` says whether this call had to build it.
// Throws InputError naming a source that is missing or unreadable.
GeoparserData load_geoparser_data();

}  // namespace storyplot
