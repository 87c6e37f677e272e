#include "ui/story_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/mesh/story_meshes.hpp"
#include "ui/fonts.hpp"

namespace storyplot {

namespace {

ImVec4 vec4(Color c) { return ImVec4(c.r, c.g, c.b, 1.0f); }

std::string when(const std::optional<StoryMoment>& time) { return time ? format_story_time(time->time) : std::string(); }

void chapters_section(const Story& story, int chapter, PanelActions& actions) {
    if (!ImGui::CollapsingHeader("Chapters", ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (int i = 0; i < static_cast<int>(story.chapters.size()); ++i) {
        const Chapter& c = story.chapters[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        const std::string label = std::to_string(i + 1) + ". " + c.title;
        if (ImGui::Selectable(label.c_str(), chapter == i)) actions.chapter = i;
        if (chapter == i) {
            ImGui::Indent();
            if (c.time) ImGui::TextDisabled("%s", when(c.time).c_str());
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(c.text.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    if (story.chapters.empty()) ImGui::TextDisabled("This story has no chapters.");
    ImGui::TextDisabled("PageDown / PageUp: next / previous");
}

void places_section(const Story& story, PanelState& state, ViewState& view, PanelActions& actions) {
    if (!ImGui::CollapsingHeader("Places", ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (const auto& place : story.places) {
        ImGui::PushID(place.id.c_str());
        if (state.renaming == place.id) {
            ImGui::SetNextItemWidth(-70);
            if (ImGui::IsWindowAppearing() || !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
            const bool done = ImGui::InputText("##name", &state.rename_text, ImGuiInputTextFlags_EnterReturnsTrue);
            ImGui::SameLine();
            if (done || ImGui::SmallButton("OK")) {
                if (!state.rename_text.empty()) actions.rename = {place.id, state.rename_text};
                state.renaming.clear();
            }
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) state.renaming.clear();
        } else {
            if (ImGui::Selectable(place.name.c_str(), view.selected == place.id)) {
                view.selected = place.id;
                actions.fly_to_place = place.id;
            }
            if (ImGui::IsItemHovered() && !place.fact.empty()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(320.0f);
                ImGui::TextUnformatted(place.fact.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            if (view.selected == place.id) {
                ImGui::Indent();
                if (!place.category.empty()) ImGui::TextDisabled("%s", place.category.c_str());
                if (ImGui::SmallButton("Rename")) {
                    state.renaming = place.id;
                    state.rename_text = place.name;
                }
                ImGui::SameLine();
                if (ImGui::SmallButton("Delete")) actions.remove = place.id;
                ImGui::Unindent();
            }
        }
        ImGui::PopID();
    }
    ImGui::TextDisabled("Right-click the map to add a place; drag a marker to move it.");
}

void routes_section(const Story& story, const std::map<std::string, std::string>* summaries, std::vector<RouteLayer>& routes,
                    PanelActions& actions) {
    if (story.routes.empty() || !ImGui::CollapsingHeader("Routes", ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (auto& layer : routes) {
        const Route* route = story.route(layer.id);
        if (!route) continue;
        ImGui::PushID(layer.id.c_str());
        ImGui::ColorButton("##c", vec4(layer.color), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
        ImGui::SameLine();
        ImGui::Checkbox("##visible", &layer.visible);
        ImGui::SameLine();
        if (ImGui::Selectable(route->name.c_str())) actions.fly_to_route = layer.id;
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("%s, %zu stops", std::string(travel_mode_name(route->mode)).c_str(), route->stops.size());
            ImGui::EndTooltip();
        }
        if (summaries)
            if (const auto it = summaries->find(route->id); it != summaries->end()) {
                ImGui::Indent(42.0f);
                ImGui::TextDisabled("%s", it->second.c_str());
                ImGui::Unindent(42.0f);
            }
        ImGui::PopID();
    }
}

void layers_section(std::vector<OverlayLayer>& layers, PanelActions& actions) {
    if (layers.empty() || !ImGui::CollapsingHeader("Layers", ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        auto& layer = layers[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::ColorButton("##c", vec4(layer.color), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
        ImGui::SameLine();
        ImGui::Checkbox("##visible", &layer.visible);
        ImGui::SameLine();
        if (ImGui::Selectable(layer.name.c_str()) && !layer.bounds.empty()) actions.fly_to_box = layer.bounds;
        ImGui::PopID();
    }
}

}  // namespace

PanelActions draw_story_panel(const Story* story, PanelState& state, ViewState& view, const PanelContext& context, std::vector<RouteLayer>& routes,
                              std::vector<OverlayLayer>& layers, float top_inset, float bottom_inset) {
    PanelActions actions;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + top_inset));
    ImGui::SetNextWindowSize(ImVec2(story_panel_width, viewport->Size.y - top_inset - bottom_inset));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    if (ImGui::Begin("Story", nullptr, flags)) {
        if (story) {
            ImGui::PushFont(fonts().label_bold);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(story->title.empty() ? "Untitled story" : story->title.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            if (!story->source_title.empty()) {
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextDisabled("Source: %s%s%s", story->source_title.c_str(), story->published.empty() ? "" : ", ",
                                    story->published.c_str());
                ImGui::PopTextWrapPos();
            }
        } else {
            ImGui::TextUnformatted("No story open");
        }
        if (ImGui::SmallButton("Open…")) actions.open = true;
        ImGui::SameLine();
        ImGui::BeginDisabled(!story || !context.modified);
        if (ImGui::SmallButton("Save")) actions.save = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(!context.can_undo);
        if (ImGui::SmallButton("Undo")) actions.undo = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(!context.can_redo);
        if (ImGui::SmallButton("Redo")) actions.redo = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::SmallButton("Overview")) actions.overview = true;
        if (ImGui::SmallButton("Export image or animation… (Ctrl+E)")) actions.export_image = true;
        if (ImGui::SmallButton("New story from article…")) actions.new_from_article = true;
        if (context.modified) ImGui::TextColored(ImVec4(0.65f, 0.35f, 0.0f, 1.0f), "Unsaved changes (Ctrl+S)");
        ImGui::Separator();
        if (story) {
            chapters_section(*story, context.chapter, actions);
            places_section(*story, state, view, actions);
            routes_section(*story, context.route_summaries, routes, actions);
        }
        layers_section(layers, actions);
        if (ImGui::CollapsingHeader("Labels")) {
            actions.labels_changed |= ImGui::Checkbox("Names in local script", &view.local_names);
            actions.labels_changed |= ImGui::Checkbox("Countries and towns", &view.context_labels);
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
    return actions;
}

}  // namespace storyplot
