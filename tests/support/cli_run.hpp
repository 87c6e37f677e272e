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
