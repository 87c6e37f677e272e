#pragma once
// `storyplot import TRACK.gpx -o STORY.story.json`: recorded journeys as a story (waypoints as
// places, each track or route a route along its path, stopping where it started, paused, passed a
// waypoint and ended, at the recorded times).
#include <string>

namespace storyplot {

// Prints what it made and, in one line, what the story does not keep (elevations). Throws
// InputError for an unreadable or foreign input or an unwritable output.
void run_import(const std::string& input, const std::string& output, bool quiet);

}  // namespace storyplot
