#include "core/motion/route_motion.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/geo/geodesic.hpp"
#include "core/motion/story_clock.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {

Story seed() { return read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json"); }

double at_time(const char* iso) { return static_cast<double>(parse_story_time(iso)->utc_seconds); }

double km(LonLat a, LonLat b) { return geodesic_distance(a, b) / 1000; }

const std::string flight = R"({"type": "FeatureCollection", "story": {"title": "t", "timezone": "+10:00"}, "features": [
  {"type": "Feature", "id": "vvo", "geometry": {"type": "Point", "coordinates": [131.8869, 43.1056]}, "properties": {"kind": "place"}},
  {"type": "Feature", "id": "anc", "geometry": {"type": "Point", "coordinates": [-149.9003, 61.2181]}, "properties": {"kind": "place"}},
  {"type": "Feature", "id": "f", "geometry": null, "properties": {"kind": "route", "mode": "plane", "stops": ["vvo", "anc"],
   "times": ["2019-05-01T08:00+10:00", "2019-05-01T16:00+10:00"]}}]})";

}  // namespace

TEST(Geodesic, DensifiedGreatCircleAgreesWithProj) {
    for (auto [a, b] : {std::pair{LonLat{131.8869, 43.1056}, LonLat{-149.9003, 61.2181}},   // Vladivostok - Anchorage
                        std::pair{LonLat{125.7543, 39.0339}, LonLat{105.8412, 21.0245}},    // Pyongyang - Hanoi
                        std::pair{LonLat{37.6156, 55.7522}, LonLat{-77.0364, 38.8951}}}) {  // Moscow - Washington
        const Path path = great_circle(a, b);
        double sum = 0;
        for (std::size_t i = 1; i < path.size(); ++i) sum += geodesic_distance(path[i - 1], path[i]);
        const double direct = geodesic_distance(a, b);
        EXPECT_NEAR(sum, direct, direct * 0.001);
        EXPECT_GT(path.size(), 10u);
    }
}

TEST(Geodesic, CrossingTheAntimeridianNeverSpansTheMap) {
    const Path path = great_circle({131.8869, 43.1056}, {-149.9003, 61.2181});
    for (std::size_t i = 1; i < path.size(); ++i) ASSERT_LT(std::abs(path[i].lon - path[i - 1].lon), 180.0) << i;
    EXPECT_GT(path.back().lon, 180.0);  // continued eastwards past 180
    EXPECT_NEAR(std::remainder(path.back().lon, 360.0), -149.9003, 1e-6);
    // The route built from the story's stops is the same unwrapped great circle.
    const Story story = parse_story(flight, "t");
    const Path drawn = route_geometry(story, story.routes[0]);
    for (std::size_t i = 1; i < drawn.size(); ++i) ASSERT_LT(std::abs(drawn[i].lon - drawn[i - 1].lon), 180.0);
}

// The centre of a ring's area, each part weighed by its true area: a band near the pole counts for
// less than one of the same degrees at the equator.
TEST(Geodesic, AreaCentroidWeighsByTrueArea) {
    const auto square = area_centroid({{10, -5}, {20, -5}, {20, 5}, {10, 5}});
    ASSERT_TRUE(square);
    EXPECT_NEAR(square->lon, 15, 1e-9);
    EXPECT_NEAR(square->lat, 0, 1e-9);
    // From the equator to 80 degrees north: the centre is where half the area lies on each side (sine
    // of the latitude halfway between 0 and sin 80), far south of 40 degrees.
    const auto tall = area_centroid({{0, 0}, {10, 0}, {10, 80}, {0, 80}});
    ASSERT_TRUE(tall);
    EXPECT_NEAR(tall->lat, std::asin(std::sin(80 * 3.14159265358979 / 180) / 2) * 180 / 3.14159265358979, 1e-9);
    // Either way round, and across the antimeridian: centred on it, back within -180..180.
    const auto across = area_centroid({{170, -10}, {170, 10}, {-170, 10}, {-170, -10}});
    ASSERT_TRUE(across);
    EXPECT_NEAR(std::abs(across->lon), 180, 1e-9);
    EXPECT_NEAR(across->lat, 0, 1e-9);
    EXPECT_FALSE(area_centroid({{0, 10}, {1, 10}, {2, 10}}));  // no area
    EXPECT_FALSE(area_centroid({{0, 0}, {1, 1}}));
    // Several rings together, each by its area whichever way it is wound: a square of 10 degrees and
    // one of 5, wound the other way, on the equator.
    const std::vector<Ring> parts{{{0, -5}, {10, -5}, {10, 5}, {0, 5}}, {{30, 2.5}, {35, 2.5}, {35, -2.5}, {30, -2.5}}};
    const auto both = area_centroid(parts);
    ASSERT_TRUE(both);
    EXPECT_NEAR(both->lon, (5.0 * 100 + 32.5 * 25) / 125, 0.01);
    EXPECT_NEAR(both->lat, 0, 1e-9);
}

