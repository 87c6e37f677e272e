#pragma once
// The overlay of a headless render: the story, context labels and decorations, drawn into the
// bound framebuffer with a short-lived ImGui context.
#include "core/camera.hpp"
#include "core/context_labels.hpp"
#include "core/story.hpp"
#include "ui/story_overlay.hpp"

namespace storyplot {

struct HeadlessOverlay {
    const Story* story = nullptr;
    const ContextLabels* context = nullptr;
    StoryOverlayOptions options;
};

void draw_headless_overlay(const Camera& camera, const HeadlessOverlay& overlay);

// Every character the labels may need beyond Latin and Cyrillic: the local names of the story's
// places and of the towns populous enough to be labelled at `resolution`.
std::string label_glyphs(const Story* story, const ContextLabels* context, double resolution);

}  // namespace storyplot
