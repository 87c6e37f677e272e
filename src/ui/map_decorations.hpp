#pragma once
// What every map carries, on screen and in exports: a scale bar true at the centre's latitude and
// the data credits. Drawn with ImGui's draw lists, as text with a halo.
#include <string>
#include <vector>

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

// `credits` names the data on the map ("Natural Earth · GeoNames").
// The insets keep them clear of panels along the bottom and the left.
void add_map_decorations(ImDrawList& list, const Camera& camera, float scale, float bottom_inset, const std::string& credits,
                         float left_inset = 0.0f);

// The screen boxes the scale bar and credits take, for labels to keep clear of.
std::vector<Box> decoration_boxes(const Camera& camera, float scale, float bottom_inset, const std::string& credits,
                                  float left_inset = 0.0f);

// Credits for what a map shows: Natural Earth always, GeoNames when towns are named.
std::string map_credits(bool geonames);

}  // namespace storyplot
