// The window's map driven by commands, no window: the camera, flights, chapters, the clock and
// following, as the keys, mouse, panels and scripts drive them.
#include "core/session/map_session.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/geo/mercator.hpp"
#include "core/motion/animation_span.hpp"
#include "core/story/story_camera.hpp"
#include "core/motion/story_clock.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {

class MapSessionTest : public ::testing::Test {
protected:
    void SetUp() override {
        session.open(read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json"));
        clock.emplace(*session.story());
        motion.emplace(*session.story());
        session.set_derived(&*clock, &*motion);
        session.set_map_area(area);
    }
    // Ticks until the flight lands (at most `seconds`), 60 a second.
    void land(double seconds = 5) {
        for (int i = 0; i <= seconds * 60 && session.flying(); ++i) session.tick(now += 1.0 / 60);
    }
    bool same_view(const Camera& a, const Camera& b) const {
        return length(a.center() - b.center()) < a.resolution() * 0.5 && std::abs(a.resolution() / b.resolution() - 1) < 1e-6;
    }

    MapSession session{1600, 900};
    const Box area = Box::of(310, 0, 1600, 860);  // the story panel on the left, the status bar below
    std::optional<StoryClock> clock;
    std::optional<StoryMotion> motion;
    double now = 100;
};

}  // namespace

TEST_F(MapSessionTest, OpensOnTheRegionAndShowsTheWholeStoryInTheMapArea) {
    MapSession fresh(1600, 900);
    EXPECT_TRUE(same_view(fresh.camera(), region_camera(1600, 900)));
    EXPECT_FALSE(fresh.has_story());
    session.show_story();
    EXPECT_FALSE(session.flying());
    for (const auto& place : session.story()->places) {
        const Vec2 px = session.camera().world_to_screen(mercator::forward(place.position));
        EXPECT_GE(px.x, area.min_x) << place.id;
        EXPECT_LE(px.x, area.max_x) << place.id;
        EXPECT_GE(px.y, area.min_y) << place.id;
        EXPECT_LE(px.y, area.max_y) << place.id;
    }
}

TEST_F(MapSessionTest, KeysZoomAboutTheCentreAndPanByPixels) {
    const Camera before = session.camera();
    session.zoom_in();
    EXPECT_NEAR(session.camera().resolution(), before.resolution() / 2, 1e-9);
    EXPECT_NEAR(length(session.camera().center() - before.center()), 0, 1e-6);
    session.zoom_out();
    EXPECT_NEAR(session.camera().resolution(), before.resolution(), 1e-9);
    session.pan_pixels(120, 0);  // the map moves right: the view goes west
    EXPECT_NEAR(session.camera().center().x, before.center().x - 120 * before.resolution(), 1e-6);
    // Zooming about a point keeps the point under the pointer.
    const Vec2 px{400, 300};
    const Vec2 world = session.camera().screen_to_world(px);
    session.zoom_around(px, 1.25);
    const Vec2 after = session.camera().world_to_screen(world);
    EXPECT_NEAR(after.x, px.x, 1e-6);
    EXPECT_NEAR(after.y, px.y, 1e-6);
}

TEST_F(MapSessionTest, AChapterSetsTheClockAndFliesToItsViewFramedInTheMapArea) {
    session.go_to_chapter(2);
    EXPECT_EQ(session.chapter(), 2);
    const Chapter& chapter = session.story()->chapters[2];
    ASSERT_TRUE(chapter.time);
    ASSERT_TRUE(session.time());
    EXPECT_EQ(*session.time(), chapter.time->utc());
    EXPECT_FALSE(session.timeline().playing);
    EXPECT_TRUE(session.flying());
    EXPECT_TRUE(session.animating());
    land();
    EXPECT_FALSE(session.flying());
    const Camera expected = session.framed(chapter_camera(*session.story(), chapter, 1600, 900, &*motion));
    EXPECT_TRUE(same_view(session.camera(), expected));
    // Framed: the chapter's focus is centred in the map area, not in the window.
    const Vec2 focus = session.camera().world_to_screen(focus_box(*session.story(), chapter.focus).center());
    EXPECT_NEAR(focus.x, area.center().x, 2.0);
    // Next and previous stop at the ends.
    session.go_to_chapter(99);
    EXPECT_EQ(session.chapter(), static_cast<int>(session.story()->chapters.size()) - 1);
    session.next_chapter();
    EXPECT_EQ(session.chapter(), static_cast<int>(session.story()->chapters.size()) - 1);
    session.go_to_chapter(0);
    session.previous_chapter();
    EXPECT_EQ(session.chapter(), 0);
}

