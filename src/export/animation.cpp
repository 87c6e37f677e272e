#include "export/animation.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/input_error.hpp"
#include "data/image_file.hpp"

namespace storyplot {

namespace fs = std::filesystem;

std::optional<AnimationFormat> animation_format_for(const std::string& output) {
    std::string ext = fs::path(output).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".gif") return AnimationFormat::gif;
    if (ext == ".mp4") return AnimationFormat::mp4;
    if (ext == ".webm") return AnimationFormat::webm;
    std::error_code ec;
    if (!output.empty() && (output.back() == '/' || fs::is_directory(output, ec))) return AnimationFormat::png_frames;
    return std::nullopt;
}

double frame_time(double from, double to, int k, int count) {
    return count <= 0 ? from : from + (to - from) * static_cast<double>(k) / static_cast<double>(count);
}

bool ffmpeg_available() { return std::system("ffmpeg -hide_banner -version >/dev/null 2>&1") == 0; }

namespace {

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

void check_folder(const fs::path& target) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw InputError(target.string(), "cannot write: folder " + folder.string() + " does not exist");
    if (access(folder.c_str(), W_OK) != 0) throw InputError(target.string(), "cannot write: folder " + folder.string() + " is not writable");
}

// ffmpeg reading raw RGBA frames on its standard input.
class FfmpegSink : public FrameSink {
public:
    FfmpegSink(const std::string& output, AnimationFormat format, int width, int height, int fps)
        : m_target(output), m_temp(temporary_sibling(output)), m_log(temporary_sibling(output).string() + ".log"),
          m_frame_bytes(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
        std::ostringstream cmd;
        cmd << "exec ffmpeg -hide_banner -loglevel error -nostdin -y -f rawvideo -pix_fmt rgba -s " << width << "x" << height << " -r " << fps
            << " -i - ";
        switch (format) {
        case AnimationFormat::mp4:
            // yuv420p needs even sides: pad by one pixel where needed.
            cmd << "-vf 'pad=ceil(iw/2)*2:ceil(ih/2)*2' -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -movflags +faststart -f mp4 ";
            break;
        case AnimationFormat::webm:
            cmd << "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -row-mt 1 -b:v 0 -crf 34 -pix_fmt yuv420p -f webm ";
            break;
        case AnimationFormat::gif:
            // One palette from every frame; no dithering, so the map's flat colours stay flat.
            cmd << "-filter_complex '[0:v]split[a][b];[a]palettegen=max_colors=256:stats_mode=full[p];[b][p]paletteuse=dither=none' "
                   "-loop 0 -f gif ";
            break;
        case AnimationFormat::png_frames: break;
        }
        cmd << quoted(m_temp.string()) << " 2>" << quoted(m_log);
        m_pipe = popen(cmd.str().c_str(), "w");
        if (!m_pipe) throw InputError(output, "cannot start ffmpeg");
    }
    ~FfmpegSink() override {
        if (!m_done) abandon();
    }

    void write(const Image& frame) override {
        if (frame.rgba.size() != m_frame_bytes || std::fwrite(frame.rgba.data(), 1, m_frame_bytes, m_pipe) != m_frame_bytes)
            fail("ffmpeg stopped taking frames");
    }

    void finish() override {
        const int status = pclose(m_pipe);
        m_pipe = nullptr;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("ffmpeg failed");
        std::error_code ec;
        fs::remove(m_log, ec);
        commit_temporary(m_temp, m_target);
        m_done = true;
    }

    void abandon() override {
        if (m_pipe) pclose(m_pipe);  // ffmpeg sees the end of its input and stops
        m_pipe = nullptr;
        std::error_code ec;
        fs::remove(m_temp, ec);
        fs::remove(m_log, ec);
        m_done = true;
    }

private:
    [[noreturn]] void fail(const std::string& what) {
        std::ifstream log(m_log);
        std::string line, last;
        while (std::getline(log, line))
            if (!line.empty()) last = line;
        abandon();
        throw InputError(m_target.string(), what + (last.empty() ? "" : ": " + last));
    }

    fs::path m_target, m_temp;
    std::string m_log;
    std::size_t m_frame_bytes;
    FILE* m_pipe = nullptr;
    bool m_done = false;
};

// Numbered PNGs (frame_00000.png, …) in a folder, renamed into place when all are written.
class PngFramesSink : public FrameSink {
public:
    explicit PngFramesSink(const std::string& output) : m_target(fs::path(output).lexically_normal()) {
        if (m_target.filename().empty()) m_target = m_target.parent_path();
        std::error_code ec;
        if (fs::exists(m_target, ec) && !fs::is_empty(m_target, ec))
            throw InputError(output, "the folder is not empty: frames go into a new or empty folder");
        check_folder(m_target);
        m_temp = temporary_sibling(m_target);
        fs::create_directories(m_temp, ec);
        if (ec) throw InputError(output, "cannot create " + m_temp.string() + ": " + ec.message());
    }
    ~PngFramesSink() override {
        if (!m_done) abandon();
    }
    void write(const Image& frame) override {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%05d.png", m_count++);
        write_image((m_temp / name).string(), frame, Box::of(0, 0, 1, 1));
    }
    void finish() override {
        std::error_code ec;
        if (fs::exists(m_target, ec)) fs::remove(m_target, ec);  // empty, checked above
        commit_temporary(m_temp, m_target);
        m_done = true;
    }
    void abandon() override {
        std::error_code ec;
        fs::remove_all(m_temp, ec);
        m_done = true;
    }

private:
    fs::path m_target, m_temp;
    int m_count = 0;
    bool m_done = false;
};

}  // namespace

std::unique_ptr<FrameSink> open_frame_sink(const std::string& output, AnimationFormat format, int width, int height, int fps) {
    if (format == AnimationFormat::png_frames) return std::make_unique<PngFramesSink>(output);
    check_folder(output);
    if (!ffmpeg_available()) throw InputError(output, "ffmpeg is not installed: it encodes GIF, MP4 and WebM (apt-get install ffmpeg)");
    signal(SIGPIPE, SIG_IGN);  // a dying ffmpeg must give an error, not kill us
    return std::make_unique<FfmpegSink>(output, format, width, height, fps);
}

}  // namespace storyplot
