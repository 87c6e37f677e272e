#pragma once
// `storyplot extract ARTICLE.txt -o DRAFT.story.json`: the places and journeys an article names,
// as a draft story to review.
#include <string>

namespace storyplot {

// Throws InputError for unreadable, empty, binary or non-UTF-8 input, or an unwritable output.
void run_extract(const std::string& article, const std::string& output, bool quiet);

// An article file's text, checked; throws InputError naming the file.
std::string read_article_file(const std::string& path);

}  // namespace storyplot
