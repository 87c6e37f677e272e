#pragma once
// The story model: a GeoJSON FeatureCollection with a top-level "story" member (see docs/STORY_FORMAT.md).
// Every JSON object read is kept whole, so members storyplot does not know survive a save.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <map>
#include <string>
#include <vector>

#include "core/geo/color.hpp"
#include "core/geo/geometry.hpp"
#include "core/story/story_time.hpp"

namespace storyplot {

using Json = nlohmann::ordered_json;  // keeps member order: a save changes only what changed

// An object's member by name; nothing when `object` is no object or the member is absent or null.
inline const Json* json_member(const Json& object, const char* name) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(name);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

enum class TravelMode { train, car, plane, ship, walk };

// "train", "car", … and the words people also use: rail, road, air, flight, sea, boat, ferry, foot.
std::optional<TravelMode> parse_travel_mode(std::string_view text);
std::string_view travel_mode_name(TravelMode mode);

struct Mention {
    int offset = 0;
    int length = 0;
    std::string sentence;
    bool adjectival = false;  // the place named by its adjective or people ("Russian", "North Koreans")
    friend bool operator==(const Mention&, const Mention&) = default;
};

// Another gazetteer entry a draft's place name may mean, for the reviewer to pick instead.
struct Alternative {
    std::string name;
    std::int64_t geonames_id = 0;
    std::string country;
    LonLat position;
    long population = 0;
    friend bool operator==(const Alternative&, const Alternative&) = default;
};

// A picture a place or chapter carries: a file (relative to the story's folder, or absolute) or a
// URL kept as a link, with its caption and credit.
struct Media {
    std::string src;
    std::string caption;
    std::string credit;
    bool is_link() const { return src.starts_with("http://") || src.starts_with("https://"); }
    friend bool operator==(const Media&, const Media&) = default;
};

struct Place {
    std::string id;
    std::string name;
    std::string category;  // capital, city, town, village, station, venue, border, …
    LonLat position;
    std::string fact;       // why the place is in the story, in the story's own words
    std::optional<StoryMoment> time;
    std::vector<Mention> mentions;
    std::string local_name;                   // in the local script, when known (Владивосток)
    std::string country;                      // ISO 3166 alpha-2, when known
    std::optional<std::int64_t> geonames_id;  // the gazetteer entry it is
    std::optional<double> confidence;         // how sure the article reader was, 0 to 1
    std::vector<Alternative> alternatives;    // what else the reader found the name may mean
    std::optional<Media> image;
    Json json;  // the feature as read, unknown members included
};

// When a route is at a stop: a single time, or an arrival and a departure (it waits between).
struct StopTime {
    std::optional<StoryMoment> arrive;
    std::optional<StoryMoment> depart;
    bool approximate = false;
};

struct Route {
    std::string id;
    std::string name;
    TravelMode mode = TravelMode::train;
    std::vector<std::string> stops;  // place ids
    std::vector<StopTime> times;     // empty, or one per stop
    Path path;                       // the real path; empty: made from the stops
    std::optional<Color> color;
    Json json;
};

struct Chapter {
    std::string id;
    std::string title;
    std::string text;
    std::optional<StoryMoment> time;
    std::vector<std::string> focus;  // place or route ids
    std::optional<double> zoom;      // web map zoom level (0 = the world in 256 px)
    std::optional<LonLat> center;    // where the view is centred (with `zoom`); else the focus's middle
    std::optional<Media> image;
    Json json;
};

struct Story {
    std::string title;
    std::string source_title;
    std::string source_url;
    std::string published;
    std::string timezone = "+00:00";
    std::vector<Chapter> chapters;
    std::vector<Place> places;
    std::vector<Route> routes;
    Json json;  // the whole document as read

    // Found through an index of ids (a story may hold 20,000 places, a route 10,000 stops); the
    // index is checked on every hit and rebuilt when it misses, so edits need not maintain it.
    const Place* place(std::string_view id) const;
    Place* place(std::string_view id);
    const Route* route(std::string_view id) const;
    const Chapter* chapter(std::string_view id) const;
    Route* route(std::string_view id);
    int timezone_minutes() const;

    // A cache of place positions by id, not part of the story's value.
    mutable std::map<std::string, std::size_t, std::less<>> place_index;
};

// Why a route's times are not in order (each stop's arrival, then its departure, then the next
// stop's), naming the two stops; nothing when they are.
std::optional<std::string> route_times_problem(const Route& route);

// The path a route is drawn along: its own LineString, else its stops joined.
Path route_path(const Story& story, const Route& route);

}  // namespace storyplot
