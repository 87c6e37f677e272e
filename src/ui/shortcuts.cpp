#include "ui/shortcuts.hpp"

#include <imgui.h>

#include <cstddef>
#include <iterator>

namespace storyplot {

namespace {

struct Shortcut {
    const char* keys;
    const char* what;
};

constexpr Shortcut map_keys[] = {
    {"Drag", "move the map"},
    {"Wheel", "zoom about the pointer (a notch doubles)"},
    {"Double-click", "zoom in there"},
    {"+  /  -", "zoom in / out"},
    {"Arrows", "move the map"},
    {"Home", "the whole story"},
    {"PageDown / PageUp", "next / previous chapter"},
    {"Click a marker", "select the place and go there"},
    {"Drag a marker", "move the place"},
    {"Right-click", "add a place, or centre the map there"},
    {"M", "ruler: click points to measure; Backspace removes the last; Esc ends"},
    {"R", "draw a new route: click its stops in order; Enter ends, Esc cancels"},
};
constexpr Shortcut clock_keys[] = {
    {"Space", "play / pause the story's clock"},
    {"[  /  ]", "previous / next stop or chapter"},
    {"F", "follow the vehicle"},
    {"T", "fading trail behind vehicles"},
    {"F5", "present the story: chapter after chapter, full screen"},
    {"Shift+F5", "present, each chapter waiting for a key"},
    {"While presenting", "Right, Space, PageDown: next; Left, PageUp: back; A: by itself or not; Esc: end"},
};
constexpr Shortcut file_keys[] = {
    {"Ctrl+O", "open a story or a layer (or drop the file on the window)"},
    {"Ctrl+S", "save the story"},
    {"Ctrl+Z / Ctrl+Y", "undo / redo (Ctrl+Shift+Z redoes too)"},
    {"Ctrl+E", "export an image or an animation"},
    {"Esc", "stop a flight, clear the selection"},
    {"F1  or  ?", "this help"},
};

void table(const char* id, const Shortcut* rows, std::size_t count) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) return;
    for (std::size_t i = 0; i < count; ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(rows[i].keys);
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", rows[i].what);
    }
    ImGui::EndTable();
}

}  // namespace

void draw_shortcuts(bool& open) {
    if (!open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // Opaque: the map's lines and labels must not show through the text.
    ImVec4 background = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    background.w = 1.0f;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    if (ImGui::Begin("Keys and mouse", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextUnformatted("Map");
        table("map", map_keys, std::size(map_keys));
        ImGui::Separator();
        ImGui::TextUnformatted("The story's clock");
        table("clock", clock_keys, std::size(clock_keys));
        ImGui::Separator();
        ImGui::TextUnformatted("Story and files");
        table("files", file_keys, std::size(file_keys));
        if (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) open = false;
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace storyplot
