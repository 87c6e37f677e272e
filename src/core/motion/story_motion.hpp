#pragma once
// Everything that moves in a story at clock time t, as a pure function of t: each timed route's
// vehicle, the caption of its current leg, and the camera that follows it.
#include <optional>
#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/motion/route_motion.hpp"
#include "core/story/story.hpp"

namespace storyplot {

struct RouteAt {
    const Route* route = nullptr;
    const RouteMotion* motion = nullptr;
    MotionState state;
    double projected_m = 0;  // for RouteLayer::progress_m
};

// A route in a line for its panel: "1,170 km · 19 h 20 min · 61 km/h" (length along its path; its
// time from first to last stop and the average speed, when it has times).
std::string describe_route(const RouteMotion& motion);

class StoryMotion {
public:
    explicit StoryMotion(const Story& story);

    // Every route with at least two times, in story order.
    std::vector<RouteAt> at(double utc_seconds) const;
    const RouteMotion* motion(const std::string& route_id) const;
    bool any_timed() const;  // whether anything moves at all

    // The camera that keeps the vehicle moving at t in the middle, zoomed so its current leg fits;
    // while it waits at a stop the zoom eases from the last leg's to the next's. Nothing when no
    // route is under way at t.
    std::optional<Camera> follow_camera(double utc_seconds, int width, int height) const;

private:
    const Story* m_story;
    std::vector<RouteMotion> m_motions;
};

// "Pyongyang → Khasan · ~Tue 23 Apr 23:00 → ~Wed 24 Apr 10:40" (~: approximate), "at Khasan until …", …
// `format` turns a UTC time into the story's local time text.
template <typename Format>
std::string leg_caption(const Story& story, const Route& route, const MotionState& s, Format&& format);

}  // namespace storyplot

#include "core/motion/story_motion_caption.hpp"
