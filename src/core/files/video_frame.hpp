#pragma once
// An RGBA picture as a video frame's I420 bytes (YUV 4:2:0): the Y plane, then U, then V, each
// chroma sample the mean of 2 x 2 pixels, in BT.709 and limited range (Y 16-235, U and V 16-240),
// as HD video is tagged. The encoder takes these as they are: no colour conversion of its own,
// and 1.5 bytes a pixel through the pipe instead of 4.
#include <cstdint>
#include <vector>

#include "core/files/image.hpp"

namespace storyplot {

// Sides must be even. `out` is resized to width x height x 3 / 2 bytes.
void to_i420(const Image& rgba, std::vector<std::uint8_t>& out);

}  // namespace storyplot
