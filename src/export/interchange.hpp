#pragma once
// A story for other programs: KML (places, routes, and a gx:Tour that flies through the chapters,
// for Google Earth and Marble), GPX (routes as tracks with the time at each point, places as
// waypoints) and plain GeoJSON (places and routes, without the story member).
#include <optional>
#include <string>

#include "core/story/story.hpp"

namespace storyplot {

enum class InterchangeFormat { kml, gpx, geojson };

std::optional<InterchangeFormat> interchange_format_for(const std::string& path);  // .kml .gpx .geojson/.json

std::string story_to_kml(const Story& story);
std::string story_to_gpx(const Story& story);
std::string story_to_geojson(const Story& story);

}  // namespace storyplot
