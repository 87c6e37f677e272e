#include "ui/headless_overlay.hpp"

#include <imgui.h>

#include "ui/map_decorations.hpp"
#include "ui/ui_context.hpp"

namespace storyplot {

std::string label_glyphs(const Story* story, const ContextLabels* context, double resolution) {
    std::string text;
    if (story)
        for (const auto& place : story->places) text += display_name(place, true);
    if (context) {
        const long min_population = resolution > 2500 ? 300000 : resolution > 600 ? 50000 : 10000;
        for (const auto& town : context->towns) {
            if (town.population < min_population) break;
            text += town.local_name;
        }
    }
    return text;
}

void draw_headless_overlay(const Camera& camera, const HeadlessOverlay& overlay) {
    UiContext ui(nullptr, nullptr, overlay.options.scale);
    if (overlay.options.local_names) ui.rebuild_fonts(label_glyphs(overlay.story, overlay.context, camera.resolution()));
    ui.begin_frame(camera.width(), camera.height());
    ImDrawList& list = *ImGui::GetForegroundDrawList();
    const bool towns = overlay.context && overlay.options.context_labels && !overlay.context->towns.empty();
    const std::string credits = map_credits(towns);
    StoryOverlayOptions options = overlay.options;
    const auto reserved = decoration_boxes(camera, options.scale, 0.0f, credits);
    options.reserved.insert(options.reserved.end(), reserved.begin(), reserved.end());
    StoryOverlay story_overlay;
    story_overlay.draw(list, overlay.story, overlay.context, camera, options);
    add_map_decorations(list, camera, options.scale, 0.0f, credits);
    ui.end_frame();
}

}  // namespace storyplot
