#include "core/geo/water_detail.hpp"

#include <cmath>

namespace storyplot {

char gshhg_resolution(DetailLevel level) {
    switch (level) {
    case DetailLevel::coarse_110m: return 'c';
    case DetailLevel::medium_50m: return 'i';
    case DetailLevel::fine_10m:
    case DetailLevel::close_h: break;
    }
    return 'h';
}

RiverRank river_rank(DetailLevel level, int river_class) {
    switch (level) {
    case DetailLevel::coarse_110m: return river_class == 1 ? RiverRank::major : RiverRank::none;
    case DetailLevel::medium_50m: return river_class == 1 || river_class == 2 ? RiverRank::major : RiverRank::none;
    case DetailLevel::fine_10m:
    case DetailLevel::close_h: break;
    }
    if (river_class == 1 || river_class == 2) return RiverRank::major;
    if (river_class == 0 || river_class == 3 || river_class == 4 || river_class == 8) return RiverRank::minor;
    return RiverRank::none;
}

double lake_min_km2(DetailLevel level) {
    switch (level) {
    case DetailLevel::coarse_110m: return 1000;
    case DetailLevel::medium_50m: return 50;
    case DetailLevel::fine_10m:
    case DetailLevel::close_h: break;
    }
    return 2;
}

namespace {

double smallest_lake_side_m(DetailLevel level) { return std::sqrt(lake_min_km2(level)) * 1000.0; }

}  // namespace

std::size_t lake_size_class(DetailLevel level, double length_m) {
    const double s = smallest_lake_side_m(level);
    std::size_t c = 0;
    while (c + 1 < lake_size_classes && length_m >= s * static_cast<double>(std::size_t{2} << c)) ++c;
    return c;
}

bool lake_class_shown(DetailLevel level, std::size_t size_class, double resolution) {
    if (size_class + 1 >= lake_size_classes) return true;
    const double smallest = smallest_lake_side_m(level) * static_cast<double>(std::size_t{1} << size_class);
    return smallest >= 2 * resolution;
}

}  // namespace storyplot
