#include "core/geo/water_detail.hpp"

namespace storyplot {

char gshhg_resolution(DetailLevel level) {
    switch (level) {
    case DetailLevel::coarse_110m: return 'c';
    case DetailLevel::medium_50m: return 'i';
    case DetailLevel::fine_10m: break;
    }
    return 'h';
}

RiverRank river_rank(DetailLevel level, int river_class) {
    switch (level) {
    case DetailLevel::coarse_110m: return river_class == 1 ? RiverRank::major : RiverRank::none;
    case DetailLevel::medium_50m: return river_class == 1 || river_class == 2 ? RiverRank::major : RiverRank::none;
    case DetailLevel::fine_10m: break;
    }
    if (river_class == 1 || river_class == 2) return RiverRank::major;
    if (river_class == 0 || river_class == 3 || river_class == 4 || river_class == 8) return RiverRank::minor;
    return RiverRank::none;
}

double lake_min_km2(DetailLevel level) {
    switch (level) {
    case DetailLevel::coarse_110m: return 1000;
    case DetailLevel::medium_50m: return 50;
    case DetailLevel::fine_10m: break;
    }
    return 2;
}

}  // namespace storyplot
