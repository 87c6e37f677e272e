#pragma once
// The timeline along the bottom of the map: play/pause (Space), step to the previous/next stop or
// chapter, speed, loop, follow and trail, and a slider over the story's span with a tick for each
// stop (in its route's colour) and chapter (dark), and a break mark where a long quiet gap is
// shortened. Dragging the slider sets the clock at once.
#include "core/story/story.hpp"
#include "core/motion/playback.hpp"
#include "core/motion/story_clock.hpp"

namespace storyplot {

// Draws the panel in the map area right of `left`, above `bottom_inset`; returns its height.
float draw_timeline(TimelineState& state, const StoryClock& clock, const Story& story, float left, float bottom_inset);

}  // namespace storyplot