TEST(RouteMotion, AtEachStopTimeItIsAtTheStop) {
    const Story story = seed();
    for (const auto& route : story.routes) {
        const RouteMotion motion(story, route);
        ASSERT_TRUE(motion.timed()) << route.id;
        for (std::size_t s = 0; s < route.stops.size(); ++s)
            for (const auto& text : {route.times[s].arrive, route.times[s].depart}) {
                if (!text) continue;
                const MotionState state = motion.at(text->utc());
                EXPECT_LT(km(state.position, story.place(route.stops[s])->position), 0.5) << route.id << " " << route.stops[s];
            }
    }
}

TEST(RouteMotion, MovesContinuouslyAndForwardAndWaitsAtStops) {
    const Story story = seed();
    const RouteMotion motion(story, *story.route("armoured-train-2019"));
    const double t0 = motion.start_time(), t1 = motion.end_time();
    MotionState last = motion.at(t0);
    const int steps = 4000;
    for (int i = 1; i <= steps; ++i) {
        const double t = t0 + (t1 - t0) * i / steps;
        const MotionState s = motion.at(t);
        ASSERT_GE(s.distance_m, last.distance_m - 1e-6) << t;
        // No jumps: in (t1 - t0) / steps seconds the train covers at most a few km.
        ASSERT_LT(s.distance_m - last.distance_m, 3000.0) << t;
        last = s;
    }
    // Waiting at Khasan between 10:40 and 11:40: the same place, and marked as waiting.
    const MotionState arrive = motion.at(at_time("2019-04-24T10:40+10:00"));
    const MotionState wait = motion.at(at_time("2019-04-24T11:10+10:00"));
    const MotionState depart = motion.at(at_time("2019-04-24T11:40+10:00"));
    EXPECT_EQ(arrive.distance_m, wait.distance_m);
    EXPECT_EQ(wait.distance_m, depart.distance_m);
    EXPECT_TRUE(wait.waiting);
    EXPECT_EQ(wait.leg, 1);
    // Halfway in time between the Khasan departure and the Vladivostok arrival, halfway in distance.
    const double mid = (at_time("2019-04-24T11:40+10:00") + at_time("2019-04-24T18:00+10:00")) / 2;
    const MotionState half = motion.at(mid);
    const double khasan = depart.distance_m, end = motion.length_m();
    EXPECT_NEAR(half.distance_m, (khasan + end) / 2, 1.0);
    EXPECT_FALSE(half.waiting);
    // Before the start it waits at Pyongyang; after the end it stays in Vladivostok.
    EXPECT_TRUE(motion.at(t0 - 3600).before_start);
    EXPECT_LT(km(motion.at(t0 - 3600).position, story.place("pyongyang")->position), 0.5);
    EXPECT_TRUE(motion.at(t1 + 3600).finished);
}

