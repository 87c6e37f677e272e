#include "core/files/file_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/files/input_error.hpp"

namespace storyplot {

namespace {

std::string mebibytes(std::uintmax_t bytes) {
    return bytes < (1u << 20) ? std::to_string(bytes) + " bytes" : std::to_string(bytes >> 20) + " MiB";
}

[[noreturn]] void refuse_stat(const std::string& path, int error) {
    if (error == ENOENT || error == ENOTDIR) throw InputError(path, "no such file");
    if (error == EACCES) throw InputError(path, "cannot be read: permission denied");
    throw InputError(path, std::string("cannot be read: ") + std::strerror(error));
}

void refuse_special(const std::string& path, const struct stat& st) {
    if (S_ISFIFO(st.st_mode)) throw InputError(path, "is a FIFO, not a file: storyplot reads regular files only");
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) throw InputError(path, "is a device, not a file: storyplot reads regular files only");
    if (S_ISSOCK(st.st_mode)) throw InputError(path, "is a socket, not a file: storyplot reads regular files only");
}

}  // namespace

std::string read_input_file(const std::string& path, std::uintmax_t limit, const char* what) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) refuse_stat(path, errno);
    if (S_ISDIR(st.st_mode)) throw InputError(path, std::string("is a folder, not ") + what);
    refuse_special(path, st);
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) refuse_stat(path, errno);
    // What was opened is what is checked: the path may have changed since stat().
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        refuse_special(path, st);
        throw InputError(path, std::string("is not a regular file, not ") + what);
    }
    if (static_cast<std::uintmax_t>(st.st_size) > limit) {
        ::close(fd);
        throw InputError(path, std::string("is larger than ") + mebibytes(limit) + ", the limit for " + what);
    }
    std::string text;
    text.resize(static_cast<std::size_t>(st.st_size));
    std::size_t have = 0;
    for (;;) {
        if (have == text.size()) {
            if (text.size() > limit) break;
            text.resize(std::min<std::size_t>(text.size() * 2 + 4096, limit + 1));  // a file that grows while read
        }
        const ssize_t n = ::read(fd, text.data() + have, text.size() - have);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            throw InputError(path, std::string("cannot be read: ") + std::strerror(error));
        }
        if (n == 0) break;
        have += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (have > limit) throw InputError(path, std::string("is larger than ") + mebibytes(limit) + ", the limit for " + what);
    text.resize(have);
    return text;
}

void check_input_path(const std::string& path) {
    if (path.rfind("/vsi", 0) == 0 || path.find(':') != std::string::npos) return;  // GDAL's own paths and connection strings
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) refuse_stat(path, errno);
    refuse_special(path, st);
    if (::access(path.c_str(), R_OK) != 0) refuse_stat(path, errno);
}

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace storyplot
