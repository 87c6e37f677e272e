#pragma once
// Animations of the story's clock: frame k of N shows clock time from + k/N (to - from), exactly
// N = fps x seconds frames, encoded by real encoders — ffmpeg for MP4 (H.264, yuv420p), WebM (VP9)
// and GIF (one palette for the whole animation, no dithering noise; two runs, so memory does not
// grow with the frame count) — or written as numbered PNGs.
// Everything goes to a temporary file or folder first: a failed or cancelled export leaves nothing.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/files/image.hpp"

namespace storyplot {

enum class AnimationFormat { gif, mp4, webm, png_frames };

// By the output's name: .gif, .mp4, .webm, or a folder (ending in '/', or an existing folder).
std::optional<AnimationFormat> animation_format_for(const std::string& output);

// The clock time of frame k of `count`.
double frame_time(double from, double to, int k, int count);

// Where frames go. write() throws InputError when the encoder fails; finish() puts the result in
// place; abandon() removes what was written (also done by the destructor unless finished).
class FrameSink {
public:
    virtual ~FrameSink() = default;
    virtual void write(Image frame) = 0;
    // The pixels of a frame already written, for the next frame to be read into (or none).
    virtual std::vector<std::uint8_t> spare() { return {}; }
    virtual void finish() = 0;
    virtual void abandon() = 0;
};

// Checks the output and, for the ffmpeg formats, that ffmpeg is installed. Throws InputError.
std::unique_ptr<FrameSink> open_frame_sink(const std::string& output, AnimationFormat format, int width, int height, int fps);

// Whether `ffmpeg` runs here.
bool ffmpeg_available();

}  // namespace storyplot
