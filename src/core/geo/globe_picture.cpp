#include "core/geo/globe_picture.hpp"

#include <cmath>

#include "core/geo/mercator.hpp"

namespace storyplot {

std::optional<GlobePicture> globe_picture_for(const Camera& camera, int largest) {
    if (camera.is_mercator() || camera.projection().kind != ProjectionKind::orthographic) return std::nullopt;
    const double metres_per_px = camera.projected_resolution() / camera.projection().k0;  // at the globe's centre
    if (!(metres_per_px > 0)) return std::nullopt;
    const double equator_px = mercator::world_width / metres_per_px;
    int size = 256;
    while (size < equator_px && size <= largest / 2) size *= 2;
    if (size < equator_px || size > largest) return std::nullopt;
    // Texels of the picture per pixel of the globe at its centre, at least 1, rounded up to half an octave.
    const double texels_per_px = size / equator_px;
    const double line_scale = std::exp2(std::ceil(2 * std::log2(texels_per_px)) / 2);
    return GlobePicture{size, line_scale};
}

}  // namespace storyplot
