#pragma once
// PNG encoding for rendered maps, faster than a general encoder on them: opaque images are written
// as RGB (a quarter fewer bytes), each row filtered by Sub or Up (whichever leaves more zeros: the
// flat colours of a map), and the strips of rows deflated in parallel, one zlib run per core, the
// runs joined into one stream as pigz joins them (each ends on a byte boundary by a sync flush; the
// Adler-32 checksums are combined). Level 1 with run-length matching: on maps about as small as
// GDAL's ZLEVEL 3 output, in a fraction of its time.
#include <string>

#include "core/files/image.hpp"

namespace storyplot {

// The whole PNG file's bytes.
std::string encode_png(const Image& image);

}  // namespace storyplot
