#include "core/story/story_editor.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "core/geoparse/geoparser.hpp"

namespace storyplot {

std::string slug(const std::string& name, const std::string& fallback) {
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c) && c < 128)
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? fallback : out;
}

std::string unique_slug(const std::string& name, std::set<std::string>& taken, const std::string& fallback) {
    const std::string id = slug(name, fallback);
    std::string candidate = id;
    for (int n = 2; taken.count(candidate); ++n) candidate = id + "-" + std::to_string(n);
    taken.insert(candidate);
    return candidate;
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

void StoryEditor::merging_checkpoint(const std::string& key) {
    if (m_merging != key) {
        checkpoint();
        m_merging = key;
    } else {
        m_revision = m_next_revision++;  // the same undo step, but views must see the change
    }
}

Route& StoryEditor::route_or_throw(const std::string& id) {
    Route* r = m_story.route(id);
    if (!r) throw std::invalid_argument("no route \"" + id + "\"");
    return *r;
}

void StoryEditor::move_place(const std::string& id, LonLat to) {
    place_or_throw(id);
    merging_checkpoint("move " + id);
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
    // A country or region taken instead has no GeoNames entry.
    if (geonames_id > 0) p.geonames_id = geonames_id;
    else p.geonames_id.reset();
}

namespace {

int clamp_index(int index, std::size_t size) { return std::clamp(index, 0, std::max(0, static_cast<int>(size) - 1)); }

}  // namespace

int StoryEditor::add_chapter(int at, Chapter chapter) {
    finish_move();
    checkpoint();
    const std::string base = slug(chapter.title.empty() ? "chapter" : chapter.title);
    chapter.id = base;
    for (int n = 2; m_story.chapter(chapter.id); ++n) chapter.id = base + "-" + std::to_string(n);
    at = std::clamp(at, 0, static_cast<int>(m_story.chapters.size()));
    m_story.chapters.insert(m_story.chapters.begin() + at, std::move(chapter));
    return at;
}

void StoryEditor::remove_chapter(int index) {
    finish_move();
    if (m_story.chapters.empty()) return;
    checkpoint();
    m_story.chapters.erase(m_story.chapters.begin() + clamp_index(index, m_story.chapters.size()));
}

void StoryEditor::move_chapter(int from, int to) {
    finish_move();
    if (m_story.chapters.empty()) return;
    from = clamp_index(from, m_story.chapters.size());
    to = clamp_index(to, m_story.chapters.size());
    if (from == to) return;
    checkpoint();
    auto& c = m_story.chapters;
    if (from < to) std::rotate(c.begin() + from, c.begin() + from + 1, c.begin() + to + 1);
    else std::rotate(c.begin() + to, c.begin() + from, c.begin() + from + 1);
}

std::optional<std::string> StoryEditor::edit_chapter(int index, const Chapter& edited) {
    if (m_story.chapters.empty()) return "the story has no chapters";
    Chapter& c = m_story.chapters[static_cast<std::size_t>(clamp_index(index, m_story.chapters.size()))];
    for (const auto& id : edited.focus)
        if (!m_story.place(id) && !m_story.route(id)) return "focus \"" + id + "\" names no place or route";
    const auto text_of = [](const std::optional<StoryMoment>& m) { return m ? m->text : std::string(); };
    if (c.title == edited.title && c.text == edited.text && text_of(c.time) == text_of(edited.time) && c.focus == edited.focus &&
        c.zoom == edited.zoom && c.center == edited.center && c.image == edited.image)
        return std::nullopt;
    merging_checkpoint("chapter " + c.id);
    Chapter& now = m_story.chapters[static_cast<std::size_t>(clamp_index(index, m_story.chapters.size()))];
    now.title = edited.title;
    now.text = edited.text;
    now.time = edited.time;
    now.focus = edited.focus;
    now.zoom = edited.zoom;
    now.center = edited.center;
    now.image = edited.image;
    return std::nullopt;
}

std::string StoryEditor::add_route(const std::string& name, TravelMode mode, std::vector<std::string> stops) {
    finish_move();
    if (stops.size() < 2) throw std::invalid_argument("a route needs two stops or more");
    for (const auto& id : stops) place_or_throw(id);
    checkpoint();
    const std::string base = slug(name.empty() ? "route" : name);
    std::string id = base;
    for (int n = 2; m_story.place(id) || m_story.route(id); ++n) id = base + "-" + std::to_string(n);
    Route route;
    route.id = id;
    route.name = name.empty() ? "New route" : name;
    route.mode = mode;
    route.stops = std::move(stops);
    m_story.routes.push_back(std::move(route));
    return id;
}

void StoryEditor::set_route_mode(const std::string& id, TravelMode mode) {
    finish_move();
    if (route_or_throw(id).mode == mode) return;
    checkpoint();
    m_story.route(id)->mode = mode;
}

void StoryEditor::rename_route(const std::string& id, const std::string& name) {
    finish_move();
    if (route_or_throw(id).name == name) return;
    checkpoint();
    m_story.route(id)->name = name;
}

void StoryEditor::set_route_path(const std::string& id, Path path) {
    finish_move();
    if (route_or_throw(id).path == path) return;
    checkpoint();
    m_story.route(id)->path = std::move(path);
}

std::optional<std::string> StoryEditor::set_stop_time(const std::string& id, std::size_t stop, const StopTime& time) {
    Route trial = route_or_throw(id);
    if (stop >= trial.stops.size()) return "no stop " + std::to_string(stop + 1);
    if (trial.times.empty()) trial.times.resize(trial.stops.size());
    trial.times[stop] = time;
    if (auto problem = route_times_problem(trial)) return problem;
    // A route whose stops all lost their times is untimed again.
    if (std::all_of(trial.times.begin(), trial.times.end(), [](const StopTime& t) { return !t.arrive && !t.depart; })) trial.times.clear();
    merging_checkpoint("times " + id + " " + std::to_string(stop));
    *m_story.route(id) = std::move(trial);
    return std::nullopt;
}

std::optional<std::string> StoryEditor::insert_stop(const std::string& id, std::size_t at, const std::string& place) {
    finish_move();
    Route& route = route_or_throw(id);
    if (!m_story.place(place)) return "no place \"" + place + "\"";
    at = std::min(at, route.stops.size());
    checkpoint();
    Route& r = *m_story.route(id);
    r.stops.insert(r.stops.begin() + static_cast<std::ptrdiff_t>(at), place);
    if (!r.times.empty()) r.times.insert(r.times.begin() + static_cast<std::ptrdiff_t>(at), StopTime{});
    r.path.clear();  // its own path no longer runs through its stops: drawn from them until snapped again
    return std::nullopt;
}

std::optional<std::string> StoryEditor::remove_stop(const std::string& id, std::size_t stop) {
    finish_move();
    const Route& route = route_or_throw(id);
    if (stop >= route.stops.size()) return "no stop " + std::to_string(stop + 1);
    if (route.stops.size() <= 2) return "a route keeps two stops at least";
    checkpoint();
    Route& r = *m_story.route(id);
    r.stops.erase(r.stops.begin() + static_cast<std::ptrdiff_t>(stop));
    if (stop < r.times.size()) r.times.erase(r.times.begin() + static_cast<std::ptrdiff_t>(stop));
    r.path.clear();
    return std::nullopt;
}

TypedTime parse_typed_time(const std::string& text, int zone_minutes) {
    std::string trimmed = text;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.erase(trimmed.begin());
    if (trimmed.empty()) return {};
    // People type a space between the date and the time, as the window shows them.
    if (trimmed.size() > 10 && trimmed[10] == ' ') trimmed[10] = 'T';
    std::erase(trimmed, ' ');
    auto moment = parse_story_moment(trimmed, zone_minutes);
    if (!moment) return {std::nullopt, "not a time: use 2019-04-24 18:00, optionally with a zone (+10:00)"};
    return {std::move(moment), ""};
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
