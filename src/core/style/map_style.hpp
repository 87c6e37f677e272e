#pragma once
// How the features of added layers are drawn: a style of rules keyed on their tags (OpenStreetMap's
// railway=rail, highway=primary, natural=water, place=town…), read from one declarative file
// (assets/styles/osm.json; the format is in docs/STYLE_FORMAT.md). A feature is drawn by the first
// rule for its geometry whose tags match; a layer none of whose features matches any rule is drawn
// by geometry as before (a tint and outline, lines, discs) in the layer's colour.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/geo/color.hpp"
#include "core/geo/geometry.hpp"
#include "core/style/feature_tags.hpp"

namespace storyplot {

struct LinePaint {
    Color color;
    float width_px = 1;
    float dash_on = 0;  // pixels drawn, then `dash_off` left out; 0: solid
    float dash_off = 0;
    friend bool operator==(const LinePaint&, const LinePaint&) = default;
};

// How one layer is painted. Lines are stroked in order (a casing first, the line, then ticks); the
// k-th strokes of every layer are drawn before any layer's k+1-th, so casings stay under lines.
struct LayerPaint {
    std::optional<Color> fill;         // areas
    std::optional<LinePaint> outline;  // areas' edges
    std::vector<LinePaint> strokes;    // lines
    std::optional<Color> point;        // points, as discs
    float point_radius_px = 4.5f;
    double min_zoom = 0;               // web map zoom (0: the world in 256 px) the layer shows from…
    double max_zoom = 30;              // …and up to
    bool shown_at(double zoom) const { return zoom >= min_zoom && zoom <= max_zoom; }
    friend bool operator==(const LayerPaint&, const LayerPaint&) = default;
};

// A layer no rule styles: a light tint with an outline, 2 px lines and discs in its colour.
LayerPaint geometry_paint(Color color);

struct StyleRule {
    std::string name;
    GeometryKind geometry = GeometryKind::line;
    // Every key must be present with one of its values ("*": any value).
    std::vector<std::pair<std::string, std::vector<std::string>>> match;
    LayerPaint paint;
    // Label the feature with its `name` tag: a point with the towns, ranked by `population` (else
    // this); a line along itself (a river), ranked by this.
    bool label = false;
    long label_rank = 0;

    bool matches(const Tags& tags) const;
};

struct MapStyle {
    std::string name;
    std::vector<StyleRule> rules;

    // The first rule for this geometry that matches, or -1.
    int rule_for(GeometryKind geometry, const Tags& tags) const;
    // The tag keys the rules look at, so a reader can skip features that carry none.
    std::vector<std::string> keys() const;
};

// Throws InputError naming `name`: "NAME:LINE:COL: JSON …" for bad JSON, "NAME: rule 3 (railway):
// what is wrong" for a rule it cannot use.
MapStyle parse_map_style(const std::string& text, const std::string& name);
MapStyle read_map_style(const std::string& path);

}  // namespace storyplot
