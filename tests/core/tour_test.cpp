// The tour a presentation plays and `animate --tour` exports: chapter by chapter, flights between
// views, holds long enough to read, the clock running to the next chapter; and the window's
// session presenting it, by itself or a key at a time.
#include "core/motion/tour.hpp"

#include <gtest/gtest.h>

#include "core/geo/mercator.hpp"
#include "core/motion/story_motion.hpp"
#include "core/session/map_session.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {

Story sample() {
    return parse_story(R"({"type": "FeatureCollection", "story": {"title": "T", "timezone": "+10:00", "chapters": [
        {"id": "a", "title": "Leaving", "focus": ["p"], "time": "2019-04-23T08:00+09:00"},
        {"id": "b", "title": "The border", "focus": ["k"], "time": "2019-04-24T10:00",
         "text": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty"},
        {"id": "c", "title": "Arrival", "focus": ["v"], "time": "2019-04-24T18:00"},
        {"id": "d", "title": "Years later", "focus": ["v"], "time": "2029-04-24T18:00"}]},
      "features": [
        {"type": "Feature", "id": "p", "geometry": {"type": "Point", "coordinates": [125.75, 39.03]}, "properties": {"kind": "place", "name": "Pyongyang"}},
        {"type": "Feature", "id": "k", "geometry": {"type": "Point", "coordinates": [130.65, 42.42]}, "properties": {"kind": "place", "name": "Khasan"}},
        {"type": "Feature", "id": "v", "geometry": {"type": "Point", "coordinates": [131.88, 43.11]}, "properties": {"kind": "place", "name": "Vladivostok"}},
        {"type": "Feature", "id": "r", "geometry": null, "properties": {"kind": "route", "name": "Train", "mode": "train", "stops": ["p", "k", "v"],
          "times": ["2019-04-23T07:00+09:00", "2019-04-24T10:00", "2019-04-24T18:00"]}}]})",
                       "t.story.json");
}

double utc(const char* text) { return static_cast<double>(parse_story_time(text, 600)->utc_seconds); }

// The window's session presenting the sample story in a window of this size.
struct Presentation {
    Story story = sample();
    StoryMotion motion{story};
    MapSession session;
    Presentation(int width, int height, bool auto_advance) : session(width, height) {
        session.open(story);
        session.set_derived(nullptr, &motion);
        session.present(auto_advance);
    }
};

}  // namespace

TEST(Tour, ChaptersInTurnWithFlightsHoldsAndTheClock) {
    const Story story = sample();
    const StoryMotion motion(story);
    const Tour tour(story, &motion, 1280, 720);
    ASSERT_EQ(tour.chapters().size(), 4u);
    const auto& c = tour.chapters();
    // The first chapter opens on its view; the others fly, for 1 to 5 seconds.
    EXPECT_EQ(c[0].start, 0.0);
    EXPECT_EQ(c[0].arrive, 0.0);
    for (std::size_t i = 1; i < c.size(); ++i) {
        EXPECT_EQ(c[i].start, c[i - 1].end);
        EXPECT_GE(c[i].arrive - c[i].start, 1.0);
        EXPECT_LE(c[i].arrive - c[i].start, 5.0);
    }
    // Reading time: 32 words at 3 a second, more than the 6 s a running clock holds at least.
    EXPECT_NEAR(c[1].end - c[1].arrive, 32.0 / 3.0, 1e-9);
    EXPECT_NEAR(c[0].end - c[0].arrive, 6.0, 1e-9);
    // The clock runs from each chapter's time to the next one's; not across ten years.
    EXPECT_EQ(c[1].clock_from, utc("2019-04-24T10:00"));
    EXPECT_EQ(c[1].clock_to, utc("2019-04-24T18:00"));
    EXPECT_EQ(c[2].clock_to, std::nullopt);
    EXPECT_NEAR(c[3].end - c[3].arrive, 4.0, 1e-9);
    EXPECT_EQ(tour.duration(), c[3].end);

    // Frames: the view the flight leaves, the chapter's view on arrival, the clock half way at
    // half the hold, the card fading in over half a second.
    const TourFrame start = tour.at(c[1].start);
    EXPECT_EQ(start.chapter, 1);
    EXPECT_NEAR(start.camera.center().x, c[0].view.center().x, 1e-6);
    EXPECT_EQ(start.time, utc("2019-04-24T10:00"));
    EXPECT_EQ(start.card, 0.0);
    const TourFrame arrived = tour.at(c[1].arrive + 0.25);
    EXPECT_NEAR(arrived.camera.center().x, c[1].view.center().x, 1e-6);
    EXPECT_NEAR(arrived.card, 0.5, 1e-9);
    const TourFrame half = tour.at((c[1].arrive + c[1].end) / 2);
    EXPECT_NEAR(*half.time, (utc("2019-04-24T10:00") + utc("2019-04-24T18:00")) / 2, 1e-3);
    EXPECT_EQ(tour.at(1e9).chapter, 3);
    EXPECT_EQ(tour.at(-5).chapter, 0);
    // Waiting at a chapter's end shows that chapter, not the next one's first frame.
    EXPECT_EQ(tour.at(c[1].end, 1).chapter, 1);
    EXPECT_EQ(*tour.at(c[1].end, 1).time, utc("2019-04-24T18:00"));
}

