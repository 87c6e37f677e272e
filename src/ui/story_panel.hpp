#pragma once
// The side panel: the story's title and source, its chapters (click, or PageUp/PageDown), its places
// (click to fly, rename, delete), its routes and the extra layers (visibility), and the label
// toggles. It only reports what the user asked for; the window does it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ui/fonts.hpp"
#include "core/story/story.hpp"
#include "core/session/view_state.hpp"
#include "render/map_renderer.hpp"

namespace storyplot {

// Shows a story's picture (ui/picture_shelf.hpp): loaded in the background, a placeholder until then.
class PictureShelf;

// The panel's own state; what it shows of the map's (selection, label toggles) is the scene's.
struct PanelState {
    std::string renaming;      // place id whose name is being edited
    std::string rename_text;
    // The chapter being written: a draft of it as typed (refreshed from the story when no field is
    // being typed in, so undo shows), and its time as typed with the reason it is not one.
    int editing_chapter = -1;
    Chapter draft;
    std::string draft_time;
    std::string draft_focus;  // a place or route to add to the focus
    std::string time_error;
    // Stop times as typed, by "route/stop/arrive|depart", and why one is refused.
    std::map<std::string, std::string> stop_text;
    std::map<std::string, std::string> stop_error;
    std::string tables_open;  // the route whose stop table is open
    std::string snap_network;  // the layer the stop table's Snap puts the route on
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
    // Writing the story.
    std::optional<std::pair<int, Chapter>> edit_chapter;
    std::optional<int> add_chapter;  // a new chapter from the view, after this one
    std::optional<std::pair<int, int>> move_chapter;
    std::optional<int> remove_chapter;
    std::optional<int> frame_chapter;  // the chapter's view from the map's
    struct StopTimeEdit {
        std::string route;
        std::size_t stop = 0;
        StopTime time;
        std::string field;  // the field typed in (PanelState::stop_text's key): where a refusal shows
    };
    std::optional<StopTimeEdit> stop_time;
    std::optional<std::pair<std::string, TravelMode>> route_mode;
    std::optional<std::pair<std::string, std::size_t>> remove_stop;
    struct StopInsert {
        std::string route;
        std::size_t at = 0;
        std::string place;
    };
    std::optional<StopInsert> insert_stop;
    bool draw_route = false;  // start a new route by clicking its stops on the map
    std::optional<std::pair<std::string, std::string>> snap_route;  // route id, the layer's file
};

struct PanelContext {
    int chapter = -1;  // the chapter shown, -1 before the first
    const std::map<std::string, std::string>* route_summaries = nullptr;  // by route id: length, duration, speed
    bool modified = false;
    bool can_undo = false;
    bool can_redo = false;
    std::string path;
    PictureShelf* pictures = nullptr;  // null: pictures are named, not shown
    const std::vector<std::string>* layer_paths = nullptr;  // the loaded layers' files, for Snap
};

// The panel's width at the interface's size.
inline float story_panel_width() { return 310.0f * ui_scale(); }

// A text with basic formatting (core/labels/rich_text.hpp) in the current window, wrapped at its width.
void rich_text(const std::string& text);

// `story` may be null (no story open). Returns the actions and the panel's width on screen.
PanelActions draw_story_panel(const Story* story, PanelState& state, ViewState& view, const PanelContext& context,
                              std::vector<RouteLayer>& routes, std::vector<OverlayLayer>& layers, float top_inset, float bottom_inset);

}  // namespace storyplot
