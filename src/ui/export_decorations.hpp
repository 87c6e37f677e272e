#pragma once
// The decorations of an exported map, each switchable: a title with its date, the scale bar, a
// north arrow (only where north is not straight up: never in Web Mercator), a legend of the routes
// shown, an inset locator map (its map is drawn by the renderer into `inset`), and the credits.
// Laid out inside the image with a margin, so nothing is cut off at the edge.
#include <optional>
#include <string>
#include <vector>

#include "core/camera.hpp"
#include "core/color.hpp"
#include "core/story.hpp"

struct ImDrawList;

namespace storyplot {

struct DecorationSet {
    bool title = true;
    bool scale_bar = true;
    bool north_arrow = true;
    bool legend = true;
    bool inset = true;
    bool credits = true;
};

struct LegendEntry {
    std::string name;
    Color color;
    TravelMode mode = TravelMode::train;
};

struct ExportDecorations {
    DecorationSet show;
    std::string title;
    std::string date;  // under the title
    std::vector<LegendEntry> legend;
    std::string credits;
};

// Where each decoration goes, in image pixels (empty when not shown).
struct DecorationLayout {
    Box title, legend, inset, scale_bar, credits;
    std::vector<Box> boxes() const;  // the non-empty ones, for labels to avoid
};

// Screen space the decorations keep clear of: panels along the window's edges (none in exports).
struct DecorationInsets {
    double left = 0, right = 0, bottom = 0;
};

DecorationLayout layout_decorations(const Camera& camera, float scale, const ExportDecorations& decorations,
                                    const DecorationInsets& insets = {});

// The camera of the inset's map: the main view's surroundings, about eight times wider.
Camera inset_camera(const Camera& main, const Box& inset_px);

void add_export_decorations(ImDrawList& list, const Camera& camera, float scale, const ExportDecorations& decorations,
                            const DecorationLayout& layout);

// Legend entries for a story's visible routes.
std::vector<LegendEntry> legend_for(const Story& story);

}  // namespace storyplot
