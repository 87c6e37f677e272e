#pragma once
// Running the built storyplot binary from tests, as users and scripts run it.
#include <string>
#include <vector>

#include "fixture_writer.hpp"

namespace storyplot::test_support {

struct Outcome {
    int code = -1;
    std::string out;
    std::string err;
};

// Runs storyplot with `args` (already shell-quoted as needed) in `dir`, with `env` prefixed
// (e.g. "PATH=/nonexistent" or "xvfb-run -a").
Outcome run_storyplot(const TempDir& dir, const std::string& args, const std::string& env = "");

std::string slurp(const std::string& path);
std::vector<std::string> files(const TempDir& dir);  // names in the folder, sorted
int lines(const std::string& text);

}  // namespace storyplot::test_support

namespace storyplot::test_support {

// A storyplot started in the background, in a process group of its own, its standard error read
// through a pipe: tests wait on what it says or does, never on the clock.
struct Running {
    int pid = -1;
    int err_fd = -1;
    std::string err;  // what it has written so far
};

Running start_storyplot(const TempDir& dir, const std::vector<std::string>& args, const std::vector<std::string>& env = {});
// Reads its standard error until `text` appears (true) or the stream ends (false).
bool wait_for_text(Running& run, const std::string& text);
// Until the process has a handler for `signal` installed (read from /proc/PID/status); false if it ended.
bool wait_for_handler(const Running& run, int signal);
// Reads the rest, reaps it: the exit code, or 128 + the signal that killed it. One that says nothing
// for five minutes and does not end is hung: killed (137), and `err` says so.
int finish(Running& run);

}  // namespace storyplot::test_support
