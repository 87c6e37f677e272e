#pragma once
// Reading, checking and writing story files. Errors are InputErrors whose message is the line the
// user sees: "FILE:LINE:COL: …" for JSON syntax, "FILE: feature \"id\": …" for a story that is
// valid JSON but not a valid story.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/story/story.hpp"

namespace storyplot {

// What a story may hold (docs/STORY_FORMAT.md states them): beyond these, one-line errors.
constexpr int max_json_depth = 64;                      // nesting of objects and lists
constexpr std::size_t max_features = 20000;             // places and routes together
constexpr std::size_t max_chapters = 2000;
constexpr std::size_t max_route_vertices = 1000000;     // positions in one route's LineString
constexpr std::size_t max_route_stops = 10000;          // stops of one route
constexpr std::size_t max_name_bytes = 4096;            // a title, name, id, category, time
constexpr std::size_t max_text_bytes = 1 << 20;         // a chapter's or fact's text
constexpr std::int64_t max_mention_offset = 1 << 30;    // a mention's offset or length in its article

// `name` is used in messages (the path, as the user gave it).
Story parse_story(const std::string& text, const std::string& name);

// Any JSON document a story or an import reads: its nesting bounded first (freeing a value
// recurses), a NUL byte or a syntax error a NotAStoryError at "name:line:column".
Json parse_json(const std::string& text, const std::string& name);
Story read_story_file(const std::string& path);

// The document with the model's current values written into the JSON it was read from.
std::string serialize_story(const Story& story);
// Writes through a temporary file renamed into place; throws InputError when it cannot.
void write_story_file(const Story& story, const std::string& path);

// "3 places, 1 route, 5 chapters"
std::string story_summary(const Story& story);

}  // namespace storyplot
