// Exports that need no GL, tested without the app: KML, GPX and GeoJSON from a story, and the
// times of an animation's frames.
#include "export/interchange.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "core/story/story_file.hpp"
#include "export/animation.hpp"

using namespace storyplot;

namespace {

Story seed() { return read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json"); }

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// A flight from Vladivostok to Anchorage: its great circle crosses the antimeridian.
const std::string flight = R"({"type": "FeatureCollection", "story": {"title": "Over the date line", "timezone": "+10:00"}, "features": [
  {"type": "Feature", "id": "vvo", "geometry": {"type": "Point", "coordinates": [131.8869, 43.1056]},
   "properties": {"kind": "place", "name": "Vladivostok", "time": "2019-05-01T08:00+10:00"}},
  {"type": "Feature", "id": "anc", "geometry": {"type": "Point", "coordinates": [-149.9003, 61.2181]}, "properties": {"kind": "place", "name": "Anchorage"}},
  {"type": "Feature", "id": "f", "geometry": null, "properties": {"kind": "route", "name": "Flight", "mode": "plane", "stops": ["vvo", "anc"],
   "times": ["2019-05-01T08:00+10:00", "2019-05-01T16:00+10:00"]}}]})";

}  // namespace

TEST(Interchange, FormatsByExtension) {
    EXPECT_EQ(interchange_format_for("a.kml"), InterchangeFormat::kml);
    EXPECT_EQ(interchange_format_for("a.gpx"), InterchangeFormat::gpx);
    EXPECT_EQ(interchange_format_for("a.geojson"), InterchangeFormat::geojson);
    EXPECT_FALSE(interchange_format_for("a.png"));
}

TEST(Interchange, KmlHasEveryPlaceRouteAndAChapterTour) {
    const Story story = seed();
    const std::string kml = story_to_kml(story);
    EXPECT_EQ(count(kml, "<Point>"), story.places.size());
    EXPECT_EQ(count(kml, "<LineString>"), story.routes.size());
    EXPECT_EQ(count(kml, "<gx:FlyTo>"), story.chapters.size());
    EXPECT_NE(kml.find("<name>Vladivostok station</name>"), std::string::npos);
}

TEST(Interchange, GpxTimesAreUtc) {
    const Story story = parse_story(flight, "f.story.json");
    const std::string gpx = story_to_gpx(story);
    EXPECT_NE(gpx.find("<time>2019-04-30T22:00:00Z</time>"), std::string::npos) << gpx.substr(0, 600);
    EXPECT_EQ(count(gpx, "<wpt "), 2u);
}

TEST(Interchange, GeoJsonCutsALineAtTheAntimeridian) {
    const Story story = parse_story(flight, "f.story.json");
    const auto doc = nlohmann::json::parse(story_to_geojson(story));
    ASSERT_EQ(doc["features"].size(), 3u);
    const auto& route = doc["features"][2];
    EXPECT_EQ(route["geometry"]["type"], "MultiLineString");
    ASSERT_EQ(route["geometry"]["coordinates"].size(), 2u);
    for (const auto& part : route["geometry"]["coordinates"])
        for (const auto& p : part) {
            EXPECT_LE(std::abs(p[0].get<double>()), 180.0);
            EXPECT_FALSE(doc.contains("story"));
        }
}

TEST(Animation, FramesAreEvenlySpacedFromTheStartWithNoneTwice) {
    // Frame k of n at from + (to - from) k / n: played as a loop, the last frame leads back to the first.
    EXPECT_DOUBLE_EQ(frame_time(100, 200, 0, 10), 100);
    EXPECT_DOUBLE_EQ(frame_time(100, 200, 5, 10), 150);
    EXPECT_DOUBLE_EQ(frame_time(100, 200, 9, 10), 190);
    EXPECT_DOUBLE_EQ(frame_time(100, 200, 3, 0), 100);
    EXPECT_EQ(animation_format_for("a.mp4"), AnimationFormat::mp4);
    EXPECT_EQ(animation_format_for("a.gif"), AnimationFormat::gif);
    EXPECT_EQ(animation_format_for("frames/"), AnimationFormat::png_frames);
    EXPECT_FALSE(animation_format_for("a.png"));
}
