// The seed story drawn offscreen: compared with its expected image, and its labels checked at
// several zooms (no two overlap; none is hidden but by labels at least as important).
#include <gtest/gtest.h>
#include <imgui.h>

#include <memory>

#include "app_free_render.hpp"
#include "core/label_placement.hpp"
#include "core/mercator.hpp"
#include "core/story_camera.hpp"
#include "core/story_file.hpp"
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
        const auto& labels = scene->overlay().labels();
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
                for (const Box& o : scene->overlay().obstacles()) blocked |= overlap(o, candidate);
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

TEST_F(StoryRender, StoryPlacesAreLabelledAtTheirChapters) {
    for (const auto& chapter : story->chapters) {
        const Camera camera = chapter_camera(*story, chapter, 1280, 800);
        scene->render(camera);
        for (const auto& id : chapter.focus) {
            const Place* place = story->place(id);
            if (!place) continue;
            bool labelled = false;
            for (const auto& l : scene->overlay().labels())
                if (l.text == place->name && l.placed) labelled = true;
            EXPECT_TRUE(labelled) << chapter.id << ": " << place->name;
        }
    }
}

}  // namespace
