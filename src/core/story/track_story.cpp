#include "core/story/track_story.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <set>

#include "core/geo/geodesic.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_editor.hpp"
#include "core/story/story_time.hpp"

namespace storyplot {

namespace {

StoryMoment moment(std::int64_t utc, int offset_minutes) {
    const StoryTime t{utc, offset_minutes};
    return {iso_story_time(t), t};
}

// The story's clock: the zone of the first timed point's longitude, in whole hours.
int zone_minutes(const RecordedTrips& trips) {
    auto of = [](LonLat p) { return static_cast<int>(std::clamp(std::round(p.lon / 15.0), -12.0, 14.0)) * 60; };
    for (const Track& t : trips.tracks)
        for (const TrackPoint& p : t.points)
            if (p.utc) return of(p.position);
    for (const Waypoint& w : trips.waypoints)
        if (w.utc) return of(w.position);
    return 0;
}

// Metres between two points a few hundred metres apart (equirectangular: within 0.1% there), a
// hundred times cheaper than the geodesic the pause search would otherwise make for every point.
double short_distance(LonLat a, LonLat b) {
    const double dlon = std::remainder(b.lon - a.lon, 360.0);
    const double x = dlon * 111319.49 * std::cos((a.lat + b.lat) * M_PI / 360.0);
    const double y = (b.lat - a.lat) * 110574.0;
    return std::hypot(x, y);
}

struct Stop {
    std::size_t index;  // the track point it is at (for a pause, where it began)
    std::string place;
    std::optional<std::int64_t> arrive, depart;
};

}  // namespace

TravelMode mode_for_speed(std::optional<double> km_per_hour) {
    if (!km_per_hour) return TravelMode::car;
    if (*km_per_hour <= 7) return TravelMode::walk;
    if (*km_per_hour <= 130) return TravelMode::car;
    if (*km_per_hour <= 300) return TravelMode::train;
    return TravelMode::plane;
}

double zoom_for_range(double range_m, double lat) {
    const double ground_height = 2 * range_m * std::tan(30.0 * std::numbers::pi / 180);
    const double zoom = zoom_for_resolution(ground_height / mercator::ground_scale(lat) / 800.0);
    return std::clamp(std::round(zoom * 100) / 100, 0.0, 22.0);  // a hundredth of a level: nothing a reader sees
}

Story story_from_trips(const RecordedTrips& trips, std::size_t* left_out) {
    Story story;
    story.title = trips.title;
    const int zone = zone_minutes(trips);
    story.timezone = format_utc_offset(zone);
    std::set<std::string> ids;
    auto add_place = [&](const std::string& name, LonLat at, const std::string& category, std::optional<std::int64_t> utc,
                         const std::string& fact) {
        Place p;
        p.id = unique_slug(name, ids, "place");
        p.name = name;
        p.category = category;
        p.position = at;
        p.fact = fact;
        if (utc) p.time = moment(*utc, zone);
        story.places.push_back(std::move(p));
        return story.places.back().id;
    };
    std::vector<std::string> waypoint_ids;
    for (const Waypoint& w : trips.waypoints) waypoint_ids.push_back(add_place(w.name.empty() ? "Waypoint" : w.name, w.position, "waypoint", w.utc, w.description));

    std::size_t skipped = 0;
    std::vector<std::string> track_ids(trips.tracks.size());  // empty: left out
    for (std::size_t t = 0; t < trips.tracks.size(); ++t) {
        const Track& track = trips.tracks[t];
        const auto& pts = track.points;
        if (pts.size() < 2) {
            ++skipped;
            continue;
        }
        const std::string name = track.name.empty() ? "Track " + std::to_string(t + 1) : track.name;
        std::vector<Stop> stops;
        // Waypoints on the way, at the track point nearest each.
        for (std::size_t w = 0; w < trips.waypoints.size(); ++w) {
            double best = waypoint_reach_m;
            std::optional<std::size_t> at;
            for (std::size_t i = 0; i < pts.size(); ++i) {
                const double d = short_distance(trips.waypoints[w].position, pts[i].position);
                if (d <= best) best = d, at = i;
            }
            if (at) stops.push_back({*at, waypoint_ids[w], pts[*at].utc, pts[*at].utc});
        }
        auto stop_near = [&](std::size_t i) -> Stop* {
            for (Stop& s : stops)
                if (short_distance(pts[s.index].position, pts[i].position) <= waypoint_reach_m) return &s;
            return nullptr;
        };
        // Pauses: the track staying near one point for pause_seconds or more; at a waypoint, the
        // waypoint's stop takes the pause's arrival and departure.
        for (std::size_t i = 0; i < pts.size();) {
            std::size_t j = i;
            while (j + 1 < pts.size() && short_distance(pts[i].position, pts[j + 1].position) <= pause_radius_m) ++j;
            const bool paused = j > i && pts[i].utc && pts[j].utc && *pts[j].utc - *pts[i].utc >= pause_seconds;
            if (Stop* at = paused ? stop_near(i) : nullptr) {
                at->arrive = pts[i].utc;
                at->depart = pts[j].utc;
            } else if (paused) {
                const CivilTime c = civil_time({*pts[i].utc, zone});
                char label[32];
                std::snprintf(label, sizeof label, "Pause at %02d:%02d", c.hour, c.minute);
                stops.push_back({i, add_place(label, pts[i].position, "stop", pts[i].utc, ""), pts[i].utc, pts[j].utc});
            }
            i = paused ? j + 1 : i + 1;  // a pause may begin at any point, not only where a run ended
        }
        // Where it started and ended, unless a stop is there already.
        if (!stop_near(0)) stops.push_back({0, add_place("Start of " + name, pts.front().position, "stop", pts.front().utc, ""), {}, pts.front().utc});
        if (!stop_near(pts.size() - 1))
            stops.push_back({pts.size() - 1, add_place("End of " + name, pts.back().position, "stop", pts.back().utc, ""), pts.back().utc, {}});
        std::stable_sort(stops.begin(), stops.end(), [](const Stop& a, const Stop& b) { return a.index < b.index; });

        Route route;
        route.id = unique_slug(name, ids, "track");
        route.name = name;
        for (const TrackPoint& p : pts)
            if (route.path.empty() || !(route.path.back() == p.position)) route.path.push_back(p.position);  // a wait's repeated point once
        // The mean speed between the first and the last timed stop.
        std::optional<double> speed;
        const Stop* first_timed = nullptr;
        const Stop* last_timed = nullptr;
        for (const Stop& s : stops)
            if (s.arrive || s.depart) {
                if (!first_timed) first_timed = &s;
                last_timed = &s;
            }
        if (first_timed && last_timed != first_timed) {
            const std::int64_t from = first_timed->depart ? *first_timed->depart : *first_timed->arrive;
            const std::int64_t to = last_timed->arrive ? *last_timed->arrive : *last_timed->depart;
            double metres = 0;
            for (std::size_t i = first_timed->index + 1; i <= last_timed->index; ++i) metres += geodesic_distance(pts[i - 1].position, pts[i].position);
            if (to > from) speed = metres / 1000.0 / (static_cast<double>(to - from) / 3600.0);
        }
        route.mode = parse_travel_mode(track.type).value_or(mode_for_speed(speed));
        std::size_t timed = 0;
        for (const Stop& s : stops) {
            route.stops.push_back(s.place);
            StopTime time;
            if (s.arrive) time.arrive = moment(*s.arrive, zone);
            if (s.depart) time.depart = moment(*s.depart, zone);
            timed += s.arrive || s.depart ? 1 : 0;
            route.times.push_back(time);  // none: passed at no time of its own
        }
        // Fewer than two times, or times that run backwards (a track joined from several
        // recordings), are left out: the route still draws, at no time of its own.
        if (timed < 2 || route_times_problem(route)) route.times.clear();
        if (route.stops.size() < 2) {
            ++skipped;
            continue;
        }
        track_ids[t] = route.id;
        if (trips.folders.empty() && trips.tour.empty()) {
            Chapter chapter;
            chapter.id = unique_slug("chapter " + route.id, ids, "chapter");
            chapter.title = name;
            if (pts.front().utc) chapter.time = moment(*pts.front().utc, zone);
            chapter.focus = {route.id};
            story.chapters.push_back(std::move(chapter));
        }
        story.routes.push_back(std::move(route));
    }
    // A tour: a chapter for each flight, in its order, at the view it flies to, named for and
    // framing the placemark whose balloon it opens (else "View 3").
    for (std::size_t v = 0; v < trips.tour.size(); ++v) {
        const TourView& view = trips.tour[v];
        Chapter chapter;
        chapter.title = view.placemark.empty() ? "View " + std::to_string(v + 1) : view.placemark;
        chapter.id = unique_slug("chapter " + chapter.title, ids, "chapter");
        chapter.center = view.centre;
        if (view.range_m > 0) chapter.zoom = zoom_for_range(view.range_m, view.centre.lat);
        for (std::size_t w = 0; w < trips.waypoints.size() && !view.placemark.empty(); ++w)
            if (trips.waypoints[w].name == view.placemark) {
                chapter.focus = {waypoint_ids[w]};
                if (trips.waypoints[w].utc) chapter.time = moment(*trips.waypoints[w].utc, zone);
                break;
            }
        story.chapters.push_back(std::move(chapter));
    }
    // Folders: a chapter each, framing its places and routes, at the earliest time among them.
    for (const TripFolder& folder : trips.tour.empty() ? trips.folders : std::vector<TripFolder>{}) {
        Chapter chapter;
        chapter.id = unique_slug("chapter " + folder.name, ids, "chapter");
        chapter.title = folder.name;
        std::optional<std::int64_t> first;
        auto earliest = [&](std::optional<std::int64_t> t) {
            if (t && (!first || *t < *first)) first = t;
        };
        for (std::size_t w : folder.waypoints)
            if (w < waypoint_ids.size()) {
                chapter.focus.push_back(waypoint_ids[w]);
                earliest(trips.waypoints[w].utc);
            }
        for (std::size_t t : folder.tracks)
            if (t < track_ids.size() && !track_ids[t].empty()) {
                chapter.focus.push_back(track_ids[t]);
                if (!trips.tracks[t].points.empty()) earliest(trips.tracks[t].points.front().utc);
            }
        if (chapter.focus.empty()) continue;
        if (first) chapter.time = moment(*first, zone);
        story.chapters.push_back(std::move(chapter));
    }
    if (left_out) *left_out = skipped;
    return story;
}

}  // namespace storyplot