TEST_F(MapSessionTest, TheUserMovingTheMapStopsAFlightAndFollowing) {
    session.go_to_chapter(1);
    session.tick(now += 0.1);
    ASSERT_TRUE(session.flying());
    session.toggle_follow();
    session.pan_pixels(10, 0);
    EXPECT_FALSE(session.flying());
    EXPECT_FALSE(session.timeline().follow);
    const Camera where = session.camera();
    session.tick(now += 1);
    EXPECT_TRUE(same_view(session.camera(), where));  // nothing moves it any more
    session.overview();
    session.stop();  // Escape
    EXPECT_FALSE(session.flying());
}

TEST_F(MapSessionTest, PlayingAdvancesTheClockByRealTimeAndFollowingKeepsTheTrainInView) {
    session.go_to_chapter(1);  // the train leaves Pyongyang
    land();
    const double start = *session.time();
    session.toggle_play();
    ASSERT_TRUE(session.timeline().playing);
    session.tick(now += 1.0);
    const double after_one_second = *session.time();
    EXPECT_GT(after_one_second, start);
    session.toggle_follow();
    session.tick(now += 1.0);
    ASSERT_TRUE(session.timeline().follow);
    EXPECT_FALSE(session.flying());
    // The train sits in the middle of the map area.
    for (const auto& r : motion->at(*session.time()))
        if (r.route->id == "armoured-train-2019") {
            const Vec2 px = session.camera().world_to_screen(mercator::forward(r.state.position));
            EXPECT_NEAR(px.x, area.center().x, area.width() * 0.1);
            EXPECT_NEAR(px.y, area.center().y, area.height() * 0.1);
        }
    session.toggle_play();
    EXPECT_FALSE(session.timeline().playing);
    const double paused = *session.time();
    session.tick(now += 5);
    EXPECT_EQ(*session.time(), paused);
}

TEST_F(MapSessionTest, StepsGoFromStopToStop) {
    session.step_to_event(true);
    ASSERT_TRUE(session.time());
    const double first = *session.time();
    EXPECT_EQ(first, clock->start());
    session.step_to_event(true);
    EXPECT_GT(*session.time(), first);
    session.step_to_event(false);
    EXPECT_EQ(*session.time(), first);
}

TEST_F(MapSessionTest, FlyingToAPlaceNeverZoomsOut) {
    session.fly_to_place("vladivostok", 10);
    land();
    EXPECT_NEAR(session.camera().resolution(), resolution_for_zoom(10), 1e-6);
    session.zoom_in();
    session.zoom_in();
    const double close = session.camera().resolution();
    session.fly_to_place("khasan", 10);
    land();
    EXPECT_NEAR(session.camera().resolution(), close, 1e-6);
    const Vec2 px = session.camera().world_to_screen(mercator::forward(session.story()->place("khasan")->position));
    EXPECT_NEAR(px.x, area.center().x, 1.0);
    session.fly_to_place("no-such-place", 10);
    EXPECT_FALSE(session.flying());
}

