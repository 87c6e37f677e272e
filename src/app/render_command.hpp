#pragma once
// `storyplot render`: the map drawn headless (no display, no X server) to an image file of any
// size, with its decorations, georeferenced when asked.
#include <optional>
#include <string>
#include <vector>

#include "app/cli_values.hpp"
#include "core/geo/camera.hpp"
#include "core/labels/context_labels.hpp"
#include "core/geo/level_of_detail.hpp"
#include "core/labels/map_decorations.hpp"

namespace storyplot {

struct RenderOptions {
    std::optional<std::string> story;
    std::string output;
    ImageSize size;
    std::optional<Box> bbox;                // lon/lat
    std::optional<std::string> chapter;     // frame this chapter (and set the clock to its time)
    std::optional<std::string> projection;  // a name, EPSG code or PROJ string; none: automatic for a story, else Web Mercator
    std::vector<std::string> basemaps;
    std::vector<std::string> layers;  // --layer: only these layers (tables) of the basemaps; empty: all
    std::string style;  // the map style's file for the basemaps; empty: assets/styles/osm.json
    bool quiet = false;
    bool local_names = false;               // labels in local script where known
    bool context_labels = true;             // country and town names
    bool water = true;                      // lakes and rivers
    std::optional<std::string> time;        // ISO 8601: the story at that moment
    float scale = 1.0f;                     // line widths, markers and text
    bool world_file = false;                // .pgw/.jgw + .prj beside a PNG or JPEG
    DecorationSet decorations;
    std::optional<DetailLevel> detail;      // force a Natural Earth level (benchmarks, comparisons)
    bool timings = false;                   // print where the time went to stderr
    bool opening = false;                   // the window's first view: the first chapter's (clock idle)
};

// The projection `name` gives (see data/projection_lookup; none: the automatic choice) for a view of
// `lonlat`, with `world` for a view of the world. Throws UsageError for a name storyplot cannot draw.
Projection projection_named(const std::optional<std::string>& name, const Box& lonlat, ProjectionKind world);

// The view `framed` (Web Mercator) in the projection `name` gives (see data/projection_lookup),
// fitted to what it shows (to `content`, lon/lat, with a margin, when given); with no name, the
// automatic choice when `automatic`, else `framed`. Throws UsageError for a name storyplot cannot draw.
Camera projected_camera(const std::optional<std::string>& name, bool automatic, const Camera& framed, const Box* content = nullptr);

// Throws InputError for bad files, UsageError for bad values; writes the file or nothing.
void run_render(const RenderOptions& options);

}  // namespace storyplot
