#include "core/geo/level_of_detail.hpp"

namespace storyplot {

namespace {
constexpr double coarse_above = 12000.0;  // m/px: the whole world in ~3300 px or less
constexpr double medium_above = 3000.0;   // m/px: a continent
// m/px: about 800 km across 1920 px at the story's latitudes. 1:10m's shores stray from GSHHG's by
// up to a kilometre or so: a few pixels at the switch.
constexpr double fine_above = 400.0;
}  // namespace

DetailLevel detail_for_resolution(double resolution) {
    if (resolution >= coarse_above) return DetailLevel::coarse_110m;
    if (resolution >= medium_above) return DetailLevel::medium_50m;
    if (resolution >= fine_above) return DetailLevel::fine_10m;
    return DetailLevel::close_h;
}

std::span<const double> generalisation_tolerances(DetailLevel level) {
    static constexpr std::array<double, 3> fine{1000.0, 4000.0, 16000.0};
    static constexpr std::array<double, 2> medium{4000.0, 16000.0};
    switch (level) {
    case DetailLevel::close_h: break;  // no copy: GSHHG's 200 m points barely thin at 250 m, and its
                                      // views, a few hundred km across, draw as fast as 1:10m's
    case DetailLevel::fine_10m: return fine;
    case DetailLevel::medium_50m: return medium;
    case DetailLevel::coarse_110m: break;
    }
    return {};
}

int generalisation_for(std::span<const double> tolerances, double resolution) {
    int chosen = -1;
    for (std::size_t i = 0; i < tolerances.size(); ++i)
        if (tolerances[i] <= 0.5 * resolution) chosen = static_cast<int>(i);
    return chosen;
}

std::optional<double> moving_tolerance(DetailLevel level) {
    const auto tolerances = generalisation_tolerances(level);
    if (tolerances.empty()) return std::nullopt;
    return tolerances.front();
}

bool serves_moving_view(double tolerance, double resolution) { return tolerance > 0 && tolerance <= moving_pixels * resolution; }

std::string_view detail_suffix(DetailLevel level) {
    switch (level) {
    case DetailLevel::coarse_110m: return "110m";
    case DetailLevel::medium_50m: return "50m";
    case DetailLevel::fine_10m: return "10m";
    case DetailLevel::close_h: return "h";
    }
    return "10m";
}

std::string_view detail_name(DetailLevel level) {
    switch (level) {
    case DetailLevel::coarse_110m: return "Natural Earth 1:110m";
    case DetailLevel::medium_50m: return "Natural Earth 1:50m";
    case DetailLevel::fine_10m: return "Natural Earth 1:10m";
    case DetailLevel::close_h: return "GSHHG shores, 200 m";
    }
    return "Natural Earth 1:10m";
}

DetailLevel countries_level(DetailLevel level) { return level == DetailLevel::close_h ? DetailLevel::fine_10m : level; }

}  // namespace storyplot
