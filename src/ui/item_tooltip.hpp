#pragma once
// A tooltip for the item just drawn, shown while it is hovered, above it (below when there is no
// room above): never over the item's neighbours on its row, as ImGui's tooltip at the pointer is.
namespace storyplot {

void item_tooltip(const char* text);

}  // namespace storyplot
