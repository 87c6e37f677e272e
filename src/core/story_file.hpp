#pragma once
// Reading, checking and writing story files. Errors are InputErrors whose message is the line the
// user sees: "FILE:LINE:COL: …" for JSON syntax, "FILE: feature \"id\": …" for a story that is
// valid JSON but not a valid story.
#include <string>

#include "core/story.hpp"

namespace storyplot {

// `name` is used in messages (the path, as the user gave it).
Story parse_story(const std::string& text, const std::string& name);
Story read_story_file(const std::string& path);

// The document with the model's current values written into the JSON it was read from.
std::string serialize_story(const Story& story);
// Writes through a temporary file renamed into place; throws InputError when it cannot.
void write_story_file(const Story& story, const std::string& path);

// "3 places, 1 route, 5 chapters"
std::string story_summary(const Story& story);

}  // namespace storyplot
