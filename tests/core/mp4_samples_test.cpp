// Frames counted from an MP4's boxes: a file built here box by box, whole, cut short, with its
// index at either end, with an audio track first, and with more samples than media bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/files/mp4_samples.hpp"

using namespace storyplot;

namespace {

using Bytes = std::vector<std::uint8_t>;

void set32(std::uint8_t* at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) at[i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

void put32(Bytes& out, std::uint32_t v) {
    out.resize(out.size() + 4);
    set32(out.data() + out.size() - 4, v);
}

Bytes box(const char* type, const Bytes& payload) {
    Bytes out(payload.size() + 8);
    set32(out.data(), static_cast<std::uint32_t>(out.size()));
    for (int i = 0; i < 4; ++i) out[4 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(type[i]);
    std::copy(payload.begin(), payload.end(), out.begin() + 8);
    return out;
}

Bytes join(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

// A track of `handler` ("vide", "soun") with samples of the given sizes (all one size: stsz's
// sample_size, else one entry each).
Bytes track(const char* handler, const std::vector<std::uint32_t>& sizes, bool one_size = false) {
    Bytes hdlr(8, 0);
    for (int i = 0; i < 4; ++i) hdlr.push_back(static_cast<std::uint8_t>(handler[i]));
    hdlr.resize(hdlr.size() + 13, 0);  // reserved and an empty name
    Bytes stsz(4, 0);
    put32(stsz, one_size ? sizes.front() : 0);
    put32(stsz, static_cast<std::uint32_t>(sizes.size()));
    if (!one_size)
        for (std::uint32_t s : sizes) put32(stsz, s);
    return box("trak", box("mdia", join({box("mdhd", Bytes(24, 0)), box("hdlr", hdlr), box("minf", box("stbl", box("stsz", stsz)))})));
}

std::filesystem::path write(const std::string& name, const Bytes& bytes) {
    const auto path = std::filesystem::temp_directory_path() / ("storyplot-mp4-" + name + ".mp4");
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return path;
}

const Bytes ftyp = box("ftyp", Bytes{'i', 's', 'o', 'm', 0, 0, 2, 0});

}  // namespace

TEST(Mp4Samples, TheVideoTracksSampleCountWithItsIndexAtEitherEnd) {
    const Bytes moov = box("moov", join({box("mvhd", Bytes(100, 0)), track("vide", {10, 20, 30, 40})}));
    const Bytes mdat = box("mdat", Bytes(100, 7));
    EXPECT_EQ(mp4_video_samples(write("first", join({ftyp, moov, mdat}))), 4);  // as +faststart writes it
    EXPECT_EQ(mp4_video_samples(write("last", join({ftyp, mdat, moov}))), 4);
}

TEST(Mp4Samples, AnAudioTrackBeforeTheVideoIsPassedOver) {
    const Bytes moov = box("moov", join({track("soun", {5, 5, 5, 5, 5, 5, 5}), track("vide", {8}, true)}));
    EXPECT_EQ(mp4_video_samples(write("audio", join({ftyp, moov, box("mdat", Bytes(100, 0))}))), 1);
    const Bytes many = box("moov", track("vide", std::vector<std::uint32_t>(250, 4), true));
    EXPECT_EQ(mp4_video_samples(write("one-size", join({ftyp, many, box("mdat", Bytes(1000, 0))}))), 250);
}

TEST(Mp4Samples, AFileCutShortOrShortOfMediaCountsNothing) {
    const Bytes moov = box("moov", track("vide", {10, 20, 30, 40}));
    Bytes whole = join({ftyp, moov, box("mdat", Bytes(100, 7))});
    Bytes cut(whole.begin(), whole.end() - 1);
    EXPECT_EQ(mp4_video_samples(write("cut", cut)), -1);
    // The index promises 100 bytes of samples; the media holds 99.
    EXPECT_EQ(mp4_video_samples(write("short", join({ftyp, moov, box("mdat", Bytes(99, 7))}))), -1);
    EXPECT_EQ(mp4_video_samples(write("no-index", join({ftyp, box("mdat", Bytes(100, 7))}))), -1);
    EXPECT_EQ(mp4_video_samples(write("no-video", join({ftyp, box("moov", track("soun", {1})), box("mdat", Bytes(10, 0))}))), -1);
    EXPECT_EQ(mp4_video_samples(std::filesystem::temp_directory_path() / "storyplot-mp4-absent.mp4"), -1);
    // A box whose length runs past its parent.
    Bytes broken = box("moov", track("vide", {10}));
    broken[11] = 0xff;  // the trak's length
    EXPECT_EQ(mp4_video_samples(write("broken", join({ftyp, broken, box("mdat", Bytes(100, 7))}))), -1);
}
