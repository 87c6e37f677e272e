#include "reader/extract_command.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "core/files/atomic_file.hpp"
#include "core/geoparse/article_text.hpp"
#include "core/files/file_input.hpp"
#include "core/geoparse/geoparser.hpp"
#include "core/files/input_error.hpp"
#include "core/geoparse/local_names.hpp"
#include "core/story/story_file.hpp"
#include "reader/gazetteer_index.hpp"

namespace storyplot {

std::string read_article_file(const std::string& path) {
    std::string text = read_input_file(path, article_file_limit, "an article");
    check_article_text(path, text);
    return text;
}

CLI::App* add_extract_command(CLI::App& app, ExtractArgs& args) {
    auto* command = app.add_subcommand("extract", "read an article: its places and journeys as a draft story");
    command->add_option("ARTICLE", args.article, "the article, UTF-8 text")->required();
    command->add_option("-o,--output", args.output, "the draft story (*.story.json)")->required();
    command->add_flag("-q,--quiet", args.quiet, "print nothing on success");
    command->add_option("--date", args.date, "the day the article was written, YYYY-MM-DD (default: the first date it writes), for its \"on Wednesday\"");
    return command;
}

void run_extract(const ExtractArgs& args, const GeoparserData& data) {
    std::optional<CalendarDate> date;
    if (!args.date.empty()) {
        date = parse_calendar_date(args.date);
        if (!date) throw UsageError("--date " + args.date + ": not a date (YYYY-MM-DD)");
    }
    const std::string text = read_article_file(args.article);
    const Extraction found = extract_places(text, data.resources);
    const Story draft = draft_story(found, args.article, date);
    write_file_atomically(args.output, serialize_story(draft));
    if (!args.quiet) {
        std::cout << "wrote " << args.output << ": " << story_summary(draft) << "\n";
        for (const auto& p : found.places)
            std::cout << "  " << p.entry->name << " (" << p.entry->country << ", " << static_cast<int>(p.confidence * 100) << "%)\n";
    }
}

}  // namespace storyplot
