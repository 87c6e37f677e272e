#include "ui/item_tooltip.hpp"

#include <imgui.h>

namespace storyplot {

void item_tooltip(const char* text) {
    if (!ImGui::IsItemHovered()) return;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float room = ImGui::GetTextLineHeightWithSpacing() * 2.5f;
    const bool above = min.y - ImGui::GetMainViewport()->Pos.y > room;
    ImGui::SetNextWindowPos(above ? ImVec2(min.x, min.y - 4) : ImVec2(min.x, max.y + 4), ImGuiCond_Always, above ? ImVec2(0, 1) : ImVec2(0, 0));
    ImGui::SetTooltip("%s", text);
}

}  // namespace storyplot
