#include "ui/export_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace storyplot {

std::optional<ExportRequest> ExportDialog::draw(int window_width, int window_height, bool story_has_motion) {
    if (m_open) {
        ImGui::OpenPopup("Export");
        m_open = false;
    }
    std::optional<ExportRequest> request;
    if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return request;
    if (ImGui::RadioButton("Image", !m_animation)) m_animation = false;
    ImGui::SameLine();
    ImGui::BeginDisabled(!story_has_motion);
    if (ImGui::RadioButton("Animation of the journeys", m_animation)) m_animation = true;
    ImGui::EndDisabled();
    if (!story_has_motion) m_animation = false;

    ImGui::SetNextItemWidth(260);
    if (ImGui::BeginCombo("Size", std::string(size_presets[static_cast<std::size_t>(m_preset)].name).c_str())) {
        for (int i = 0; i < static_cast<int>(size_presets.size()); ++i)
            if (ImGui::Selectable(std::string(size_presets[static_cast<std::size_t>(i)].name).c_str(), i == m_preset)) m_preset = i;
        ImGui::EndCombo();
    }
    const SizePreset& preset = size_presets[static_cast<std::size_t>(m_preset)];
    int w = preset.width, h = preset.height;
    if (w == 0) {
        w = window_width;
        h = window_height;
    } else if (w < 0) {
        ImGui::SetNextItemWidth(120);
        ImGui::InputInt("Width", &m_custom_w, 100);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120);
        ImGui::InputInt("Height", &m_custom_h, 100);
        m_custom_w = std::clamp(m_custom_w, 64, 16384);
        m_custom_h = std::clamp(m_custom_h, 64, 16384);
        w = m_custom_w;
        h = m_custom_h;
    }
    ImGui::TextDisabled("%d x %d pixels", w, h);
    ImGui::SetNextItemWidth(120);
    ImGui::Combo("Lines and text", &m_scale, "1x\0" "2x (print, high-DPI)\0" "3x\0");

    std::string& path = m_animation ? m_animation_path : m_image_path;
    ImGui::SetNextItemWidth(360);
    ImGui::InputText("File", &path);
    ImGui::SameLine();
    if (ImGui::Button("Browse…"))
        m_browser.open(m_animation ? "Export an animation" : "Export an image", m_animation ? FileKind::animation : FileKind::image, true, path);
    if (const auto chosen = m_browser.draw({})) path = *chosen;  // stacked on this dialog
    ImGui::TextDisabled(m_animation ? ".mp4, .webm or .gif" : ".png, .jpg, or .tif (GeoTIFF)");
    if (!m_animation) ImGui::Checkbox("World file and .prj beside a PNG or JPEG", &m_world_file);
    if (m_animation) {
        ImGui::SetNextItemWidth(120);
        ImGui::InputInt("Frames per second", &m_fps);
        m_fps = std::clamp(m_fps, 1, 60);
        ImGui::SetNextItemWidth(120);
        ImGui::InputFloat("Seconds", &m_seconds, 1, 5, "%.1f");
        m_seconds = std::clamp(m_seconds, 0.5f, 120.0f);
        ImGui::Checkbox("Camera follows the vehicle", &m_follow);
    }
    ImGui::Separator();
    ImGui::TextUnformatted("Decorations");
    ImGui::Checkbox("Title and date", &m_decorations.title);
    ImGui::SameLine();
    ImGui::Checkbox("Scale bar", &m_decorations.scale_bar);
    ImGui::SameLine();
    ImGui::Checkbox("Legend", &m_decorations.legend);
    ImGui::Checkbox("Inset locator map", &m_decorations.inset);
    ImGui::SameLine();
    ImGui::Checkbox("Credits", &m_decorations.credits);
    ImGui::Separator();
    if (ImGui::Button("Export", ImVec2(100, 0)) && !path.empty()) {
        request = ExportRequest{m_animation, path, w, h, static_cast<float>(m_scale + 1), m_world_file && !m_animation, m_decorations,
                                m_fps, m_seconds, m_follow};
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return request;
}

bool ExportDialog::draw_progress(const std::string& what, float fraction) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x / 2, viewport->Pos.y + viewport->Size.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    bool cancel = false;
    if (ImGui::Begin("##export-progress", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextUnformatted(what.c_str());
        ImGui::ProgressBar(fraction, ImVec2(360, 0));
        cancel = ImGui::Button("Cancel");
    }
    ImGui::End();
    return cancel;
}

}  // namespace storyplot
