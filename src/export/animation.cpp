#include "export/animation.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "core/files/atomic_file.hpp"
#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "core/files/interrupt.hpp"
#include "core/files/mp4_samples.hpp"
#include "core/files/video_frame.hpp"
#include "data/image_file.hpp"

namespace storyplot {

namespace fs = std::filesystem;

std::optional<AnimationFormat> animation_format_for(const std::string& output) {
    const std::string ext = lower_extension(output);
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

namespace {

// Runs a program with its standard input from a pipe and its standard error into a log file, in a
// process group of its own (a Ctrl+C to our group reaches us, and we stop it), dying with us.
class ChildProcess {
public:
    ChildProcess(const std::vector<std::string>& argv, const fs::path& log) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
        const pid_t parent = ::getpid();
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        m_pid = ::fork();
        if (m_pid < 0) {
            ::close(fds[0]);
            ::close(fds[1]);
            throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
        }
        if (m_pid == 0) {
            ::setpgid(0, 0);
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent) ::_exit(127);
            ::signal(SIGPIPE, SIG_DFL);
            ::dup2(fds[0], STDIN_FILENO);
            const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (err >= 0) ::dup2(err, STDERR_FILENO);
            const int null = ::open("/dev/null", O_WRONLY);
            if (null >= 0) ::dup2(null, STDOUT_FILENO);
            ::execvp(args[0], args.data());
            ::_exit(127);
        }
        ::close(fds[0]);
        m_input = fds[1];
        m_slot = register_child_process(m_pid);
    }
    ~ChildProcess() { kill(); }

    // False when the child no longer takes input.
    bool write(const void* data, std::size_t size) {
        const char* p = static_cast<const char*>(data);
        while (size > 0) {
            const ssize_t n = ::write(m_input, p, size);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            p += n;
            size -= static_cast<std::size_t>(n);
        }
        return true;
    }

    // Closes its input and waits: the exit status as waitpid gives it.
    int finish() {
        close_input();
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        unregister_child_process(m_slot);
        m_pid = -1;
        return status;
    }

    // Stops the child without waiting: a write blocked on its input returns (EPIPE). kill() after.
    void stop() {
        if (m_pid > 0) ::kill(m_pid, SIGKILL);
    }

    void kill() {
        close_input();
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            int status = 0;
            while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
            }
            unregister_child_process(m_slot);
        }
        m_pid = -1;
    }

private:
    void close_input() {
        if (m_input >= 0) ::close(m_input);
        m_input = -1;
    }
    pid_t m_pid = -1;
    int m_input = -1;
    int m_slot = -1;
};

std::string last_line_of(const fs::path& log) {
    std::ifstream in(log);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty()) last = line;
    if (last.size() > 200) last = last.substr(0, 200) + "...";
    return last;
}

// How many video packets ffprobe counts in a file (no decoding), or -1.
long count_video_packets(const fs::path& file) {
    ChildProcess probe({"ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries", "stream=nb_read_packets",
                        "-of", "csv=p=0", "-o", file.string() + ".count", file.string()},
                       "/dev/null");
    const int status = probe.finish();
    std::ifstream in(file.string() + ".count");
    long count = -1;
    if (!(in >> count)) count = -1;
    std::error_code ec;
    fs::remove(file.string() + ".count", ec);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? count : -1;
}

// A temporary file next to the output, removed on an interrupt and when dropped.
class TemporaryFile {
public:
    explicit TemporaryFile(fs::path path) : m_path(std::move(path)), m_slot(register_temporary_file(m_path.c_str())) {}
    ~TemporaryFile() {
        std::error_code ec;
        fs::remove(m_path, ec);
        unregister_temporary(m_slot);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
    int m_slot;
};

// ffmpeg reading raw frames on its standard input: I420 planes for video (core/files/video_frame),
// RGBA for a GIF. A GIF takes two runs: the first keeps the frames losslessly (QuickTime Animation:
// run lengths of the rows that changed since the frame before, 28 MB for 1,000 frames at 720p, for
// less memory than H.264's lossless mode) in a temporary file while it counts their colours into
// one palette; the second maps the kept frames to that palette. Memory stays the same for any
// number of frames (one run with the palette would hold every frame until the last), and the GIF is
// as a single run makes it: one palette for the whole animation, so unchanged pixels stay unchanged
// between frames.
class FfmpegSink : public FrameSink {
public:
    FfmpegSink(const std::string& output, AnimationFormat format, int width, int height, int fps)
        : m_out(output), m_log(m_out.temporary().string() + ".log"),
          m_frame_bytes(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4),
          m_i420(format != AnimationFormat::gif && width % 2 == 0 && height % 2 == 0), m_format(format) {
        std::vector<std::string> cmd{"ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "rawvideo", "-pix_fmt", m_i420 ? "yuv420p" : "rgba",
                                     "-s", std::to_string(width) + "x" + std::to_string(height), "-r", std::to_string(fps), "-i", "-"};
        auto add = [&](std::initializer_list<const char*> words) { cmd.insert(cmd.end(), words.begin(), words.end()); };
        // Video in BT.709, limited range, and tagged so. Frames with even sides go as I420 planes made
        // here (core/files/video_frame); others as RGBA, padded by a pixel to even sides for yuv420p.
        if (format != AnimationFormat::gif) {
            if (!m_i420) add({"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2,scale=out_color_matrix=bt709:out_range=tv", "-pix_fmt", "yuv420p"});
            add({"-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"});
        }
        switch (format) {
        case AnimationFormat::mp4:
            add({"-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", "-movflags", "+faststart", "-f", "mp4"});
            break;
        case AnimationFormat::webm:
            add({"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-b:v", "0", "-crf", "34", "-f", "webm"});
            break;
        case AnimationFormat::gif:
            m_kept.emplace(m_out.temporary().string() + ".frames.mov");
            m_palette.emplace(m_out.temporary().string() + ".palette.png");
            // No dithering (second run), so the map's flat colours stay flat.
            add({"-filter_complex", "[0:v]split[a][b];[a]palettegen=max_colors=256:stats_mode=full[p]", "-map", "[b]", "-c:v",
                 "qtrle", "-pix_fmt", "rgb24", "-f", "mov", m_kept->path().c_str(), "-map", "[p]", "-frames:v",
                 "1", "-update", "1"});
            break;
        case AnimationFormat::png_frames: break;
        }
        cmd.push_back(m_kept ? m_palette->path().string() : m_out.temporary().string());
        try {
            m_ffmpeg.emplace(cmd, m_log.path());
        } catch (const std::exception& e) {
            throw InputError(output, std::string("cannot start ffmpeg: ") + e.what());
        }
    }
    ~FfmpegSink() override {
        if (!m_done) abandon();
    }

