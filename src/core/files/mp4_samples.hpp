#pragma once
// How many frames an MP4 file holds, read from its boxes (ISO/IEC 14496-12) without decoding: the
// check that an encoder's file is whole, in a few reads rather than a second program.
#include <filesystem>

namespace storyplot {

// The sample count of the file's first video track (`trak` whose `hdlr` is `vide`, from its
// `stsz`), or -1 when the file cannot be read, a box runs past its end (a file cut short), there is
// no such track, or the track's samples need more bytes than the file's `mdat` boxes hold.
long mp4_video_samples(const std::filesystem::path& file);

}  // namespace storyplot
