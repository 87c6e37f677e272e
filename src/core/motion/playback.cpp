#include "core/motion/playback.hpp"

namespace storyplot {

void toggle_play(TimelineState& state, const StoryClock& clock) {
    if (clock.empty()) return;
    state.playing = !state.playing;
    if (state.playing && (!state.active || state.time >= clock.end())) state.time = clock.start();
    state.active = true;
}

void step_to_event(TimelineState& state, const StoryClock& clock, bool forward) {
    if (clock.empty()) return;
    const double from = state.active ? state.time : (forward ? clock.start() - 1 : clock.end());
    state.time = forward ? clock.next_event(from).value_or(clock.end()) : clock.previous_event(from).value_or(clock.start());
    state.active = true;
}

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
