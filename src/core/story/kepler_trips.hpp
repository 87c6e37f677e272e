#pragma once
// kepler.gl's trip layer data: GeoJSON whose LineStrings carry a time as each coordinate's fourth
// value ([lon, lat, altitude, time], Unix seconds or milliseconds). Read as recorded trips, so a
// story made from it plays on its clock as the trips happened (core/story/track_story).
#include <cstddef>
#include <string>
#include <string_view>

#include "core/story/track_story.hpp"

namespace storyplot {

struct KeplerNotes {
    std::size_t points = 0;      // coordinates read
    std::size_t elevations = 0;  // third values other than 0, which a story does not keep
    std::size_t other = 0;       // features neither a line nor a point (polygons…)
};

// Lines (a MultiLineString's parts joined) become tracks named by their "name", "title", "id" or
// "vendor" property, with their "mode" or "type" as the track's type; points become waypoints.
// Throws InputError naming `path` for text that is not GeoJSON or has no line with times.
RecordedTrips read_kepler_trips(std::string_view text, const std::string& path, KeplerNotes* notes = nullptr);

// Whether a file's start (`head`) has a line whose first coordinate holds four numbers: worth
// reading whole as trips (a cheap look before a GeoJSON layer of any size is parsed twice).
bool may_hold_kepler_trips(std::string_view head);

}  // namespace storyplot
