#pragma once
// Where storyplot finds what set-up installed: the npm data packages and the shipped assets.
#include <filesystem>

#include "core/geo/level_of_detail.hpp"

namespace storyplot {

// The folder holding node_modules/ and assets/: $STORYPLOT_DATA if set, else the folder above the
// executable's (build/storyplot -> the checkout), else the source tree it was built from.
std::filesystem::path data_root();

// node_modules/world-atlas/countries-<level>.json
std::filesystem::path natural_earth_countries(DetailLevel level);
// world-countries' countries.json (npm): country names, other spellings and demonyms.
std::filesystem::path world_countries_path();
// Natural Earth's states and provinces, as Debian's qgis-common installs them (world_map.gpkg).
std::filesystem::path admin_regions_path();
// GSHHG's WDBII rivers for GMT at `resolution` ('c', 'l', 'i', 'h' or 'f'), as Debian's
// gmt-gshhg-low and gmt-gshhg-high install them.
std::filesystem::path gshhg_rivers_path(char resolution);
// GSHHG's shorelines for GMT (binned_GSHHS_<resolution>.nc): the lakes.
std::filesystem::path gshhg_shores_path(char resolution);

}  // namespace storyplot
