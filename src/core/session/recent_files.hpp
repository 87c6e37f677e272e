#pragma once
// The stories opened lately, newest first, for File > Open Recent: kept in a small text file (one
// absolute path a line) in $STORYPLOT_CONFIG, $XDG_CONFIG_HOME/storyplot or ~/.config/storyplot.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace storyplot {

class RecentFiles {
public:
    explicit RecentFiles(std::size_t capacity = 10) : m_capacity(capacity) {}

    // To the front, as an absolute path; once only; the oldest falls off past the capacity.
    void add(const std::string& path);
    void remove(const std::string& path);
    const std::vector<std::string>& paths() const { return m_paths; }

    // A missing or unreadable file is an empty list (the first run); lines that are not absolute
    // paths are skipped.
    static RecentFiles read(const std::filesystem::path& file, std::size_t capacity = 10);
    // Written whole or not at all (core/files/atomic_file); throws InputError naming the file.
    void write(const std::filesystem::path& file) const;

private:
    std::size_t m_capacity;
    std::vector<std::string> m_paths;
};

// Where the list lives: recent-files in the config folder.
std::filesystem::path recent_files_path();
// The config folder's file of that name.
std::filesystem::path config_file_path(const std::string& name);

// The window's settings, kept beside the recent files in "settings" as "key = value" lines.
struct Settings {
    std::optional<float> ui_scale;  // the interface's size; none: from the display

    // A missing file is the defaults; lines that do not parse are skipped (one line each in
    // `problems`, naming the file), so a hand-edited file never stops the program.
    static Settings read(const std::filesystem::path& file, std::vector<std::string>* problems = nullptr);
    void write(const std::filesystem::path& file) const;  // whole or not at all; throws InputError
};

// The interface's size for a display of `dpi` dots per inch: 96 dpi is 1, in quarter steps, 1 to 3.
float ui_scale_for_dpi(float dpi);

}  // namespace storyplot
