#include "app/extract_command.hpp"

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/cli_values.hpp"
#include "core/files/atomic_file.hpp"
#include "core/geoparse/article_text.hpp"
#include "core/files/file_input.hpp"
#include "core/geoparse/geoparser.hpp"
#include "core/files/input_error.hpp"
#include "core/geoparse/local_names.hpp"
#include "core/story/story_file.hpp"
#include "data/gazetteer_index.hpp"

namespace storyplot {

std::string read_article_file(const std::string& path) {
    std::string text = read_input_file(path, article_file_limit, "an article");
    check_article_text(path, text);
    return text;
}

void run_extract(const std::string& article, const std::string& output, bool quiet, const std::string& date_text) {
    std::optional<CalendarDate> date;
    if (!date_text.empty()) {
        date = parse_calendar_date(date_text);
        if (!date) throw UsageError("--date " + date_text + ": not a date (YYYY-MM-DD)");
    }
    const std::string text = read_article_file(article);

    const GeoparserData data = load_geoparser_data();
    const Extraction found = extract_places(text, data.resources);
    const Story draft = draft_story(found, article, date);
    write_file_atomically(output, serialize_story(draft));
    if (!quiet) {
        std::cout << "wrote " << output << ": " << story_summary(draft) << "\n";
        for (const auto& p : found.places)
            std::cout << "  " << p.entry->name << " (" << p.entry->country << ", " << static_cast<int>(p.confidence * 100) << "%)\n";
    }
}

}  // namespace storyplot
