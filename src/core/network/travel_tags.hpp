#pragma once
// Which travel modes may use a line, read from its tags as OpenStreetMap writes them (railway=rail,
// highway=primary, route=ferry, waterway=river) or as Natural Earth's layers name their class
// (featurecla "Railroad", "Road"). A line that carries none of these keys is open to every mode but
// the plane: whoever chose the layer chose its network.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/story/story.hpp"

namespace storyplot {

using ModeSet = std::uint8_t;

constexpr ModeSet mode_bit(TravelMode mode) { return static_cast<ModeSet>(1u << static_cast<unsigned>(mode)); }
constexpr ModeSet surface_modes =
    mode_bit(TravelMode::train) | mode_bit(TravelMode::car) | mode_bit(TravelMode::ship) | mode_bit(TravelMode::walk);

using Tags = std::map<std::string, std::string, std::less<>>;

ModeSet modes_for_tags(const Tags& tags);

// OGR's OSM driver keeps the keys it has no column for in one field, `"key"=>"value","k2"=>"v2"`
// (backslash escapes inside quotes); adds them to `tags` without replacing a key already there.
void add_hstore_tags(std::string_view text, Tags& tags);

}  // namespace storyplot
