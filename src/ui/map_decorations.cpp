#include "ui/map_decorations.hpp"

#include <cmath>
#include <cstdio>

namespace storyplot {

ScaleBar choose_scale_bar(const Camera& camera, double max_px) {
    const double metres_per_px = camera.ground_resolution();
    const double max_metres = max_px * metres_per_px;
    const double magnitude = std::pow(10.0, std::floor(std::log10(max_metres)));
    double metres = magnitude;
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= max_metres) {
            metres = step * magnitude;
            break;
        }
    char label[32];
    if (metres >= 1000)
        std::snprintf(label, sizeof label, "%g km", metres / 1000);
    else
        std::snprintf(label, sizeof label, "%g m", metres);
    return {metres, metres / metres_per_px, label};
}

std::string map_credits(bool geonames) {
    return geonames ? "Map data: Natural Earth \xC2\xB7 GeoNames (CC BY 4.0)" : "Map data: Natural Earth";
}

}  // namespace storyplot
