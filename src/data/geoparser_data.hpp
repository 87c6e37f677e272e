#pragma once
// The reader's data built from its sources: GeoNames (reader/), Natural Earth's country outlines,
// which name the gazetteer's countries, world-countries' names, short forms and demonyms, Natural
// Earth's states and provinces (Debian's qgis-common, read through GDAL) and the word list.
#include "reader/gazetteer_index.hpp"

namespace storyplot {

// The reader's data: from its cache (cached_geoparser_data) or, when that is missing or a source
// has changed, built from the sources and cached; `built` says whether this call had to build it.
// Throws InputError naming a source that is missing or unreadable.
GeoparserData load_geoparser_data();

}  // namespace storyplot