    // The frame goes to a thread of its own that writes it to ffmpeg, so that drawing the next
    // frame overlaps ffmpeg taking this one (and, for video, its conversion to I420); one waits.
    void write(Image frame) override {
        if (frame.rgba.size() != m_frame_bytes) fail("cannot write: a frame of the wrong size");
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return !m_waiting || m_refused; });
            if (m_refused) {
                lock.unlock();
                fail("cannot write: ffmpeg stopped taking frames");
            }
            m_waiting = std::move(frame);
        }
        m_changed.notify_all();
        if (!m_writer.joinable()) m_writer = std::thread([this] { write_frames(); });
        ++m_frames;
    }

    std::vector<std::uint8_t> spare() override {
        const std::lock_guard lock(m_mutex);
        return std::exchange(m_spare, {});
    }

    void finish() override {
        if (!stop_writer(false)) fail("cannot write: ffmpeg stopped taking frames");
        check(m_ffmpeg->finish());
        if (m_kept) {
            ChildProcess second({"ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", m_kept->path().string(), "-i",
                                 m_palette->path().string(), "-filter_complex", "[0:v][1:v]paletteuse=dither=none", "-loop", "0", "-f",
                                 "gif", m_out.temporary().string()},
                                m_log.path());
            check(second.finish());
        }
        // ffmpeg's success is not trusted alone: the file must hold every frame. An MP4's frames are
        // counted from its index (core/files/mp4_samples), others' by ffprobe.
        const long packets = m_format == AnimationFormat::mp4 ? mp4_video_samples(m_out.temporary()) : count_video_packets(m_out.temporary());
        if (packets != m_frames) {
            struct statvfs fs_info {};
            const bool full = ::statvfs(m_out.temporary().parent_path().empty() ? "." : m_out.temporary().parent_path().c_str(), &fs_info) == 0 &&
                              fs_info.f_bavail * fs_info.f_bsize < (1u << 20);
            fail("cannot write: ffmpeg's file is incomplete (" + (packets < 0 ? std::string("unreadable") : std::to_string(packets) + " of " + std::to_string(m_frames) + " frames") + ")" +
                 (full ? "; the disk is full" : ""));
        }
        m_out.commit();
        m_done = true;
    }

    void abandon() override {
        stop_writer(true);
        m_ffmpeg->kill();
        m_out.abandon();
        m_done = true;
    }

