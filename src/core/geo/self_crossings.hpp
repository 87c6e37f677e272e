#pragma once
// How tangled a polygon is: an estimate of how often its edges cross one another, from a fixed
// sample of edge pairs (no randomness between runs). A tessellator's sweep costs about the number
// of crossings it must resolve: real data has a handful, which the sample does not see; a ring of
// random vertices has billions, which it sees at once. The estimate costs the sample, not n^2.
#include <cstddef>
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

struct CrossingEstimate {
    std::size_t edges = 0;
    std::size_t sampled = 0;  // pairs of edges tested
    std::size_t hits = 0;     // of those, pairs that cross
    double crossings = 0;     // hits scaled up to every pair of edges
};

// Pairs of edges that share an end (neighbours along a ring) are never counted.
CrossingEstimate estimate_self_crossings(const std::vector<std::vector<Vec2>>& rings, std::size_t samples = 4096);

// Beyond this many crossings (with enough hits to be sure of it), a polygon is too tangled to fill:
// GLU's sweep takes about 0.5 s for 20,000 of them on this project's machine and grows faster than
// linearly (a 3,000-vertex random ring: ~10^6 crossings, 40 s).
inline constexpr double max_fill_crossings = 20000;
inline constexpr std::size_t min_crossing_hits = 4;
bool too_tangled_to_fill(const CrossingEstimate& estimate);

}  // namespace storyplot
