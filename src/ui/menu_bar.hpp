#pragma once
// The window's menu bar: File, Edit, View, Story and Help, each item with its shortcut, reaching
// every command and panel (the Article panel too, once a story came from an article). It only
// reports what was chosen; the window does it.
#include <optional>
#include <string>
#include <vector>

#include "core/geo/projection.hpp"

namespace storyplot {

struct MenuContext {
    const std::vector<std::string>* recent = nullptr;  // stories opened lately, newest first
    bool has_story = false;
    bool can_undo = false, can_redo = false;
    bool modified = false;
    bool has_article = false;     // a review to show again
    bool article_shown = false;
    bool timed = false;           // the story has a clock
    bool playing = false, follow = false, trail = false;
    bool local_names = false, context_labels = true;
    bool measuring = false;
    bool has_chapters = false;
    std::optional<ProjectionKind> projection;  // none: Web Mercator
    bool projection_automatic = false;         // chosen by the view's size
    float ui_scale = 1.0f;       // the interface's size now
    bool ui_scale_auto = true;   // from the display
};

struct MenuActions {
    std::optional<std::string> open_recent;
    bool open = false, save = false, save_as = false, add_layer = false, export_image = false, new_from_article = false, quit = false;
    bool undo = false, redo = false, find = false;
    bool overview = false, next_chapter = false, previous_chapter = false;
    bool play = false, follow = false, trail = false;
    bool local_names = false, context_labels = false;  // toggled
    bool article = false;                              // show or hide the Article panel
    bool ruler = false, help = false;
    bool present = false, present_by_key = false;  // F5, Shift+F5
    bool new_chapter = false, draw_route = false;
    std::optional<float> ui_scale;  // chosen in View > Interface size; 0: from the display
    std::optional<std::optional<ProjectionKind>> projection;  // chosen in View > Projection (inner none: Web Mercator)
    bool projection_automatic = false;                        // View > Projection > Automatic
};

// At start without a story: the stories opened lately, a click away. Returns the one chosen; `shown`
// turns false when one is chosen or the offer is closed.
std::optional<std::string> draw_recent_offer(const std::vector<std::string>& recent, bool& shown);

// Returns what was chosen, and the bar's height in pixels through `height`.
MenuActions draw_menu_bar(const MenuContext& context, float& height);

}  // namespace storyplot
