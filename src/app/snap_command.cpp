#include "app/snap_command.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/cli_values.hpp"
#include "core/files/input_error.hpp"
#include "core/network/route_snap.hpp"
#include "core/story/story_file.hpp"
#include "data/network_source.hpp"

namespace storyplot {

void run_snap(const SnapCommandOptions& options) {
    Story story = read_story_file(options.story);
    if (options.route && !story.route(*options.route))
        throw UsageError("--route: the story has no route \"" + *options.route + "\"");

    const auto start = std::chrono::steady_clock::now();
    const NetworkSource source = load_network_source(options.network);
    const LineNetwork network(source.lines, options.join_m);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!options.quiet) {
        char timing[32];
        std::snprintf(timing, sizeof timing, "%.2f s", seconds);
        std::cout << "network " << options.network << ": " << source.lines.size() << " lines, " << network.segment_count()
                  << " segments, " << network.node_count() << " nodes, " << network.joined_gaps() << " gaps joined (" << timing
                  << ")\n";
    }

    std::size_t snapped = 0;
    std::string last_refusal;
    for (Route& route : story.routes) {
        if (options.route && route.id != *options.route) continue;
        if (const auto refusal = snap_refusal(route, network)) {
            last_refusal = "route \"" + (route.name.empty() ? route.id : route.name) + "\": " + *refusal;
            if (options.route) throw InputError(options.network, last_refusal);
            if (!options.quiet) std::cout << last_refusal << ": not snapped\n";
            continue;
        }
        const RouteSnap snap = snap_route(story, route, network, SnapOptions{options.reach_km * 1000});
        if (snap.path.empty()) continue;
        route.path = snap.path;
        ++snapped;
        if (!options.quiet)
            for (const std::string& line : describe_snap(story, route, snap)) std::cout << line << "\n";
    }
    if (snapped == 0)
        throw InputError(options.story, last_refusal.empty() ? "no route to snap" : "no route could be snapped (" + last_refusal + ")");
    write_story_file(story, options.output);
    if (!options.quiet) std::cout << "wrote " << options.output << "\n";
}

}  // namespace storyplot
