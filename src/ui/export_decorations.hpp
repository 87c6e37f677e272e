#pragma once
// Paints a map's decorations (core/map_decorations.hpp lays them out) into an ImGui draw list.
#include "core/labels/map_decorations.hpp"

struct ImDrawList;

namespace storyplot {

void add_export_decorations(ImDrawList& list, const Camera& camera, float scale, const ExportDecorations& decorations,
                            const DecorationLayout& layout);

}  // namespace storyplot
