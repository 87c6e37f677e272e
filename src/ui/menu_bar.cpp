#include "ui/menu_bar.hpp"

#include <imgui.h>

namespace storyplot {

std::optional<std::string> draw_recent_offer(const std::vector<std::string>& recent, bool& shown) {
    std::optional<std::string> chosen;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + 60), ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
    if (ImGui::Begin("Recent stories", &shown, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextDisabled("Open one of the stories you worked on lately:");
        for (std::size_t i = 0; i < recent.size() && i < 8; ++i) {
            const std::string& path = recent[i];
            const auto slash = path.find_last_of('/');
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(slash == std::string::npos ? path.c_str() : path.c_str() + slash + 1)) chosen = path;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", path.c_str());
            ImGui::PopID();
        }
    }
    ImGui::End();
    if (chosen) shown = false;
    return chosen;
}

MenuActions draw_menu_bar(const MenuContext& c, float& height) {
    MenuActions a;
    height = 0.0f;
    if (!ImGui::BeginMainMenuBar()) return a;
    if (ImGui::BeginMenu("File")) {
        a.open = ImGui::MenuItem("Open…", "Ctrl+O");
        if (ImGui::BeginMenu("Open Recent", c.recent && !c.recent->empty())) {
            for (const auto& path : *c.recent) {
                const auto slash = path.find_last_of('/');
                const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
                ImGui::PushID(path.c_str());
                if (ImGui::MenuItem(name.c_str())) a.open_recent = path;
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", path.c_str());
                ImGui::PopID();
            }
            ImGui::EndMenu();
        }
        a.save = ImGui::MenuItem("Save", "Ctrl+S", false, c.has_story && c.modified);
        a.save_as = ImGui::MenuItem("Save As…", "Ctrl+Shift+S", false, c.has_story);
        a.add_layer = ImGui::MenuItem("Add a map layer…");
        ImGui::Separator();
        a.new_from_article = ImGui::MenuItem("New story from article…");
        a.export_image = ImGui::MenuItem("Export image or animation…", "Ctrl+E", false, true);
        ImGui::Separator();
        a.quit = ImGui::MenuItem("Quit", "Ctrl+Q");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        a.undo = ImGui::MenuItem("Undo", "Ctrl+Z", false, c.can_undo);
        a.redo = ImGui::MenuItem("Redo", "Ctrl+Y", false, c.can_redo);
        ImGui::Separator();
        a.find = ImGui::MenuItem("Find a place…", "Ctrl+F");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        a.overview = ImGui::MenuItem("The whole story", "Home", false, c.has_story);
        a.ruler = ImGui::MenuItem("Ruler", "M", c.measuring);
        ImGui::Separator();
        a.local_names = ImGui::MenuItem("Names in local script", nullptr, c.local_names);
        a.context_labels = ImGui::MenuItem("Countries and towns", nullptr, c.context_labels);
        ImGui::Separator();
        a.article = ImGui::MenuItem("Article panel", nullptr, c.article_shown, c.has_article);
        ImGui::Separator();
        if (ImGui::BeginMenu("Projection")) {
            a.projection_automatic = ImGui::MenuItem("Automatic (by the view's size)", nullptr, c.projection_automatic);
            ImGui::Separator();
            if (ImGui::MenuItem("Web Mercator", nullptr, !c.projection_automatic && !c.projection)) a.projection = std::optional<ProjectionKind>();
            const std::pair<const char*, ProjectionKind> kinds[] = {
                {"Globe", ProjectionKind::orthographic},
                {"Equal Earth (world)", ProjectionKind::equal_earth},
                {"Lambert conformal conic", ProjectionKind::conformal_conic},
                {"Albers equal-area conic", ProjectionKind::equal_area_conic},
                {"Azimuthal equidistant", ProjectionKind::azimuthal_equidistant},
                {"Equirectangular", ProjectionKind::equirectangular},
            };
            for (const auto& [label, kind] : kinds)
                if (ImGui::MenuItem(label, nullptr, !c.projection_automatic && c.projection == kind)) a.projection = std::optional<ProjectionKind>(kind);
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::BeginMenu("Interface size")) {
            if (ImGui::MenuItem("From the display", nullptr, c.ui_scale_auto)) a.ui_scale = 0.0f;
            for (const float s : {1.0f, 1.25f, 1.5f, 2.0f, 2.5f}) {
                const std::string label = std::to_string(static_cast<int>(s * 100)) + "%";
                if (ImGui::MenuItem(label.c_str(), nullptr, !c.ui_scale_auto && c.ui_scale == s)) a.ui_scale = s;
            }
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Story", c.has_story)) {
        a.next_chapter = ImGui::MenuItem("Next chapter", "PageDown");
        a.previous_chapter = ImGui::MenuItem("Previous chapter", "PageUp");
        a.new_chapter = ImGui::MenuItem("New chapter from this view");
        a.draw_route = ImGui::MenuItem("Draw a new route", "R");
        ImGui::Separator();
        a.present = ImGui::MenuItem("Present", "F5", false, c.has_chapters);
        a.present_by_key = ImGui::MenuItem("Present, a key for each chapter", "Shift+F5", false, c.has_chapters);
        ImGui::Separator();
        a.play = ImGui::MenuItem(c.playing ? "Pause" : "Play", "Space", false, c.timed);
        a.follow = ImGui::MenuItem("Follow the vehicle", "F", c.follow, c.timed);
        a.trail = ImGui::MenuItem("Fading trail", "T", c.trail, c.timed);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        a.help = ImGui::MenuItem("Keys and mouse", "F1");
        ImGui::EndMenu();
    }
    height = ImGui::GetWindowSize().y;
    ImGui::EndMainMenuBar();
    return a;
}

}  // namespace storyplot
