#pragma once
// The interactive window: the map, pan and zoom like any map app, the ImGui overlay.
#include <optional>
#include <string>
#include <vector>

namespace storyplot {

struct WindowOptions {
    std::optional<std::string> story;
    std::vector<std::string> basemaps;
    int width = 1280;
    int height = 800;
    int exit_after_frames = 0;  // > 0: quit after that many frames (screenshots, smoke tests)
};

// Returns the process exit code. Bad files do not stop it: they are shown in the window.
int run_window(const WindowOptions& options);

}  // namespace storyplot
