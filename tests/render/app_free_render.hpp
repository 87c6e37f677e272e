#pragma once
// A headless scene for render tests: GL context, basemap at every level, a story's routes, and
// its overlay drawn through a long-lived ImGui context (as the window does).
#include <memory>

#include "core/camera.hpp"
#include "core/context_labels.hpp"
#include "core/image.hpp"
#include "core/story.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "ui/story_overlay.hpp"
#include "ui/ui_context.hpp"

namespace storyplot::test_support {

class StoryScene {
public:
    explicit StoryScene(const Story& story);
    Image render(const Camera& camera);
    const StoryOverlay& overlay() const { return m_overlay; }

private:
    const Story& m_story;
    HeadlessContext m_context;
    MapRenderer m_renderer;
    ContextLabels m_labels;
    std::unique_ptr<UiContext> m_ui;
    StoryOverlay m_overlay;
};

}  // namespace storyplot::test_support
