#pragma once
// What every map carries, on screen and in exports: a scale bar true at the centre's latitude and
// the data credits. Drawn with ImGui's draw lists, as text with a halo.
#include <string>

#include "core/camera.hpp"

struct ImDrawList;

namespace storyplot {

// A round length (1, 2 or 5 x 10^n metres) no longer than `max_px` at the camera's centre,
// and its length in pixels.
struct ScaleBar {
    double metres = 0;
    double pixels = 0;
    std::string label;  // "200 km", "500 m"
};
ScaleBar choose_scale_bar(const Camera& camera, double max_px);

void add_map_decorations(ImDrawList& list, const Camera& camera, float scale, float bottom_inset);

// Headless: draws the decorations into the bound framebuffer with a short-lived ImGui context.
void draw_map_decorations(const Camera& camera, float scale);

}  // namespace storyplot
