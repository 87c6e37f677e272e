#include "core/files/interrupt.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace storyplot {

namespace {

constexpr int slot_count = 32;
constexpr int path_bytes = 4096;

// Fixed storage, written before a slot is published and read only by the handler.
struct PathSlot {
    std::atomic<int> state{0};  // 0 free, 1 file, 2 folder, 3 being written
    char path[path_bytes];
};
PathSlot g_paths[slot_count];
bool g_terminal = false;  // stderr is a terminal: a progress line may need ending first
std::atomic<pid_t> g_children[slot_count];

int claim_path(const char* path, int kind) {
    const std::size_t n = std::strlen(path);
    if (n + 1 > path_bytes) return -1;
    for (int i = 0; i < slot_count; ++i) {
        int expected = 0;
        if (g_paths[i].state.compare_exchange_strong(expected, 3)) {
            std::memcpy(g_paths[i].path, path, n + 1);
            g_paths[i].state.store(kind);
            return i;
        }
    }
    return -1;
}

void say(const char* text) {
    std::size_t n = std::strlen(text);
    while (n > 0) {
        const ssize_t w = ::write(STDERR_FILENO, text, n);
        if (w <= 0) return;
        text += w;
        n -= static_cast<std::size_t>(w);
    }
}

// Removes the files in a folder (one level: frames) and then the folder, with raw system calls.
void remove_folder(const char* path) {
    const int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        alignas(8) char buffer[8192];
        for (;;) {
            const long n = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
            if (n <= 0) break;
            for (long at = 0; at < n;) {
                struct Entry {
                    ino64_t ino;
                    off64_t off;
                    unsigned short reclen;
                    unsigned char type;
                    char name[1];
                };
                const auto* e = reinterpret_cast<const Entry*>(buffer + at);
                if (std::strcmp(e->name, ".") != 0 && std::strcmp(e->name, "..") != 0) ::unlinkat(fd, e->name, 0);
                at += e->reclen;
            }
        }
        ::close(fd);
    }
    ::rmdir(path);
}

void on_signal(int sig) {
    for (auto& child : g_children)
        if (const pid_t pid = child.load(); pid > 0) ::kill(pid, SIGKILL);
    for (auto& slot : g_paths) {
        const int kind = slot.state.load();
        if (kind == 1) ::unlink(slot.path);
        if (kind == 2) remove_folder(slot.path);
    }
    if (g_terminal) say("\n");
    say(sig == SIGINT ? "storyplot: cancelled (SIGINT); nothing written\n"
        : sig == SIGTERM ? "storyplot: cancelled (SIGTERM); nothing written\n"
                         : "storyplot: cancelled (SIGHUP); nothing written\n");
    ::_exit(128 + sig);
}

}  // namespace

void install_interrupt_handlers() {
    g_terminal = ::isatty(STDERR_FILENO) == 1;
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigfillset(&action.sa_mask);  // one signal at a time
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);  // a dying encoder must give an error, not kill us
}

int register_temporary_file(const char* path) { return claim_path(path, 1); }
int register_temporary_folder(const char* path) { return claim_path(path, 2); }

void unregister_temporary(int slot) {
    if (slot >= 0 && slot < slot_count) g_paths[slot].state.store(0);
}

int register_child_process(pid_t pid) {
    for (int i = 0; i < slot_count; ++i) {
        pid_t expected = 0;
        if (g_children[i].compare_exchange_strong(expected, pid)) return i;
    }
    return -1;
}

void unregister_child_process(int slot) {
    if (slot >= 0 && slot < slot_count) g_children[slot].store(0);
}

}  // namespace storyplot
