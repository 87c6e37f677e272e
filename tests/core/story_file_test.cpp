#include "core/story/story_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/files/input_error.hpp"

using namespace storyplot;

namespace {

// A small valid story; cases below break one thing in it.
const std::string good = R"({
  "type": "FeatureCollection",
  "story": {"title": "Test", "timezone": "+10:00",
            "chapters": [{"id": "one", "title": "One", "focus": ["a"], "zoom": 9, "time": "2019-04-24T10:00+10:00"}]},
  "features": [
    {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [130.65, 42.42]},
     "properties": {"kind": "place", "name": "Khasan", "category": "border"}},
    {"type": "Feature", "id": "b", "geometry": {"type": "Point", "coordinates": [131.88, 43.11]},
     "properties": {"kind": "place", "name": "Vladivostok"}},
    {"type": "Feature", "id": "r", "geometry": null,
     "properties": {"kind": "route", "name": "Train", "mode": "train", "stops": ["a", "b"],
                    "times": ["2019-04-24T11:40+10:00", {"arrive": "2019-04-24T18:00+10:00", "approximate": true}]}}
  ]
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("fixture has no " + from);
    return text.replace(at, from.size(), to);
}

std::string error_of(const std::string& text) {
    try {
        parse_story(text, "t.story.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "(valid)";
}

struct Case {
    const char* what;
    std::string text;
    std::string message;
};

}  // namespace

TEST(StoryFile, ReadsAGoodStory) {
    const Story story = parse_story(good, "t.story.json");
    EXPECT_EQ(story.title, "Test");
    EXPECT_EQ(story.timezone_minutes(), 600);
    ASSERT_EQ(story.places.size(), 2u);
    EXPECT_EQ(story.places[0].name, "Khasan");
    EXPECT_EQ(story.places[0].position, (LonLat{130.65, 42.42}));
    ASSERT_EQ(story.routes.size(), 1u);
    EXPECT_EQ(story.routes[0].mode, TravelMode::train);
    ASSERT_EQ(story.routes[0].times.size(), 2u);
    EXPECT_TRUE(story.routes[0].times[1].approximate);
    // Times are read once into instants, and keep their text for the save.
    ASSERT_TRUE(story.routes[0].times[0].arrive);
    EXPECT_EQ(story.routes[0].times[0].arrive->text, "2019-04-24T11:40+10:00");
    EXPECT_EQ(story.routes[0].times[0].arrive->time.utc_seconds, 1556070000);
    EXPECT_EQ(story.routes[0].times[0].arrive->time.offset_minutes, 600);
    EXPECT_FALSE(story.routes[0].times[0].depart);
    EXPECT_EQ(route_path(story, story.routes[0]).size(), 2u);  // made from the stops
    ASSERT_EQ(story.chapters.size(), 1u);
    EXPECT_EQ(*story.chapters[0].zoom, 9.0);
    EXPECT_EQ(story_summary(story), "2 places, 1 route, 1 chapter");
}

TEST(StoryFile, EachErrorHasItsExactMessage) {
    const std::vector<Case> cases{
        {"empty", "  \n", "t.story.json: the file is empty"},
        {"syntax: missing value", replaced(good, R"("name": "Khasan")", R"("name": )"),
         "t.story.json:7:46: JSON syntax error while parsing value - unexpected ','; expected '[', '{', or a literal"},
        {"syntax: unterminated", good.substr(0, 40),
         "t.story.json:3:8: JSON syntax error while parsing object key - invalid string: missing closing quote; last read: '\"stor'; "
         "expected string literal"},
        {"not a collection", R"({"type": "Feature"})", "t.story.json: not a GeoJSON FeatureCollection"},
        {"plain geojson", R"({"type": "FeatureCollection", "features": []})",
         "t.story.json: no \"story\" member: plain GeoJSON, not a story (add it as a layer with --basemap)"},
        {"latitude out of range", replaced(good, "[130.65, 42.42]", "[130.65, 95]"),
         "t.story.json: feature \"a\": coordinates out of range: [130.65, 95] (longitude -180..180, latitude -90..90)"},
        {"longitude out of range", replaced(good, "[131.88, 43.11]", "[231.88, 43.11]"),
         "t.story.json: feature \"b\": coordinates out of range: [231.88, 43.11] (longitude -180..180, latitude -90..90)"},
        {"stop names no place", replaced(good, R"(["a", "b"])", R"(["a", "x"])"),
         "t.story.json: feature \"r\": stop \"x\" names no place"},
        {"times out of order", replaced(good, "2019-04-24T11:40+10:00", "2019-04-25T11:40+10:00"),
         "t.story.json: feature \"r\": times not in order: \"2019-04-24T18:00+10:00\" at \"b\" is before \"2019-04-25T11:40+10:00\" at \"a\""},
        {"unknown mode", replaced(good, R"("mode": "train")", R"("mode": "hovercraft")"),
         "t.story.json: feature \"r\": unknown mode \"hovercraft\" (use train, car, plane, ship or walk)"},
        {"duplicate id", replaced(good, R"("id": "b")", R"("id": "a")"), "t.story.json: feature \"a\": duplicate id"},
        {"bad time", replaced(good, "2019-04-24T11:40+10:00", "24 April, noon"),
         "t.story.json: feature \"r\": \"time\" is not an ISO 8601 time: \"24 April, noon\" (e.g. 2019-04-24T18:00+10:00)"},
        {"times count", replaced(good, R"("2019-04-24T11:40+10:00", )", ""), "t.story.json: feature \"r\": 1 times for 2 stops"},
        {"unknown kind", replaced(good, R"("kind": "place", "name": "Vladivostok")", R"("kind": "city", "name": "Vladivostok")"),
         "t.story.json: feature \"b\": properties.kind must be \"place\" or \"route\""},
        {"place without point", replaced(good, R"({"type": "Point", "coordinates": [130.65, 42.42]})", "null"),
         "t.story.json: feature \"a\": a place needs a Point geometry"},
        {"focus names nothing", replaced(good, R"("focus": ["a"])", R"("focus": ["nowhere"])"),
         "t.story.json: chapter \"one\": focus \"nowhere\" names no place or route"},
        {"bad colour", replaced(good, R"("mode": "train")", R"("mode": "train", "color": "red")"),
         "t.story.json: feature \"r\": \"color\" must be \"#rrggbb\" or \"#rrggbbaa\""},
        {"no id", replaced(good, R"("id": "b", )", ""), "t.story.json: feature 2: no \"id\""},
        // What the format does not allow, refused with the feature it is in.
        {"NUL then garbage", good.substr(0, 30) + std::string(1, '\0') + "garbage", "t.story.json:2:29: a NUL byte: not a text file"},
        {"empty stop time", replaced(good, R"("2019-04-24T11:40+10:00")", R"("")"),
         "t.story.json: feature \"r\": \"time\" is empty: give a time or leave it out"},
        {"one-vertex line", replaced(good, R"("id": "r", "geometry": null)", R"("id": "r", "geometry": {"type": "LineString", "coordinates": [[130, 42]]})"),
         "t.story.json: feature \"r\": a LineString needs at least two positions (1 given)"},
        {"zero-vertex line", replaced(good, R"("id": "r", "geometry": null)", R"("id": "r", "geometry": {"type": "LineString", "coordinates": []})"),
         "t.story.json: feature \"r\": a LineString needs at least two positions (0 given)"},
        {"empty chapter id", replaced(good, R"("id": "one")", R"("id": "")"), "t.story.json: chapter 1: \"id\" is empty"},
        {"transparent colour", replaced(good, R"("mode": "train")", R"("mode": "train", "color": "#ff000000")"),
         "t.story.json: feature \"r\": \"color\" is (nearly) transparent: the route would not show (alpha at least 33)"},
        {"huge mention offset", replaced(good, R"("category": "border")", R"("category": "border", "mentions": [{"offset": 1e308, "length": 6}])"),
         "t.story.json: feature \"a\": a mention's \"offset\" must be a whole number from 0 to 1073741824"},
        {"mention of wrong type", replaced(good, R"("category": "border")", R"("category": "border", "mentions": [{"offset": "x"}])"),
         "t.story.json: feature \"a\": a mention's \"offset\" must be a whole number from 0 to 1073741824"},
        {"mentions not a list", replaced(good, R"("category": "border")", R"("category": "border", "mentions": 3)"),
         "t.story.json: feature \"a\": \"mentions\" must be a list"},
        {"fractional id", replaced(good, R"("id": "b")", R"("id": 2.5)"),
         "t.story.json: feature 2: \"id\" must be a non-empty string or a whole number"},
        {"deep nesting", replaced(good, R"("category": "border")", R"("category": "border", "x": )" + std::string(100, '[') + std::string(100, ']')),
         "t.story.json:7:143: nested deeper than 64 levels"},
        {"coordinates with junk", replaced(good, "[130.65, 42.42]", R"([130.65, 42.42, "x"])"),
         "t.story.json: feature \"a\": coordinates must be [longitude, latitude] or [longitude, latitude, altitude]"},
        {"four coordinates", replaced(good, "[130.65, 42.42]", "[130.65, 42.42, 0, 1]"),
         "t.story.json: feature \"a\": coordinates must be [longitude, latitude] or [longitude, latitude, altitude]"},
        {"local name not a string", replaced(good, R"("category": "border")", R"("category": "border", "local_name": 7)"),
         "t.story.json: feature \"a\": \"local_name\" must be a string"},
        {"wrong type deep inside", replaced(good, R"("kind": "place", "name": "Khasan")", R"("kind": "place", "name": ["Khasan"])"),
         "t.story.json: feature \"a\": \"name\" must be a string"},
    };
    for (const auto& c : cases) EXPECT_EQ(error_of(c.text), c.message) << c.what;
}

TEST(StoryFile, BigIntegerIdsRoundTripExactly) {
    const std::string text = replaced(replaced(good, R"("id": "b")", R"("id": 18446744073709551615)"), R"(["a", "b"])",
                                      R"(["a", "18446744073709551615"])");
    const Story story = parse_story(text, "t.story.json");
    EXPECT_EQ(story.places[1].id, "18446744073709551615");
    const std::string saved = serialize_story(story);
    EXPECT_NE(saved.find(R"("id": 18446744073709551615)"), std::string::npos);
    EXPECT_EQ(serialize_story(parse_story(saved, "again")), saved);
}

TEST(StoryFile, AHugeValueIsNotEchoedAndMessagesStayOneShortLine) {
    const std::string title(50 << 20, 'x');
    const std::string message = error_of(replaced(good, R"("title": "Test")", "\"title\": \"" + title + "\""));
    EXPECT_EQ(message, "t.story.json: story: \"title\" is 52428800 bytes long; at most 4096");
    const std::string odd = error_of(replaced(good, R"("mode": "train")", "\"mode\": \"" + std::string(5000, 'q') + "\\u001b\""));
    EXPECT_LE(odd.size(), 700u);
    EXPECT_EQ(odd.find('\x1b'), std::string::npos);
    EXPECT_EQ(odd.find('\n'), std::string::npos);
}

TEST(StoryFile, ModeWordsPeopleUse) {
    EXPECT_EQ(parse_travel_mode("rail"), TravelMode::train);
    EXPECT_EQ(parse_travel_mode("flight"), TravelMode::plane);
    EXPECT_EQ(parse_travel_mode("ferry"), TravelMode::ship);
    EXPECT_EQ(parse_travel_mode("motorcade"), TravelMode::car);
    EXPECT_FALSE(parse_travel_mode("Train"));
}

TEST(StoryFile, RoundTripKeepsUnknownMembersAndIsStableAfterOneSave) {
    // Members storyplot does not know, at every level, and a mode word it normalises to the same mode.
    std::string text = replaced(good, R"("title": "Test",)", R"("title": "Test", "x-editor": {"zoom": [1, 2]},)");
    text = replaced(text, R"("category": "border"})", R"("category": "border", "population": 776, "notes": ["a", {"b": null}]})");
    text = replaced(text, R"("mode": "train")", R"("mode": "rail", "x-style": "dashed")");
    text = replaced(text, R"("type": "FeatureCollection",)", R"("type": "FeatureCollection", "bbox": [130, 42, 132, 44],)");
    const std::string once = serialize_story(parse_story(text, "t"));
    const std::string twice = serialize_story(parse_story(once, "t"));
    EXPECT_EQ(once, twice);
    for (const char* kept : {"\"x-editor\"", "\"population\": 776", "\"b\": null", "\"x-style\": \"dashed\"", "\"mode\": \"rail\"",
                             "\"bbox\"", "\"approximate\": true"})
        EXPECT_NE(once.find(kept), std::string::npos) << kept;
}

TEST(StoryFile, EditsReachTheSavedText) {
    Story story = parse_story(good, "t");
    story.places[0].position = {130.5, 42.5};
    story.places[0].name = "Khasan station";
    const Story again = parse_story(serialize_story(story), "t");
    EXPECT_EQ(again.places[0].position, (LonLat{130.5, 42.5}));
    EXPECT_EQ(again.places[0].name, "Khasan station");
    EXPECT_EQ(again.places[0].category, "border");
}

TEST(StoryFile, TheSeedStoryIsValid) {
    const Story story = read_story_file(std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json");
    for (const char* id : {"pyongyang", "khasan", "tumangang", "vladivostok", "fefu", "moscow", "hanoi", "washington"})
        EXPECT_TRUE(story.place(id)) << id;
    const Route* train = story.route("armoured-train-2019");
    ASSERT_TRUE(train);
    EXPECT_GE(train->path.size(), 20u);  // follows the rails, not straight segments
    EXPECT_EQ(train->stops.front(), "pyongyang");
    EXPECT_EQ(train->stops.back(), "vladivostok");
    EXPECT_GE(story.chapters.size(), 5u);
    // The seed story's text is its own: no sentence of the article is copied into it (the headline,
    // the first line, is cited as the source's title).
    std::ifstream article(std::string(STORYPLOT_TEST_DIR) + "/../../shared/articles/vladivostok-2019.txt");
    if (article) {
        std::stringstream text;
        text << article.rdbuf();
        const std::string serialized = serialize_story(story);
        std::string body = text.str();
        body = body.substr(body.find('\n'));
        std::string sentence;
        for (char c : body) {
            sentence += c;
            if (c == '.' || c == '\n') {
                const auto first = sentence.find_first_not_of(" \n\"");
                if (first != std::string::npos && sentence.size() - first > 30) {
                    EXPECT_EQ(serialized.find(sentence.substr(first, 30)), std::string::npos) << sentence;
                }
                sentence.clear();
            }
        }
    }
}

TEST(StoryTime, ParsesAndFormats) {
    const auto t = parse_story_time("2019-04-24T18:00+10:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->utc_seconds, 1556092800);  // 08:00 UTC
    EXPECT_EQ(format_story_time(*t, true), "2019-04-24 18:00 +10:00");
    EXPECT_EQ(parse_story_time("2019-04-24T08:00:00Z")->utc_seconds, 1556092800);
    EXPECT_EQ(parse_story_time("2019-04-24", 600)->utc_seconds, 1556028000);
    for (const char* bad : {"2019-02-30", "2019-04-24T25:00", "2019-04-24 18:00", "24/04/2019", "2019-04-24T18:00+1000"})
        EXPECT_FALSE(parse_story_time(bad)) << bad;
}

TEST(StoryFile, WhatIsNoStoryAtAllIsTypedSoTheWindowCanOpenItAsALayer) {
    auto kind = [](const std::string& text) {
        try {
            parse_story(text, "f.json");
        } catch (const NotAStoryError&) {
            return std::string("not a story");
        } catch (const InputError&) {
            return std::string("a broken story");
        }
        return std::string("a story");
    };
    EXPECT_EQ(kind(R"({"type": "FeatureCollection", "features": []})"), "not a story");
    EXPECT_EQ(kind(R"({"type": "Topology", "objects": {}})"), "not a story");
    EXPECT_EQ(kind("<kml></kml>"), "not a story");
    EXPECT_EQ(kind(std::string("SQLite format 3\0", 16)), "not a story");
    EXPECT_EQ(kind(replaced(good, R"("mode": "train")", R"("mode": "hovercraft")")), "a broken story");
    EXPECT_EQ(kind(good), "a story");
}

TEST(StoryFile, ADraftsReviewMembersAreTypedAndSaveUnchanged) {
    const std::string text = R"({"type": "FeatureCollection", "story": {"title": "T"}, "features": [
  {"type": "Feature", "id": "vvo", "geometry": {"type": "Point", "coordinates": [131.88, 43.11]},
   "properties": {"kind": "place", "name": "Vladivostok", "local_name": "Владивосток", "country": "RU", "geonames_id": 2013348,
    "confidence": 0.875, "alternatives": [{"name": "Vladivostok", "geonames_id": 7, "country": "RU", "coordinates": [132.0, 43.0],
    "population": 12}], "mentions": [{"offset": 10, "length": 11, "sentence": "To Vladivostok."}]}},
  {"type": "Feature", "id": "odd", "geometry": {"type": "Point", "coordinates": [1, 2]},
   "properties": {"kind": "place", "name": "Odd", "confidence": "high", "geonames_id": "x", "alternatives": [1, 2]}}]})";
    const Story story = parse_story(text, "t.story.json");
    const Place& vvo = *story.place("vvo");
    EXPECT_EQ(vvo.local_name, "Владивосток");
    EXPECT_EQ(vvo.country, "RU");
    EXPECT_EQ(vvo.geonames_id, 2013348);
    EXPECT_EQ(vvo.confidence, 0.875);
    ASSERT_EQ(vvo.alternatives.size(), 1u);
    EXPECT_EQ(vvo.alternatives[0].position, (LonLat{132.0, 43.0}));
    EXPECT_EQ(vvo.alternatives[0].population, 12);
    ASSERT_EQ(vvo.mentions.size(), 1u);
    EXPECT_EQ(vvo.mentions[0].sentence, "To Vladivostok.");
    // Members of another type (a story edited by hand) are not read, and are saved as they were.
    const Place& odd = *story.place("odd");
    EXPECT_FALSE(odd.confidence);
    EXPECT_FALSE(odd.geonames_id);
    EXPECT_TRUE(odd.alternatives.empty());
    const std::string saved = serialize_story(story);
    EXPECT_NE(saved.find("\"confidence\": \"high\""), std::string::npos);
    EXPECT_NE(saved.find("\"alternatives\": [\n"), std::string::npos);
    const Story again = parse_story(saved, "t");
    EXPECT_EQ(again.place("vvo")->alternatives, vvo.alternatives);
    EXPECT_EQ(again.place("vvo")->confidence, 0.875);
    EXPECT_EQ(serialize_story(again), saved);
    // A changed member is written; a removed one goes.
    Story edited = again;
    edited.places[0].confidence.reset();
    edited.places[0].country = "KP";
    const std::string changed = serialize_story(edited);
    EXPECT_EQ(changed.find("0.875"), std::string::npos);
    EXPECT_NE(changed.find("\"country\": \"KP\""), std::string::npos);
}
