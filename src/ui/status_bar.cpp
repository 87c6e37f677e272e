#include "ui/status_bar.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/geo/mercator.hpp"
#include "ui/fonts.hpp"

namespace storyplot {

std::string format_lonlat(LonLat p) {
    const double lon = std::remainder(p.lon, 360.0);
    char text[64];
    std::snprintf(text, sizeof text, "%.4f\xC2\xB0 %c  %.4f\xC2\xB0 %c", std::abs(p.lat), p.lat >= 0 ? 'N' : 'S', std::abs(lon),
                  lon >= 0 ? 'E' : 'W');
    return text;
}

std::string format_scale(double denominator) {
    // Round to three significant figures, grouped by thin spaces as map scales are printed.
    const double magnitude = std::pow(10.0, std::max(0.0, std::floor(std::log10(std::max(denominator, 1.0))) - 2));
    const auto rounded = static_cast<long long>(std::llround(denominator / magnitude) * static_cast<long long>(magnitude));
    std::string digits = std::to_string(rounded);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ' ';
        grouped += digits[i];
    }
    return "1:" + grouped;
}

float draw_status_bar(const Camera& camera, const StatusInfo& info) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float height = ImGui::GetFrameHeight() + 4.0f;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 2.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    ImGui::SetNextWindowBgAlpha(1.0f);  // opaque: the map's lines must not show through the text
    if (ImGui::Begin("##status", nullptr, flags)) {
        ImGui::AlignTextToFramePadding();
        const std::optional<LonLat> at = info.cursor_px ? camera.screen_to_lonlat(*info.cursor_px) : std::nullopt;
        if (at) {
            ImGui::TextUnformatted(format_lonlat(*at).c_str());
        } else {
            ImGui::TextDisabled("pointer off the map");
        }
        // Fixed columns (the numbers change, the columns stay), at the interface's size; a column
        // that would not fit in the window is left out rather than drawn over another.
        const float k = ui_scale(), width = ImGui::GetWindowWidth();
        ImGui::SameLine(260.0f * k);
        ImGui::Text("%s", format_scale(camera.scale_denominator()).c_str());
        if (width > 560.0f * k) {
            ImGui::SameLine(400.0f * k);
            if (info.level) ImGui::TextUnformatted(std::string(detail_name(*info.level)).c_str());
        }
        if (width > 790.0f * k) {
            ImGui::SameLine(560.0f * k);
            ImGui::Text("frame %.1f ms, labels %.2f ms", info.frame_ms, info.label_ms);
        }
        if (!info.loading.empty()) {
            ImGui::SameLine(std::min(790.0f * k, std::max(0.0f, width - ImGui::CalcTextSize(info.loading.c_str()).x - 16)));
            ImGui::TextColored(ImVec4(0.1f, 0.35f, 0.6f, 1.0f), "%s", info.loading.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    return height;
}

}  // namespace storyplot
