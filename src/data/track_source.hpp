#pragma once
// Recorded journeys from a GPX file, read with GDAL's GPX driver: waypoints, tracks (their
// segments joined, in the file's order) and routes, each point with its time when it has one. Or
// from a KML file (GDAL's LIBKML driver): placemarks as waypoints, lines as tracks, folders.
#include <string>

#include "core/story/track_story.hpp"

namespace storyplot {

struct TrackSourceNotes {
    std::size_t points = 0;      // track and route points read
    std::size_t elevations = 0;  // points with an elevation, which a story does not keep
    bool tour = false;           // a KML gx:Tour: its flights are chapters, its timings not kept
};

// Whether import reads `path` (by its name: .gpx, .kml, .kmz); File > Open makes a story of these.
bool is_trip_file(const std::string& path);

// Throws InputError naming the file when it is missing, unreadable, neither GPX nor KML, or holds
// no waypoint, track or route.
RecordedTrips read_recorded_trips(const std::string& path, TrackSourceNotes* notes = nullptr);

}  // namespace storyplot
