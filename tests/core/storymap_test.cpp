// StoryMapJS slides read as a story and a story written as slides (core/story/storymap).
#include "core/story/storymap.hpp"

#include <gtest/gtest.h>

#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {
const std::string fixture = std::string(STORYPLOT_TEST_DIR) + "/data/storymap/rivers-of-the-border.json";
std::string seed_path() { return std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json"; }
}  // namespace

TEST(Storymap, HtmlBecomesTheChaptersOwnMarksAndBack) {
    EXPECT_EQ(html_to_rich_text("<p>Over the river &amp; into <b>Russia</b>.</p><p>Then  north.</p>"),
              "Over the river & into **Russia**.\n\nThen north.");
    EXPECT_EQ(html_to_rich_text("<ul><li>One</li><li><em>Two</em></li></ul>"), "- One\n- *Two*");
    EXPECT_EQ(html_to_rich_text("a<br/>b &#x41;&#66; &nbsp;&mdash; <a href=\"x\">link</a>"), "a\nb AB \u00A0\u2014 link");
    EXPECT_EQ(html_to_rich_text("text <unclosed"), "text");
    EXPECT_EQ(rich_text_to_html("Over the river & into **Russia**.\n\nThen north.\n- one\n- *two*"),
              "<p>Over the river &amp; into <b>Russia</b>.</p><p>Then north.</p><ul><li>one</li><li><i>two</i></li></ul>");
    // Text written as HTML reads back as it was.
    const std::string text = "A bridge < a tunnel, **both** \"old\".\n\n- *first*\n- second";
    EXPECT_EQ(html_to_rich_text(rich_text_to_html(text)), text);
}

TEST(Storymap, SlidesBecomeChaptersFramingTheirPlaces) {
    StorymapNotes notes;
    const Story story = story_from_storymap(read_input_file(fixture, story_file_limit, "a fixture"), fixture, &notes);
    EXPECT_EQ(story.title, "Three crossings on the Tumen");
    ASSERT_EQ(story.chapters.size(), 4u);  // the overview holds only the title
    const Chapter& bridge = story.chapters[0];
    EXPECT_EQ(bridge.title, "The rail bridge");
    EXPECT_EQ(bridge.text, "A single-track bridge carries the line over the river & into **Russia**.\n\nTrains stop at the station on the far bank.");
    ASSERT_TRUE(bridge.time && bridge.zoom && bridge.center && bridge.image);
    EXPECT_EQ(bridge.time->text, "2019-04-24T10:40+10:00");
    EXPECT_EQ(story.timezone, "+10:00");
    EXPECT_DOUBLE_EQ(*bridge.zoom, 11.0);
    EXPECT_DOUBLE_EQ(bridge.center->lat, 42.4306);
    EXPECT_EQ(bridge.image->src, "https://example.org/bridge.jpg");
    EXPECT_EQ(bridge.image->credit, "Example Agency");
    // A slide's place is named by its location, else by its headline; two slides at one place share it.
    ASSERT_EQ(story.places.size(), 2u);
    EXPECT_EQ(story.places[0].name, "Khasan");
    EXPECT_EQ(story.places[1].name, "Rason");
    EXPECT_EQ(bridge.focus, std::vector<std::string>{story.places[0].id});
    EXPECT_EQ(story.chapters[3].focus, std::vector<std::string>{story.places[0].id});
    // A free-form date stays in the text; a slide without a location frames the whole story.
    EXPECT_FALSE(story.chapters[1].time);
    EXPECT_EQ(story.chapters[1].text, "*Spring 2019*\n\n- A free-trade zone\n- A port on the *Sea of Japan*");
    EXPECT_TRUE(story.chapters[2].focus.empty());
    EXPECT_FALSE(story.chapters[2].center);
    EXPECT_EQ(story.chapters[3].text, "Line one\nline two");
    EXPECT_EQ(notes.untimed_dates, 1u);
    EXPECT_EQ(notes.backgrounds, 1u);
    // What it makes is a story storyplot reads back.
    const Story again = parse_story(serialize_story(story), "imported");
    EXPECT_EQ(again.chapters.size(), 4u);
    EXPECT_EQ(again.places.size(), 2u);
}

