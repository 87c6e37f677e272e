#include "core/geo/level_of_detail.hpp"

namespace storyplot {

namespace {
constexpr double coarse_above = 12000.0;  // m/px: the whole world in ~3300 px or less
constexpr double medium_above = 3000.0;   // m/px: a continent
}  // namespace

DetailLevel detail_for_resolution(double resolution) {
    if (resolution >= coarse_above) return DetailLevel::coarse_110m;
    if (resolution >= medium_above) return DetailLevel::medium_50m;
    return DetailLevel::fine_10m;
}

std::string_view detail_suffix(DetailLevel level) {
    switch (level) {
    case DetailLevel::coarse_110m: return "110m";
    case DetailLevel::medium_50m: return "50m";
    case DetailLevel::fine_10m: return "10m";
    }
    return "10m";
}

}  // namespace storyplot
