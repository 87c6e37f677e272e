// Writing a story in the window: chapters added, moved, removed and edited with undo; a route's
// mode, stops and stop times, validated as typed; and what the file keeps of it.
#include <gtest/gtest.h>

#include "core/story/story_editor.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {

Story sample() {
    return parse_story(R"({"type": "FeatureCollection", "story": {"title": "T", "timezone": "+10:00", "chapters": [
        {"id": "leave", "title": "Leaving", "focus": ["p"]},
        {"id": "border", "title": "The border", "focus": ["k"], "time": "2019-04-24T10:00"},
        {"id": "arrive", "title": "Arrival", "focus": ["v"]}]},
      "features": [
        {"type": "Feature", "id": "p", "geometry": {"type": "Point", "coordinates": [125.75, 39.03]}, "properties": {"kind": "place", "name": "Pyongyang"}},
        {"type": "Feature", "id": "k", "geometry": {"type": "Point", "coordinates": [130.65, 42.42]}, "properties": {"kind": "place", "name": "Khasan"}},
        {"type": "Feature", "id": "u", "geometry": {"type": "Point", "coordinates": [131.95, 43.80]}, "properties": {"kind": "place", "name": "Ussuriysk"}},
        {"type": "Feature", "id": "v", "geometry": {"type": "Point", "coordinates": [131.88, 43.11]}, "properties": {"kind": "place", "name": "Vladivostok"}},
        {"type": "Feature", "id": "r", "geometry": null, "properties": {"kind": "route", "name": "Train", "mode": "train", "stops": ["p", "k", "v"],
          "times": ["2019-04-23T07:00+09:00", {"arrive": "2019-04-24T10:00", "depart": "2019-04-24T13:00"}, "2019-04-24T18:00"]}}]})",
                       "t.story.json");
}

std::vector<std::string> ids(const Story& s) {
    std::vector<std::string> out;
    for (const auto& c : s.chapters) out.push_back(c.id);
    return out;
}

}  // namespace

TEST(ChapterEditing, AddMoveRemoveEachUndoable) {
    StoryEditor editor(sample());
    Chapter c;
    c.title = "The border";  // the id is made unique from the title
    EXPECT_EQ(editor.add_chapter(2, c), 2);
    EXPECT_EQ(ids(editor.story()), (std::vector<std::string>{"leave", "border", "the-border", "arrive"}));
    editor.move_chapter(3, 0);
    EXPECT_EQ(ids(editor.story()), (std::vector<std::string>{"arrive", "leave", "border", "the-border"}));
    editor.move_chapter(0, 2);
    EXPECT_EQ(ids(editor.story()), (std::vector<std::string>{"leave", "border", "arrive", "the-border"}));
    editor.remove_chapter(1);
    EXPECT_EQ(ids(editor.story()), (std::vector<std::string>{"leave", "arrive", "the-border"}));
    editor.undo();
    EXPECT_EQ(ids(editor.story()), (std::vector<std::string>{"leave", "border", "arrive", "the-border"}));
    editor.undo();
    editor.undo();
    editor.undo();
    EXPECT_EQ(ids(editor.story()), (std::vector<std::string>{"leave", "border", "arrive"}));
    EXPECT_FALSE(editor.modified());
    editor.move_chapter(1, 1);  // nothing to do: no step
    EXPECT_FALSE(editor.can_undo());
}

TEST(ChapterEditing, TypingIntoAChapterIsOneStepAndSaves) {
    StoryEditor editor(sample());
    Chapter c = editor.story().chapters[0];
    for (const char* text : {"T", "Th", "The", "The train leaves **at dawn**"}) {
        c.text = text;
        EXPECT_FALSE(editor.edit_chapter(0, c));
    }
    editor.finish_move();
    c.title = "Departure";
    EXPECT_FALSE(editor.edit_chapter(0, c));
    editor.undo();  // the title
    EXPECT_EQ(editor.story().chapters[0].title, "Leaving");
    EXPECT_EQ(editor.story().chapters[0].text, "The train leaves **at dawn**");
    editor.undo();  // all the typing at once
    EXPECT_EQ(editor.story().chapters[0].text, "");
    EXPECT_FALSE(editor.can_undo());

    c = editor.story().chapters[1];
    c.time.reset();
    c.zoom = 9.5;
    c.center = LonLat{130.6, 42.4};
    c.image = Media{"photos/bridge.jpg", "The Friendship Bridge", "Reuters"};
    EXPECT_FALSE(editor.edit_chapter(1, c));
    const Story again = parse_story(serialize_story(editor.story()), "again");
    const Chapter& saved = again.chapters[1];
    EXPECT_FALSE(saved.time);  // a cleared time leaves the file, not the old one
    EXPECT_EQ(saved.zoom, 9.5);
    EXPECT_EQ(saved.center, (LonLat{130.6, 42.4}));
    EXPECT_EQ(saved.image, (Media{"photos/bridge.jpg", "The Friendship Bridge", "Reuters"}));
}

