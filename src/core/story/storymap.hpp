#pragma once
// Knight Lab's StoryMapJS: a story published as slides, each with a headline, HTML text, a picture
// and a place on the map. Read as a story (its overview's headline the title, each slide a chapter
// that frames its place, or the whole story where it has none) and written from one (each chapter a
// slide at its view), so a story made here publishes on the web and one made there opens here.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/story/story.hpp"

namespace storyplot {

// What one format could not hold, counted for the one line that says so.
struct StorymapNotes {
    std::size_t routes = 0;           // written: routes (StoryMapJS draws only lines between slides)
    std::size_t unplaced = 0;         // written: places no chapter shows
    std::size_t untimed_dates = 0;    // read: slide dates that are not ISO times (kept in the text)
    std::size_t backgrounds = 0;      // read: slide backgrounds
    std::string summary() const;      // "2 routes, 3 places no chapter shows", or empty
};

// Throws InputError naming `path` for text that is not StoryMapJS JSON (no storymap.slides) or a
// slide whose location is not a place on the Earth.
Story story_from_storymap(std::string_view text, const std::string& path, StorymapNotes* notes = nullptr);

// Whether `text` (a .json file's start) is StoryMapJS rather than GeoJSON or a story.
bool looks_like_storymap(std::string_view text);

std::string story_to_storymap(const Story& story, StorymapNotes* notes = nullptr);

// A chapter's text (paragraphs, "- " bullets, **bold**, *italic*: core/labels/rich_text) as HTML,
// and StoryMapJS's HTML back to such text (tags it has no mark for dropped, entities decoded).
std::string rich_text_to_html(std::string_view text);
std::string html_to_rich_text(std::string_view html);

}  // namespace storyplot
