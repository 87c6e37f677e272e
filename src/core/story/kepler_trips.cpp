#include "core/story/kepler_trips.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/files/input_error.hpp"
#include "core/story/story_file.hpp"

namespace storyplot {

namespace {

std::string first_text(const Json* properties, std::initializer_list<const char*> names) {
    if (!properties) return "";
    for (const char* n : names)
        if (const Json* v = json_member(*properties, n)) {
            if (v->is_string() && !v->get<std::string>().empty()) return v->get<std::string>();
            if (v->is_number_integer()) return std::to_string(v->get<long long>());
        }
    return "";
}

// [lon, lat, altitude, time]: the point, its time (raw: seconds or milliseconds), its altitude.
struct RawPoint {
    LonLat position;
    std::optional<double> time;
    double altitude = 0;
};

std::optional<RawPoint> raw_point(const Json& c) {
    if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) return std::nullopt;
    RawPoint p{{c[0].get<double>(), c[1].get<double>()}, std::nullopt, 0};
    if (!std::isfinite(p.position.lon) || !std::isfinite(p.position.lat) || std::abs(p.position.lat) > 90 || std::abs(p.position.lon) > 540)
        return std::nullopt;
    p.position.lon = std::remainder(p.position.lon, 360.0);  // a map panned past 180 gives 200.9 for -159.1
    if (c.size() >= 3 && c[2].is_number()) p.altitude = c[2].get<double>();
    if (c.size() >= 4 && c[3].is_number() && std::isfinite(c[3].get<double>())) p.time = c[3].get<double>();
    return p;
}

}  // namespace

bool may_hold_kepler_trips(std::string_view head) {
    for (std::size_t at = head.find("\"LineString\""); at != std::string_view::npos; at = head.find("\"LineString\"", at + 1)) {
        // The line's coordinates, near its type (either side of it): the first point's values.
        const std::size_t from = at > 400 ? at - 400 : 0;
        const std::size_t c = head.substr(from, 800).find("\"coordinates\"");
        if (c == std::string_view::npos) continue;
        const std::size_t open = head.find("[[", from + c);
        const std::size_t close = open == std::string_view::npos ? open : head.find(']', open);
        if (close == std::string_view::npos) continue;
        const std::string_view first = head.substr(open + 2, close - open - 2);
        if (std::count(first.begin(), first.end(), ',') == 3) return true;
    }
    return false;
}

RecordedTrips read_kepler_trips(std::string_view text, const std::string& path, KeplerNotes* notes) {
    const Json doc = parse_json(std::string(text), path);
    std::vector<const Json*> features;
    if (const Json* list = json_member(doc, "features"); list && list->is_array())
        for (const Json& f : *list) features.push_back(&f);
    else if (json_member(doc, "geometry"))
        features.push_back(&doc);
    RecordedTrips trips;
    trips.title = first_text(&doc, {"name", "title"});
    if (trips.title.empty()) trips.title = std::filesystem::path(path).stem().string();
    KeplerNotes counted;
    for (const Json* feature : features) {
        const Json* geometry = json_member(*feature, "geometry");
        const Json* properties = json_member(*feature, "properties");
        const std::string type = geometry ? first_text(geometry, {"type"}) : "";
        const Json* coordinates = geometry ? json_member(*geometry, "coordinates") : nullptr;
        if (!coordinates || !coordinates->is_array()) {
            ++counted.other;
            continue;
        }
        if (type == "Point") {
            if (const auto p = raw_point(*coordinates)) {
                ++counted.points;
                Waypoint w{first_text(properties, {"name", "title", "id"}), first_text(properties, {"description", "desc"}), p->position, std::nullopt};
                if (p->time && std::abs(*p->time) < 2.5e14) w.utc = std::llround(std::abs(*p->time) > 1e11 ? *p->time / 1000 : *p->time);
                trips.waypoints.push_back(std::move(w));
            }
            continue;
        }
        std::vector<const Json*> lines;
        if (type == "LineString") lines.push_back(coordinates);
        else if (type == "MultiLineString")
            for (const Json& part : *coordinates) lines.push_back(&part);
        else {
            ++counted.other;
            continue;
        }
        std::vector<RawPoint> raw;
        for (const Json* line : lines)
            if (line->is_array())
                for (const Json& c : *line)
                    if (const auto p = raw_point(c)) raw.push_back(*p);
        counted.points += raw.size();
        // Milliseconds when the times are past the year 5138 read as seconds (kepler.gl's examples use either).
        std::vector<double> times;
        for (const RawPoint& p : raw)
            if (p.time) times.push_back(*p.time);
        double unit = 1;
        if (!times.empty()) {
            std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2), times.end());
            if (times[times.size() / 2] > 1e11) unit = 1000;
        }
        Track track;
        track.name = first_text(properties, {"name", "title", "id", "vendor"});
        track.type = first_text(properties, {"mode", "type"});
        for (const RawPoint& p : raw) {
            if (p.altitude != 0) ++counted.elevations;
            // A time before -9999 or after 9999 is no time a trip was recorded at.
            const bool dated = p.time && std::abs(*p.time / unit) < 2.5e11;
            track.points.push_back({p.position, dated ? std::optional<std::int64_t>(std::llround(*p.time / unit)) : std::nullopt});
        }
        trips.tracks.push_back(std::move(track));
    }
    const bool timed = std::any_of(trips.tracks.begin(), trips.tracks.end(), [](const Track& t) {
        return std::any_of(t.points.begin(), t.points.end(), [](const TrackPoint& p) { return p.utc.has_value(); });
    });
    if (!timed) throw InputError(path, "neither StoryMapJS slides nor kepler.gl trips (no line has a time as its coordinates' fourth value)");
    if (notes) *notes = counted;
    return trips;
}

}  // namespace storyplot
