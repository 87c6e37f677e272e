#pragma once
// A file browser as desktop apps have: the folder's subfolders and files of the kind asked for
// (core/files/folder_listing.hpp), a path you can type, the folder above, home, and the folders
// used lately; for saving, a name. Double-click or Enter chooses. The folder is listed when it
// changes, not every frame.
#include <optional>
#include <string>
#include <vector>

#include "core/files/folder_listing.hpp"

namespace storyplot {

class FileBrowser {
public:
    // Opens the browser (drawn by the next draw()). `start` is a file or folder to begin in; for
    // saving, its file name is the suggested name.
    void open(std::string title, FileKind kind, bool saving, const std::string& start);
    bool is_open() const { return m_open || m_shown; }

    // Draws the browser while it is open (a modal: call it inside an open modal to stack on it);
    // returns the chosen path once.
    std::optional<std::string> draw(const std::vector<std::string>& recent_folders);

private:
    void go(const std::string& folder);

    bool m_open = false;   // to be opened at the next draw
    bool m_shown = false;  // being shown
    std::string m_title;
    FileKind m_kind = FileKind::any;
    bool m_saving = false;
    std::string m_folder;
    std::string m_name;  // the file name typed or clicked
    std::vector<FolderEntry> m_entries;
    std::string m_error;
    int m_selected = -1;
};

}  // namespace storyplot
