#include "core/network/route_snap.hpp"

#include <cstdio>

#include "core/geo/geodesic.hpp"
#include "core/labels/number_format.hpp"
#include "core/motion/route_motion.hpp"

namespace storyplot {

namespace {

// How far to look when telling the user how far a waypoint is from the network.
constexpr double far_look_m = 500000;

std::string position_text(LonLat p) {
    char text[64];
    std::snprintf(text, sizeof text, "%.4f,%.4f", p.lon, p.lat);
    return text;
}

void append(Path& path, const Path& piece) {
    for (LonLat p : piece)
        if (path.empty() || path.back() != p) path.push_back(p);
}

}  // namespace

std::vector<std::string> describe_snap(const Story& story, const Route& route, const RouteSnap& snap) {
    const std::string word(network_word(route.mode));
    double before = 0, after = 0;
    std::size_t on = 0;
    for (const SnapLeg& leg : snap.legs) {
        before += leg.straight_m;
        after += leg.length_m;
        on += leg.on_network ? 1 : 0;
    }
    auto stop_name = [&](std::size_t s) -> std::string {
        if (s >= route.stops.size()) return s == 0 ? "the start" : "the end";
        const Place* place = story.place(route.stops[s]);
        return place ? place->name : route.stops[s];
    };
    std::vector<std::string> lines;
    lines.push_back("route \"" + (route.name.empty() ? route.id : route.name) + "\" (" + std::string(travel_mode_name(route.mode)) +
                    "): " + std::to_string(on) + " of " + std::to_string(snap.legs.size()) + " legs on the " + word +
                    " network, " + format_distance(after) + " (was " + format_distance(before) + ")");
    for (const SnapLeg& leg : snap.legs) {
        std::string line = "  " + stop_name(leg.from_stop) + " → " + stop_name(leg.to_stop) + ": ";
        if (leg.on_network)
            line += format_distance(leg.length_m) + " along the network (straight " + format_distance(leg.straight_m) + ")";
        else
            line += "left straight (off the network): " + leg.problem;
        lines.push_back(std::move(line));
    }
    return lines;
}

std::string_view network_word(TravelMode mode) {
    switch (mode) {
    case TravelMode::train: return "rail";
    case TravelMode::car: return "road";
    case TravelMode::ship: return "waterway";
    case TravelMode::walk: return "path";
    case TravelMode::plane: break;
    }
    return "air";
}

namespace {
// What the mode travels along, one of them: "the nearest rail line".
std::string_view line_word(TravelMode mode) {
    switch (mode) {
    case TravelMode::train: return "rail line";
    case TravelMode::car: return "road";
    case TravelMode::ship: return "waterway or ferry line";
    case TravelMode::walk: return "path or road";
    case TravelMode::plane: break;
    }
    return "line";
}
}  // namespace

std::optional<std::string> snap_refusal(const Route& route, const LineNetwork& network) {
    if (route.mode == TravelMode::plane) return "a plane flies great circles, not along a network";
    if (!(network.modes() & mode_bit(route.mode)))
        return "the network has no " + std::string(line_word(route.mode)) + " for a " + std::string(travel_mode_name(route.mode));
    return std::nullopt;
}

RouteSnap snap_route(const Story& story, const Route& route, const LineNetwork& network, const SnapOptions& options) {
    const ModeSet modes = mode_bit(route.mode);
    const std::string word(line_word(route.mode));

    // The waypoints, and which of them each stop is.
    Path waypoints;
    std::vector<std::size_t> stop_at;
    std::vector<std::string> waypoint_names;
    if (!route.path.empty()) {
        waypoints = route.path;
        stop_at = RouteMotion(story, route).stop_vertices();
    } else {
        for (const std::string& id : route.stops)
            if (const Place* place = story.place(id)) {
                stop_at.push_back(waypoints.size());
                waypoints.push_back(place->position);
            }
    }
    if (stop_at.size() < 2) stop_at = {0, waypoints.empty() ? 0 : waypoints.size() - 1};
    waypoint_names.resize(waypoints.size());
    for (std::size_t s = 0; s < stop_at.size() && s < route.stops.size(); ++s)
        if (const Place* place = story.place(route.stops[s])) waypoint_names[stop_at[s]] = place->name;
    auto name_of = [&](std::size_t w) {
        return waypoint_names[w].empty() ? "the path's point " + position_text(waypoints[w]) : waypoint_names[w];
    };

    std::vector<std::optional<NetworkPoint>> anchors;
    anchors.reserve(waypoints.size());
    for (LonLat w : waypoints) anchors.push_back(network.nearest(w, modes, options.reach_m));
    auto anchor_position = [&](std::size_t w) { return anchors[w] ? anchors[w]->position : waypoints[w]; };

    RouteSnap out;
    for (std::size_t s = 0; s + 1 < stop_at.size(); ++s) {
        SnapLeg leg;
        leg.from_stop = s;
        leg.to_stop = s + 1;
        for (std::size_t w = stop_at[s]; w < stop_at[s + 1]; ++w) {
            leg.straight_m += geodesic_distance(waypoints[w], waypoints[w + 1]);
            std::optional<NetworkPath> way;
            if (anchors[w] && anchors[w + 1]) way = network.shortest_path(*anchors[w], *anchors[w + 1], modes);
            if (way) {
                append(out.path, way->path);
                leg.length_m += way->length_m;
                continue;
            }
            const Path straight{anchor_position(w), anchor_position(w + 1)};
            append(out.path, straight);
            leg.length_m += geodesic_distance(straight[0], straight[1]);
            if (!leg.on_network) continue;  // the first reason is the one reported
            leg.on_network = false;
            for (std::size_t end : {w, w + 1}) {
                if (anchors[end] || !leg.problem.empty()) continue;
                const auto far = network.nearest(waypoints[end], modes, far_look_m);
                leg.problem = name_of(end) + (far ? " is " + format_distance(far->distance_m) + " from the nearest " + word
                                                  : " has no " + word + " within " + format_distance(far_look_m)) +
                              " (reach " + format_distance(options.reach_m) + ")";
            }
            if (leg.problem.empty())
                leg.problem = "no way along the network from " + name_of(w) + " to " + name_of(w + 1) +
                              " (its " + std::string(network_word(route.mode)) + " lines do not connect them)";
        }
        out.legs.push_back(std::move(leg));
    }
    if (out.path.size() == 1) out.path.push_back(out.path.front());  // a route that goes nowhere stays a line
    return out;
}

}  // namespace storyplot
