// Map styles: any bytes give a style or one InputError, and a style read matches any tags.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/files/input_error.hpp"
#include "core/style/map_style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const storyplot::MapStyle style = storyplot::parse_map_style(text, "fuzz.json");
        const storyplot::Tags tags{{"railway", "rail"}, {"highway", "primary"}, {"natural", "water"}, {"place", "town"}};
        for (auto geometry : {storyplot::GeometryKind::polygon, storyplot::GeometryKind::line, storyplot::GeometryKind::point}) {
            const int rule = style.rule_for(geometry, tags);
            if (rule >= static_cast<int>(style.rules.size())) std::abort();
        }
        for (const auto& rule : style.rules)
            if (rule.paint.min_zoom > rule.paint.max_zoom || rule.paint.strokes.size() > 4) std::abort();
    } catch (const storyplot::InputError& e) {
        if (std::string(e.what()).find('\n') != std::string::npos) std::abort();  // one line, always
    }
    return 0;
}
