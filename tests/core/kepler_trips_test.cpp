// kepler.gl trip data read as recorded trips (core/story/kepler_trips) and made a story.
#include "core/story/kepler_trips.hpp"

#include <gtest/gtest.h>

#include "core/files/input_error.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {

// A ferry leaving at 2019-04-24T00:00Z (1556064000 s), 10 minutes a point, with its times in `unit`.
std::string ferry(double unit) {
    std::string coords;
    for (int i = 0; i < 7; ++i) {
        if (i) coords += ",";
        const double t = (1556064000.0 + 600.0 * i) * unit;
        coords += "[" + std::to_string(131.88 + 0.02 * i) + ", 43.1, " + (i == 3 ? "12" : "0") + ", " + std::to_string(static_cast<long long>(t)) + "]";
    }
    return R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"vendor": "Ferry A", "mode": "ship"}, "geometry": {"type": "LineString", "coordinates": [)" + coords + R"(]}},
      {"type": "Feature", "properties": {"name": "Pier"}, "geometry": {"type": "Point", "coordinates": [131.88, 43.1]}},
      {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}]})";
}

}  // namespace

TEST(KeplerTrips, LinesWithTimesInSecondsOrMillisecondsAreTracks) {
    for (double unit : {1.0, 1000.0}) {
        SCOPED_TRACE(unit);
        KeplerNotes notes;
        const RecordedTrips trips = read_kepler_trips(ferry(unit), "/data/ferries.geojson", &notes);
        EXPECT_EQ(trips.title, "ferries");
        ASSERT_EQ(trips.tracks.size(), 1u);
        const Track& t = trips.tracks.front();
        EXPECT_EQ(t.name, "Ferry A");
        EXPECT_EQ(t.type, "ship");
        ASSERT_EQ(t.points.size(), 7u);
        ASSERT_TRUE(t.points.front().utc && t.points.back().utc);
        EXPECT_EQ(*t.points.front().utc, 1556064000);
        EXPECT_EQ(*t.points.back().utc, 1556064000 + 3600);
        ASSERT_EQ(trips.waypoints.size(), 1u);
        EXPECT_EQ(trips.waypoints.front().name, "Pier");
        EXPECT_EQ(notes.points, 8u);
        EXPECT_EQ(notes.elevations, 1u);
        EXPECT_EQ(notes.other, 1u);
    }
}

TEST(KeplerTrips, AStoryThatPlaysAsTheTripsHappened) {
    const Story story = story_from_trips(read_kepler_trips(ferry(1000), "ferries.geojson"));
    ASSERT_EQ(story.routes.size(), 1u);
    EXPECT_EQ(story.routes.front().mode, TravelMode::ship);
    ASSERT_FALSE(story.routes.front().times.empty());
    ASSERT_TRUE(story.routes.front().times.front().depart);
    EXPECT_EQ(story.routes.front().times.front().depart->time.utc_seconds, 1556064000);
}

// Longitudes past 180 (a map panned across the antimeridian) are the same places within the world,
// and the story saves and reads back.
TEST(KeplerTrips, LongitudesPast180AreTheSamePlacesWithinTheWorld) {
    const std::string text = R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"vendor": "T"},
      "geometry": {"type": "LineString", "coordinates": [[200.88, 43.11, 0, 1556064000], [200.90, 43.12, 0, 1556064600]]}}]})";
    const Story story = story_from_trips(read_kepler_trips(text, "t.geojson"));
    ASSERT_FALSE(story.places.empty());
    for (const Place& p : story.places) EXPECT_NEAR(p.position.lon, -159.1, 0.05) << p.id;
    const Story again = parse_story(serialize_story(story), "t.story.json");
    EXPECT_EQ(again.places.size(), story.places.size());
}

TEST(KeplerTrips, ACheapLookAtAFilesStartFindsTimedCoordinates) {
    EXPECT_TRUE(may_hold_kepler_trips(ferry(1)));
    EXPECT_TRUE(may_hold_kepler_trips(R"({"coordinates": [[1, 2, 0, 1556064000], [1, 3, 0, 1556064600]], "type": "LineString"})"));
    EXPECT_FALSE(may_hold_kepler_trips(R"({"type": "LineString", "coordinates": [[1, 2], [3, 4]]})"));
    EXPECT_FALSE(may_hold_kepler_trips(R"({"type": "Point", "coordinates": [1, 2, 0, 5]})"));
}

TEST(KeplerTrips, WithoutTimesItIsNotATripFile) {
    const std::string plain = R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
        "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}]})";
    try {
        (void)read_kepler_trips(plain, "lines.geojson");
        FAIL() << "read lines without times";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), "lines.geojson: neither StoryMapJS slides nor kepler.gl trips (no line has a time as its coordinates' fourth value)");
    }
    EXPECT_THROW((void)read_kepler_trips("{\"type\": ", "broken.geojson"), InputError);
}
