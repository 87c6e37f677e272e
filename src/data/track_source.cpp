#include "data/track_source.hpp"

#include <cpl_minixml.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "core/story/story_time.hpp"
#include "data/gdal_support.hpp"

namespace storyplot {

namespace {

std::string text_field(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

// A time field (GPX's <time>, KML's <TimeStamp> or <begin>), as UTC seconds; nothing when absent.
std::optional<std::int64_t> time_field(const OGRFeature& f, const char* name = "time") {
    const int i = f.GetFieldIndex(name);
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
    float s = 0;
    if (!f.GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &s, &tz)) return std::nullopt;
    // OGR's zone flag: 100 is UTC, 100 + n is n quarter hours east; 0 and 1 (unknown, local) are
    // taken as UTC, as GPX's times are.
    const int offset_minutes = tz >= 2 ? (tz - 100) * 15 : 0;
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + static_cast<std::int64_t>(s) - offset_minutes * 60;
}

std::optional<LonLat> point_of(const OGRFeature& f) {
    const OGRGeometry* g = f.GetGeometryRef();
    if (!g || g->IsEmpty() || wkbFlatten(g->getGeometryType()) != wkbPoint) return std::nullopt;
    const OGRPoint* p = g->toPoint();
    return LonLat{p->getX(), p->getY()};
}

void add_lines(const OGRGeometry& g, std::vector<Path>& out) {
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbLineString: {
        const OGRLineString& line = *g.toLineString();
        Path& path = out.emplace_back();
        for (int i = 0; i < line.getNumPoints(); ++i) path.push_back({line.getX(i), line.getY(i)});
        break;
    }
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *g.toGeometryCollection()) add_lines(*part, out);
        break;
    default: break;
    }
}

// The KML document's text: the file itself, or the first .kml inside a KMZ; empty when unreadable.
std::string kml_text(const std::string& path) {
    if (lower_extension(path) == ".kml") return read_input_file(path, story_file_limit, "a KML file");
    const std::string zip = "/vsizip/" + path;
    char** names = VSIReadDir(zip.c_str());
    std::string doc;
    for (int i = 0; names && names[i] && doc.empty(); ++i)
        if (lower_extension(names[i]) == ".kml") doc = zip + "/" + names[i];
    CSLDestroy(names);
    GByte* data = nullptr;
    vsi_l_offset size = 0;
    if (doc.empty() || !VSIIngestFile(nullptr, doc.c_str(), &data, &size, static_cast<GIntBig>(story_file_limit))) return "";
    std::string text(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
    VSIFree(data);
    return text;
}

const CPLXMLNode* child_element(const CPLXMLNode* node, const char* name) {
    for (const CPLXMLNode* c = node ? node->psChild : nullptr; c; c = c->psNext)
        if (c->eType == CXT_Element && std::string_view(c->pszValue) == name) return c;
    return nullptr;
}

// Every Placemark's id and name, anywhere in the document.
void placemark_names(const CPLXMLNode* node, std::map<std::string, std::string>& names) {
    for (; node; node = node->psNext) {
        if (node->eType != CXT_Element) continue;
        if (std::string_view(node->pszValue) == "Placemark") {
            const char* id = CPLGetXMLValue(node, "id", nullptr);
            if (id) names[id] = CPLGetXMLValue(node, "name", "");
        }
        placemark_names(node->psChild, names);
    }
}

// The placemark whose balloon an update opens (<Change><Placemark targetId="…">
// <gx:balloonVisibility>1</…>), if any.
std::string opened_balloon(const CPLXMLNode* node) {
    for (; node; node = node->psNext) {
        if (node->eType != CXT_Element) continue;
        if (std::string_view(node->pszValue) == "Placemark" && std::string_view(CPLGetXMLValue(node, "gx:balloonVisibility", "0")) == "1")
            return CPLGetXMLValue(node, "targetId", "");
        if (std::string found = opened_balloon(node->psChild); !found.empty()) return found;
    }
    return "";
}

// A KML tour's flights, in its playlist's order: each FlyTo's LookAt (or Camera) and the balloon
// an update after it opens.
std::vector<TourView> read_tour(const std::string& text) {
    std::vector<TourView> views;
    CPLXMLNode* root = text.empty() ? nullptr : CPLParseXMLString(text.c_str());
    if (!root) return views;
    std::map<std::string, std::string> names;
    placemark_names(root, names);
    const CPLXMLNode* tour = CPLSearchXMLNode(root, "=gx:Tour");  // '=': after the <?xml?> declaration too
    const CPLXMLNode* playlist = tour ? child_element(tour, "gx:Playlist") : nullptr;
    for (const CPLXMLNode* c = playlist ? playlist->psChild : nullptr; c; c = c->psNext) {
        if (c->eType != CXT_Element) continue;
        const std::string_view what = c->pszValue;
        if (what == "gx:FlyTo") {
            const CPLXMLNode* look = child_element(c, "LookAt");
            const bool camera = !look;
            if (!look) look = child_element(c, "Camera");
            if (!look) continue;
            const char* lon = CPLGetXMLValue(look, "longitude", nullptr);
            const char* lat = CPLGetXMLValue(look, "latitude", nullptr);
            if (!lon || !lat) continue;
            const TourView view{{CPLAtof(lon), CPLAtof(lat)}, CPLAtof(CPLGetXMLValue(look, camera ? "altitude" : "range", "0")), ""};
            if (std::isfinite(view.centre.lon) && std::isfinite(view.centre.lat) && std::abs(view.centre.lat) <= 90 && std::abs(view.centre.lon) <= 360)
                views.push_back(view);
        } else if (what == "gx:AnimatedUpdate" && !views.empty() && views.back().placemark.empty()) {
            const std::string id = opened_balloon(c->psChild);
            const auto named = names.find(id);
            views.back().placemark = named != names.end() && !named->second.empty() ? named->second : id;
        }
    }
    CPLDestroyXMLNode(root);
    return views;
}

// A KML file through GDAL's LIBKML (or KML) driver: each folder a layer, its points waypoints (with
// their <TimeStamp> or <begin>) and its lines tracks, without times.
void read_kml(GDALDataset& ds, RecordedTrips& trips, TrackSourceNotes& counted) {
    for (OGRLayer* layer : ds.GetLayers()) {
        TripFolder folder;
        folder.name = layer->GetName();
        layer->ResetReading();
        for (auto& feature : *layer) {
            const OGRGeometry* g = feature->GetGeometryRef();
            if (!g || g->IsEmpty()) continue;
            std::string name = text_field(*feature, "Name");
            auto when = time_field(*feature, "timestamp");
            if (!when) when = time_field(*feature, "begin");
            if (const auto at = point_of(*feature)) {
                folder.waypoints.push_back(trips.waypoints.size());
                trips.waypoints.push_back({name, text_field(*feature, "description"), *at, when});
                continue;
            }
            std::vector<Path> lines;
            add_lines(*g, lines);
            for (Path& line : lines) {
                Track track;
                track.name = name;
                for (LonLat p : line) track.points.push_back({p, std::nullopt});
                counted.points += track.points.size();
                folder.tracks.push_back(trips.tracks.size());
                trips.tracks.push_back(std::move(track));
            }
        }
        if (!folder.waypoints.empty() || !folder.tracks.empty()) trips.folders.push_back(std::move(folder));
    }
}

}  // namespace

