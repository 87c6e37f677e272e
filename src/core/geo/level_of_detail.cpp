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

std::span<const double> generalisation_tolerances(DetailLevel level) {
    static constexpr std::array<double, 3> fine{1000.0, 4000.0, 16000.0};
    static constexpr std::array<double, 2> medium{4000.0, 16000.0};
    switch (level) {
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
    }
    return "10m";
}

}  // namespace storyplot