TEST(RouteMotion, PathLengthIsRealistic) {
    const Story story = seed();
    const RouteMotion motion(story, *story.route("armoured-train-2019"));
    // Reported: about 1,200 km of rail in North Korea, then the Russian lines. The path joins
    // stations with straight lines, so it is shorter than the rails, but far longer than the
    // 730 km as the crow flies.
    EXPECT_GT(motion.length_m(), 850e3);
    EXPECT_LT(motion.length_m(), 1700e3);
}

TEST(StoryClock, SpansTheStoryAndCompressesGaps) {
    const Story story = seed();
    const StoryClock clock(story);
    EXPECT_EQ(clock.start(), at_time("2001-07-26T12:00+10:00"));
    EXPECT_EQ(clock.end(), at_time("2019-04-25T13:00+10:00"));
    EXPECT_FALSE(clock.compressed_gaps().empty());
    // The slider is monotonic and its inverse is exact.
    double last = -1;
    for (double t = clock.start(); t <= clock.end(); t += 86400.0 * 7) {
        const double u = clock.to_slider(t);
        EXPECT_GE(u, last);
        last = u;
        EXPECT_NEAR(clock.from_slider(u), t, 1.0);
    }
    EXPECT_EQ(clock.to_slider(clock.start()), 0.0);
    EXPECT_EQ(clock.to_slider(clock.end()), 1.0);
    // The day of the border crossing gets a real share of the slider, not 1/6600 of it.
    const double day = clock.to_slider(at_time("2019-04-24T18:00+10:00")) - clock.to_slider(at_time("2019-04-24T10:40+10:00"));
    EXPECT_GT(day, 0.05);
    // Stepping through events.
    EXPECT_EQ(clock.next_event(at_time("2019-04-24T10:40+10:00")), at_time("2019-04-24T11:40+10:00"));
    EXPECT_EQ(clock.previous_event(at_time("2019-04-24T11:40+10:00")), at_time("2019-04-24T10:40+10:00"));
    EXPECT_FALSE(clock.next_event(clock.end()));
    EXPECT_EQ(clock.format(at_time("2019-04-24T18:00+10:00")), "Wed 24 Apr 2019 18:00");
}

#include "core/motion/playback.hpp"

TEST(Playback, RealSpeedInsideAJourneyAndStopsAtTheEnd) {
    const Story story = seed();
    const StoryClock clock(story);
    TimelineState state;
    state.active = state.playing = true;
    state.time = at_time("2019-04-24T10:40+10:00");
    state.speed = 3;  // 1 hour a second
    advance(state, clock, 2.0);
    EXPECT_NEAR(state.time, at_time("2019-04-24T12:40+10:00"), 1.0);
    state.time = clock.end() - 10;
    advance(state, clock, 1.0);
    EXPECT_EQ(state.time, clock.end());
    EXPECT_FALSE(state.playing);
    state.playing = state.loop = true;
    advance(state, clock, 1.0);
    EXPECT_EQ(state.time, clock.start());
    EXPECT_TRUE(state.playing);
    // Through the 17-year gap between the two journeys in a few seconds at a day a second.
    state.time = at_time("2001-08-03T18:00+03:00");
    state.speed = 6;
    advance(state, clock, 1.0);
    EXPECT_GT(state.time, at_time("2019-01-01T00:00+10:00"));
}

#include "core/motion/story_motion.hpp"

TEST(LegCaption, NamesTheLegAndSaysAboutForATimeTheStoryMarksApproximate) {
    const Story story = seed();
    const Route* train = nullptr;
    for (const auto& r : story.routes)
        if (r.mode == TravelMode::train && r.times.size() > 2 && r.times[1].approximate && r.times[1].depart) train = &r;
    ASSERT_NE(train, nullptr) << "the seed has a train with an approximate wait at its second timed stop";
    MotionState waiting;
    waiting.leg = 1;
    waiting.waiting = true;
    const std::string caption = leg_caption(story, *train, waiting, [](double) { return std::string("T"); });
    EXPECT_EQ(caption, "at " + story.place(train->stops[1])->name + " until about T");
}
