#pragma once
// A headless scene for render tests: GL context, basemap at every level, a story with its context
// labels, drawn through the one scene call every picture of the program uses.
#include <memory>
#include <optional>

#include "core/geo/camera.hpp"
#include "core/files/image.hpp"
#include "core/story/story.hpp"
#include "render/headless_context.hpp"
#include "scene/frame_target.hpp"
#include "scene/map_scene.hpp"

namespace storyplot::test_support {

class StoryScene {
public:
    explicit StoryScene(const Story& story);
    // The story at clock time `utc_seconds` when given: vehicles where they are, routes travelled.
    // The decorations every map carries (scale bar, credits).
    Image render(const Camera& camera, std::optional<double> utc_seconds = std::nullopt);
    // The overlay of the last render.
    const OverlayPlan& overlay() const { return m_last.overlay; }
    const DrawStats& map_stats() const { return m_last.map; }
    MapScene& scene() { return m_scene; }

private:
    HeadlessContext m_context;
    MapScene m_scene;
    ImageTarget m_target;
    FrameResult m_last;
};

}  // namespace storyplot::test_support
