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

// The program's settings (the window's recent files) go to a folder of the tests', never to the
// user's home, and outside each test's own folder (whose files the tests count).
static std::string config_setting() { return "STORYPLOT_CONFIG=" + (fs::temp_directory_path() / "storyplot-test-config").string(); }

Outcome run_storyplot(const TempDir& dir, const std::string& args, const std::string& env) {
    const auto out = dir.path() / ".stdout";
    const auto err = dir.path() / ".stderr";
    const std::string cmd = "cd '" + dir.path().string() + "' && " + config_setting() + " " + env + " '" + STORYPLOT_BINARY + "' " + args + " >'" + out.string() +
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

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace storyplot::test_support {

Running start_storyplot(const TempDir& dir, const std::vector<std::string>& args, const std::vector<std::string>& env) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    std::vector<std::string> argv{STORYPLOT_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    std::string config = config_setting();  // made before the fork: the child only calls putenv
    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        prctl(PR_SET_PDEATHSIG, SIGKILL);  // a test that dies (a failure, a time-out) takes it along
        if (chdir(dir.path().c_str()) != 0) _exit(126);
        dup2(fds[1], STDERR_FILENO);
        const int null = open("/dev/null", O_RDWR);
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        putenv(config.data());
        for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
        std::vector<char*> raw;
        for (auto& a : argv) raw.push_back(a.data());
        raw.push_back(nullptr);
        execv(raw[0], raw.data());
        _exit(127);
    }
    setpgid(pid, pid);  // also here, so a signal to the group right away finds it
    close(fds[1]);
    return Running{pid, fds[0], {}};
}

bool wait_for_text(Running& run, const std::string& text) {
    char buffer[4096];
    while (run.err.find(text) == std::string::npos) {
        const ssize_t n = read(run.err_fd, buffer, sizeof buffer);
        if (n <= 0) return false;
        run.err.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
}

bool wait_for_handler(const Running& run, int signal) {
    const std::string status_path = "/proc/" + std::to_string(run.pid) + "/status";
    for (;;) {
        std::ifstream in(status_path);
        std::string line;
        bool alive = false;
        while (std::getline(in, line)) {
            if (line.rfind("State:", 0) == 0) alive = line.find('Z') == std::string::npos;
            if (line.rfind("SigCgt:", 0) == 0) {
                const unsigned long long caught = std::stoull(line.substr(7), nullptr, 16);
                if (caught & (1ull << (signal - 1))) return true;
            }
        }
        if (!alive) return false;
        std::this_thread::yield();
    }
}

int finish(Running& run) {
    // A process silent for `hung_after` that has not ended is stuck (a window that never quits):
    // its process group is killed, and what it said is kept for the test's message,
    // where ctest's own time-out would lose it.
    constexpr int hung_after_ms = 300'000;
    char buffer[4096];
    for (;;) {
        pollfd p{run.err_fd, POLLIN, 0};
        const int ready = poll(&p, 1, hung_after_ms);
        if (ready == 0) {
            run.err += "\n[test: no end after " + std::to_string(hung_after_ms / 1000) + " s; killed]\n";
            kill(-run.pid, SIGKILL);
            break;
        }
        if (ready < 0 && errno == EINTR) continue;
        const ssize_t n = ready > 0 ? read(run.err_fd, buffer, sizeof buffer) : -1;
        if (n <= 0) break;
        run.err.append(buffer, static_cast<std::size_t>(n));
    }
    close(run.err_fd);
    int status = 0;
    waitpid(run.pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

}  // namespace storyplot::test_support
