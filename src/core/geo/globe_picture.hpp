#pragma once
// Whether the globe is drawn from a picture of the flat world. The basemap of a whole globe at
// 1:50m is about 470,000 small triangles, which a software rasteriser (Mesa's llvmpipe) takes
// 70-100 ms to set up at 1080p, frame after frame while the globe is spun. Drawn once into a
// square Web Mercator picture of the world (a texture) and looked up for each pixel of the globe,
// it costs a few milliseconds a frame. The picture is used only while it is as fine as the globe's
// pixels at its centre; closer in, the globe is drawn from the meshes as before (few of them face
// the viewer there).
//
// Lines are drawn into the picture at their width on the ground (widened by 1 / cos(latitude) in
// Web Mercator), scaled so that the globe shows them at their width in pixels at its centre, or up
// to 41% wider: the scale is rounded up to half an octave (the wider side, since the picture's
// filtering softens a line a pixel wide), so a zoom draws the picture again twice an octave.

#include <optional>

#include "core/geo/camera.hpp"

namespace storyplot {

struct GlobePicture {
    int size = 0;            // the picture's side in pixels: a power of two
    double line_scale = 1;   // what the lines' widths are multiplied by in the picture: at least 1
    bool operator==(const GlobePicture&) const = default;
};

// The picture for a globe `camera` (an orthographic projection), when one of at most `largest`
// pixels a side is as fine as the camera at its centre: the smallest power of two at least as many
// pixels as the equator has at the camera's scale (at least 256). Nothing for other projections.
std::optional<GlobePicture> globe_picture_for(const Camera& camera, int largest);

// The sphere the picture is drawn on is cut in cells of this many degrees: few enough vertices to
// cost llvmpipe little, while its rim (cut at the horizon between a cell's corners) stays within a
// third of a pixel of a circle on a globe 1,080 pixels across.
inline constexpr double globe_picture_cell_degrees = 4.0;

}  // namespace storyplot