TEST(ChapterEditing, AFocusThatNamesNothingIsRefused) {
    StoryEditor editor(sample());
    Chapter c = editor.story().chapters[0];
    c.focus = {"p", "nowhere"};
    const auto refused = editor.edit_chapter(0, c);
    ASSERT_TRUE(refused);
    EXPECT_NE(refused->find("nowhere"), std::string::npos);
    EXPECT_FALSE(editor.modified());
}

TEST(StopTimes, TypedTimesAreReadInTheStorysZone) {
    EXPECT_FALSE(parse_typed_time("  ", 600).moment);
    EXPECT_TRUE(parse_typed_time("  ", 600).error.empty());
    const TypedTime t = parse_typed_time("2019-04-24 18:00", 600);
    ASSERT_TRUE(t.moment);
    EXPECT_EQ(t.moment->time.utc_seconds, parse_story_time("2019-04-24T08:00Z")->utc_seconds);
    EXPECT_EQ(t.moment->text, "2019-04-24T18:00");  // saved as typed, read in the story's zone
    const TypedTime zoned = parse_typed_time("2019-04-24 18:00 +09:00", 600);
    ASSERT_TRUE(zoned.moment);
    EXPECT_EQ(zoned.moment->time.utc_seconds - t.moment->time.utc_seconds, 3600);
    EXPECT_FALSE(parse_typed_time("2019-04-24 18", 600).moment);
    EXPECT_FALSE(parse_typed_time("2019-04-24 18", 600).error.empty());
    EXPECT_FALSE(parse_typed_time("yesterday", 600).moment);
}

TEST(StopTimes, OutOfOrderTimesAreRefusedAndInOrderOnesKept) {
    StoryEditor editor(sample());
    const int zone = editor.story().timezone_minutes();
    StopTime late;
    late.arrive = parse_typed_time("2019-04-25 09:00", zone).moment;  // after Vladivostok's arrival
    const auto refused = editor.set_stop_time("r", 1, late);
    ASSERT_TRUE(refused);
    EXPECT_NE(refused->find("not in order"), std::string::npos) << *refused;
    EXPECT_FALSE(editor.modified());

    StopTime fine;
    fine.arrive = parse_typed_time("2019-04-24 11:00", zone).moment;
    fine.depart = parse_typed_time("2019-04-24 14:00", zone).moment;
    fine.approximate = true;
    EXPECT_FALSE(editor.set_stop_time("r", 1, fine));
    const Story again = parse_story(serialize_story(editor.story()), "again");
    EXPECT_EQ(again.route("r")->times[1].depart->text, "2019-04-24T14:00");
    EXPECT_TRUE(again.route("r")->times[1].approximate);
    EXPECT_TRUE(editor.set_stop_time("r", 7, fine));  // no such stop
}

TEST(RouteEditing, ModeStopsAndANewRoute) {
    StoryEditor editor(sample());
    editor.set_route_mode("r", TravelMode::car);
    EXPECT_EQ(editor.story().route("r")->mode, TravelMode::car);
    EXPECT_FALSE(editor.insert_stop("r", 2, "u"));
    EXPECT_EQ(editor.story().route("r")->stops, (std::vector<std::string>{"p", "k", "u", "v"}));
    EXPECT_EQ(editor.story().route("r")->times.size(), 4u);
    EXPECT_FALSE(editor.story().route("r")->times[2].arrive);
    EXPECT_TRUE(editor.insert_stop("r", 0, "nowhere"));
    EXPECT_FALSE(editor.remove_stop("r", 0));
    EXPECT_FALSE(editor.remove_stop("r", 0));
    EXPECT_TRUE(editor.remove_stop("r", 0));  // two stops stay
    EXPECT_EQ(editor.story().route("r")->stops, (std::vector<std::string>{"u", "v"}));

    const std::string id = editor.add_route("Motorcade", TravelMode::car, {"v", "u"});
    EXPECT_EQ(id, "motorcade");
    EXPECT_EQ(editor.story().route(id)->stops.size(), 2u);
    EXPECT_THROW(editor.add_route("One stop", TravelMode::car, {"v"}), std::invalid_argument);
    // The new route saves and reads back as a valid story.
    const Story again = parse_story(serialize_story(editor.story()), "again");
    EXPECT_EQ(again.route("motorcade")->mode, TravelMode::car);
}
