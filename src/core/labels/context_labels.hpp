#pragma once
// What the basemap names so the map is never blank of context: countries (Natural Earth) and towns
// (GeoNames), with their names in local script where known.
#include <optional>
#include <string>
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

struct Town {
    std::string name;
    std::string local_name;  // empty when the country writes Latin or GeoNames has none
    LonLat position;
    long population = 0;
    std::string country;  // ISO 3166 alpha-2
};

// A line named along itself (a river from an added layer): its name follows its longest straight
// stretch on screen.
struct NamedLine {
    std::string name;
    Path path;
    long rank = 0;  // more important lines are named first
};

struct CountryLabel {
    std::string name;
    LonLat anchor;      // well inside the country's largest part
    double area = 0;    // of that part, in square projected metres: bigger countries label first
    // Its large parts, each as rings (outer first, then holes) of a few hundred projected points at
    // most: where the view shows a country but not its anchor, the name goes inside what is seen.
    std::vector<std::vector<std::vector<Vec2>>> parts;
};

struct ContextLabels {
    std::vector<CountryLabel> countries;
    std::vector<Town> towns;  // most populous first
    std::vector<NamedLine> lines;  // most important first
};

// A point well inside a polygon (an approximate pole of inaccessibility: the point farthest from
// its edges found on successively finer grids), in the polygon's own planar coordinates.
Vec2 label_point(const std::vector<std::vector<Vec2>>& rings);

// A point well inside the part of a polygon that lies in `box` (rings and box in one planar
// system), at least `clearance` from its edges and from the box's: none when no such point is found.
std::optional<Vec2> label_point_within(const std::vector<std::vector<Vec2>>& rings, const Box& box, double clearance);

}  // namespace storyplot
