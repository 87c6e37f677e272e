// Story files: any bytes give a story or one InputError; a story read saves and reads back the same.
// The same bytes as StoryMapJS slides and as kepler.gl trips: a story that saves and reads back, or
// one InputError line; a story read is written as StoryMapJS too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/files/input_error.hpp"
#include "core/story/kepler_trips.hpp"
#include "core/story/story_file.hpp"
#include "core/story/storymap.hpp"
#include "core/story/track_story.hpp"
#include "core/motion/story_motion.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const storyplot::Story story = storyplot::parse_story(text, "fuzz.story.json");
        const std::string saved = storyplot::serialize_story(story);
        const storyplot::Story again = storyplot::parse_story(saved, "saved.story.json");
        if (storyplot::serialize_story(again) != saved) std::abort();  // a save must be stable
        const storyplot::StoryMotion motion(again);                      // route geometry and clocks from it
        (void)motion.any_timed();
    } catch (const storyplot::InputError& e) {
        if (std::string(e.what()).find('\n') != std::string::npos) std::abort();  // one line, always
    }
    for (int format = 0; format < 2; ++format) {
        storyplot::Story imported;
        try {
            imported = format == 0 ? storyplot::story_from_storymap(text, "fuzz.json")
                                   : storyplot::story_from_trips(storyplot::read_kepler_trips(text, "fuzz.geojson"));
        } catch (const storyplot::InputError& e) {
            if (std::string(e.what()).find('\n') != std::string::npos) std::abort();
            continue;
        }
        try {
            (void)storyplot::parse_story(storyplot::serialize_story(imported), "imported.story.json");  // what import writes, storyplot reads
        } catch (const storyplot::InputError&) {
            std::abort();
        }
        (void)storyplot::story_to_storymap(imported);
    }
    return 0;
}
