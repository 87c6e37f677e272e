#include "core/story/story_editor.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "core/geoparse/geoparser.hpp"

namespace storyplot {

std::string slug(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "place" : out;
}

Place& StoryEditor::place_or_throw(const std::string& id) {
    Place* p = m_story.place(id);
    if (!p) throw std::invalid_argument("no place \"" + id + "\"");
    return *p;
}

void StoryEditor::checkpoint() {
    m_undo.push_back({m_story, m_revision});
    m_redo.clear();
    m_revision = m_next_revision++;
}

void StoryEditor::move_place(const std::string& id, LonLat to) {
    place_or_throw(id);
    if (m_merging_move != id) {
        checkpoint();
        m_merging_move = id;
    } else {
        m_revision = m_next_revision++;  // the same undo step, but views must see the move
    }
    // A route's path runs through its stops: the vertices on the stop move with it.
    const LonLat from = m_story.place(id)->position;
    for (auto& route : m_story.routes) {
        if (std::find(route.stops.begin(), route.stops.end(), id) == route.stops.end()) continue;
        for (LonLat& p : route.path)
            if (std::abs(p.lon - from.lon) < 1e-9 && std::abs(p.lat - from.lat) < 1e-9) p = to;
    }
    m_story.place(id)->position = to;
}

std::string StoryEditor::add_place(const std::string& name, LonLat at, const std::string& category, const GazetteerEntry* found) {
    finish_move();
    checkpoint();
    std::string id = slug(name);
    for (int n = 2; m_story.place(id) || m_story.route(id); ++n) id = slug(name) + "-" + std::to_string(n);
    Place place;
    place.id = id;
    place.name = name;
    place.category = category;
    place.position = at;
    if (found) {
        place.geonames_id = found->id;
        place.country = found->country;
    }
    m_story.places.push_back(std::move(place));
    return id;
}

void StoryEditor::rename_place(const std::string& id, const std::string& name) {
    finish_move();
    if (place_or_throw(id).name == name) return;
    checkpoint();
    m_story.place(id)->name = name;
}

std::optional<std::string> StoryEditor::delete_place(const std::string& id) {
    finish_move();
    place_or_throw(id);
    for (const auto& route : m_story.routes)
        if (std::find(route.stops.begin(), route.stops.end(), id) != route.stops.end())
            return "\"" + m_story.place(id)->name + "\" is a stop of the route \"" + route.name + "\"";
    checkpoint();
    std::erase_if(m_story.places, [&](const Place& p) { return p.id == id; });
    for (auto& chapter : m_story.chapters) std::erase(chapter.focus, id);
    return std::nullopt;
}

void StoryEditor::reject_place(const std::string& id) {
    finish_move();
    place_or_throw(id);
    checkpoint();
    for (auto& route : m_story.routes) {
        for (std::size_t i = route.stops.size(); i-- > 0;)
            if (route.stops[i] == id) {
                route.stops.erase(route.stops.begin() + static_cast<std::ptrdiff_t>(i));
                if (i < route.times.size()) route.times.erase(route.times.begin() + static_cast<std::ptrdiff_t>(i));
            }
    }
    std::erase_if(m_story.routes, [](const Route& r) { return r.stops.size() < 2 && r.path.size() < 2; });
    std::erase_if(m_story.places, [&](const Place& p) { return p.id == id; });
    for (auto& chapter : m_story.chapters) std::erase(chapter.focus, id);
}

void StoryEditor::replace_place(const std::string& id, const std::string& name, LonLat position, std::int64_t geonames_id) {
    finish_move();
    place_or_throw(id);
    checkpoint();
    Place& p = *m_story.place(id);
    p.name = name;
    p.position = position;
    p.geonames_id = geonames_id;
}

void StoryEditor::undo() {
    finish_move();
    if (m_undo.empty()) return;
    m_redo.push_back({std::move(m_story), m_revision});
    m_story = std::move(m_undo.back().story);
    m_revision = m_undo.back().revision;
    m_undo.pop_back();
}

void StoryEditor::redo() {
    finish_move();
    if (m_redo.empty()) return;
    m_undo.push_back({std::move(m_story), m_revision});
    m_story = std::move(m_redo.back().story);
    m_revision = m_redo.back().revision;
    m_redo.pop_back();
}

}  // namespace storyplot
