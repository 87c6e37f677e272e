#include "core/labels/label_placement.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace storyplot;

namespace {
bool overlap(const Box& a, const Box& b) { return a.min_x < b.max_x && a.max_x > b.min_x && a.min_y < b.max_y && a.max_y > b.min_y; }
}  // namespace

TEST(LabelPlacement, NoTwoPlacedLabelsOverlapAndPriorityWins) {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> x(0, 800), y(0, 600), w(30, 120);
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 600; ++i) requests.push_back({{x(random), y(random)}, {w(random), 14}, 5, static_cast<double>(i % 37), false});
    const auto placed = place_labels(requests, {}, {800, 600});
    ASSERT_GT(placed.size(), 30u);
    ASSERT_LT(placed.size(), requests.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
        EXPECT_GE(placed[i].box.min_x, 0);
        EXPECT_LE(placed[i].box.max_y, 600);
        for (std::size_t j = i + 1; j < placed.size(); ++j) ASSERT_FALSE(overlap(placed[i].box, placed[j].box)) << i << " " << j;
    }
    // Every hidden label is blocked at each of its positions by a placed label of at least its priority.
    std::vector<bool> shown(requests.size());
    for (const auto& p : placed) shown[p.request] = true;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (shown[i]) continue;
        const LabelRequest& r = requests[i];
        const Box right = Box::of(r.anchor.x + r.gap, r.anchor.y - r.size.y / 2, r.anchor.x + r.gap + r.size.x, r.anchor.y + r.size.y / 2);
        bool off_screen = right.min_x < 0 || right.max_x > 800 || right.min_y < 0 || right.max_y > 600;
        bool blocked_by_higher = false;
        for (const auto& p : placed)
            if (overlap(p.box, right) && requests[p.request].priority >= r.priority) blocked_by_higher = true;
        EXPECT_TRUE(off_screen || blocked_by_higher) << i;
    }
}

TEST(LabelPlacement, TriesTheOtherSidesAndAvoidsObstacles) {
    // Two labels on one anchor: the second goes to the left.
    const std::vector<LabelRequest> requests{{{400, 300}, {50, 14}, 6, 2, false}, {{400, 300}, {50, 14}, 6, 1, false}};
    const auto placed = place_labels(requests, {}, {800, 600});
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_GT(placed[0].box.min_x, 400);
    EXPECT_LT(placed[1].box.max_x, 400);
    // An obstacle over the right-hand position pushes the label left.
    const auto moved = place_labels({requests[0]}, {Box::of(405, 290, 470, 310)}, {800, 600});
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_LT(moved[0].box.max_x, 400);
}

TEST(LabelPlacement, HiddenWhenNoRoom) {
    const auto placed = place_labels({{{5, 5}, {200, 14}, 6, 1, true}}, {}, {100, 100});
    EXPECT_TRUE(placed.empty());
}

TEST(LabelPlacement, AnchorsSideOfALineFirstThenClearOfIt) {
    // A line 20 px right of the anchor, up and down: right is across it, left is not.
    LabelRequest r{{100, 100}, {40, 14}, 5, 1, false};
    r.sides = {{{120, 0}, {120, 200}}};
    EXPECT_LT(label_candidates(r).front().max_x, 120);
    // A line through the anchor's left and right, sloping: above and below stay clear of it, the
    // ones it cuts come after.
    LabelRequest flat{{100, 100}, {40, 14}, 5, 1, false};
    flat.sides = {{{0, 100}, {200, 100}}};
    const Box first = label_candidates(flat).front();
    EXPECT_TRUE(first.max_y <= 100 || first.min_y >= 100) << first.min_y << " " << first.max_y;
}
