// The seed story drawn offscreen: compared with its expected image, and its labels checked at
// several zooms (no two overlap; none is hidden but by labels at least as important).
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <memory>

#include "app_free_render.hpp"
#include "core/labels/label_placement.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_file.hpp"
#include "core/motion/story_motion.hpp"
#include "image_compare.hpp"

using namespace storyplot;

namespace {

bool overlap(const Box& a, const Box& b) { return a.min_x < b.max_x && a.max_x > b.min_x && a.min_y < b.max_y && a.max_y > b.min_y; }

class StoryRender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        story = std::make_unique<Story>(read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json"));
        scene = std::make_unique<test_support::StoryScene>(*story);
    }
    static void TearDownTestSuite() {
        scene.reset();
        story.reset();
    }
    static inline std::unique_ptr<Story> story;
    static inline std::unique_ptr<test_support::StoryScene> scene;
};

TEST_F(StoryRender, RegionMatchesExpected) {
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 640, 480);
    const Image image = scene->render(camera);
    const std::string mismatch = test_support::compare_with_expected(image, "story-region");
    EXPECT_TRUE(mismatch.empty()) << mismatch;
    // The train's red is on the map between Hamhung and Chongjin.
    int red = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const auto* p = image.pixel(x, y);
            red += p[0] > 150 && p[1] < 70 && p[2] < 70;
        }
    EXPECT_GT(red, 300);
}

TEST_F(StoryRender, LabelsNeverOverlapAndOnlyGiveWayToMoreImportantOnes) {
    const Box region = mercator::forward(124, 37, 136, 46);
    for (double zoom : {3.0, 5.0, 6.5, 8.0, 10.5}) {
        const Camera camera(region.center(), resolution_for_zoom(zoom), 1280, 800);
        scene->render(camera);
        const auto& labels = scene->overlay().label_records;
        std::vector<const LabelRecord*> placed;
        for (const auto& l : labels)
            if (l.placed) placed.push_back(&l);
        ASSERT_FALSE(placed.empty()) << zoom;
        for (std::size_t i = 0; i < placed.size(); ++i)
            for (std::size_t j = i + 1; j < placed.size(); ++j)
                EXPECT_FALSE(overlap(*placed[i]->placed, *placed[j]->placed)) << zoom << ": " << placed[i]->text << " / " << placed[j]->text;
        for (const auto& l : labels) {
            if (l.placed) continue;
            for (const Box& candidate : label_candidates(l.request)) {
                const bool off_screen = candidate.min_x < 0 || candidate.min_y < 0 || candidate.max_x > 1280 || candidate.max_y > 800;
                bool blocked = off_screen;
                for (const Box& o : scene->overlay().obstacles) blocked |= overlap(o, candidate);
                // Padding keeps clear space around a label: its own and each placed one's.
                auto grown = [](const Box& b, double pad) { return Box::of(b.min_x - pad, b.min_y - pad, b.max_x + pad, b.max_y + pad); };
                for (const auto* p : placed)
                    if (overlap(grown(*p->placed, p->request.padding), grown(candidate, l.request.padding)) &&
                        p->request.priority >= l.request.priority)
                        blocked = true;
                EXPECT_TRUE(blocked) << zoom << ": " << l.text << " was hidden but had room";
            }
        }
    }
}

TEST_F(StoryRender, TheTrainIsWhereTheClockSaysAtTwoTimes) {
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 800, 600);
    const StoryMotion motion(*story);
    auto train_at = [&](const char* iso) {
        for (const auto& r : motion.at(static_cast<double>(parse_story_time(iso)->utc_seconds)))
            if (r.route->id == "armoured-train-2019") return r.state.position;
        return LonLat{};
    };
    // The share of white pixels on a ring 9-11 px around a point: the vehicle's disc is white.
    auto white_ring = [&](const Image& image, LonLat at) {
        const Vec2 c = camera.world_to_screen(mercator::forward(at));
        int white = 0, all = 0;
        for (int dy = -11; dy <= 11; ++dy)
            for (int dx = -11; dx <= 11; ++dx) {
                const double d = std::hypot(dx, dy);
                if (d < 9 || d > 11) continue;
                const auto* p = image.pixel(static_cast<int>(c.x) + dx, static_cast<int>(c.y) + dy);
                white += p[0] > 235 && p[1] > 235 && p[2] > 235;
                ++all;
            }
        return static_cast<double>(white) / all;
    };
    const LonLat early = train_at("2019-04-24T06:00+10:00");
    const LonLat late = train_at("2019-04-24T15:00+10:00");
    EXPECT_NEAR(early.lat, 41.0, 0.8);  // on the coast line north of Hamhung
    EXPECT_GT(late.lat, 42.7);          // in Russia, on the way to the Trans-Siberian
    const Image image_early = scene->render(camera, static_cast<double>(parse_story_time("2019-04-24T06:00+10:00")->utc_seconds));
    const Image image_late = scene->render(camera, static_cast<double>(parse_story_time("2019-04-24T15:00+10:00")->utc_seconds));
    EXPECT_GT(white_ring(image_early, early), 0.6);
    EXPECT_LT(white_ring(image_early, late), 0.3);
    EXPECT_GT(white_ring(image_late, late), 0.6);
    EXPECT_LT(white_ring(image_late, early), 0.3);
    EXPECT_NE(image_early.rgba, image_late.rgba);
    // The same time gives the same picture.
    EXPECT_EQ(scene->render(camera, static_cast<double>(parse_story_time("2019-04-24T06:00+10:00")->utc_seconds)).rgba, image_early.rgba);
}

TEST_F(StoryRender, StoryPlacesAreLabelledAtTheirChapters) {
    for (const auto& chapter : story->chapters) {
        const Camera camera = chapter_camera(*story, chapter, 1280, 800);
        scene->render(camera);
        for (const auto& id : chapter.focus) {
            const Place* place = story->place(id);
            if (!place) continue;
            bool labelled = false;
            for (const auto& l : scene->overlay().label_records)
                if (l.text == place->name && l.placed) labelled = true;
            EXPECT_TRUE(labelled) << chapter.id << ": " << place->name;
        }
    }
}

}  // namespace