TEST(Storymap, WhatIsNotStoryMapJSIsOneLineNamingTheFile) {
    auto problem = [](const std::string& text) {
        try {
            (void)story_from_storymap(text, "x.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_EQ(problem("{\"type\": \"FeatureCollection\"}"), "x.json: not a StoryMapJS file: it has no storymap.slides list");
    EXPECT_EQ(problem("{\"storymap\": ").find("x.json:1:"), 0u);
    EXPECT_EQ(problem(std::string(100000, '[')), "x.json:1:65: nested deeper than 64 levels");
    EXPECT_EQ(problem("{\"storymap\": {\"slides\": [{\"location\": {\"lat\": 4e528}}]}}"), "x.json: JSON number overflow parsing '4e528'");
    EXPECT_EQ(problem("{\"storymap\": {\"slides\": [{\"location\": {\"lat\": 95, \"lon\": 10}}]}}"),
              "x.json: slide 1: its location (95, 10) is not a place on the Earth");
    EXPECT_EQ(problem("{\"storymap\": {\"slides\": [{\"location\": {\"lat\": \"north\", \"lon\": 10}}]}}"),
              "x.json: slide 1: its location needs numbers lat and lon");
    EXPECT_TRUE(looks_like_storymap("{\n  \"storymap\": {"));
    EXPECT_FALSE(looks_like_storymap("{\"type\": \"FeatureCollection\", \"features\": []}"));
    EXPECT_FALSE(looks_like_storymap("{\"story\": {\"title\": \"On the word \\\"storymap\\\"\"}}"));
}

// A location past 180 degrees (a StoryMapJS map panned across the antimeridian) is the same place
// within -180..180, and the story saves and reads back.
TEST(Storymap, ALongitudePast180IsTheSamePlaceWithinTheWorld) {
    const Story story = story_from_storymap(
        "{\"storymap\": {\"slides\": [{\"text\": {\"headline\": \"Khasan\"}, \"location\": {\"lat\": 42.4306, \"lon\": 193.6437}},"
        " {\"text\": {\"headline\": \"West\"}, \"location\": {\"lat\": 10, \"lon\": -350}}]}}",
        "x.json");
    ASSERT_EQ(story.places.size(), 2u);
    EXPECT_NEAR(story.places[0].position.lon, -166.3563, 1e-9);
    EXPECT_NEAR(story.places[1].position.lon, 10, 1e-9);
    const Story again = parse_story(serialize_story(story), "x.story.json");
    EXPECT_NEAR(again.places[0].position.lon, -166.3563, 1e-6);
}

// The seed story as slides and back: each chapter a slide at its view, with its title, text,
// picture and time; its routes, which StoryMapJS cannot draw, counted.
TEST(Storymap, AStoryPublishedAsSlidesReadsBackChapterForChapter) {
    const Story seed = read_story_file(seed_path());
    StorymapNotes written;
    const std::string json = story_to_storymap(seed, &written);
    EXPECT_EQ(written.routes, seed.routes.size());
    StorymapNotes read;
    const Story back = story_from_storymap(json, "seed.storymap.json", &read);
    EXPECT_EQ(back.title, seed.title);
    ASSERT_EQ(back.chapters.size(), seed.chapters.size());
    for (std::size_t i = 0; i < seed.chapters.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(back.chapters[i].title, seed.chapters[i].title);
        // The same paragraphs, bullets and marks (line breaks inside a paragraph are spaces in both).
        EXPECT_EQ(rich_text_to_html(back.chapters[i].text), rich_text_to_html(seed.chapters[i].text));
        EXPECT_EQ(back.chapters[i].image.has_value(), seed.chapters[i].image.has_value());
        EXPECT_EQ(back.chapters[i].time.has_value(), seed.chapters[i].time.has_value());
        ASSERT_TRUE(back.chapters[i].center && back.chapters[i].zoom);
    }
    EXPECT_EQ(read.untimed_dates, 0u);
    EXPECT_EQ(back.source_title, seed.source_title);
    EXPECT_EQ(back.source_url, seed.source_url);
}

// An overview's words frame the whole story as its first chapter; its source line is the story's.
TEST(Storymap, TheOverviewsWordsAndSourceComeBackAsTheyWere) {
    const std::string json = R"({"storymap": {"slides": [
        {"type": "overview", "text": {"headline": "A walk", "text": "<p>Two stops &amp; a view.</p><p>Source: <a href=\"https://example.org/a\">The Daily Example</a></p>"}},
        {"location": {"lat": 10, "lon": 20}, "text": {"headline": "First", "text": "<p>Here.</p>"}}]}})";
    const Story story = story_from_storymap(json, "walk.json");
    EXPECT_EQ(story.source_title, "The Daily Example");
    EXPECT_EQ(story.source_url, "https://example.org/a");
    ASSERT_EQ(story.chapters.size(), 2u);
    EXPECT_EQ(story.chapters[0].title, "A walk");
    EXPECT_EQ(story.chapters[0].text, "Two stops & a view.");
    EXPECT_TRUE(story.chapters[0].focus.empty());
    const Story again = story_from_storymap(story_to_storymap(story), "again.json");
    ASSERT_EQ(again.chapters.size(), 2u);
    EXPECT_EQ(again.chapters[0].text, story.chapters[0].text);
    EXPECT_EQ(again.chapters[1].title, "First");
    EXPECT_EQ(again.source_title, story.source_title);
    EXPECT_EQ(again.source_url, story.source_url);
}
