#include "ui/message_log.hpp"

#include <imgui.h>

#include <algorithm>
#include <limits>

namespace storyplot {

namespace {
constexpr double note_seconds = 6.0;
constexpr std::size_t max_messages = 6;
}  // namespace

void MessageLog::error(std::string text) {
    m_messages.push_back({std::move(text), true});
    if (m_messages.size() > max_messages) m_messages.erase(m_messages.begin());
}

void MessageLog::note(std::string text) {
    m_messages.push_back({std::move(text), false});
    if (m_messages.size() > max_messages) m_messages.erase(m_messages.begin());
}

double MessageLog::seconds_to_change(double now_seconds) const {
    double soonest = std::numeric_limits<double>::infinity();
    for (const auto& m : m_messages)
        if (!m.is_error) soonest = std::min(soonest, m.posted < 0 ? 0.0 : std::max(0.0, m.posted + note_seconds - now_seconds));
    return soonest;
}

void MessageLog::draw(double now_seconds) {
    if (m_messages.empty()) return;
    for (auto& m : m_messages)
        if (m.posted < 0) m.posted = now_seconds;
    std::erase_if(m_messages, [&](const Message& m) { return !m.is_error && now_seconds - m.posted > note_seconds; });
    if (m_messages.empty()) return;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x / 2, viewport->Pos.y + 10.0f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(200, 0), ImVec2(viewport->Size.x * 0.8f, viewport->Size.y / 2));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##messages", nullptr, flags)) {
        for (std::size_t i = 0; i < m_messages.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const auto& m = m_messages[i];
            if (m.is_error)
                ImGui::TextColored(ImVec4(0.70f, 0.12f, 0.10f, 1.0f), "%s", m.text.c_str());
            else
                ImGui::TextUnformatted(m.text.c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton("x")) {
                m_messages.erase(m_messages.begin() + static_cast<std::ptrdiff_t>(i));
                ImGui::PopID();
                break;
            }
            ImGui::PopID();
        }
    }
    ImGui::End();
}

}  // namespace storyplot
