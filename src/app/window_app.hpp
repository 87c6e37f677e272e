#pragma once
// The interactive window: the story on the map, pan and zoom like any map app, the side panel,
// editing with undo, and the ImGui overlay.
#include <optional>
#include <string>
#include <vector>

namespace storyplot {

struct WindowOptions {
    std::optional<std::string> story;  // a story file; none: the seed story
    std::vector<std::string> basemaps;
    std::vector<std::string> layers;  // --layer: only these layers (tables) of the basemaps; empty: all
    std::string style;  // the map style's file for added layers; empty: assets/styles/osm.json
    int width = 1280;
    int height = 800;
    int exit_after_frames = 0;  // > 0: quit after that many frames once loading is done (tests, screenshots)
    std::optional<std::string> script;  // editing commands, one a frame (tests; see MapWindow::run_script_line)
};

// The seed story shipped in assets/stories/.
std::string seed_story_path();

// Returns the process exit code. Bad files do not stop it: they are shown in the window.
int run_window(const WindowOptions& options);

}  // namespace storyplot
