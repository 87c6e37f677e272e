#pragma once
// `storyplot snap STORY --network FILE -o OUT`: the story's routes put on a rail, road or waterway
// network (core/network/route_snap.hpp), each leg reported, the story written with the new paths.
#include <optional>
#include <string>

namespace storyplot {

struct SnapCommandOptions {
    std::string story;
    std::string network;
    std::string output;
    std::optional<std::string> route;  // only this route; else every route that can be snapped
    double reach_km = 5;               // how far a stop may be from the network
    double join_m = 5;                 // vertices this close are one junction; a line's end this close joins
    bool quiet = false;
};

// Throws InputError (a file that cannot be read, a route that cannot be snapped, nothing to snap)
// or UsageError (an unknown route).
void run_snap(const SnapCommandOptions& options);

}  // namespace storyplot
