#pragma once
// The story over the map, drawn with ImGui's draw lists (so headless renders get it too): markers
// styled by category, route stops and direction arrows, route names, the story's labels, and the
// basemap's context labels (countries and towns), all placed by priority without collisions.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/camera.hpp"
#include "core/context_labels.hpp"
#include "core/label_placement.hpp"
#include "core/story.hpp"
#include "core/story_clock.hpp"
#include "core/story_motion.hpp"

struct ImDrawList;

namespace storyplot {

struct StoryOverlayOptions {
    bool local_names = false;     // Владивосток, 평양 where known
    bool context_labels = true;   // countries and towns
    std::string hovered;          // place id
    std::string selected;         // place id
    std::set<std::string> hidden_routes;
    std::vector<Box> reserved;    // screen boxes no label may cover (scale bar, credits, panels)
    // The story's clock: where each route's vehicle is (empty: no clock, nothing moves), and the
    // clock whose local time the captions use.
    std::vector<RouteAt> motion;
    const StoryClock* clock = nullptr;
    // The routes' geometry (great circles densified), built once per story revision by whoever
    // holds the story; without it the overlay derives each route's path itself, every draw.
    const StoryMotion* paths = nullptr;
    std::string clock_text;                           // the clock's time, shown above the captions
    float caption_left = 0.0f;    // the captions are centred in the map area right of this
    float scale = 1.0f;
};

struct StoryOverlayStats {
    double placement_ms = 0;
    int labels_requested = 0;
    int labels_placed = 0;
    std::vector<std::string> captions;  // one per route under way
};

// The nearest town of at least `min_population` within `max_km`, for "near Chongjin".
const Town* nearest_town(const std::vector<Town>& towns, LonLat at, double max_km, long min_population = 5000);

// One label of the last frame: what was asked, and where it went (nothing: hidden).
struct LabelRecord {
    std::string text;
    LabelRequest request;
    std::optional<Box> placed;
};

class StoryOverlay {
public:
    StoryOverlayStats draw(ImDrawList& list, const Story* story, const ContextLabels* context, const Camera& camera,
                           const StoryOverlayOptions& options);

    // The story place whose marker is under `px` (the nearest within a few pixels), from the last draw.
    std::optional<std::string> place_at(Vec2 px) const;

    // The labels and obstacles of the last draw, for tests and diagnostics.
    const std::vector<LabelRecord>& labels() const { return m_labels; }
    const std::vector<Box>& obstacles() const { return m_obstacles; }

private:
    struct Marker {
        std::string id;
        Vec2 px;
        float radius;
    };
    std::vector<Marker> m_markers;
    std::vector<LabelRecord> m_labels;
    std::vector<Box> m_obstacles;
};

// Every character the labels may need beyond Latin and Cyrillic (for the font atlas): the local
// names of the story's places and of the towns populous enough to be labelled at `resolution`
// (0: all towns of 10,000 people or more).
std::string label_glyphs(const Story* story, const ContextLabels* context, double resolution);

// The place's name as the overlay shows it.
std::string display_name(const Place& place, bool local);

}  // namespace storyplot
