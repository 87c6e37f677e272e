#include "app_free_render.hpp"

#include <imgui.h>

#include "core/story_meshes.hpp"
#include "data/gazetteer.hpp"
#include "data/natural_earth.hpp"
#include "render/offscreen_target.hpp"
#include "ui/export_decorations.hpp"
#include "ui/map_decorations.hpp"

namespace storyplot::test_support {

StoryScene::StoryScene(const Story& story) : m_story(story), m_motion(story) {
    for (DetailLevel level : all_detail_levels) m_renderer.set_basemap(load_natural_earth(level));
    m_renderer.set_routes(build_route_meshes(story));
    m_labels.countries = load_country_labels();
    m_labels.towns = load_towns(gazetteer_path(), 1000);
    m_ui = std::make_unique<UiContext>(nullptr, nullptr);
}

Image StoryScene::render(const Camera& camera, std::optional<double> utc_seconds) {
    OffscreenTarget target(camera.width(), camera.height());
    target.bind();
    std::vector<RouteAt> moving;
    if (utc_seconds) moving = m_motion.at(*utc_seconds);
    m_renderer.show_motion(moving);
    m_renderer.draw(camera);
    m_ui->begin_frame(camera.width(), camera.height());
    StoryOverlayOptions options;
    ExportDecorations decorations;
    decorations.show = DecorationSet{false, true, false, false, false, true};
    decorations.credits = map_credits(true);
    const DecorationLayout layout = layout_decorations(camera, 1.0f, decorations);
    options.reserved = layout.boxes();
    options.motion = moving;
    options.paths = &m_motion;
    m_overlay.draw(*ImGui::GetForegroundDrawList(), &m_story, &m_labels, camera, options);
    add_export_decorations(*ImGui::GetForegroundDrawList(), camera, 1.0f, decorations, layout);
    m_ui->end_frame();
    return target.read();
}

}  // namespace storyplot::test_support
