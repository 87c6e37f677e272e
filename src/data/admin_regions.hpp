#pragma once
// First-level regions (states, provinces, oblasts, krais, prefectures…) from Natural Earth's admin-1
// layer: the names each goes by, its country and a point well inside it.
#include <string>
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

struct AdminRegion {
    std::string name;                // Natural Earth's name ("Primor'ye")
    std::vector<std::string> names;  // every name recorded for it, the name first ("Primorskiy Kray"…)
    std::string country;             // ISO alpha-2; empty where Natural Earth has none
    LonLat anchor;                   // well inside its largest part
    double area_km2 = 0;             // of that part
    bool unit = false;               // a unit of several regions named as one place ("England", "Wales"): its
                                     // names are names even where they are also words
};

// The layer `states_provinces` of `path` (world_map.gpkg). Throws InputError naming the file when it
// is missing, unreadable or has no such layer.
std::vector<AdminRegion> load_admin_regions(const std::string& path);

}  // namespace storyplot
