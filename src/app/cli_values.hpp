#pragma once
// Parsing and checking the values of command-line options; errors are usage errors (exit 2).
#include <stdexcept>
#include <string>

#include "core/files/input_error.hpp"  // UsageError
#include "core/geo/geometry.hpp"

namespace storyplot {

struct ImageSize {
    int width = 1920;
    int height = 1080;
};

inline constexpr int min_image_side = 16;
inline constexpr int max_image_side = 16384;

ImageSize parse_size(const std::string& text);  // "1920x1080"
Box parse_bbox(const std::string& text);        // "W,S,E,N" in degrees -> lon/lat box

}  // namespace storyplot
