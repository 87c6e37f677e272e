#include "ui/layers_panel.hpp"

#include <imgui.h>

namespace storyplot {

bool draw_layers_panel(std::vector<OverlayLayer>& layers, Box& zoom_to) {
    if (layers.empty()) return false;
    bool zoom = false;
    ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(240, 0), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Layers", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        for (std::size_t i = 0; i < layers.size(); ++i) {
            auto& layer = layers[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::ColorButton("##colour", ImVec4(layer.color.r, layer.color.g, layer.color.b, 1.0f),
                               ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
            ImGui::SameLine();
            ImGui::Checkbox(layer.name.c_str(), &layer.visible);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Double-click to zoom to the layer");
            if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !layer.bounds.empty()) {
                zoom_to = layer.bounds;
                zoom = true;
            }
            ImGui::PopID();
        }
    }
    ImGui::End();
    return zoom;
}

}  // namespace storyplot