bool is_trip_file(const std::string& path) {
    const std::string ext = lower_extension(path);
    return ext == ".gpx" || ext == ".kml" || ext == ".kmz";
}

RecordedTrips read_recorded_trips(const std::string& path, TrackSourceNotes* notes) {
    const gdal::DatasetPtr ds = gdal::open_vector(path);
    const std::string driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    RecordedTrips trips;
    const char* title = ds->GetMetadataItem("METADATA_NAME");
    trips.title = title && *title ? title : std::filesystem::path(path).stem().string();
    TrackSourceNotes counted;
    if (driver == "LIBKML" || driver == "KML") {
        read_kml(*ds, trips, counted);
        if (trips.waypoints.empty() && trips.tracks.empty()) throw InputError(path, "holds no placemark or line");
        // A tour's flights become the chapters; their timings (durations, waits) are not kept.
        trips.tour = read_tour(kml_text(path));
        counted.tour = !trips.tour.empty();
        if (notes) *notes = counted;
        return trips;
    }
    if (driver != "GPX") throw InputError(path, "not a GPX or KML file (import reads GPX tracks, routes and waypoints, and KML placemarks, lines and folders)");
    // Tracks and routes by their feature id, named from their own layer, their points from the
    // points layer (track_fid / route_fid), in the file's order.
    std::map<long long, Track> tracks, routes;
    for (OGRLayer* layer : ds->GetLayers()) {
        const std::string name = layer->GetName();
        layer->ResetReading();
        for (auto& feature : *layer) {
            if (name == "waypoints") {
                if (const auto at = point_of(*feature))
                    trips.waypoints.push_back({text_field(*feature, "name"), text_field(*feature, "desc"), *at, time_field(*feature)});
            } else if (name == "tracks" || name == "routes") {
                Track& t = (name == "tracks" ? tracks : routes)[feature->GetFID()];
                t.name = text_field(*feature, "name");
                t.type = text_field(*feature, "type");
            } else if (name == "track_points" || name == "route_points") {
                const bool track = name == "track_points";
                const int owner = feature->GetFieldIndex(track ? "track_fid" : "route_fid");
                const auto at = point_of(*feature);
                if (owner < 0 || !at) continue;
                (track ? tracks : routes)[feature->GetFieldAsInteger64(owner)].points.push_back({*at, time_field(*feature)});
                ++counted.points;
                const int ele = feature->GetFieldIndex("ele");
                if (ele >= 0 && feature->IsFieldSetAndNotNull(ele)) ++counted.elevations;
            }
        }
    }
    for (auto* kind : {&tracks, &routes})
        for (auto& [id, t] : *kind) trips.tracks.push_back(std::move(t));
    if (trips.waypoints.empty() && trips.tracks.empty()) {
        const std::string detail = gdal::last_error();
        throw InputError(path, detail.empty() ? "holds no waypoint, track or route" : "corrupt or unreadable: " + detail);
    }
    if (notes) *notes = counted;
    return trips;
}

}  // namespace storyplot