TEST_F(MapSessionTest, EditsGoThroughTheEditorAndOpeningStartsAnew) {
    StoryEditor* editor = session.editor();
    ASSERT_NE(editor, nullptr);
    editor->rename_place("khasan", "Khasan station");
    EXPECT_TRUE(editor->modified());
    EXPECT_EQ(session.story()->place("khasan")->name, "Khasan station");
    session.go_to_chapter(1);
    session.open(read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json"));
    EXPECT_FALSE(session.editor()->modified());
    EXPECT_FALSE(session.editor()->can_undo());
    EXPECT_EQ(session.chapter(), -1);
    EXPECT_EQ(session.clock(), nullptr);  // the derived values of the old story are gone
}

// One policy for what an animation shows, for the command line and the Export dialog.
TEST(AnimationSpan, ARouteAChapterOrTheJourneyUnderWay) {
    const Story story = read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json");
    const StoryMotion motion(story);
    const RouteMotion* train = motion.motion("armoured-train-2019");
    ASSERT_NE(train, nullptr);
    // A route: its own times, framed.
    const AnimationSpan route = choose_animation(story, motion, {std::string("armoured-train-2019"), {}, {}});
    EXPECT_EQ(*route.from, train->start_time());
    EXPECT_EQ(*route.to, train->end_time());
    EXPECT_EQ(route.focus, std::vector<std::string>{"armoured-train-2019"});
    // By default the first timed journey; at a time inside another journey, that one.
    const AnimationSpan first = choose_animation(story, motion, {});
    ASSERT_TRUE(first.from);
    const std::string first_id = first.focus.at(0);
    for (const auto& r : story.routes) {
        const RouteMotion* m = motion.motion(r.id);
        if (!m || !m->timed() || r.id == first_id) continue;
        const double middle = (m->start_time() + m->end_time()) / 2;
        bool other_under_way = false;  // journeys may overlap: then the first under way wins
        for (const auto& at : motion.at(middle))
            if (at.route->id != r.id && !at.state.before_start && !at.state.finished) other_under_way = true;
        if (other_under_way) continue;
        const AnimationSpan now = choose_animation(story, motion, {{}, {}, middle});
        EXPECT_EQ(now.focus.at(0), r.id);
        EXPECT_EQ(*now.from, m->start_time());
    }
    // A chapter: the times of the routes in its focus.
    for (const auto& chapter : story.chapters) {
        bool timed = false;
        for (const auto& id : chapter.focus)
            if (const RouteMotion* m = motion.motion(id); m && m->timed()) timed = true;
        if (timed) {
            const AnimationSpan span = choose_animation(story, motion, {{}, chapter.id, {}});
            EXPECT_EQ(span.chapter, &chapter);
            EXPECT_LT(*span.from, *span.to);
        } else {
            EXPECT_THROW(choose_animation(story, motion, {{}, chapter.id, {}}), std::invalid_argument) << chapter.id;
        }
    }
    EXPECT_THROW(choose_animation(story, motion, {std::string("no-such-route"), {}, {}}), std::invalid_argument);
    EXPECT_THROW(choose_animation(story, motion, {{}, std::string("no-such-chapter"), {}}), std::invalid_argument);
}

TEST_F(MapSessionTest, AStoryOpensOnItsFirstChapterWithTheClockIdle) {
    session.show_opening();
    EXPECT_EQ(session.chapter(), 0);
    EXPECT_FALSE(session.flying());
    EXPECT_FALSE(session.time());
    const Camera expected = session.framed(chapter_camera(*session.story(), session.story()->chapters[0], 1600, 900, &*motion));
    EXPECT_TRUE(same_view(session.camera(), expected));
    session.next_chapter();  // on to the second
    EXPECT_EQ(session.chapter(), 1);
}

TEST_F(MapSessionTest, AWheelNotchDoublesTheZoomEasedAboutThePointer) {
    const Vec2 px{500, 400};
    const Vec2 world = session.camera().screen_to_world(px);
    const double before = session.camera().resolution();
    session.tick(now += 1.0 / 60);
    session.zoom_smoothly(px, 2.0);
    EXPECT_TRUE(session.animating());
    session.tick(now += 0.25);  // the first frame after the window idled a quarter second: still eased
    const double first = session.camera().resolution();
    EXPECT_LT(first, before);              // on its way,
    EXPECT_GT(first, before / 2 * 1.01);  // not there at once
    session.zoom_smoothly(px, 2.0);        // a second notch adds up
    for (int i = 0; i < 60 && session.zooming(); ++i) {
        session.tick(now += 1.0 / 60);
        const Vec2 at = session.camera().world_to_screen(world);
        ASSERT_NEAR(at.x, px.x, 1e-6);  // the point stays under the pointer throughout
        ASSERT_NEAR(at.y, px.y, 1e-6);
    }
    EXPECT_FALSE(session.zooming());
    EXPECT_NEAR(session.camera().resolution(), before / 4, 1e-9);
    // Dragging the map ends it where it is.
    session.zoom_smoothly(px, 0.5);
    session.tick(now += 1.0 / 60);
    session.pan_pixels(5, 0);
    EXPECT_FALSE(session.zooming());
    // At the deepest zoom, a notch in goes nowhere and ends.
    for (int i = 0; i < 40; ++i) session.zoom_around(px, 2.0);
    session.zoom_smoothly(px, 2.0);
    session.tick(now += 1.0);
    EXPECT_FALSE(session.zooming());
    EXPECT_EQ(session.camera().resolution(), Camera::min_resolution);
}

TEST_F(MapSessionTest, TheRulerMeasuresAlongTheEllipsoid) {
    EXPECT_EQ(session.measure().metres, 0);
    EXPECT_FALSE(session.measure().bearing_deg);
    const LonLat pyongyang = session.story()->place("pyongyang")->position;
    const LonLat vladivostok = session.story()->place("vladivostok")->position;
    session.ruler_add(pyongyang);
    session.ruler_add(vladivostok);
    const auto m = session.measure();
    EXPECT_NEAR(m.metres / 1000, 690, 20);   // Pyongyang to Vladivostok, as the crow flies
    ASSERT_TRUE(m.bearing_deg);
    EXPECT_NEAR(*m.bearing_deg, 45, 10);     // north-east
    session.ruler_add(pyongyang);
    EXPECT_NEAR(session.measure().metres, 2 * m.metres, 1.0);
    session.ruler_undo();
    EXPECT_NEAR(session.measure().metres, m.metres, 1e-6);
    session.ruler_clear();
    EXPECT_TRUE(session.ruler().empty());
}

TEST(DescribeRoute, LengthDurationAndSpeed) {
    const Story story = read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json");
    const StoryMotion motion(story);
    const RouteMotion& train = *motion.motion("armoured-train-2019");
    const std::string text = describe_route(train);
    const double km = train.length_m() / 1000, hours = (train.end_time() - train.start_time()) / 3600;
    EXPECT_EQ(text.find(std::to_string(std::lround(km)) + " km \xC2\xB7 "), 0u) << text;
    EXPECT_NE(text.find(std::to_string(std::lround(km / hours)) + " km/h"), std::string::npos) << text;
    // Over a thousand kilometres, grouped; over two days, in days.
    const RouteMotion& father = *motion.motion("kim-jong-il-2001");
    const std::string long_text = describe_route(father);
    ASSERT_GT(father.length_m(), 1e6);
    EXPECT_EQ(long_text.find(std::to_string(std::lround(father.length_m() / 1000))), std::string::npos) << long_text;
    EXPECT_NE(long_text.find(","), std::string::npos) << long_text;
    EXPECT_NE(long_text.find(" days"), std::string::npos) << long_text;
}

TEST_F(MapSessionTest, AProjectionShowsTheSameViewAndTheGlobeTurnsWhenDragged) {
    const LonLat centre = mercator::inverse(session.camera().center());
    const double ground = session.camera().ground_resolution();
    session.set_projection(ProjectionKind::orthographic);
    Camera shown = session.shown();
    EXPECT_EQ(shown.projection().kind, ProjectionKind::orthographic);
    // The globe faces the view's centre, at the same ground metres per pixel there.
    EXPECT_NEAR(shown.projection().lon0, centre.lon, 1e-9);
    EXPECT_NEAR(shown.projection().lat0, centre.lat, 1e-9);
    EXPECT_NEAR(shown.ground_resolution() / ground, 1, 1e-6);
    const Vec2 middle = *shown.lonlat_to_screen(centre);
    EXPECT_NEAR(middle.x, shown.width() / 2.0, 1e-6);
    // A drag to the right: the globe turns, the view's centre moves west.
    session.pan_pixels(200, 0);
    shown = session.shown();
    EXPECT_LT(shown.projection().lon0, centre.lon);
    // Close in, the globe gives way to Web Mercator, centred where it was.
    for (int i = 0; i < 8; ++i) session.zoom_in();
    EXPECT_TRUE(session.shown().is_mercator());
    // A flat projection is fitted to the view it is chosen in and stays while the view moves.
    session.set_projection(ProjectionKind::conformal_conic);
    const double lon0 = session.shown().projection().lon0;
    session.pan_pixels(-300, 0);
    EXPECT_EQ(session.shown().projection().lon0, lon0);
    EXPECT_EQ(session.projection_kind(), ProjectionKind::conformal_conic);
    session.set_projection(std::nullopt);
    EXPECT_TRUE(session.shown().is_mercator());
}

TEST_F(MapSessionTest, AnAutomaticProjectionFollowsTheViewsSizeOnceItComesToRest) {
    auto fly_to = [&](double w, double s, double e, double n) {
        session.fly_to_box(mercator::forward(w, s, e, n));
        land();
        session.tick(now += 1.0 / 60);  // at rest
    };
    fly_to(-170, -60, 170, 75);
    session.set_projection_automatic();
    EXPECT_TRUE(session.projection_automatic());
    EXPECT_EQ(session.projection_kind(), ProjectionKind::orthographic) << "the world: the globe";
    // A continent (Siberia): a conformal cone fitted to it, chosen when the flight has landed.
    session.fly_to_box(mercator::forward(60, 45, 140, 70));
    session.tick(now += 1.0 / 60);
    EXPECT_EQ(session.projection_kind(), ProjectionKind::orthographic) << "not while it moves";
    land();
    session.tick(now += 1.0 / 60);
    ASSERT_EQ(session.projection_kind(), ProjectionKind::conformal_conic);
    const double lat1 = session.shown().projection().lat1;
    EXPECT_GT(lat1, 30);  // the view's latitudes (wider than the box asked for, by the window's shape)
    EXPECT_LT(lat1, 60);
    // A pan keeps the cone as it was fitted; the border at Khasan is Web Mercator.
    session.pan_pixels(-200, 0);
    session.tick(now += 1.0 / 60);
    EXPECT_EQ(session.shown().projection().lat1, lat1);
    fly_to(129.6, 42.2, 131.6, 43.3);
    EXPECT_FALSE(session.projection_kind());
    EXPECT_TRUE(session.shown().is_mercator());
    // A projection chosen by name ends it.
    session.set_projection(ProjectionKind::equirectangular);
    EXPECT_FALSE(session.projection_automatic());
    fly_to(-170, -60, 170, 75);
    EXPECT_EQ(session.projection_kind(), ProjectionKind::equirectangular);
}
