#pragma once
// What every map carries, on screen and in exports: a scale bar true at the centre's latitude and
// the data credits (drawn by export_decorations, for the window as for exports).
#include <string>

#include "core/camera.hpp"

namespace storyplot {

// A round length (1, 2 or 5 x 10^n metres) no longer than `max_px` at the camera's centre,
// and its length in pixels.
struct ScaleBar {
    double metres = 0;
    double pixels = 0;
    std::string label;  // "200 km", "500 m"
};
ScaleBar choose_scale_bar(const Camera& camera, double max_px);

// Credits for what a map shows: Natural Earth always, GeoNames when towns are named.
std::string map_credits(bool geonames);

}  // namespace storyplot
