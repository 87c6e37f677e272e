#include "export/interchange.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "core/files/file_input.hpp"
#include "core/files/markup.hpp"
#include "core/geo/mercator.hpp"
#include "core/motion/story_motion.hpp"
#include "core/story/story_camera.hpp"
#include "core/mesh/story_meshes.hpp"

namespace storyplot {

std::optional<InterchangeFormat> interchange_format_for(const std::string& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".kml") return InterchangeFormat::kml;
    if (ext == ".gpx") return InterchangeFormat::gpx;
    if (ext == ".geojson" || ext == ".json") return InterchangeFormat::geojson;
    return std::nullopt;
}

namespace {

std::string xml(const std::string& text) { return escape_markup(text); }

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.7f", v);
    std::string s = text;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

double wrap_lon(double lon) { return std::remainder(lon, 360.0); }

std::string iso_utc(double t) {
    const CivilTime c = civil_time(StoryTime{static_cast<std::int64_t>(std::llround(t)), 0});
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
    return text;
}

// KML colours are aabbggrr.
std::string kml_color(Color c) {
    char text[16];
    std::snprintf(text, sizeof text, "ff%02x%02x%02x", static_cast<int>(c.b * 255), static_cast<int>(c.g * 255), static_cast<int>(c.r * 255));
    return text;
}

}  // namespace

std::string story_to_kml(const Story& story) {
    const StoryMotion routes(story);  // each route's geometry, once: the lines and the tour's views
    std::ostringstream k;
    k << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:gx=\"http://www.google.com/kml/ext/2.2\">\n<Document>\n"
      << "  <name>" << xml(story.title) << "</name>\n";
    if (!story.source_title.empty()) k << "  <description>Source: " << xml(story.source_title) << "</description>\n";
    for (const auto& route : story.routes)
        k << "  <Style id=\"route-" << xml(route.id) << "\"><LineStyle><color>" << kml_color(route_color(route))
          << "</color><width>4</width></LineStyle></Style>\n";
    k << "  <Folder><name>Places</name>\n";
    for (const auto& p : story.places) {
        k << "    <Placemark id=\"" << xml(p.id) << "\"><name>" << xml(p.name) << "</name>";
        if (!p.fact.empty()) k << "<description>" << xml(p.fact) << "</description>";
        if (p.time) k << "<TimeStamp><when>" << iso_utc(p.time->utc()) << "</when></TimeStamp>";
        k << "<Point><coordinates>" << number(p.position.lon) << "," << number(p.position.lat) << ",0</coordinates></Point></Placemark>\n";
    }
    k << "  </Folder>\n  <Folder><name>Routes</name>\n";
    for (const auto& route : story.routes) {
        k << "    <Placemark id=\"" << xml(route.id) << "\"><name>" << xml(route.name) << "</name><styleUrl>#route-" << xml(route.id)
          << "</styleUrl><LineString><tessellate>1</tessellate><coordinates>";
        for (LonLat p : routes.motion(route.id)->path()) k << number(wrap_lon(p.lon)) << "," << number(p.lat) << ",0 ";
        k << "</coordinates></LineString></Placemark>\n";
    }
    k << "  </Folder>\n";
    // The tour: a smooth flight to each chapter's view, a pause to read it.
    k << "  <gx:Tour><name>" << xml(story.title) << "</name><gx:Playlist>\n";
    for (const auto& chapter : story.chapters) {
        const Camera cam = chapter_camera(story, chapter, 1280, 800, &routes);
        const LonLat centre = mercator::inverse(cam.center());
        // The view's height on the ground, seen with Google Earth's ~60 degree field of view.
        const double ground_height = cam.visible_box().height() * mercator::ground_scale(centre.lat);
        const double range = ground_height / (2 * std::tan(30.0 * 3.14159265358979 / 180));
        k << "    <gx:FlyTo><gx:duration>4</gx:duration><gx:flyToMode>smooth</gx:flyToMode><LookAt><longitude>" << number(centre.lon)
          << "</longitude><latitude>" << number(centre.lat) << "</latitude><altitude>0</altitude><heading>0</heading><tilt>0</tilt><range>"
          << std::llround(range) << "</range><altitudeMode>relativeToGround</altitudeMode></LookAt></gx:FlyTo>\n";
        // The chapter's place, when it frames one first: its balloon opens while the tour waits.
        const Place* shown = chapter.focus.empty() ? nullptr : story.place(chapter.focus.front());
        if (shown)
            k << "    <gx:AnimatedUpdate><gx:duration>0</gx:duration><Update><targetHref/><Change><Placemark targetId=\"" << xml(shown->id)
              << "\"><gx:balloonVisibility>1</gx:balloonVisibility></Placemark></Change></Update></gx:AnimatedUpdate>\n";
        k << "    <gx:Wait><gx:duration>3</gx:duration></gx:Wait>\n";
        if (shown)
            k << "    <gx:AnimatedUpdate><gx:duration>0</gx:duration><Update><targetHref/><Change><Placemark targetId=\"" << xml(shown->id)
              << "\"><gx:balloonVisibility>0</gx:balloonVisibility></Placemark></Change></Update></gx:AnimatedUpdate>\n";
    }
    k << "  </gx:Playlist></gx:Tour>\n</Document>\n</kml>\n";
    return k.str();
}

