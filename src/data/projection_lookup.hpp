#pragma once
// A projection by name as a person gives it: the names and PROJ strings core reads
// (parse_projection_name), and EPSG codes ("EPSG:3576"), which PROJ, through GDAL, turns into a PROJ
// string. A geographic CRS (EPSG:4326) is drawn as the equirectangular map it is.
#include <optional>
#include <string>

#include "core/geo/projection.hpp"

namespace storyplot {

// Nothing, and `error` set to one line, for a name storyplot cannot draw.
std::optional<ProjectionChoice> lookup_projection(const std::string& text, std::string& error);

}  // namespace storyplot
