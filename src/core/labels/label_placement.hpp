#pragma once
// Labels placed by priority with collision avoidance: the most important first, each at the first
// of its candidate positions (right of its anchor, left, above, below, then the diagonals) where its
// box overlaps no placed label, no obstacle and stays on screen. A label with no free position is
// hidden, never drawn over another.
#include <string>
#include <utility>
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

struct LabelRequest {
    Vec2 anchor;          // screen pixels
    Vec2 size;            // text box, pixels
    double gap = 6;       // from the anchor (a marker's radius plus a little)
    double priority = 0;  // higher is placed first
    bool centered = false;  // centred on the anchor (country names), no other candidates
    double padding = 0;     // clear space kept around the box (thins out dense minor labels)
    // Lines (borders, screen pixels) the label keeps its own side of: positions whose box a line
    // cuts, or that a line separates from the anchor, are tried only after the others.
    std::vector<std::pair<Vec2, Vec2>> sides{};
};

struct PlacedLabel {
    std::size_t request;  // index into the requests
    Box box;              // screen pixels
};

struct ScreenRect {
    double width = 0, height = 0;
};

// The boxes a label may take, in the order they are tried (on the anchor's side of its `sides` first).
std::vector<Box> label_candidates(const LabelRequest& request);

// `obstacles` (markers) are boxes no label may cover. Stable: equal priorities keep input order.
std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const std::vector<Box>& obstacles,
                                      ScreenRect screen);

}  // namespace storyplot
