#pragma once
// The side panel: the story's title and source, its chapters (click, or PageUp/PageDown), its places
// (click to fly, rename, delete), its routes and the extra layers (visibility), and the label
// toggles. It only reports what the user asked for; the window does it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/story/story.hpp"
#include "core/session/view_state.hpp"
#include "render/map_renderer.hpp"

namespace storyplot {

// The panel's own state; what it shows of the map's (selection, label toggles) is the scene's.
struct PanelState {
    std::string renaming;      // place id whose name is being edited
    std::string rename_text;
};

struct PanelActions {
    std::optional<int> chapter;
    std::optional<std::string> fly_to_place;
    std::optional<std::string> fly_to_route;
    std::optional<Box> fly_to_box;  // projected metres (a layer)
    std::optional<std::pair<std::string, std::string>> rename;
    std::optional<std::string> remove;
    bool overview = false;
    bool save = false;
    bool open = false;
    bool export_image = false;
    bool new_from_article = false;
    bool undo = false;
    bool redo = false;
    bool labels_changed = false;
};

struct PanelContext {
    int chapter = -1;  // the chapter shown, -1 before the first
    const std::map<std::string, std::string>* route_summaries = nullptr;  // by route id: length, duration, speed
    bool modified = false;
    bool can_undo = false;
    bool can_redo = false;
    std::string path;
};

inline constexpr float story_panel_width = 310.0f;

// `story` may be null (no story open). Returns the actions and the panel's width on screen.
PanelActions draw_story_panel(const Story* story, PanelState& state, ViewState& view, const PanelContext& context,
                              std::vector<RouteLayer>& routes, std::vector<OverlayLayer>& layers, float top_inset, float bottom_inset);

}  // namespace storyplot
