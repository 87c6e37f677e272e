#pragma once
// `storyplot extract ARTICLE.txt -o DRAFT.story.json`: the places and journeys an article names,
// as a draft story to review.
#include <string>

namespace storyplot {

// `date` ("2019-04-24", or empty: the first date the article writes) anchors its "on Wednesday".
// Throws InputError for unreadable, empty, binary or non-UTF-8 input, or an unwritable output;
// UsageError for a date that is not YYYY-MM-DD.
void run_extract(const std::string& article, const std::string& output, bool quiet, const std::string& date = {});

// An article file's text, checked; throws InputError naming the file.
std::string read_article_file(const std::string& path);

}  // namespace storyplot
