#include "core/geoparse/place_search.hpp"

#include <algorithm>
#include <cmath>

#include "core/geoparse/name_folding.hpp"
#include "core/labels/number_format.hpp"

namespace storyplot {

std::vector<const GazetteerEntry*> rank_search_results(std::string_view query, std::vector<const GazetteerEntry*> candidates,
                                                       std::size_t limit) {
    const std::string folded = fold_name(query);
    auto score = [&](const GazetteerEntry& e) {
        const std::string own = fold_name(e.name);
        double s = std::log10(static_cast<double>(e.population) + 10.0);
        if (own == folded) s += 10;                                   // its own name, exactly
        else if (own.compare(0, folded.size(), folded) == 0) s += 5;  // its own name begins so
        if (e.feature_code == "PPLC") s += 2.5;
        else if (e.feature_code == "PPLA") s += 1.0;
        return s;
    };
    std::vector<std::pair<double, const GazetteerEntry*>> scored;
    scored.reserve(candidates.size());
    for (const auto* e : candidates) scored.emplace_back(score(*e), e);
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const GazetteerEntry*> out;
    for (std::size_t i = 0; i < scored.size() && out.size() < limit; ++i) out.push_back(scored[i].second);
    return out;
}

std::string describe_search_result(const GazetteerEntry& entry) {
    std::string text = entry.name;
    if (!entry.country.empty()) text += ", " + entry.country;
    if (entry.population > 0) text += " \xC2\xB7 " + group_thousands(entry.population) + " people";
    return text;
}

}  // namespace storyplot
