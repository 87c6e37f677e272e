#include "core/files/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/files/input_error.hpp"
#include "core/files/interrupt.hpp"

namespace storyplot {

namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }

std::string part_prefix(const fs::path& target) {
    std::string prefix(".");
    prefix += target.filename().string();
    prefix += ".part";
    return prefix;
}

void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);  // the rename itself on the disk; a failure here cannot be undone, only the data matters
    ::close(fd);
}

}  // namespace

fs::path temporary_sibling(const fs::path& target) {
    return folder_of(target) / (part_prefix(target) + std::to_string(getpid()));
}

int remove_stale_temporaries(const fs::path& target) {
    // Any ".NAME.partPID" (or ".NAME.partPID.log", a frames folder…) in the folder whose process
    // is gone: a killed run's leftovers, whatever it was writing.
    std::error_code ec;
    int removed = 0;
    for (fs::directory_iterator it(folder_of(target), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() < 8 || name[0] != '.') continue;
        std::size_t part = name.rfind(".part");
        while (part != std::string::npos && part > 0) {
            std::size_t digits = part + 5;
            while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
            const std::size_t count = digits - (part + 5);
            if (count > 0 && count <= 9 && (digits == name.size() || name[digits] == '.')) break;
            part = name.rfind(".part", part - 1);
        }
        if (part == std::string::npos || part == 0) continue;
        const auto pid = static_cast<pid_t>(std::stol(name.substr(part + 5, 9)));
        if (pid == getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // its writer may still run
        std::error_code rm;
        fs::remove_all(it->path(), rm);
        if (!rm) ++removed;
    }
    return removed;
}

void check_output_folder(const fs::path& folder, const std::string& shown) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw InputError(shown, "cannot write: folder " + folder.string() + " does not exist");
    if (::access(folder.c_str(), W_OK) != 0) throw InputError(shown, "cannot write: folder " + folder.string() + " is not writable");
}

void check_output_target(const fs::path& target) {
    check_output_folder(folder_of(target), target.string());
    std::error_code ec;
    const auto status = fs::status(target, ec);
    if (fs::is_directory(status)) throw InputError(target.string(), "cannot write: it is a folder");
    // A device, FIFO or socket would be replaced by a plain file (as root, /dev/full itself).
    if (fs::exists(status) && !fs::is_regular_file(status))
        throw InputError(target.string(), "cannot write: it is a device, FIFO or socket, not a file");
}

namespace {

// Writing through a link writes the file it names (the link stays a link).
fs::path resolved(const fs::path& target) {
    std::error_code ec;
    if (!fs::is_symlink(target, ec)) return target;
    const fs::path real = fs::canonical(target, ec);
    return ec ? target : real;
}

}  // namespace

OutputFile::OutputFile(fs::path target) : m_target(resolved(target)) {
    check_output_target(m_target);
    remove_stale_temporaries(m_target);
    m_temp = temporary_sibling(m_target);
    std::error_code ec;
    fs::remove_all(m_temp, ec);  // our own leftover from an earlier output of this run
    m_slot = register_temporary_file(m_temp.c_str());
}

OutputFile::~OutputFile() {
    if (!m_done) abandon();
}

void OutputFile::fail(const std::string& what, int error) {
    abandon();
    throw InputError(m_target.string(), "cannot write: " + what + (error ? std::string(": ") + std::strerror(error) : ""));
}

void OutputFile::open_for_writing() {
    m_fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (m_fd < 0) fail("cannot create " + m_temp.filename().string(), errno);
}

void OutputFile::write(std::string_view bytes) {
    if (m_fd < 0) open_for_writing();
    while (!bytes.empty()) {
        const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("the disk refused the data", n < 0 ? errno : ENOSPC);
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void OutputFile::commit() {
    if (m_fd < 0) {
        // Another writer filled the temporary: it must exist, be a regular file, and be synced too.
        m_fd = ::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0) fail("the writer left no file", errno);
    }
    struct stat st {};
    if (::fsync(m_fd) != 0) fail("the disk did not take the data", errno);
    if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) fail("the written file is gone", errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) fail("closing failed", errno);
    std::error_code ec;
    fs::rename(m_temp, m_target, ec);
    if (ec) fail("cannot rename " + m_temp.filename().string() + " into place", ec.value());
    unregister_temporary(m_slot);
    m_slot = -1;
    m_done = true;
    sync_folder(folder_of(m_target));
}

void OutputFile::abandon() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    std::error_code ec;
    fs::remove_all(m_temp, ec);
    unregister_temporary(m_slot);
    m_slot = -1;
    m_done = true;
}

void write_file_atomically(const fs::path& target, std::string_view contents) {
    OutputFile out(target);
    out.write(contents);
    out.commit();
}

}  // namespace storyplot
