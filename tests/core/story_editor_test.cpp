#include "core/story/story_editor.hpp"

#include <gtest/gtest.h>

#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {
Story sample() {
    return parse_story(R"({"type": "FeatureCollection", "story": {"title": "T", "chapters": [{"id": "c", "title": "C", "focus": ["a", "b"]}]},
      "features": [
        {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [130.65, 42.42]}, "properties": {"kind": "place", "name": "Khasan"}},
        {"type": "Feature", "id": "b", "geometry": {"type": "Point", "coordinates": [131.88, 43.11]}, "properties": {"kind": "place", "name": "Vladivostok"}},
        {"type": "Feature", "id": "c2", "geometry": {"type": "Point", "coordinates": [125.75, 39.03]}, "properties": {"kind": "place", "name": "Pyongyang"}},
        {"type": "Feature", "id": "r", "geometry": null, "properties": {"kind": "route", "name": "Train", "mode": "train", "stops": ["a", "b"]}}]})",
                       "t");
}
}  // namespace

TEST(StoryEditor, MoveUndoRedo) {
    StoryEditor editor(sample());
    EXPECT_FALSE(editor.modified());
    editor.move_place("a", {130.0, 42.0});
    EXPECT_EQ(editor.story().place("a")->position, (LonLat{130.0, 42.0}));
    EXPECT_TRUE(editor.modified());
    editor.undo();
    EXPECT_EQ(editor.story().place("a")->position, (LonLat{130.65, 42.42}));
    EXPECT_FALSE(editor.modified());
    editor.redo();
    EXPECT_EQ(editor.story().place("a")->position, (LonLat{130.0, 42.0}));
    EXPECT_FALSE(editor.can_redo());
}

TEST(StoryEditor, ADragIsOneStep) {
    StoryEditor editor(sample());
    for (int i = 1; i <= 20; ++i) editor.move_place("a", {130.65 + i * 0.01, 42.42});
    editor.finish_move();
    editor.move_place("b", {132.0, 43.0});
    editor.undo();
    EXPECT_EQ(editor.story().place("b")->position, (LonLat{131.88, 43.11}));
    EXPECT_NEAR(editor.story().place("a")->position.lon, 130.85, 1e-9);
    editor.undo();
    EXPECT_EQ(editor.story().place("a")->position, (LonLat{130.65, 42.42}));
    EXPECT_FALSE(editor.can_undo());
}

TEST(StoryEditor, AddGivesAUniqueIdAndUndoRemovesIt) {
    StoryEditor editor(sample());
    const std::string id = editor.add_place("Ussuriysk", {131.95, 43.80});
    EXPECT_EQ(id, "ussuriysk");
    EXPECT_EQ(editor.add_place("Ussuriysk", {131.9, 43.8}), "ussuriysk-2");
    EXPECT_EQ(editor.add_place("Khasan (station)", {130.6, 42.4}), "khasan-station");
    EXPECT_EQ(editor.story().places.size(), 6u);
    editor.undo();
    editor.undo();
    editor.undo();
    EXPECT_EQ(editor.story().places.size(), 3u);
    EXPECT_FALSE(editor.story().place("ussuriysk"));
}

TEST(StoryEditor, RenameAndDelete) {
    StoryEditor editor(sample());
    editor.rename_place("b", "Vladivostok station");
    EXPECT_EQ(editor.story().place("b")->name, "Vladivostok station");
    // A route stop cannot go; a place that is only in a chapter's focus can, and leaves the focus.
    const auto refused = editor.delete_place("a");
    ASSERT_TRUE(refused);
    EXPECT_EQ(*refused, "\"Khasan\" is a stop of the route \"Train\"");
    EXPECT_TRUE(editor.story().place("a"));
    editor.rename_place("c2", "Pyongyang");  // no change, no step
    EXPECT_FALSE(editor.delete_place("c2"));
    EXPECT_FALSE(editor.story().place("c2"));
    editor.undo();
    EXPECT_TRUE(editor.story().place("c2"));
    editor.undo();
    EXPECT_EQ(editor.story().place("b")->name, "Vladivostok");
    EXPECT_THROW(editor.move_place("nowhere", {0, 0}), std::invalid_argument);
}

TEST(StoryEditor, DeletingDropsFocus) {
    Story s = sample();
    s.chapters[0].focus = {"a", "c2"};
    StoryEditor editor(std::move(s));
    ASSERT_FALSE(editor.delete_place("c2"));
    EXPECT_EQ(editor.story().chapters[0].focus, std::vector<std::string>{"a"});
}

TEST(StoryEditor, SavedEditsSurviveTheFile) {
    StoryEditor editor(sample());
    editor.move_place("a", {130.5, 42.5});
    const std::string id = editor.add_place("Ussuriysk", {131.95, 43.80}, "city");
    editor.mark_saved();
    EXPECT_FALSE(editor.modified());
    const Story again = parse_story(serialize_story(editor.story()), "t");
    EXPECT_EQ(again.place("a")->position, (LonLat{130.5, 42.5}));
    ASSERT_TRUE(again.place(id));
    EXPECT_EQ(again.place(id)->category, "city");
}

TEST(Slug, MakesIds) {
    EXPECT_EQ(slug("Far Eastern Federal University"), "far-eastern-federal-university");
    EXPECT_EQ(slug("  Khasan!! "), "khasan");
    EXPECT_EQ(slug("평양"), "place");
}

TEST(StoryEditor, MovingAStopMovesTheRoutePathThroughIt) {
    Story s = sample();
    s.routes[0].path = {{130.65, 42.42}, {131.0, 42.8}, {131.88, 43.11}};
    StoryEditor editor(std::move(s));
    editor.move_place("b", {131.9, 43.2});
    EXPECT_EQ(editor.story().routes[0].path.back(), (LonLat{131.9, 43.2}));
    EXPECT_EQ(editor.story().routes[0].path[1], (LonLat{131.0, 42.8}));
    editor.move_place("b", {132.0, 43.3});  // the same drag, still on the path
    EXPECT_EQ(editor.story().routes[0].path.back(), (LonLat{132.0, 43.3}));
    editor.undo();
    EXPECT_EQ(editor.story().routes[0].path.back(), (LonLat{131.88, 43.11}));
}

TEST(StoryEditor, RejectingAStopDropsItFromRoutesAndShortRoutesGo) {
    StoryEditor editor(sample());
    editor.reject_place("a");
    EXPECT_FALSE(editor.story().place("a"));
    EXPECT_TRUE(editor.story().routes.empty());  // one stop left, no path: gone
    editor.undo();
    EXPECT_EQ(editor.story().routes.size(), 1u);
    editor.replace_place("b", "Vladivostok (Primorsky Krai)", {131.9, 43.1}, 2013348);
    EXPECT_EQ(editor.story().place("b")->name, "Vladivostok (Primorsky Krai)");
    EXPECT_EQ(editor.story().place("b")->geonames_id, 2013348);
    EXPECT_NE(serialize_story(editor.story()).find("\"geonames_id\": 2013348"), std::string::npos);  // and saved
    // A region taken instead (an alternative with no GeoNames entry) has no id.
    editor.replace_place("b", "Primor'ye", {135.36, 45.73}, 0);
    EXPECT_FALSE(editor.story().place("b")->geonames_id);
    EXPECT_EQ(serialize_story(editor.story()).find("\"geonames_id\": 0"), std::string::npos);
    editor.undo();
    editor.undo();
    EXPECT_EQ(editor.story().place("b")->position, (LonLat{131.88, 43.11}));
}
