#include "core/network/travel_tags.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace storyplot {

namespace {

template <std::size_t N>
bool one_of(std::string_view value, const std::array<std::string_view, N>& words) {
    return std::find(words.begin(), words.end(), value) != words.end();
}

// Railways a train runs on; abandoned, disused, razed, proposed lines and platforms are not track.
constexpr std::array<std::string_view, 7> rail_kinds{"rail", "light_rail", "narrow_gauge", "preserved",
                                                     "subway", "monorail", "tram"};
// Roads a car may drive; the *_link roads join them.
constexpr std::array<std::string_view, 11> car_roads{"motorway",    "trunk",   "primary",       "secondary", "tertiary", "unclassified",
                                                     "residential", "service", "living_street", "road",      "track"};
// Ways that are not (yet) there to travel on.
constexpr std::array<std::string_view, 4> not_built{"construction", "proposed", "abandoned", "razed"};
constexpr std::array<std::string_view, 2> no_walking{"motorway", "motorway_link"};
constexpr std::array<std::string_view, 4> navigable{"river", "canal", "fairway", "tidal_channel"};

constexpr ModeSet ferry = static_cast<ModeSet>(mode_bit(TravelMode::ship) | mode_bit(TravelMode::car) | mode_bit(TravelMode::walk));
constexpr ModeSet car_ferry = static_cast<ModeSet>(mode_bit(TravelMode::ship) | mode_bit(TravelMode::car));
constexpr ModeSet road = static_cast<ModeSet>(mode_bit(TravelMode::car) | mode_bit(TravelMode::walk));

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

const std::string* find(const Tags& tags, std::string_view key) {
    const auto it = tags.find(key);
    return it == tags.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace

ModeSet modes_for_tags(const Tags& tags) {
    const std::string* railway = find(tags, "railway");
    const std::string* highway = find(tags, "highway");
    const std::string* route = find(tags, "route");
    const std::string* waterway = find(tags, "waterway");
    const std::string* feature_class = find(tags, "featurecla");  // Natural Earth
    if (!railway && !highway && !route && !waterway && !feature_class) return surface_modes;

    ModeSet modes = 0;
    if (railway && one_of(*railway, rail_kinds)) modes |= mode_bit(TravelMode::train);
    if (highway && !one_of(*highway, not_built)) {
        const bool link = highway->ends_with("_link");
        if (link || one_of(*highway, car_roads)) modes |= mode_bit(TravelMode::car);
        if (!one_of(*highway, no_walking)) modes |= mode_bit(TravelMode::walk);
    }
    if (route && (*route == "ferry")) modes |= ferry;
    if (route && (*route == "train" || *route == "railway")) modes |= mode_bit(TravelMode::train);
    if (route && (*route == "road")) modes |= mode_bit(TravelMode::car);
    if (waterway && one_of(*waterway, navigable)) modes |= mode_bit(TravelMode::ship);
    if (feature_class) {
        const std::string c = lower(*feature_class);
        if (c.find("rail") != std::string::npos) modes |= mode_bit(TravelMode::train);  // "Railroad" is no road
        else if (c.find("road") != std::string::npos || c.find("highway") != std::string::npos) modes |= road;
        if (c.find("ferry") != std::string::npos) modes |= car_ferry;
        if (c.find("river") != std::string::npos || c.find("canal") != std::string::npos) modes |= mode_bit(TravelMode::ship);
    }
    return modes;
}

}  // namespace storyplot
