#include "ui/timeline_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/mesh/story_meshes.hpp"
#include "ui/fonts.hpp"
#include "ui/item_tooltip.hpp"
#include "ui/kept_panels.hpp"

namespace storyplot {

namespace {

ImU32 colour(Color c) {
    return IM_COL32(static_cast<int>(c.r * 255), static_cast<int>(c.g * 255), static_cast<int>(c.b * 255), 255);
}

void slider(TimelineState& state, const StoryClock& clock, const Story& story) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = 26.0f;
    ImGui::InvisibleButton("##timeline", ImVec2(w, h));
    const float x0 = origin.x + 8, x1 = origin.x + w - 8, y = origin.y + h / 2;
    auto x_of = [&](double t) { return x0 + static_cast<float>(clock.to_slider(t)) * (x1 - x0); };
    if (ImGui::IsItemActive()) {
        const double u = std::clamp((ImGui::GetIO().MousePos.x - x0) / (x1 - x0), 0.0f, 1.0f);
        state.time = clock.from_slider(u);
        state.active = true;
    }
    list.AddLine(ImVec2(x0, y), ImVec2(x1, y), IM_COL32(150, 150, 160, 255), 3.0f);
    // Shortened gaps: a break in the track.
    for (const auto& [a, b] : clock.compressed_gaps()) {
        const float m = x0 + static_cast<float>((a + b) / 2) * (x1 - x0);
        list.AddRectFilled(ImVec2(m - 4, y - 5), ImVec2(m + 4, y + 5), ImGui::GetColorU32(ImGuiCol_WindowBg));
        list.AddLine(ImVec2(m - 5, y + 5), ImVec2(m - 1, y - 5), IM_COL32(120, 120, 130, 255), 1.5f);
        list.AddLine(ImVec2(m + 1, y + 5), ImVec2(m + 5, y - 5), IM_COL32(120, 120, 130, 255), 1.5f);
    }
    // Ticks: stops in their route's colour below the track, chapters above.
    std::string hovered;
    const float mouse_x = ImGui::GetIO().MousePos.x;
    const bool hovering = ImGui::IsItemHovered();
    for (const auto& e : clock.events()) {
        const float x = x_of(e.time);
        if (e.kind == ClockEvent::Kind::stop) {
            const Route* r = story.route(e.id);
            list.AddLine(ImVec2(x, y + 2), ImVec2(x, y + 10), r ? colour(route_color(*r)) : IM_COL32(90, 90, 90, 255), 2.0f);
        } else if (e.kind == ClockEvent::Kind::chapter) {
            list.AddTriangleFilled(ImVec2(x - 4, y - 11), ImVec2(x + 4, y - 11), ImVec2(x, y - 4), IM_COL32(40, 44, 52, 255));
        }
        if (hovering && std::abs(mouse_x - x) < 4) hovered += (hovered.empty() ? "" : "\n") + clock.format(e.time) + "  " + e.label;
    }
    if (!hovered.empty()) ImGui::SetTooltip("%s", hovered.c_str());
    if (state.active) {
        const float x = x_of(state.time);
        list.AddCircleFilled(ImVec2(x, y), 7.0f, IM_COL32(255, 255, 255, 255), 20);
        list.AddCircleFilled(ImVec2(x, y), 5.0f, IM_COL32(33, 37, 41, 255), 20);
    }
}

}  // namespace

float draw_timeline(TimelineState& state, const StoryClock& clock, const Story& story, float left, float bottom_inset) {
    if (clock.empty()) return 0.0f;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float height = 72.0f * ui_scale();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + left, viewport->Pos.y + viewport->Size.y - bottom_inset - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x - left, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    ImGui::SetNextWindowBgAlpha(1.0f);  // opaque: the map's lines must not show through the text
    if (ImGui::Begin("##timeline", nullptr, flags)) {
        keep_panel_pixels();  // opaque and square: its pixels are kept while it stays the same
        if (ImGui::Button(state.playing ? "Pause" : "Play", ImVec2(56, 0))) toggle_play(state, clock);
        ImGui::SameLine();
        if (ImGui::Button("<")) step_to_event(state, clock, false);
        item_tooltip("Previous stop or chapter ([)");
        ImGui::SameLine();
        if (ImGui::Button(">")) step_to_event(state, clock, true);
        item_tooltip("Next stop or chapter (])");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        if (ImGui::BeginCombo("##speed", std::string(playback_speeds[state.speed].name).c_str())) {
            for (std::size_t i = 0; i < playback_speeds.size(); ++i)
                if (ImGui::Selectable(std::string(playback_speeds[i].name).c_str(), i == state.speed)) state.speed = i;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::Checkbox("Loop", &state.loop);
        ImGui::SameLine();
        ImGui::Checkbox("Follow", &state.follow);
        item_tooltip("Keep the moving vehicle in view (F)");
        ImGui::SameLine();
        ImGui::Checkbox("Trail", &state.trail);
        item_tooltip("Fade the way travelled behind the vehicle (T)");
        ImGui::SameLine();
        ImGui::PushFont(fonts().label_bold);
        if (state.active) {
            // The whole date when it fits; the shorter one (no year, no zone) when the window is narrow.
            const std::string full = clock.format(state.time) + " " + clock.zone_name();
            ImGui::TextUnformatted(ImGui::CalcTextSize(full.c_str()).x <= ImGui::GetContentRegionAvail().x ? full.c_str()
                                                                                                         : clock.format(state.time, false).c_str());
        }
        else
            ImGui::TextDisabled("%s – %s: Space to play", clock.format(clock.start(), true).c_str(), clock.format(clock.end(), true).c_str());
        ImGui::PopFont();
        slider(state, clock, story);
    }
    ImGui::End();
    ImGui::PopStyleVar();
    return height;
}

}  // namespace storyplot
