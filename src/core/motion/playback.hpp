#pragma once
// Playing the story's clock: speeds from real time to a week a second, looping, and the state the
// timeline shows. Pure, so the same steps give the same times.
#include <array>
#include <cstddef>
#include <string_view>

#include "core/motion/story_clock.hpp"

namespace storyplot {

struct PlaybackSpeed {
    std::string_view name;
    double story_seconds_per_second;
};
inline constexpr std::array<PlaybackSpeed, 8> playback_speeds{{{"real time", 1},
                                                               {"1 min/s", 60},
                                                               {"10 min/s", 600},
                                                               {"1 hour/s", 3600},
                                                               {"3 hours/s", 3 * 3600},
                                                               {"12 hours/s", 12 * 3600},
                                                               {"1 day/s", 86400},
                                                               {"1 week/s", 7 * 86400}}};

struct TimelineState {
    bool active = false;  // off until the user plays, scrubs, steps or picks a timed chapter
    double time = 0;      // UTC seconds
    bool playing = false;
    std::size_t speed = 4;
    bool loop = false;
    bool follow = false;
    bool trail = false;
};

// Play or pause; playing from an idle clock, or one at the end, starts at the beginning.
void toggle_play(TimelineState& state, const StoryClock& clock);
// To the previous or next stop or chapter (from the start or the end when the clock is idle).
void step_to_event(TimelineState& state, const StoryClock& clock, bool forward);

// Advances a playing clock by `real_seconds`, evenly along the slider (so at full speed inside a
// journey, and quickly through shortened gaps); stops at the end, or wraps when looping.
void advance(TimelineState& state, const StoryClock& clock, double real_seconds);

}  // namespace storyplot
