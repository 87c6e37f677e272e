#pragma once
// `storyplot extract ARTICLE.txt -o DRAFT.story.json`: the places and journeys an article names,
// as a draft story to review.
#include <string>

namespace CLI {
class App;
}

namespace storyplot {

struct GeoparserData;

struct ExtractArgs {
    std::string article, output;
    bool quiet = false;
    std::string date;  // "2019-04-24", or empty: the first date the article writes; anchors its "on Wednesday"
};

// The command and its options on `app`, read into `args`: one definition for the launcher's warm
// path and the whole program's command line.
CLI::App* add_extract_command(CLI::App& app, ExtractArgs& args);

// Throws InputError for unreadable, empty, binary or non-UTF-8 input, or an unwritable output;
// UsageError for a date that is not YYYY-MM-DD.
void run_extract(const ExtractArgs& args, const GeoparserData& data);

// An article file's text, checked; throws InputError naming the file.
std::string read_article_file(const std::string& path);

}  // namespace storyplot
