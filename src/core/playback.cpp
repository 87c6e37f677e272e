#include "core/playback.hpp"

namespace storyplot {

void advance(TimelineState& state, const StoryClock& clock, double real_seconds) {
    if (!state.playing || clock.empty() || clock.shown_seconds() <= 0) return;
    const double step = playback_speeds[state.speed].story_seconds_per_second * real_seconds / clock.shown_seconds();
    double u = clock.to_slider(state.time) + step;
    if (u >= 1.0) {
        if (state.loop) {
            u = 0.0;
        } else {
            u = 1.0;
            state.playing = false;
        }
    }
    state.time = clock.from_slider(u);
}

}  // namespace storyplot
