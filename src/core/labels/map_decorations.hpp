#pragma once
// The decorations of a map, each switchable: a title with its date, the scale bar, a north arrow
// (only where north is not straight up: never in Web Mercator), a legend of the routes shown, an
// inset locator map (its map is drawn by the renderer into `inset`), and the credits. Laid out here
// inside the image with a margin, so nothing is cut off at the edge; ui/export_decorations.hpp
// paints the layout.
#include <optional>
#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/geo/color.hpp"
#include "core/story/story.hpp"
#include "core/labels/rich_text.hpp"
#include "core/labels/text_measure.hpp"

namespace storyplot {

struct DecorationSet {
    bool title = true;
    bool scale_bar = true;
    bool north_arrow = true;
    bool legend = true;
    bool inset = true;
    bool credits = true;

    // What every map carries, in the window as in tests: the scale bar and the credits.
    static DecorationSet on_screen() { return {false, true, false, false, false, true}; }
};

struct LegendEntry {
    std::string name;
    Color color;
    TravelMode mode = TravelMode::train;
};

// A chapter presented: its number, title and text (with basic formatting) in large type.
struct ChapterCard {
    std::string counter;  // "2 / 5"
    std::string title;
    std::string text;
    float opacity = 1.0f;  // fading in
};

// The card of the story's chapter `index` ("2 / 5", its title and text); none for no chapter.
std::optional<ChapterCard> chapter_card(const Story& story, int index, float opacity = 1.0f);

struct ExportDecorations {
    DecorationSet show;
    std::string title;
    std::string date;  // under the title
    std::vector<LegendEntry> legend;
    std::string credits;
    std::optional<ChapterCard> card;
};

// Where each decoration goes, in image pixels (empty when not shown).
struct DecorationLayout {
    Box title, legend, inset, scale_bar, credits;
    Box card;
    // Inside the card, relative to its top-left corner: the counter and title, then the text.
    Vec2 card_counter_at, card_title_at, card_text_at;
    float card_wrap = 0;  // the title's wrap width
    RichLayout card_text;
    std::vector<Box> boxes() const;  // the non-empty ones, for labels to avoid
};

// Screen space the decorations keep clear of: panels along the window's edges (none in exports).
struct DecorationInsets {
    double left = 0, right = 0, bottom = 0;
    double top = 0;  // a menu bar
};

DecorationLayout layout_decorations(const Camera& camera, float scale, const ExportDecorations& decorations, const TextMeasure& text,
                                    const DecorationInsets& insets = {});

// The camera of the inset's map: the main view's surroundings, about eight times wider.
Camera inset_camera(const Camera& main, const Box& inset_px);

// The main view's box on the inset, in the inset's own pixels (0..width, 0..height), kept inside
// it: a view wider than the world (or taller than the inset shows) spans the inset from edge to
// edge, a frame of what is shown, rather than a box whose sides fall outside.
Box inset_view_box(const Camera& main, const Camera& inset);

// What the main view shows, outlined on the inset (the inset's own pixels, a closed ring): the box
// for Web Mercator; in another projection the view's edges sampled and brought back to the earth,
// so a conic's view is a curved quadrilateral and a globe's the part of the screen on the globe
// (cut along its horizon). Empty when no part of the view is on the earth.
std::vector<Vec2> inset_view_outline(const Camera& main, const Camera& inset);

// Legend entries for a story's routes.
std::vector<LegendEntry> legend_for(const Story& story);

// A round length (1, 2 or 5 x 10^n metres) no longer than `max_px` at the camera's centre,
// and its length in pixels.
struct ScaleBar {
    double metres = 0;
    double pixels = 0;
    std::string label;  // "200 km", "500 m"; "2000 km at the centre" where the scale varies over the view by more than a tenth
};
ScaleBar choose_scale_bar(const Camera& camera, double max_px);

// Credits for what a map shows: Natural Earth always, GSHHG when its shores, lakes or rivers are
// drawn, GeoNames when towns are named, then those of added layers ("© OpenStreetMap contributors
// (ODbL)").
std::string map_credits(bool gshhg, bool geonames, const std::vector<std::string>& more = {});

}  // namespace storyplot
