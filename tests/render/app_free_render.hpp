#pragma once
// A headless scene for render tests: GL context, basemap at every level, a story's routes, and
// its overlay drawn through a long-lived ImGui context (as the window does).
#include <memory>
#include <optional>

#include "core/camera.hpp"
#include "core/context_labels.hpp"
#include "core/image.hpp"
#include "core/story.hpp"
#include "core/story_motion.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "ui/story_overlay.hpp"
#include "ui/ui_context.hpp"

namespace storyplot::test_support {

class StoryScene {
public:
    explicit StoryScene(const Story& story);
    // The story at clock time `utc_seconds` when given: vehicles where they are, routes travelled.
    Image render(const Camera& camera, std::optional<double> utc_seconds = std::nullopt);
    const StoryOverlay& overlay() const { return m_overlay; }

private:
    const Story& m_story;
    HeadlessContext m_context;
    MapRenderer m_renderer;
    ContextLabels m_labels;
    std::unique_ptr<UiContext> m_ui;
    StoryOverlay m_overlay;
    StoryMotion m_motion;
};

}  // namespace storyplot::test_support
