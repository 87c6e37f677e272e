#pragma once
// The pictures a story's places and chapters carry, as GL textures, by file path. The window loads
// each in the background (data/picture_file.hpp) and hands the pixels here; until then, and for a
// file that cannot be read, a placeholder with the reason takes its place.
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "core/files/image.hpp"
#include "core/story/story.hpp"

namespace storyplot {

class PictureShelf {
public:
    // `load` is asked once per path not yet on the shelf (the window posts a background job).
    explicit PictureShelf(std::function<void(const std::string& path)> load) : m_load(std::move(load)) {}
    ~PictureShelf();
    PictureShelf(const PictureShelf&) = delete;
    PictureShelf& operator=(const PictureShelf&) = delete;

    // The story's folder: picture paths are relative to it.
    void set_folder(std::string folder) { m_folder = std::move(folder); }
    std::string resolve(const std::string& src) const;

    // From the background job, on the window's thread: the picture, or why it failed.
    void loaded(const std::string& path, Image image);
    void failed(const std::string& path, std::string reason);

    // Draws the picture (at most `max_width` wide), its caption and credit, into the current ImGui
    // window; a link is shown as its address.
    void draw(const Media& media, float max_width);

private:
    struct Entry {
        unsigned texture = 0;
        int width = 0, height = 0;
        std::string error;
        bool ready = false;
    };
    std::function<void(const std::string&)> m_load;
    std::string m_folder;
    std::map<std::string, Entry> m_entries;
};

}  // namespace storyplot
