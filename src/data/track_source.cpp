#include "data/track_source.hpp"

#include <filesystem>
#include <map>

#include "core/files/input_error.hpp"
#include "core/story/story_time.hpp"
#include "data/gdal_support.hpp"

namespace storyplot {

namespace {

std::string text_field(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

// GPX's <time>, as UTC seconds; nothing when absent or without a zone GDAL knows.
std::optional<std::int64_t> time_field(const OGRFeature& f) {
    const int i = f.GetFieldIndex("time");
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

}  // namespace

RecordedTrips read_recorded_trips(const std::string& path, TrackSourceNotes* notes) {
    const gdal::DatasetPtr ds = gdal::open_vector(path);
    const std::string driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    if (driver != "GPX") throw InputError(path, "not a GPX file (import reads GPX tracks, routes and waypoints)");
    RecordedTrips trips;
    const char* title = ds->GetMetadataItem("METADATA_NAME");
    trips.title = title && *title ? title : std::filesystem::path(path).stem().string();
    TrackSourceNotes counted;
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