std::string story_to_gpx(const Story& story) {
    std::ostringstream g;
    g << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<gpx version=\"1.1\" creator=\"storyplot\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
      << "  <metadata><name>" << xml(story.title) << "</name></metadata>\n";
    for (const auto& p : story.places) {
        g << "  <wpt lat=\"" << number(p.position.lat) << "\" lon=\"" << number(p.position.lon) << "\">";
        if (p.time) g << "<time>" << iso_utc(p.time->utc()) << "</time>";
        g << "<name>" << xml(p.name) << "</name>";
        if (!p.fact.empty()) g << "<desc>" << xml(p.fact) << "</desc>";
        g << "</wpt>\n";
    }
    for (const auto& route : story.routes) {
        const RouteMotion motion(story, route);
        // A wait at a stop is the stop's point twice, at the arrival and at the departure, as a
        // recording of it would be (import makes it the stop's arrival and departure again).
        std::map<std::size_t, double> departures;
        if (motion.timed() && route.times.size() == route.stops.size() && motion.stop_vertices().size() == route.stops.size())
            for (std::size_t k = 0; k < route.times.size(); ++k) {
                const StopTime& t = route.times[k];
                if (t.arrive && t.depart && t.depart->utc() > t.arrive->utc()) departures[motion.stop_vertices()[k]] = t.depart->utc();
            }
        g << "  <trk><name>" << xml(route.name) << "</name><type>" << travel_mode_name(route.mode) << "</type><trkseg>\n";
        for (std::size_t i = 0; i < motion.path().size(); ++i) {
            const LonLat p = motion.path()[i];
            const std::string at = "    <trkpt lat=\"" + number(p.lat) + "\" lon=\"" + number(wrap_lon(p.lon)) + "\">";
            g << at;
            if (const auto t = motion.time_at_distance(motion.distance_at_vertex(i))) g << "<time>" << iso_utc(*t) << "</time>";
            g << "</trkpt>\n";
            if (const auto left = departures.find(i); left != departures.end()) g << at << "<time>" << iso_utc(left->second) << "</time></trkpt>\n";
        }
        g << "  </trkseg></trk>\n";
    }
    g << "</gpx>\n";
    return g.str();
}

std::string story_to_geojson(const Story& story) {
    Json doc = {{"type", "FeatureCollection"}, {"features", Json::array()}};
    for (const auto& p : story.places) {
        Json props = {{"name", p.name}};
        if (!p.category.empty()) props["category"] = p.category;
        if (!p.fact.empty()) props["fact"] = p.fact;
        if (p.time) props["time"] = p.time->text;
        doc["features"].push_back({{"type", "Feature"}, {"id", p.id},
                                   {"geometry", {{"type", "Point"}, {"coordinates", {p.position.lon, p.position.lat}}}},
                                   {"properties", props}});
    }
    for (const auto& route : story.routes) {
        // RFC 7946: a line across the antimeridian is cut there into a MultiLineString.
        Json parts = Json::array();
        Json part = Json::array();
        double last = 0;
        for (LonLat p : route_geometry(story, route)) {
            const double lon = wrap_lon(p.lon);
            if (!part.empty() && std::abs(lon - last) > 180) {
                parts.push_back(part);
                part = Json::array();
            }
            part.push_back({lon, p.lat});
            last = lon;
        }
        parts.push_back(part);
        Json geometry = parts.size() == 1 ? Json{{"type", "LineString"}, {"coordinates", parts[0]}}
                                          : Json{{"type", "MultiLineString"}, {"coordinates", parts}};
        doc["features"].push_back({{"type", "Feature"}, {"id", route.id}, {"geometry", geometry},
                                   {"properties", {{"name", route.name}, {"mode", std::string(travel_mode_name(route.mode))}, {"stops", route.stops}}}});
    }
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace storyplot
