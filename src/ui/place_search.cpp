#include "ui/place_search.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/geoparse/place_search.hpp"
#include "ui/text_shaping.hpp"

namespace storyplot {

std::optional<PlaceSearchAction> draw_place_search(PlaceSearchState& state,
                                                   const std::function<std::vector<const GazetteerEntry*>(const std::string&)>& search,
                                                   bool can_add) {
    if (!state.open) return std::nullopt;
    std::optional<PlaceSearchAction> action;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + 40), ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
    ImVec4 background = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    background.w = 1.0f;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    if (ImGui::Begin("Find a place", &state.open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (state.focus) {
            ImGui::SetKeyboardFocusHere();
            state.focus = false;
        }
        ImGui::SetNextItemWidth(360);
        const bool enter = ImGui::InputTextWithHint("##query", "a town, a city… (Enter goes to the first)", &state.query,
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
        if (!search) {
            ImGui::TextDisabled("loading the gazetteer…");
        } else {
            if (state.query != state.searched) {
                state.results = state.query.size() >= 2 ? search(state.query) : std::vector<const GazetteerEntry*>{};
                state.searched = state.query;
            }
            if (enter && !state.results.empty()) action = PlaceSearchAction{state.results.front(), false};
            for (std::size_t i = 0; i < state.results.size(); ++i) {
                const GazetteerEntry& e = *state.results[i];
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Selectable(drawn(describe_search_result(e)).c_str(), false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(300, 0)))
                    action = PlaceSearchAction{&e, false};
                if (can_add) {
                    ImGui::SameLine(310);
                    if (ImGui::SmallButton("Add")) action = PlaceSearchAction{&e, true};
                }
                ImGui::PopID();
            }
            if (state.query.size() >= 2 && state.results.empty()) ImGui::TextDisabled("no place of that name");
        }
        if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            state.open = false;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    return action;
}

}  // namespace storyplot
