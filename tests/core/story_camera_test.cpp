#include "core/story/story_camera.hpp"

#include <gtest/gtest.h>

#include "core/motion/fly_to.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

TEST(StoryCamera, ZoomLevelsAndResolution) {
    EXPECT_NEAR(resolution_for_zoom(0), 156543.03392804097, 1e-6);
    EXPECT_NEAR(zoom_for_resolution(resolution_for_zoom(9.5)), 9.5, 1e-12);
}

TEST(StoryCamera, ChaptersFrameTheirFocus) {
    const Story story = read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json");
    for (const auto& chapter : story.chapters) {
        const Camera cam = chapter_camera(story, chapter, 1280, 800);
        const Box view = cam.visible_box();
        for (const auto& id : chapter.focus)
            if (const Place* p = story.place(id)) {
                const Vec2 m = mercator::forward(p->position);
                EXPECT_TRUE(m.x >= view.min_x && m.x <= view.max_x && m.y >= view.min_y && m.y <= view.max_y) << chapter.id << " " << id;
            }
        if (chapter.zoom) {
            EXPECT_NEAR(zoom_for_resolution(cam.resolution()), *chapter.zoom, 1e-9) << chapter.id;
        }
    }
    // The whole story reaches from Washington to Pyongyang.
    const Box all = story_camera(story, 1280, 800).visible_box();
    EXPECT_LT(all.min_x, mercator::forward(LonLat{-77.1, 38.9}).x);
    EXPECT_GT(all.max_x, mercator::forward(LonLat{131.9, 43.1}).x);
}

TEST(FlyTo, StartsAndEndsAtTheRequestedViews) {
    const Camera from(mercator::forward(LonLat{125.75, 39.03}), 50.0, 1280, 800);
    const Camera to(mercator::forward(LonLat{131.88, 43.11}), 30.0, 1280, 800);
    const FlyTo fly(from, to);
    EXPECT_NEAR(fly.at(0).center().x, from.center().x, 1e-6);
    EXPECT_NEAR(fly.at(0).resolution(), from.resolution(), 1e-9);
    EXPECT_NEAR(fly.at(1).center().y, to.center().y, 1e-6);
    EXPECT_NEAR(fly.at(1).resolution(), to.resolution(), 1e-9);
    EXPECT_GT(fly.duration_seconds(), 0.3);
    EXPECT_LE(fly.duration_seconds(), 3.0);
}

TEST(FlyTo, ZoomsOutOnTheWayButNoFurtherThanNeeded) {
    const Camera from(mercator::forward(LonLat{125.75, 39.03}), 50.0, 1280, 800);
    const Camera to(mercator::forward(LonLat{131.88, 43.11}), 30.0, 1280, 800);
    const FlyTo fly(from, to);
    // The view that shows both ends whole, in this viewport.
    Box both;
    both.add(from.center());
    both.add(to.center());
    const double fit_both = Camera::fit(both, 1280, 800).resolution();
    double widest = 0;
    Vec2 last = from.center();
    double last_progress = 0;
    for (int i = 0; i <= 200; ++i) {
        const Camera c = fly.at(i / 200.0);
        widest = std::max(widest, c.resolution());
        // Centre moves monotonically from start to end.
        const double progress = length(c.center() - from.center()) / length(to.center() - from.center());
        EXPECT_GE(progress, last_progress - 1e-9);
        last_progress = progress;
        last = c.center();
    }
    EXPECT_GT(widest, 10 * from.resolution());  // it does zoom out
    EXPECT_LE(widest, fit_both * 1.0001);       // but never below the zoom that fits both ends
}

TEST(FlyTo, PureZoom) {
    const Camera from({1e6, 1e6}, 1000.0, 800, 600);
    const Camera to({1e6, 1e6}, 10.0, 800, 600);
    const FlyTo fly(from, to);
    EXPECT_NEAR(fly.at(0.5).resolution(), 100.0, 1e-6);
    EXPECT_NEAR(fly.at(1).resolution(), 10.0, 1e-9);
}

TEST(StoryCamera, ACountrysPointIsFramedOnlyWhenTheStoryHasNothingElse) {
    const std::string text = R"({"type": "FeatureCollection", "story": {"title": "Draft"}, "features": [
  {"type": "Feature", "id": "vladivostok", "geometry": {"type": "Point", "coordinates": [131.87, 43.11]}, "properties": {"kind": "place", "category": "city"}},
  {"type": "Feature", "id": "khasan", "geometry": {"type": "Point", "coordinates": [130.78, 42.43]}, "properties": {"kind": "place", "category": "town"}},
  {"type": "Feature", "id": "united-states", "geometry": {"type": "Point", "coordinates": [-97, 38]}, "properties": {"kind": "place", "category": "country"}}]})";
    const Story story = parse_story(text, "draft.story.json");
    const Box view = story_camera(story, 1280, 800).visible_box();
    EXPECT_GT(view.min_x, mercator::forward(LonLat{120, 40}).x);  // the two towns, not half the world
    EXPECT_LT(view.max_x, mercator::forward(LonLat{140, 40}).x);
    Story only_countries = story;
    only_countries.places.erase(only_countries.places.begin(), only_countries.places.begin() + 2);
    const Box country = story_camera(only_countries, 1280, 800).visible_box();
    EXPECT_LT(country.min_x, mercator::forward(LonLat{-97, 38}).x);
    EXPECT_GT(country.max_x, mercator::forward(LonLat{-97, 38}).x);
}
