#include "app/import_command.hpp"

#include <iostream>

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
    const std::string ext = lower_extension(input);
    const std::string text = ext == ".json" || ext == ".geojson" ? read_input_file(input, story_file_limit, "a JSON file") : std::string();
    if (ext == ".geojson" || (ext == ".json" && !looks_like_storymap(text))) {
        // kepler.gl trips: lines with a time as each coordinate's fourth value.
        KeplerNotes notes;
        const RecordedTrips trips = read_kepler_trips(text, input, &notes);
        std::size_t left_out = 0;
        const Story story = story_from_trips(trips, &left_out);
        write_file_atomically(output, serialize_story(story));
        if (quiet) return;
        std::cout << "wrote " << output << ": " << story_summary(story) << "\n";
        std::string dropped;
        if (notes.elevations) dropped += std::to_string(notes.elevations) + " elevations";
        if (notes.other) dropped += (dropped.empty() ? "" : ", ") + std::to_string(notes.other) + " features neither lines nor points";
        if (left_out) dropped += (dropped.empty() ? "" : ", ") + std::to_string(left_out) + " lines of fewer than two points";
        std::cout << "import: " << notes.points << " points read" << (dropped.empty() ? "" : "; not kept: " + dropped) << "\n";
        return;
    }
    if (ext == ".json") {
        // StoryMapJS: slides as chapters.
        StorymapNotes notes;
        const Story story = story_from_storymap(text, input, &notes);
        write_file_atomically(output, serialize_story(story));
        if (quiet) return;
        std::cout << "wrote " << output << ": " << story_summary(story) << "\n";
        if (!notes.summary().empty()) std::cout << "import: not kept: " << notes.summary() << "\n";
        return;
    }
    TrackSourceNotes notes;
    const RecordedTrips trips = read_recorded_trips(input, &notes);
    std::size_t left_out = 0;
    const Story story = story_from_trips(trips, &left_out);
    write_file_atomically(output, serialize_story(story));
    if (quiet) return;
    std::cout << "wrote " << output << ": " << story_summary(story) << "\n";
    std::string dropped;
    if (notes.elevations) dropped += std::to_string(notes.elevations) + " elevations";
    if (left_out) dropped += (dropped.empty() ? "" : ", ") + std::to_string(left_out) + " tracks of fewer than two points";
    if (notes.tour) dropped += (dropped.empty() ? "" : ", ") + std::string("the gx:Tour's timings (its flights are the chapters)");
    std::cout << "import: " << notes.points << " points read" << (dropped.empty() ? "" : "; not kept: " + dropped) << "\n";
}

}  // namespace storyplot