TEST(Tour, AStoryWithoutChaptersHasNone) {
    Story story = sample();
    story.chapters.clear();
    const Tour tour(story, nullptr, 800, 600);
    EXPECT_TRUE(tour.empty());
    EXPECT_EQ(tour.duration(), 0.0);
    EXPECT_EQ(tour.at(1).chapter, -1);
}

TEST(Tour, WordsAreCounted) {
    EXPECT_EQ(count_words(""), 0);
    EXPECT_EQ(count_words("  one\ttwo\n\nthree  "), 3);
}

TEST(Presenting, AutomaticRunsThroughManualWaitsForTheKey) {
    Presentation p(1280, 720, true);
    MapSession& session = p.session;
    ASSERT_TRUE(session.presenting());
    const Tour tour = *session.tour();
    double now = 100;
    session.tick(now);
    for (int i = 0; i < 4000 && session.animating(); ++i) session.tick(now += 0.05);
    EXPECT_NEAR(session.tour_time(), tour.duration(), 1e-9);
    EXPECT_EQ(session.chapter(), 3);
    EXPECT_FALSE(session.animating());  // the end: nothing more to draw

    session.present(false);
    session.tick(now += 0.05);
    for (int i = 0; i < 4000 && session.animating(); ++i) session.tick(now += 0.05);
    EXPECT_NEAR(session.tour_time(), tour.chapters()[0].end, 1e-9);  // waits at the first chapter's end
    EXPECT_EQ(session.chapter(), 0);
    EXPECT_EQ(session.presented().chapter, 0);
    session.next_chapter();
    EXPECT_TRUE(session.animating());
    session.tick(now += 0.05);
    EXPECT_EQ(session.chapter(), 1);
    session.previous_chapter();
    session.previous_chapter();  // stays at the first
    session.tick(now += 0.05);
    EXPECT_EQ(session.chapter(), 0);
    session.stop_presenting();
    EXPECT_FALSE(session.presenting());
}

// While a tour is presented it holds the camera: a flight or an eased zoom asked for meanwhile
// (a script's `view`) starts nothing, so nothing animates forever waiting for it.
TEST(Presenting, AFlightAskedForWhilePresentingStartsNothing) {
    Presentation p(1280, 720, false);
    MapSession& session = p.session;
    double now = 100;
    session.tick(now);
    for (int i = 0; i < 4000 && session.animating(); ++i) session.tick(now += 0.05);
    session.fly_to_box(mercator::forward(129, 41, 131, 42.5));
    session.zoom_smoothly({640, 360}, 2.0);
    EXPECT_FALSE(session.flying());
    EXPECT_FALSE(session.animating());
}

TEST(Presenting, FramingAChapterFromTheViewGivesThatViewBack) {
    const Story story = sample();
    MapSession session(1280, 720);
    session.open(story);
    session.set_map_area(Box::of(310, 22, 1280, 640));
    session.centre_on({131.0, 43.0});
    session.zoom_around({700, 300}, 3.0);
    const Camera shown = session.camera();
    const Chapter framed = session.framed_from_view(story.chapters[0]);
    ASSERT_TRUE(framed.zoom && framed.center);
    Story edited = story;
    edited.chapters[0] = framed;
    session.open(edited);
    session.go_to_chapter(0);
    for (double now = 0; session.flying(); now += 0.1) session.tick(now);
    EXPECT_NEAR(session.camera().resolution(), shown.resolution(), shown.resolution() * 1e-9);
    EXPECT_NEAR(session.camera().center().x, shown.center().x, shown.resolution() * 0.01);
    EXPECT_NEAR(session.camera().center().y, shown.center().y, shown.resolution() * 0.01);
}

TEST(Presenting, AResizedWindowGetsTheTourPlannedForItsSize) {
    Presentation p(800, 600, false);
    MapSession& session = p.session;
    session.resize(1920, 1080);  // full screen
    EXPECT_EQ(session.camera().width(), 1920);
    session.tick(1.0);
    session.tick(1.1);
    EXPECT_EQ(session.camera().width(), 1920);
    EXPECT_EQ(session.camera().height(), 1080);
    const Tour fitted(p.story, &p.motion, 1920, 1080);
    EXPECT_NEAR(session.camera().resolution(), fitted.chapters()[0].view.resolution(), 1e-9);
}
