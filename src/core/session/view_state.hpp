#pragma once
// The view state that is not the camera: what the map shows of the story and how it names places.
// The scene owns it; the window's panel and hover change it.
#include <string>

namespace storyplot {

struct ViewState {
    bool local_names = false;    // Владивосток, 평양 where known
    bool context_labels = true;  // countries and towns
    std::string hovered;         // place id
    std::string selected;        // place id
};

}  // namespace storyplot
