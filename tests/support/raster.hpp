#pragma once
// Reading images back in tests, through GDAL: size, georeferencing, CRS and pixels.
#include <cstdint>
#include <string>
#include <vector>

namespace storyplot::test_support {

struct Raster {
    int width = 0, height = 0, bands = 0;
    double gt[6] = {};
    std::string epsg;
    std::vector<std::uint8_t> rgba;  // filled when asked: RGBA, top row first
};

// An empty Raster (width 0) when the file does not open.
Raster read_raster(const std::string& path, bool pixels = false);

}  // namespace storyplot::test_support
