#include "ui/article_review.hpp"

#include <imgui.h>

#include <algorithm>
#include <map>

#include "ui/fonts.hpp"
#include "ui/text_shaping.hpp"

namespace storyplot {


namespace {

struct Span {
    int offset, length;
    std::string place;
};

// The article as words, wrapped by hand so that mentions can be coloured, hovered and clicked.
void article_text(const ArticleReview& review, const std::vector<Span>& spans, ReviewActions& actions) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float space = ImGui::CalcTextSize(" ").x;
    float x = 0;
    auto place_item = [&](float w) {
        if (x > 0 && x + w > width) {
            x = 0;
        } else if (x > 0) {
            ImGui::SameLine(0, space);
        }
        x += w + space;
    };
    std::size_t pos = 0;
    std::size_t span = 0;
    const std::string& text = review.text;
    int id = 0;
    while (pos < text.size()) {
        if (span < spans.size() && static_cast<std::size_t>(spans[span].offset) == pos) {
            const Span& s = spans[span++];
            const std::string word = text.substr(pos, static_cast<std::size_t>(s.length));
            const bool accepted = review.accepted.count(s.place) > 0;
            place_item(ImGui::CalcTextSize(word.c_str()).x);
            ImGui::PushID(id++);
            ImGui::PushStyleColor(ImGuiCol_Text, accepted ? ImVec4(0.05f, 0.45f, 0.2f, 1) : ImVec4(0.7f, 0.15f, 0.1f, 1));
            ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(1.0f, 0.85f, 0.3f, 0.45f));
            if (ImGui::Selectable(word.c_str(), true, 0, ImGui::CalcTextSize(word.c_str()))) actions.fly_to = s.place;
            if (ImGui::IsItemHovered()) actions.hovered = s.place;
            ImGui::PopStyleColor(2);
            ImGui::PopID();
            pos += static_cast<std::size_t>(s.length);
            continue;
        }
        if (text[pos] == '\n') {
            x = 0;
            if (pos + 1 < text.size() && text[pos + 1] == '\n') ImGui::Spacing();
            ++pos;
            continue;
        }
        if (text[pos] == ' ') {
            ++pos;
            continue;
        }
        // A plain word runs to the next space, line break or mention.
        std::size_t end = pos;
        const std::size_t next_span = span < spans.size() ? static_cast<std::size_t>(spans[span].offset) : text.size();
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && end < next_span) ++end;
        const std::string word = text.substr(pos, end - pos);
        place_item(ImGui::CalcTextSize(word.c_str()).x);
        ImGui::TextUnformatted(word.c_str());
        pos = end;
    }
}

}  // namespace

ReviewActions draw_article_review(ArticleReview& review, const Story& story, float top_inset, float bottom_inset) {
    ReviewActions actions;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - review_panel_width(), viewport->Pos.y + top_inset));
    ImGui::SetNextWindowSize(ImVec2(review_panel_width(), viewport->Size.y - top_inset - bottom_inset));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    bool open = true;
    if (ImGui::Begin("Article", &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                            ImGuiWindowFlags_NoSavedSettings)) {
        std::vector<Span> spans;
        for (const auto& place : story.places)
            for (const auto& m : place.mentions)
                if (m.offset >= 0 && m.length > 0 && static_cast<std::size_t>(m.offset + m.length) <= review.text.size())
                    spans.push_back({m.offset, m.length, place.id});
        std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.offset < b.offset; });
        ImGui::TextDisabled("%zu places found. Hover a name to find its marker; drag a marker to move it.", story.places.size());
        ImGui::BeginChild("text", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f), true);
        article_text(review, spans, actions);
        ImGui::EndChild();

        ImGui::BeginChild("candidates", ImVec2(0, 0), false);
        for (const auto& place : story.places) {
            ImGui::PushID(place.id.c_str());
            const double confidence = place.confidence.value_or(1.0);
            const std::string& country = place.country;
            const bool accepted = review.accepted.count(place.id) > 0;
            ImGui::PushFont(fonts().label_bold);
            ImGui::TextUnformatted(drawn(place.name).c_str());
            ImGui::PopFont();
            ImGui::SameLine();
            ImGui::TextDisabled("%s, %.0f%%%s", country.c_str(), confidence * 100, accepted ? ", accepted" : "");
            if (!accepted && ImGui::SmallButton("Accept")) review.accepted.insert(place.id);
            if (!accepted) ImGui::SameLine();
            if (ImGui::SmallButton("Reject")) actions.reject = place.id;
            ImGui::SameLine();
            if (ImGui::SmallButton("Show")) actions.fly_to = place.id;
            if (!place.alternatives.empty()) {
                ImGui::SameLine();
                ImGui::SetNextItemWidth(150);
                if (ImGui::BeginCombo("##alternatives", "or rather…")) {
                    for (const auto& a : place.alternatives) {
                        const std::string label = a.name + " (" + a.country + ", " + std::to_string(a.population) + " people)";
                        if (ImGui::Selectable(drawn(label).c_str())) actions.replace = ReviewActions::Replacement{place.id, a.name, a.position, a.geonames_id};
                    }
                    ImGui::EndCombo();
                }
            }
            ImGui::Separator();
            ImGui::PopID();
        }
        ImGui::TextDisabled("Ctrl+S saves the story.");
        ImGui::EndChild();
    }
    ImGui::End();
    ImGui::PopStyleVar();
    actions.close = !open;
    return actions;
}

}  // namespace storyplot