private:
    void write_frames() {
        for (;;) {
            Image frame;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [&] { return m_waiting || m_closing; });
                if (!m_waiting || m_refused) return;
                frame = std::move(*m_waiting);
            }
            bool taken;
            if (m_i420) {
                to_i420(frame, m_planes);
                taken = m_ffmpeg->write(m_planes.data(), m_planes.size());
            } else {
                taken = m_ffmpeg->write(frame.rgba.data(), frame.rgba.size());
            }
            {
                const std::lock_guard lock(m_mutex);
                m_waiting.reset();  // written: the drawing thread may hand over the next
                if (!taken) m_refused = true;
                m_spare = std::move(frame.rgba);  // its pixels, for a frame to come
            }
            m_changed.notify_all();
            if (!taken) return;
        }
    }

    // Ends the writing thread: after the frames waiting were written, or (`now`) at once, ffmpeg
    // stopped. False when ffmpeg refused a frame.
    bool stop_writer(bool now) {
        {
            const std::lock_guard lock(m_mutex);
            m_closing = true;
            if (now) m_waiting.reset();
        }
        m_changed.notify_all();
        if (now) m_ffmpeg->stop();  // a write under way returns
        if (m_writer.joinable()) m_writer.join();
        const std::lock_guard lock(m_mutex);
        return !m_refused;
    }

    void check(int status) {
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("cannot write: ffmpeg failed");
    }

    [[noreturn]] void fail(const std::string& what) {
        stop_writer(true);
        m_ffmpeg->kill();
        const std::string last = last_line_of(m_log.path());
        abandon();
        throw InputError(m_out.target().string(), what + (last.empty() ? "" : ": " + last));
    }

    OutputFile m_out;
    TemporaryFile m_log;
    std::optional<TemporaryFile> m_kept, m_palette;  // a GIF's frames and palette between its two runs
    std::size_t m_frame_bytes;
    bool m_i420;  // frames go to ffmpeg as I420 planes
    std::vector<std::uint8_t> m_planes;  // the writing thread's
    std::optional<ChildProcess> m_ffmpeg;
    long m_frames = 0;
    bool m_done = false;
    // The frame handed to the writing thread, and what it and the drawing thread tell each other.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    AnimationFormat m_format;
    std::optional<Image> m_waiting;  // the frame being written, until it is
    std::vector<std::uint8_t> m_spare;  // the pixels of a frame written, for the next
    bool m_closing = false;     // no more frames come
    bool m_refused = false;     // ffmpeg stopped taking them
    std::thread m_writer;
};

// Numbered PNGs (frame_00000.png, …) in a folder, renamed into place when all are written.
class PngFramesSink : public FrameSink {
public:
    explicit PngFramesSink(const std::string& output) : m_target(fs::path(output).lexically_normal()) {
        if (m_target.filename().empty()) m_target = m_target.parent_path();
        std::error_code ec;
        if (fs::exists(m_target, ec) && !fs::is_directory(m_target, ec))
            throw InputError(output, "cannot write: it is a file, not a folder for frames");
        if (fs::exists(m_target, ec) && !fs::is_empty(m_target, ec))
            throw InputError(output, "the folder is not empty: frames go into a new or empty folder");
        check_output_folder(m_target.has_parent_path() ? m_target.parent_path() : fs::path("."), output);
        remove_stale_temporaries(m_target);
        m_temp = temporary_sibling(m_target);
        fs::remove_all(m_temp, ec);
        fs::create_directories(m_temp, ec);
        if (ec) throw InputError(output, "cannot create " + m_temp.string() + ": " + ec.message());
        m_slot = register_temporary_folder(m_temp.c_str());
    }
    ~PngFramesSink() override {
        if (!m_done) abandon();
    }
    void write(Image frame) override {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%05d.png", m_count++);
        try {
            write_image((m_temp / name).string(), frame, Box::of(0, 0, 1, 1));
        } catch (const InputError& e) {
            abandon();
            throw InputError(m_target.string() + "/", std::string("cannot write frame ") + name + ": " + e.problem());
        }
    }
    void finish() override {
        std::error_code ec;
        if (fs::exists(m_target, ec)) fs::remove(m_target, ec);  // empty, checked above
        fs::rename(m_temp, m_target, ec);
        if (ec) {
            abandon();
            throw InputError(m_target.string(), "cannot write: " + ec.message());
        }
        unregister_temporary(m_slot);
        m_done = true;
    }
    void abandon() override {
        std::error_code ec;
        fs::remove_all(m_temp, ec);
        unregister_temporary(m_slot);
        m_slot = -1;
        m_done = true;
    }

private:
    fs::path m_target, m_temp;
    int m_slot = -1;
    int m_count = 0;
    bool m_done = false;
};

}  // namespace

bool ffmpeg_available() {
    // An executable `ffmpeg` on the PATH, as execvp finds it (running `ffmpeg -version` to know took
    // a tenth of a second; one that is there but broken fails the export with its own message).
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    for (;;) {
        const std::size_t colon = dirs.find(':');
        const std::string_view dir = dirs.substr(0, colon);
        const std::string candidate = (dir.empty() ? std::string(".") : std::string(dir)) + "/ffmpeg";
        struct stat info {};
        if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(candidate.c_str(), X_OK) == 0) return true;
        if (colon == std::string_view::npos) return false;
        dirs.remove_prefix(colon + 1);
    }
}

std::unique_ptr<FrameSink> open_frame_sink(const std::string& output, AnimationFormat format, int width, int height, int fps) {
    if (format == AnimationFormat::png_frames) return std::make_unique<PngFramesSink>(output);
    check_output_target(output);
    if (!ffmpeg_available()) throw InputError(output, "ffmpeg is not installed: it encodes GIF, MP4 and WebM (apt-get install ffmpeg)");
    signal(SIGPIPE, SIG_IGN);  // a dying ffmpeg must give an error, not kill us
    return std::make_unique<FfmpegSink>(output, format, width, height, fps);
}

}  // namespace storyplot
