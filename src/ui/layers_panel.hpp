#pragma once
// The layer list: each overlay layer with its colour and a visibility toggle.
#include <vector>

#include "render/map_renderer.hpp"

namespace storyplot {

// Returns true when the user asked to zoom to a layer, and sets `zoom_to` to its bounds.
bool draw_layers_panel(std::vector<OverlayLayer>& layers, Box& zoom_to);

}  // namespace storyplot
