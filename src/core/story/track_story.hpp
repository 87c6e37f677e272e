#pragma once
// A story from recorded journeys (a GPX file's waypoints and tracks, or a KML file's placemarks,
// lines and folders, read by data/track_source):
// the waypoints become places, each track a route along its recorded path whose stops are where it
// started, the waypoints it passes, the places it paused and where it ended, each stop at the time
// the track was there, so the trip plays on the story's clock as it was recorded (between two
// stops the vehicle moves at the leg's mean speed). Decided here, without GDAL.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/geometry.hpp"
#include "core/story/story.hpp"

namespace storyplot {

struct TrackPoint {
    LonLat position;
    std::optional<std::int64_t> utc;  // seconds, when the point has a time
};

struct Waypoint {
    std::string name;
    std::string description;
    LonLat position;
    std::optional<std::int64_t> utc;
};

struct Track {
    std::string name;
    std::string type;  // GPX's <type>: a travel mode when it names one ("train", "car", "walk"…)
    std::vector<TrackPoint> points;
};

// A KML folder: a chapter of the story, framing what it holds.
struct TripFolder {
    std::string name;
    std::vector<std::size_t> waypoints;  // indices into RecordedTrips::waypoints
    std::vector<std::size_t> tracks;     // and ::tracks
};

// A KML tour's flight (gx:FlyTo): the view it flies to, and the placemark (by name) whose balloon
// it then opens, if any.
struct TourView {
    LonLat centre;
    double range_m = 0;  // the LookAt's range (a Camera's altitude): metres from the eye
    std::string placemark;
};

struct RecordedTrips {
    std::string title;
    std::vector<Waypoint> waypoints;
    std::vector<Track> tracks;
    std::vector<TripFolder> folders;  // none: a chapter for each track
    std::vector<TourView> tour;       // a KML tour: its flights are the chapters, not the folders
};

// The web map zoom (core/story/story_camera) of a view seen from `range_m` metres at latitude `lat`
// with Google Earth's 60-degree field of view, 800 pixels tall (as export writes its tour).
double zoom_for_range(double range_m, double lat);

// A stop is a waypoint within this many metres of the track, or a pause: the track staying within
// pause_radius_m of one point for pause_seconds or more.
inline constexpr double waypoint_reach_m = 250;
inline constexpr double pause_radius_m = 60;
inline constexpr std::int64_t pause_seconds = 600;

// The mode a track's mean speed suggests when its type names none: walking up to 7 km/h, a car up
// to 130, a train up to 300, a plane above; a car when it has no times.
TravelMode mode_for_speed(std::optional<double> km_per_hour);

// A stop takes the track's time there: a line without times (KML) makes an untimed route, whatever
// its placemarks' own times (when the story is at a place, not when this route passed it). Throws
// nothing; tracks of fewer than two points are left out (counted in `left_out`).
Story story_from_trips(const RecordedTrips& trips, std::size_t* left_out = nullptr);

}  // namespace storyplot
