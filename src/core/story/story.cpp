#include "core/story/story.hpp"

#include <array>
#include <utility>

namespace storyplot {

namespace {
constexpr std::array<std::pair<std::string_view, TravelMode>, 14> mode_words{{
    {"train", TravelMode::train}, {"rail", TravelMode::train}, {"car", TravelMode::car}, {"road", TravelMode::car},
    {"motorcade", TravelMode::car}, {"bus", TravelMode::car}, {"plane", TravelMode::plane}, {"air", TravelMode::plane},
    {"flight", TravelMode::plane}, {"ship", TravelMode::ship}, {"sea", TravelMode::ship}, {"boat", TravelMode::ship},
    {"ferry", TravelMode::ship}, {"walk", TravelMode::walk},
}};
}  // namespace

std::optional<TravelMode> parse_travel_mode(std::string_view text) {
    for (const auto& [word, mode] : mode_words)
        if (word == text) return mode;
    if (text == "foot") return TravelMode::walk;
    return std::nullopt;
}

std::string_view travel_mode_name(TravelMode mode) {
    switch (mode) {
    case TravelMode::train: return "train";
    case TravelMode::car: return "car";
    case TravelMode::plane: return "plane";
    case TravelMode::ship: return "ship";
    case TravelMode::walk: return "walk";
    }
    return "train";
}

const Place* Story::place(std::string_view id) const {
    auto lookup = [&]() -> const Place* {
        const auto it = place_index.find(id);
        return it != place_index.end() && it->second < places.size() && places[it->second].id == id ? &places[it->second] : nullptr;
    };
    if (const Place* p = lookup()) return p;
    // A miss: the index may be stale (places added, removed, renamed or reordered). Rebuilt only
    // when it does not list exactly the places there are.
    bool current = place_index.size() == places.size();
    for (std::size_t i = 0; current && i < places.size(); ++i) {
        const auto it = place_index.find(places[i].id);
        current = it != place_index.end() && it->second == i;
    }
    if (current) return nullptr;
    place_index.clear();
    for (std::size_t i = 0; i < places.size(); ++i) place_index.emplace(places[i].id, i);
    return lookup();
}

Place* Story::place(std::string_view id) { return const_cast<Place*>(std::as_const(*this).place(id)); }

const Route* Story::route(std::string_view id) const {
    for (const auto& r : routes)
        if (r.id == id) return &r;
    return nullptr;
}

std::optional<std::string> route_times_problem(const Route& route) {
    std::optional<StoryTime> last;
    std::string last_text, last_stop;
    for (std::size_t i = 0; i < route.times.size() && i < route.stops.size(); ++i)
        for (const auto* moment : {&route.times[i].arrive, &route.times[i].depart}) {
            if (!*moment) continue;
            const StoryTime t = (*moment)->time;
            if (last && t < *last)
                return "times not in order: \"" + (*moment)->text + "\" at \"" + route.stops[i] + "\" is before \"" + last_text +
                       "\" at \"" + last_stop + "\"";
            last = t;
            last_text = (*moment)->text;
            last_stop = route.stops[i];
        }
    return std::nullopt;
}

Route* Story::route(std::string_view id) { return const_cast<Route*>(std::as_const(*this).route(id)); }

const Chapter* Story::chapter(std::string_view id) const {
    for (const auto& c : chapters)
        if (c.id == id) return &c;
    return nullptr;
}

int Story::timezone_minutes() const { return parse_utc_offset(timezone).value_or(0); }

Path route_path(const Story& story, const Route& route) {
    if (!route.path.empty()) return route.path;
    Path path;
    for (const auto& id : route.stops)
        if (const Place* p = story.place(id)) path.push_back(p->position);
    return path;
}

}  // namespace storyplot
