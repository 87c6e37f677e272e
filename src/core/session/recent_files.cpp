#include "core/session/recent_files.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "core/files/atomic_file.hpp"

namespace storyplot {

namespace fs = std::filesystem;

void RecentFiles::add(const std::string& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    const std::string p = ec ? path : absolute.lexically_normal().string();
    std::erase(m_paths, p);
    m_paths.insert(m_paths.begin(), p);
    if (m_paths.size() > m_capacity) m_paths.resize(m_capacity);
}

void RecentFiles::remove(const std::string& path) { std::erase(m_paths, path); }

RecentFiles RecentFiles::read(const fs::path& file, std::size_t capacity) {
    RecentFiles recent(capacity);
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > 1 << 20) return recent;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line) && recent.m_paths.size() < capacity;) {
        if (line.empty() || line.front() != '/' || line.find('\0') != std::string::npos) continue;
        if (std::find(recent.m_paths.begin(), recent.m_paths.end(), line) == recent.m_paths.end()) recent.m_paths.push_back(line);
    }
    return recent;
}

void RecentFiles::write(const fs::path& file) const {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::string text;
    for (const auto& p : m_paths) text += p + "\n";
    write_file_atomically(file, text);
}

fs::path recent_files_path() {
    if (const char* dir = std::getenv("STORYPLOT_CONFIG"); dir && *dir) return fs::path(dir) / "recent-files";
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "storyplot" / "recent-files";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "storyplot" / "recent-files";
    return fs::path(".storyplot-recent-files");
}

}  // namespace storyplot
