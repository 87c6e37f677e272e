#include "app/extract_command.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/file_input.hpp"
#include "core/geoparser.hpp"
#include "core/input_error.hpp"
#include "core/local_names.hpp"
#include "core/story_file.hpp"
#include "data/gazetteer_index.hpp"

namespace storyplot {

void check_article_text(const std::string& path, const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError(path, "the file is empty");
    if (text.find('\0') != std::string::npos) throw InputError(path, "looks like a binary file, not text");
    // Valid UTF-8 decodes without replacement characters (a real U+FFFD is EF BF BD).
    std::size_t line = 1, replaced = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        bool ok = extra >= 0 && i + static_cast<std::size_t>(extra) < text.size() + (extra == 0 ? 1 : 0);
        for (int k = 1; ok && k <= extra; ++k) ok = (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) >> 6) == 2;
        if (!ok) {
            replaced = i;
            throw InputError(path + ":" + std::to_string(line), "not UTF-8 text (byte " + std::to_string(replaced + 1) + ")");
        }
        if (c == '\n') ++line;
        i += static_cast<std::size_t>(extra) + 1;
    }
}

std::string read_article_file(const std::string& path) {
    std::string text = read_input_file(path, article_file_limit, "article");
    check_article_text(path, text);
    return text;
}

void run_extract(const std::string& article, const std::string& output, bool quiet) {
    const std::string text = read_article_file(article);

    const GeoparserData data = load_geoparser_data();
    const Extraction found = extract_places(text, data.resources);
    const Story draft = draft_story(found, article);
    write_file_atomically(output, serialize_story(draft));
    if (!quiet) {
        std::cout << "wrote " << output << ": " << story_summary(draft) << "\n";
        for (const auto& p : found.places)
            std::cout << "  " << p.entry->name << " (" << p.entry->country << ", " << static_cast<int>(p.confidence * 100) << "%)\n";
    }
}

}  // namespace storyplot
