#pragma once
// Putting a route on a line network: each straight leg between consecutive waypoints becomes the
// shortest way along the lines its mode may use. The waypoints are the route's own path vertices
// when it has a path (the stations an author placed), else its stops. A waypoint farther than the
// reach from every usable line, or two waypoints the network does not connect, leave their leg
// straight, and the stop-to-stop leg that holds it is reported as off the network: nothing is
// invented.
#include <optional>
#include <string>
#include <vector>

#include "core/network/line_network.hpp"
#include "core/story/story.hpp"

namespace storyplot {

struct SnapOptions {
    double reach_m = 5000;  // how far a waypoint may be from the line it is put on
};

// One leg from a stop to the next, as snapped.
struct SnapLeg {
    std::size_t from_stop = 0;
    std::size_t to_stop = 0;
    double length_m = 0;    // along the new path
    double straight_m = 0;  // along the old one
    bool on_network = true;
    std::string problem;    // why not, in words, when it is not
};

struct RouteSnap {
    Path path;
    std::vector<SnapLeg> legs;
};

// Why this route cannot be snapped at all (a plane flies great circles; a network with no line its
// mode may use); nothing when it can.
std::optional<std::string> snap_refusal(const Route& route, const LineNetwork& network);

RouteSnap snap_route(const Story& story, const Route& route, const LineNetwork& network, const SnapOptions& options = {});

// What the snap did, for people: a line for the route, then one for each leg, e.g.
//   route "Armoured train" (train): 2 of 2 legs on the rail network, 1,203 km (was 892 km)
//     Pyongyang → Khasan: 1,012 km along the network (straight 812 km)
//     Khasan → Vladivostok: left straight (off the network): Khasan is 12.3 km from the nearest rail line (reach 5.0 km)
std::vector<std::string> describe_snap(const Story& story, const Route& route, const RouteSnap& snap);

// The network a mode travels: "rail", "road", "waterway", "path"
std::string_view network_word(TravelMode mode);

}  // namespace storyplot
