#include "cli_run.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace storyplot::test_support {

namespace fs = std::filesystem;

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Outcome run_storyplot(const TempDir& dir, const std::string& args, const std::string& env) {
    const auto out = dir.path() / ".stdout";
    const auto err = dir.path() / ".stderr";
    const std::string cmd = "cd '" + dir.path().string() + "' && " + env + " '" + STORYPLOT_BINARY + "' " + args + " >'" + out.string() +
                            "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    Outcome o{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out.string()), slurp(err.string())};
    fs::remove(out);
    fs::remove(err);
    return o;
}

std::vector<std::string> files(const TempDir& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir.path())) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

int lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace storyplot::test_support
