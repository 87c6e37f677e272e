#pragma once
// Colours and the basemap's cartographic style.
#include <optional>
#include <string_view>

namespace storyplot {

struct Color {
    float r = 0, g = 0, b = 0, a = 1;
    friend bool operator==(const Color&, const Color&) = default;
};

// "#rrggbb" or "#rrggbbaa"; nothing for anything else.
std::optional<Color> parse_hex_color(std::string_view text);

// Muted land and sea, quiet borders: the map is the stage, the story is the actor.
struct BasemapStyle {
    Color ocean{0.812f, 0.863f, 0.894f, 1};  // #cfdce4
    Color land{0.957f, 0.945f, 0.922f, 1};   // #f4f1eb
    Color coast{0.561f, 0.655f, 0.722f, 1};  // #8fa7b8
    Color border{0.659f, 0.604f, 0.639f, 1}; // #a89aa3
    Color river{0.478f, 0.647f, 0.776f, 1};  // #7aa5c6: water, deeper than the sea to show as a thin line on land
    Color paper{0.973f, 0.969f, 0.961f, 1};  // #f8f7f5: around the world's outline, where a projection has one
    Color graticule{0.725f, 0.792f, 0.835f, 1};  // #b9cad5: meridians and parallels, quiet on the sea
    float graticule_width_px = 0.7f;
    float coast_width_px = 0.9f;
    float border_width_px = 1.0f;
    float river_width_px = 1.3f;
    float world_river_width_px = 0.8f;  // the world's level: thin, or they cover the continents
    float minor_river_width_px = 0.7f;
    friend bool operator==(const BasemapStyle&, const BasemapStyle&) = default;
};

// Overlay layers (--basemap) cycle through these strong but not garish colours.
Color overlay_color(std::size_t index);

}  // namespace storyplot
