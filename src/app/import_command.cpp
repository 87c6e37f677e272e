#include "app/import_command.hpp"

#include <iostream>
#include <vector>

#include "core/files/atomic_file.hpp"
#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "core/story/kepler_trips.hpp"
#include "core/story/storymap.hpp"
#include "core/story/story_file.hpp"
#include "core/story/track_story.hpp"
#include "data/track_source.hpp"

namespace storyplot {

void run_import(const std::string& input, const std::string& output, bool quiet) {
    // The story written whole or not at all, then one line for it and one for what was read and
    // what the story does not keep.
    auto write = [&](const Story& story, const std::string& read, const std::vector<std::string>& not_kept) {
        write_file_atomically(output, serialize_story(story));
        if (quiet) return;
        std::cout << "wrote " << output << ": " << story_summary(story) << "\n";
        std::string line = read;
        for (std::size_t i = 0; i < not_kept.size(); ++i) line += (i == 0 ? (line.empty() ? "not kept: " : "; not kept: ") : ", ") + not_kept[i];
        if (!line.empty()) std::cout << "import: " << line << "\n";
    };
    std::vector<std::string> dropped;
    auto drop = [&](std::size_t n, const std::string& what) {
        if (n) dropped.push_back(std::to_string(n) + " " + what);
    };
    const std::string ext = lower_extension(input);
    const std::string text = ext == ".json" || ext == ".geojson" ? read_input_file(input, story_file_limit, "a JSON file") : std::string();
    std::size_t left_out = 0;
    if (ext == ".geojson" || (ext == ".json" && !looks_like_storymap(text))) {
        // kepler.gl trips: lines with a time as each coordinate's fourth value.
        KeplerNotes notes;
        const Story story = story_from_trips(read_kepler_trips(text, input, &notes), &left_out);
        drop(notes.elevations, "elevations");
        drop(notes.other, "features neither lines nor points");
        drop(left_out, "lines of fewer than two points");
        write(story, std::to_string(notes.points) + " points read", dropped);
        return;
    }
    if (ext == ".json") {
        // StoryMapJS: slides as chapters.
        StorymapNotes notes;
        const Story story = story_from_storymap(text, input, &notes);
        if (!notes.summary().empty()) dropped.push_back(notes.summary());
        write(story, "", dropped);
        return;
    }
    TrackSourceNotes notes;
    const Story story = story_from_trips(read_recorded_trips(input, &notes), &left_out);
    drop(notes.elevations, "elevations");
    drop(left_out, "tracks of fewer than two points");
    if (notes.tour) dropped.push_back("the gx:Tour's timings (its flights are the chapters)");
    write(story, std::to_string(notes.points) + " points read", dropped);
}

}  // namespace storyplot
