#pragma once
// The strip along the bottom of the window: cursor position, scale, detail level, frame time.
#include <optional>
#include <string>

#include "core/geo/camera.hpp"
#include "core/geo/level_of_detail.hpp"

namespace storyplot {

struct StatusInfo {
    std::optional<Vec2> cursor_px;  // pointer over the map, in pixels
    std::optional<DetailLevel> level;
    double frame_ms = 0;
    double label_ms = 0;  // label placement in the last frame
    std::string loading;  // what is still loading, empty when nothing
};

// Returns the bar's height in pixels, so the map's decorations can sit above it.
float draw_status_bar(const Camera& camera, const StatusInfo& info);

// "43.1155° N  131.8862° E"
std::string format_lonlat(LonLat p);
// "1:4 500 000"
std::string format_scale(double denominator);

}  // namespace storyplot
