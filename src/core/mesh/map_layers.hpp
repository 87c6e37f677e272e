#pragma once
// What the map draws, as plain CPU meshes: `data` builds them, `render` uploads and draws them.
#include <array>
#include <string>
#include <utility>

#include "core/geo/color.hpp"
#include "core/geo/level_of_detail.hpp"
#include "core/geo/water_detail.hpp"
#include "core/mesh/mesh.hpp"
#include "core/story/story.hpp"
#include "core/style/map_style.hpp"

namespace storyplot {

// An overlay layer: polygons filled and outlined, lines stroked, points as discs, as its paint says.
// A polygon left out because its edges cross one another too often to tessellate in reasonable
// time (core/geo/self_crossings.hpp); the user is told.
struct TangledPolygon {
    std::size_t index = 0;     // among the layer's polygons
    std::size_t vertices = 0;
    double crossings = 0;      // estimated
};

struct LayerMeshes {
    std::string name;
    std::vector<TangledPolygon> tangled;
    Mesh fill;
    Mesh outline;
    Mesh lines;
    Mesh points;
    Color color;       // the layer's swatch in the panel
    LayerPaint paint;  // how it is drawn: by geometry in `color`, or by its style rule

    std::size_t byte_size() const { return fill.byte_size() + outline.byte_size() + lines.byte_size() + points.byte_size(); }
    Box bounds() const {
        Box b = fill.bounds();
        b.add(outline.bounds());
        b.add(lines.bounds());
        b.add(points.bounds());
        return b;
    }
};

// A story's route, drawn over everything else in its colour, styled by its mode.
struct RouteMeshes {
    std::string id;
    Mesh line;
    Color color;
    TravelMode mode = TravelMode::train;
};

// The base map at one level of detail: land filled from Natural Earth's countries, coastlines and
// borders each drawn once (see core/shared_edges.hpp), and GSHHG's lakes and rivers
// (core/geo/water_detail.hpp).
struct BasemapMeshes {
    DetailLevel level = DetailLevel::coarse_110m;
    // 0: the level as its source has it; else generalised (core/geo/simplify.hpp) to this many
    // projected metres, drawn in place of the level by a still whose half pixel is at least that:
    // the same picture from a fraction of the vertices (a forced 1:10m at world scale draws
    // sub-pixel segments by the million otherwise).
    double tolerance = 0;
    // Drawn only for views inside this projected box: a level read for a part of the world
    // (keep_in_view, or the cache read for a view: a still's view, an animation's views, the part
    // around the window's view); empty: every view. A wider view (a still's inset) takes another
    // level.
    Box coverage;
    Mesh land;
    Mesh coast;
    Mesh borders;
    // Filled as the sea, over the land, and their shores drawn as the coast: in classes by size
    // (core/geo/water_detail.hpp's lake_size_class), drawn where lake_class_shown.
    std::array<Mesh, lake_size_classes> lakes;
    std::array<Mesh, lake_size_classes> lake_shores;
    Mesh rivers;        // drawn at the level
    Mesh minor_rivers;  // drawn only below minor_rivers_below

    std::size_t byte_size() const {
        std::size_t bytes = land.byte_size() + coast.byte_size() + borders.byte_size() + rivers.byte_size() + minor_rivers.byte_size();
        for (std::size_t c = 0; c < lake_size_classes; ++c) bytes += lakes[c].byte_size() + lake_shores[c].byte_size();
        return bytes;
    }

    // Keeps only the chunks `view` reaches (chunks_in_view), for pictures that never show the rest.
    void keep_in_view(const Box& view) {
        coverage = view;
        land = chunks_in_view(std::move(land), view);
        coast = chunks_in_view(std::move(coast), view);
        borders = chunks_in_view(std::move(borders), view);
        for (std::size_t c = 0; c < lake_size_classes; ++c) {
            lakes[c] = chunks_in_view(std::move(lakes[c]), view);
            lake_shores[c] = chunks_in_view(std::move(lake_shores[c]), view);
        }
        rivers = chunks_in_view(std::move(rivers), view);
        minor_rivers = chunks_in_view(std::move(minor_rivers), view);
    }

    // Land, coast and borders alone: no lakes or rivers (render --no-water, as a map of countries).
    void drop_water() {
        lakes = {};
        lake_shores = {};
        rivers = {};
        minor_rivers = {};
    }
};

}  // namespace storyplot
