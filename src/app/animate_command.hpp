#pragma once
// `storyplot animate`: the story's journeys as an animation (GIF, MP4, WebM or PNG frames),
// headless, frame-exact, with progress on the terminal; Ctrl+C cancels and leaves no file.
#include <optional>
#include <string>
#include <vector>

#include "app/cli_values.hpp"
#include "core/labels/map_decorations.hpp"

namespace storyplot {

struct AnimateOptions {
    std::string story;
    std::string output;
    ImageSize size{1280, 720};
    int fps = 25;
    double seconds = 8;
    std::optional<std::string> route;
    std::optional<std::string> chapter;
    std::optional<std::string> from, to;  // ISO 8601
    std::optional<Box> bbox;              // lon/lat
    std::optional<std::string> projection;  // as render's; the tour and --follow stay in Web Mercator
    bool tour = false;            // the chapters in turn, as presented (core/motion/tour.hpp)
    bool seconds_given = false;   // --seconds on the command line (a tour's length is its own)
    bool follow = false;
    bool trail = false;
    bool local_names = false;
    bool context_labels = true;
    bool water = true;  // lakes and rivers
    float scale = 1.0f;
    bool quiet = false;
    DecorationSet decorations;
};

// Returns the exit code (130 when cancelled). Throws InputError / UsageError like the others.
int run_animate(const AnimateOptions& options);

}  // namespace storyplot
