#pragma once
// "Export…" in the window: a still image (PNG, JPEG, GeoTIFF) or an animation (GIF, MP4, WebM),
// at the window's size or a preset, with its decorations; then a progress bar with Cancel while
// the window stays responsive.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "ui/export_decorations.hpp"
#include "ui/file_browser.hpp"

namespace storyplot {

struct SizePreset {
    std::string_view name;
    int width, height;  // 0: the window's size
};
inline constexpr std::array<SizePreset, 5> size_presets{{{"The window", 0, 0},
                                                         {"1920 x 1080 (HD)", 1920, 1080},
                                                         {"3840 x 2160 (4K)", 3840, 2160},
                                                         {"A4 landscape at 300 dpi", 3508, 2480},
                                                         {"Custom", -1, -1}}};

struct ExportRequest {
    bool animation = false;
    std::string path;
    int width = 0, height = 0;
    float scale = 1.0f;
    bool world_file = false;
    DecorationSet decorations;
    int fps = 25;
    double seconds = 8;
    bool follow = false;
};

class ExportDialog {
public:
    void open() { m_open = true; }
    // Draws the dialog when open; returns a request when the user presses Export.
    std::optional<ExportRequest> draw(int window_width, int window_height, bool story_has_motion);
    // The progress bar of an export under way; returns true when the user cancels.
    static bool draw_progress(const std::string& what, float fraction);

private:
    bool m_open = false;
    bool m_animation = false;
    int m_preset = 0;
    int m_custom_w = 2000, m_custom_h = 1500;
    int m_scale = 0;  // 1x, 2x, 3x
    std::string m_image_path = "storyplot-map.png";
    std::string m_animation_path = "storyplot-journey.mp4";
    bool m_world_file = false;
    DecorationSet m_decorations;
    int m_fps = 25;
    float m_seconds = 8;
    bool m_follow = true;
    FileBrowser m_browser;  // "Browse…" for the file
};

}  // namespace storyplot
