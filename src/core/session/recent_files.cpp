#include "core/session/recent_files.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
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

fs::path config_file_path(const std::string& name) {
    if (const char* dir = std::getenv("STORYPLOT_CONFIG"); dir && *dir) return fs::path(dir) / name;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "storyplot" / name;
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "storyplot" / name;
    return fs::path(".storyplot-" + name);
}

fs::path recent_files_path() { return config_file_path("recent-files"); }

Settings Settings::read(const fs::path& file, std::vector<std::string>* problems) {
    Settings s;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > 1 << 16) return s;
    std::ifstream in(file);
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty() || line.front() == '#') continue;
        const auto eq = line.find('=');
        auto trim = [](std::string t) {
            while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
            while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(t.begin());
            return t;
        };
        const std::string key = trim(line.substr(0, eq)), value = eq == std::string::npos ? "" : trim(line.substr(eq + 1));
        if (key == "ui-scale" && value == "auto") {
            s.ui_scale.reset();
        } else if (key == "ui-scale") {
            char* end = nullptr;
            const float v = std::strtof(value.c_str(), &end);
            if (end != value.c_str() && *end == '\0' && v >= 0.5f && v <= 4.0f) s.ui_scale = v;
            else if (problems) problems->push_back(file.string() + ":" + std::to_string(number) + ": ui-scale must be auto or a number from 0.5 to 4");
        } else if (problems) {
            problems->push_back(file.string() + ":" + std::to_string(number) + ": unknown setting \"" + key + "\" (skipped)");
        }
    }
    return s;
}

void Settings::write(const fs::path& file) const {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::string text = "# storyplot's settings\n";
    text += "ui-scale = " + (ui_scale ? std::to_string(*ui_scale) : std::string("auto")) + "\n";
    write_file_atomically(file, text);
}

float ui_scale_for_dpi(float dpi) {
    if (!(dpi > 0)) return 1.0f;
    return std::clamp(std::round(dpi / 96.0f * 4.0f) / 4.0f, 1.0f, 3.0f);
}

}  // namespace storyplot
