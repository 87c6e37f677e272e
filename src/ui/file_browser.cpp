#include "ui/file_browser.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <filesystem>

#include "core/files/input_error.hpp"

namespace storyplot {

namespace fs = std::filesystem;

void FileBrowser::open(std::string title, FileKind kind, bool saving, const std::string& start) {
    m_title = std::move(title);
    m_kind = kind;
    m_saving = saving;
    m_open = true;
    m_name.clear();
    std::error_code ec;
    fs::path p = start.empty() ? fs::current_path(ec) : fs::absolute(start, ec);
    if (!fs::is_directory(p, ec)) {
        if (saving) m_name = p.filename().string();
        p = p.parent_path();
    }
    if (!fs::is_directory(p, ec)) p = fs::current_path(ec);
    go(p.string());
}

void FileBrowser::go(const std::string& folder) {
    std::error_code ec;
    const fs::path p = fs::weakly_canonical(folder, ec);
    m_folder = ec ? folder : p.string();
    m_selected = -1;
    try {
        m_entries = list_folder(m_folder, m_kind);
        m_error.clear();
    } catch (const InputError& e) {
        m_entries.clear();
        m_error = e.what();
    }
}

std::optional<std::string> FileBrowser::draw(const std::vector<std::string>& recent_folders) {
    const std::string id = m_title + "###file-browser";
    if (m_open) {
        ImGui::OpenPopup(id.c_str());
        m_open = false;
        m_shown = true;
    }
    std::optional<std::string> chosen;
    ImGui::SetNextWindowSize(ImVec2(680, 460), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        m_shown = false;
        return chosen;
    }
    // The path: typed (Enter goes there, or chooses a file) or walked.
    if (ImGui::Button("Up")) go(fs::path(m_folder).parent_path().string());
    ImGui::SameLine();
    if (ImGui::Button("Home"))
        if (const char* home = std::getenv("HOME")) go(home);
    ImGui::SameLine();
    if (!recent_folders.empty()) {
        ImGui::SetNextItemWidth(150);
        if (ImGui::BeginCombo("##recent", "Recent folders")) {
            for (const auto& f : recent_folders)
                if (ImGui::Selectable(f.c_str())) go(f);
            ImGui::EndCombo();
        }
        ImGui::SameLine();
    }
    std::string typed = m_folder;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##folder", &typed, ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::error_code ec;
        if (fs::is_directory(typed, ec)) go(typed);
        else if (m_kind == FileKind::layer && typed.rfind("PG:", 0) == 0) chosen = typed;  // a PostGIS database, read by view
        else if (!m_saving && fs::exists(typed, ec)) chosen = typed;
        else if (m_saving && fs::is_directory(fs::path(typed).parent_path(), ec)) chosen = typed;
        else m_error = typed + ": no such file or folder";
    }
    ImGui::TextDisabled("%s", file_kind_name(m_kind));
    if (m_kind == FileKind::layer) ImGui::TextDisabled("or a PostGIS database: type PG:dbname=… host=… user=… above and press Enter");

    // The listing.
    const float footer = ImGui::GetFrameHeightWithSpacing() * (m_saving ? 2.4f : 1.4f) + (m_error.empty() ? 0 : ImGui::GetTextLineHeightWithSpacing());
    if (ImGui::BeginChild("##entries", ImVec2(0, -footer), true)) {
        std::optional<std::string> into;
        for (int i = 0; i < static_cast<int>(m_entries.size()); ++i) {
            const FolderEntry& e = m_entries[static_cast<std::size_t>(i)];
            const std::string label = (e.folder ? "[folder]  " : "") + e.name;
            ImGui::PushID(i);
            if (ImGui::Selectable(label.c_str(), m_selected == i, ImGuiSelectableFlags_AllowDoubleClick | ImGuiSelectableFlags_SpanAllColumns)) {
                m_selected = i;
                if (!e.folder) m_name = e.name;
                if (ImGui::IsMouseDoubleClicked(0)) {
                    if (e.folder) into = (fs::path(m_folder) / e.name).string();
                    else chosen = (fs::path(m_folder) / e.name).string();
                }
            }
            if (!e.folder) {
                ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 90);
                ImGui::TextDisabled("%s", format_bytes(e.bytes).c_str());
            }
            ImGui::PopID();
        }
        if (m_entries.empty() && m_error.empty()) ImGui::TextDisabled("Nothing of this kind here.");
        if (into) go(*into);
    }
    ImGui::EndChild();
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1.0f), "%s", m_error.c_str());
    if (m_saving) {
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputTextWithHint("##name", "File name", &m_name, ImGuiInputTextFlags_EnterReturnsTrue) && !m_name.empty())
            chosen = (fs::path(m_folder) / m_name).string();
    }
    const bool can = !m_name.empty() || (m_selected >= 0 && !m_entries[static_cast<std::size_t>(m_selected)].folder);
    ImGui::BeginDisabled(!can);
    if (ImGui::Button(m_saving ? "Save" : "Open", ImVec2(100, 0)) && !m_name.empty()) chosen = (fs::path(m_folder) / m_name).string();
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (chosen || cancel) {
        m_shown = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return chosen;
}

}  // namespace storyplot
