#include "app_free_render.hpp"

#include "data/gazetteer.hpp"
#include "data/natural_earth.hpp"

namespace storyplot::test_support {

StoryScene::StoryScene(const Story& story) {
    for (DetailLevel level : all_detail_levels) m_scene.set_basemap(load_natural_earth(level));
    m_scene.set_context(std::make_shared<const ContextLabels>(load_context_labels()));
    m_scene.set_story(&story);
}

Image StoryScene::render(const Camera& camera, std::optional<double> utc_seconds) {
    FrameView view;
    view.camera = camera;
    view.time = utc_seconds;
    return m_target.render(m_scene, view, {}, &m_last);
}

}  // namespace storyplot::test_support
