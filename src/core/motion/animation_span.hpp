#pragma once
// What an animation shows, one policy for `storyplot animate` and the window's Export dialog: a
// route over its own times, a chapter over the times of the routes in its focus, or by default
// the journey under way at the clock's time, else the story's first timed journey.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/story/story.hpp"
#include "core/motion/story_motion.hpp"

namespace storyplot {

struct AnimationChoice {
    std::optional<std::string> route;    // a route id
    std::optional<std::string> chapter;  // a chapter id (when no route is given)
    std::optional<double> now;           // the clock's time (UTC seconds): the journey under way then
};

struct AnimationSpan {
    std::optional<double> from, to;  // none: no timed journey to animate
    std::vector<std::string> focus;  // the route shown, to frame (empty for a chapter)
    const Chapter* chapter = nullptr;
};

// Throws std::invalid_argument for a route or chapter the story lacks, or that has no times.
AnimationSpan choose_animation(const Story& story, const StoryMotion& motion, const AnimationChoice& choice);

}  // namespace storyplot
