// Recorded journeys made into a story: stops where the track started, paused, passed a waypoint
// and ended, at the recorded times; the mode from the track's type or its speed.
#include "core/story/track_story.hpp"

#include <gtest/gtest.h>

#include "core/geo/geodesic.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {

// A track going east along 43N from 131E, a point a minute, `speed_kmh`; it stands still for
// `pause_minutes` after point `pause_at`.
Track eastward(int points, double speed_kmh, int pause_at = -1, int pause_minutes = 0) {
    Track t;
    t.name = "Morning run";
    const std::int64_t start = 1556100000;  // 2019-04-24T10:00:00Z
    const double step_deg = speed_kmh / 60.0 / (111.32 * std::cos(43.0 * M_PI / 180));
    std::int64_t time = start;
    double lon = 131.0;
    for (int i = 0; i < points; ++i) {
        t.points.push_back({{lon, 43.0}, time});
        if (i == pause_at) {
            time += pause_minutes * 60;
            t.points.push_back({{lon, 43.0}, time});
        }
        lon += step_deg;
        time += 60;
    }
    return t;
}

}  // namespace

TEST(TrackStory, ATrackStopsWhereItStartedPausedPassedAWaypointAndEnded) {
    RecordedTrips trips;
    trips.title = "A day out";
    trips.tracks.push_back(eastward(120, 40, 60, 25));  // 40 km/h, a 25-minute pause after an hour
    const LonLat passed = trips.tracks[0].points[30].position;
    trips.waypoints.push_back({"Bridge", "The old bridge", {passed.lon, passed.lat + 0.001}, std::nullopt});  // 111 m off
    trips.waypoints.push_back({"Far away", "", {10, 50}, std::nullopt});
    const Story story = story_from_trips(trips);
    EXPECT_EQ(story.title, "A day out");
    EXPECT_EQ(story.timezone, "+09:00");  // 131E
    ASSERT_EQ(story.routes.size(), 1u);
    const Route& r = story.routes[0];
    EXPECT_EQ(r.mode, TravelMode::car);
    EXPECT_EQ(r.path.size(), 120u);  // 121 points, the pause's repeated one kept once
    ASSERT_EQ(r.stops.size(), 4u);  // start, the bridge, the pause, the end; not the far waypoint
    EXPECT_EQ(story.place(r.stops[0])->name, "Start of Morning run");
    EXPECT_EQ(r.stops[1], "bridge");
    EXPECT_EQ(story.place(r.stops[2])->name, "Pause at 20:00");  // 11:00Z in +09:00
    EXPECT_EQ(story.place(r.stops[3])->name, "End of Morning run");
    ASSERT_EQ(r.times.size(), 4u);
    EXPECT_FALSE(r.times[0].arrive);
    EXPECT_EQ(r.times[0].depart->text, "2019-04-24T19:00+09:00");
    EXPECT_EQ(r.times[1].arrive->text, "2019-04-24T19:30+09:00");
    EXPECT_EQ(r.times[2].arrive->text, "2019-04-24T20:00+09:00");
    EXPECT_EQ(r.times[2].depart->text, "2019-04-24T20:25+09:00");
    EXPECT_EQ(r.times[3].arrive->text, "2019-04-24T21:24+09:00");
    EXPECT_FALSE(route_times_problem(r));
    ASSERT_EQ(story.chapters.size(), 1u);
    EXPECT_EQ(story.chapters[0].focus, std::vector<std::string>{r.id});
    // It is a story: it writes and reads back the same.
    const Story again = parse_story(serialize_story(story), "again.story.json");
    EXPECT_EQ(again.routes[0].stops, r.stops);
    EXPECT_EQ(again.routes[0].times[2].depart->text, "2019-04-24T20:25+09:00");
}

TEST(TrackStory, APauseAtAWaypointIsTheWaypointsArrivalAndDeparture) {
    RecordedTrips trips;
    trips.tracks.push_back(eastward(60, 40, 20, 15));
    trips.waypoints.push_back({"Station", "", trips.tracks[0].points[20].position, std::nullopt});
    const Story story = story_from_trips(trips);
    const Route& r = story.routes[0];
    ASSERT_EQ(r.stops.size(), 3u);
    EXPECT_EQ(r.stops[1], "station");
    EXPECT_EQ(r.times[1].arrive->text, "2019-04-24T19:20+09:00");
    EXPECT_EQ(r.times[1].depart->text, "2019-04-24T19:35+09:00");
}

TEST(TrackStory, TheModeComesFromTheTypeOrTheSpeed) {
    EXPECT_EQ(mode_for_speed(5.0), TravelMode::walk);
    EXPECT_EQ(mode_for_speed(90.0), TravelMode::car);
    EXPECT_EQ(mode_for_speed(200.0), TravelMode::train);
    EXPECT_EQ(mode_for_speed(800.0), TravelMode::plane);
    EXPECT_EQ(mode_for_speed(std::nullopt), TravelMode::car);
    RecordedTrips trips;
    trips.tracks.push_back(eastward(30, 5));
    EXPECT_EQ(story_from_trips(trips).routes[0].mode, TravelMode::walk);
    trips.tracks[0].type = "ferry";
    EXPECT_EQ(story_from_trips(trips).routes[0].mode, TravelMode::ship);
}

TEST(TrackStory, TimesThatRunBackwardsAreLeftOutAndShortTracksCounted) {
    RecordedTrips trips;
    trips.tracks.push_back(eastward(30, 40));
    std::swap(trips.tracks[0].points.front().utc, trips.tracks[0].points.back().utc);
    Track lone;
    lone.points.push_back({{0, 0}, std::nullopt});
    trips.tracks.push_back(lone);
    std::size_t left_out = 0;
    const Story story = story_from_trips(trips, &left_out);
    ASSERT_EQ(story.routes.size(), 1u);
    EXPECT_TRUE(story.routes[0].times.empty());
    EXPECT_EQ(story.routes[0].stops.size(), 2u);
    EXPECT_EQ(left_out, 1u);
}

TEST(TrackStory, FoldersBecomeChaptersFramingWhatTheyHold) {
    RecordedTrips trips;
    trips.tracks.push_back(eastward(30, 40));
    trips.tracks[0].name = "Drive";
    trips.waypoints.push_back({"Lookout", "", {140, 40}, 1556000000});
    trips.waypoints.push_back({"Harbour", "", {141, 41}, 1555000000});
    trips.folders.push_back({"Day one", {0, 1}, {}});
    trips.folders.push_back({"On the road", {}, {0}});
    trips.folders.push_back({"Empty", {}, {}});
    const Story story = story_from_trips(trips);
    ASSERT_EQ(story.chapters.size(), 2u);  // one a folder that holds something; none a track
    EXPECT_EQ(story.chapters[0].title, "Day one");
    EXPECT_EQ(story.chapters[0].focus, (std::vector<std::string>{"lookout", "harbour"}));
    EXPECT_EQ(story.chapters[0].time->time.utc_seconds, 1555000000);  // the earliest it holds
    EXPECT_EQ(story.chapters[1].focus, std::vector<std::string>{"drive"});
}
