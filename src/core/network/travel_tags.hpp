#pragma once
// Which travel modes may use a line, read from its tags as OpenStreetMap writes them (railway=rail,
// highway=primary, route=ferry, waterway=river) or as Natural Earth's layers name their class
// (featurecla "Railroad", "Road"). A line that carries none of these keys is open to every mode but
// the plane: whoever chose the layer chose its network.
#include <cstdint>

#include "core/story/story.hpp"
#include "core/style/feature_tags.hpp"

namespace storyplot {

using ModeSet = std::uint8_t;

constexpr ModeSet mode_bit(TravelMode mode) { return static_cast<ModeSet>(1u << static_cast<unsigned>(mode)); }
constexpr ModeSet surface_modes =
    mode_bit(TravelMode::train) | mode_bit(TravelMode::car) | mode_bit(TravelMode::ship) | mode_bit(TravelMode::walk);

ModeSet modes_for_tags(const Tags& tags);

}  // namespace storyplot
