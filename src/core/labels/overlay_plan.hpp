#pragma once
// What the story overlay shows in one frame, decided without drawing: story markers styled by
// category, route direction arrows, the labels that won a place (story places, route names,
// countries, towns) placed by priority without collisions, the vehicles under way and a caption
// for each. ui/story_overlay.hpp paints a plan with ImGui; tests read it directly.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/geo/color.hpp"
#include "core/labels/context_labels.hpp"
#include "core/geo/segment_index.hpp"
#include "core/labels/label_placement.hpp"
#include "core/labels/number_format.hpp"
#include "core/story/story.hpp"
#include "core/motion/story_clock.hpp"
#include "core/motion/story_motion.hpp"
#include "core/labels/text_measure.hpp"

namespace storyplot {

// A colour as the painter takes it, 8 bits a channel.
struct Rgba8 {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Rgba8&, const Rgba8&) = default;
};
Rgba8 to_rgba8(Color c, float alpha = 1.0f);

namespace overlay_ink {
inline constexpr Rgba8 text{33, 37, 41, 255};
inline constexpr Rgba8 white{255, 255, 255, 255};
inline constexpr Rgba8 town{100, 100, 110, 255};
inline constexpr Rgba8 country{128, 112, 124, 255};
inline constexpr Rgba8 highlight{255, 196, 0, 255};
inline constexpr Rgba8 water{62, 108, 150, 255};
}  // namespace overlay_ink

struct ContextPlanCache;  // below

struct OverlayOptions {
    bool local_names = false;     // Владивосток, 평양 where known
    bool context_labels = true;   // countries and towns
    std::string hovered;          // place id
    std::string selected;         // place id
    std::set<std::string> hidden_routes;
    std::vector<Box> reserved;    // screen boxes no label may cover (scale bar, credits, panels)
    std::vector<Box> covered;     // screen boxes a map of their own is drawn in (the inset): no marker,
                                  // arrow or vehicle of the main map is planned there
    // The story's clock: where each route's vehicle is (empty: no clock, nothing moves), and the
    // clock whose local time the captions use.
    std::vector<RouteAt> motion;
    const StoryClock* clock = nullptr;
    // The routes' geometry (great circles densified), built once per story revision by whoever
    // holds the story; without it the plan derives each route's path itself.
    const StoryMotion* paths = nullptr;
    std::vector<LonLat> ruler;    // points measured with the ruler (the window's)
    // Borders (projected metres) the labels of places and towns keep their own side of; none: any side.
    const SegmentIndex* sides = nullptr;
    std::string clock_text;       // the clock's time, shown above the captions
    float caption_left = 0.0f;    // the captions are centred in the map area right of this
    float caption_top = 0.0f;     // and start this far below the top (a menu bar)
    float scale = 1.0f;
    ContextPlanCache* context_cache = nullptr;  // none: planned afresh each time
};

// One label: what was asked, and where it went (nothing: hidden).
struct LabelRecord {
    std::string text;
    LabelRequest request;
    std::optional<Box> placed;
};

enum class MarkerShape { dot, station, border, venue, capital, country };
MarkerShape marker_shape(const std::string& category);

struct OverlayPlan {
    struct Marker {
        std::string id;
        MarkerShape shape = MarkerShape::dot;
        Vec2 px;
        float radius = 0;      // as drawn (grown when lit)
        float hit_radius = 0;  // what a pointer hits, and what labels keep clear of
        Rgba8 fill, ring;
        bool selected = false;
    };
    struct Label {
        std::string text;
        TextStyle style = TextStyle::label;
        Rgba8 colour;
        Vec2 at;  // the text's top-left (turned: before it is turned)
        float angle = 0;  // radians, the text turned about its centre (a river's name along the river)
    };
    struct Arrow {  // a chevron along a route, pointing the way it runs
        Vec2 tip, left, right;
        Rgba8 colour;
    };
    // A story place that is a country, drawn as its border lit in the place's colour (an area, not
    // a pin): the lines of its large parts the view shows, in pixels.
    struct Outline {
        std::string id;
        std::vector<std::vector<Vec2>> lines;
        Rgba8 colour;
        bool lit = false;
    };
    struct Vehicle {
        TravelMode mode = TravelMode::train;
        Vec2 px;
        float heading = 0;  // screen radians, along the route
        Rgba8 colour;
    };
    struct Caption {  // a box at the top of the map: the clock, or a route's leg with its colour
        std::string text;
        TextStyle style = TextStyle::label;
        std::optional<Rgba8> dot;
        Box box;
        float wrap = 0;  // the text's wrap width
    };

    struct Ruler {  // the measured line, its points, and its length and last bearing
        std::vector<Vec2> px;
        std::string text;  // "12.3 km · 045°"
        Vec2 text_at;      // the text's top-left
    };

    float scale = 1.0f;
    // Painted from the back: outlines, town dots, arrows, labels, markers, vehicles, the ruler, captions.
    std::vector<Outline> outlines;
    std::vector<Vec2> town_dots;  // only those whose town is labelled
    std::vector<Arrow> arrows;
    std::vector<Label> labels;
    std::vector<Marker> markers;
    std::vector<Vehicle> vehicles;
    std::optional<Ruler> ruler;
    std::vector<Caption> captions;

    // How the labels were decided, for tests and diagnostics.
    std::vector<LabelRecord> label_records;
    std::vector<Box> obstacles;
    double placement_ms = 0;

    // The story place whose marker is under `px` (the nearest within a few pixels).
    std::optional<std::string> place_at(Vec2 px) const;
};

// A turned label's text size (a line's name along it), by request; zero for the others.
struct TurnedText {
    Vec2 size;
    float angle = 0;
};

// The context labels' requests (countries, towns, named lines: the costly part of a plan, with
// every town's borders found for it to keep its side of) kept from one frame to the next while the
// view, the scale, the names' script, the borders, the story's markers and the measured text stay
// the same, as while the clock plays over a still map. Owned by whoever draws frames (the scene)
// and filled by plan_overlay.
struct ContextPlanCache {
    bool valid = false;
    Camera camera;
    float scale = 0;
    bool local_names = false;
    const SegmentIndex* sides = nullptr;
    const ContextLabels* context = nullptr;
    std::vector<Vec2> markers, probe;
    // The requests the context added (from index 0), each one's text as measured, its town dots.
    std::vector<LabelRequest> requests;
    std::vector<OverlayPlan::Label> looks;
    std::vector<TurnedText> turned;
    std::vector<Vec2> measured;
    std::vector<std::pair<Vec2, std::size_t>> dots;
};

OverlayPlan plan_overlay(const Story* story, const ContextLabels* context, const Camera& camera, const OverlayOptions& options,
                         const TextMeasure& text);

// The nearest town of at least `min_population` within `max_km`, for "near Chongjin".
const Town* nearest_town(const std::vector<Town>& towns, LonLat at, double max_km, long min_population = 5000);

// The letters a frame may need (for the font atlas), in two parts: the story's text, which any
// style may draw (place and route names, the title, chapters), and the local names only map
// labels draw: the places' and those of the towns populous enough to be labelled at `resolution`
// (0: all towns of 10,000 people or more).
std::string story_glyphs(const Story* story);
std::string local_name_glyphs(const Story* story, const ContextLabels* context, double resolution);


// The place's name as the overlay shows it.
std::string display_name(const Place& place, bool local);

}  // namespace storyplot
