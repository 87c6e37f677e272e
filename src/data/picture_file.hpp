#pragma once
// Reads a story's picture (PNG, JPEG, or any raster GDAL reads) as RGBA pixels, scaled down to fit
// `max_side` on its longer side for the window. Throws InputError naming the file and what is
// wrong: missing, not a picture, corrupt.
#include <string>

#include "core/files/image.hpp"

namespace storyplot {

Image read_picture(const std::string& path, int max_side = 640);

}  // namespace storyplot
