#include "core/atomic_file.hpp"

#include <unistd.h>

#include <fstream>

#include "core/input_error.hpp"

namespace storyplot {

namespace fs = std::filesystem;

fs::path temporary_sibling(const fs::path& target) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name(".");
    name += target.filename().string();
    name += ".part";
    name += std::to_string(getpid());
    return folder / name;
}

void commit_temporary(const fs::path& temporary, const fs::path& target) {
    std::error_code ec;
    fs::rename(temporary, target, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw InputError(target.string(), "cannot write: " + ec.message());
    }
}

void write_file_atomically(const fs::path& target, const std::string& contents) {
    const fs::path temp = temporary_sibling(target);
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw InputError(target.string(), "cannot write: its folder is missing or not writable");
        out << contents;
        out.flush();
        if (!out) {
            out.close();
            std::error_code ec;
            fs::remove(temp, ec);
            throw InputError(target.string(), "cannot write: the disk refused the data");
        }
    }
    commit_temporary(temp, target);
}

}  // namespace storyplot
