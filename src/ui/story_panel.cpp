#include "ui/story_panel.hpp"

#include <filesystem>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/mesh/story_meshes.hpp"
#include "core/labels/rich_text.hpp"
#include "core/story/story_editor.hpp"
#include "ui/fonts.hpp"
#include "ui/item_tooltip.hpp"
#include "ui/kept_panels.hpp"
#include "ui/picture_shelf.hpp"
#include "ui/story_overlay.hpp"
#include "ui/text_shaping.hpp"

#include <algorithm>

namespace storyplot {

namespace {

ImVec4 vec4(Color c) { return ImVec4(c.r, c.g, c.b, 1.0f); }

std::string when(const std::optional<StoryMoment>& time) { return time ? format_story_time(time->time) : std::string(); }

// A time as the user would type it: with its zone only when that is not the story's.
std::string typed_form(const std::optional<StoryMoment>& m, int zone) {
    return m ? format_story_time(m->time, m->time.offset_minutes != zone) : std::string();
}

void place_picture(PictureShelf& pictures, const Media& image) { pictures.draw(image, ImGui::GetContentRegionAvail().x); }

bool editing_now() { return ImGui::IsAnyItemActive(); }

// The chapter being written: title, text, time (validated as typed), zoom and centre from the
// view, focus, picture. Every change goes out as an edit of the whole chapter; typing in one
// chapter is one undo step (the editor merges it).
void chapter_editor(const Story& story, int index, PanelState& state, PanelActions& actions) {
    const Chapter& c = story.chapters[static_cast<std::size_t>(index)];
    if (state.editing_chapter != index || !editing_now()) {
        // Refreshed from the story while nothing is typed: undo and redo show here.
        const bool fresh = state.editing_chapter != index;
        state.editing_chapter = index;
        state.draft = c;
        if (fresh || state.time_error.empty()) state.draft_time = typed_form(c.time, story.timezone_minutes());
    }
    Chapter& d = state.draft;
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    changed |= ImGui::InputTextWithHint("##title", "Title", &d.title);
    changed |= ImGui::InputTextMultiline("##text", &d.text, ImVec2(-1, 110));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("**bold**, *italic*, \"- \" a bullet, a blank line a new paragraph");
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##time", "Time: 2019-04-24 18:00 (the story's zone unless given)", &state.draft_time)) {
        const TypedTime typed = parse_typed_time(state.draft_time, story.timezone_minutes());
        state.time_error = typed.error;
        if (typed.error.empty()) {
            d.time = typed.moment;
            changed = true;
        }
    }
    if (!state.time_error.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1.0f), "%s", state.time_error.c_str());
    // The view: from the map as it is now, or the focus fitted.
    if (ImGui::SmallButton("View from the map")) actions.frame_chapter = index;
    item_tooltip("The chapter opens on the map as it is shown now");
    ImGui::SameLine();
    ImGui::BeginDisabled(!d.zoom && !d.center);
    if (ImGui::SmallButton("Fit the focus")) {
        d.zoom.reset();
        d.center.reset();
        changed = true;
    }
    ImGui::EndDisabled();
    if (d.zoom) ImGui::TextDisabled("zoom %.1f%s", *d.zoom, d.center ? ", centred on a point" : "");
    // The focus: what the view frames.
    ImGui::TextUnformatted("Focus:");
    for (std::size_t i = 0; i < d.focus.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const Place* p = story.place(d.focus[i]);
        const Route* r = p ? nullptr : story.route(d.focus[i]);
        const std::string label = (p ? p->name : r ? r->name : d.focus[i]) + " ×";
        // On the same line while it fits, as tags wrap.
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width < right) ImGui::SameLine();
        if (ImGui::SmallButton(label.c_str())) {
            d.focus.erase(d.focus.begin() + static_cast<std::ptrdiff_t>(i));
            changed = true;
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##focus-add", "add a place or route to the focus…")) {
        for (const auto& p : story.places)
            if (std::find(d.focus.begin(), d.focus.end(), p.id) == d.focus.end() && ImGui::Selectable(drawn(p.name).c_str())) {
                d.focus.push_back(p.id);
                changed = true;
            }
        for (const auto& r : story.routes)
            if (std::find(d.focus.begin(), d.focus.end(), r.id) == d.focus.end() && ImGui::Selectable(drawn(r.name + " (route)").c_str())) {
                d.focus.push_back(r.id);
                changed = true;
            }
        ImGui::EndCombo();
    }
    // A picture: a file beside the story or a link.
    std::string src = d.image ? d.image->src : std::string();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##image", "Picture: photos/file.jpg or https://…", &src)) {
        if (src.empty()) d.image.reset();
        else {
            if (!d.image) d.image = Media{};
            d.image->src = src;
        }
        changed = true;
    }
    if (d.image) {
        ImGui::SetNextItemWidth(-1);
        changed |= ImGui::InputTextWithHint("##caption", "Caption", &d.image->caption);
        ImGui::SetNextItemWidth(-1);
        changed |= ImGui::InputTextWithHint("##credit", "Credit", &d.image->credit);
    }
    if (changed) actions.edit_chapter = {index, d};
    if (ImGui::SmallButton("Done")) {
        state.editing_chapter = -1;
        state.time_error.clear();
    }
}

void chapters_section(const Story& story, int chapter, PanelState& state, const PanelContext& context, PanelActions& actions) {
    if (!ImGui::CollapsingHeader("Chapters", ImGuiTreeNodeFlags_DefaultOpen)) return;
    const int count = static_cast<int>(story.chapters.size());
    if (state.editing_chapter >= count) state.editing_chapter = -1;
    for (int i = 0; i < count; ++i) {
        const Chapter& c = story.chapters[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        const std::string label = std::to_string(i + 1) + ". " + (c.title.empty() ? "(untitled)" : c.title);
        if (ImGui::Selectable(drawn(label).c_str(), chapter == i)) actions.chapter = i;
        if (chapter == i) {
            ImGui::Indent();
            if (state.editing_chapter == i) {
                chapter_editor(story, i, state, actions);
            } else {
                if (c.time) ImGui::TextDisabled("%s", when(c.time).c_str());
                rich_text(c.text);
                if (c.image && context.pictures) context.pictures->draw(*c.image, ImGui::GetContentRegionAvail().x);
                if (ImGui::SmallButton("Edit")) state.editing_chapter = i;
                ImGui::SameLine();
                ImGui::BeginDisabled(i == 0);
                if (ImGui::SmallButton("Up")) actions.move_chapter = {i, i - 1};
                ImGui::EndDisabled();
                ImGui::SameLine();
                ImGui::BeginDisabled(i + 1 >= count);
                if (ImGui::SmallButton("Down")) actions.move_chapter = {i, i + 1};
                ImGui::EndDisabled();
                ImGui::SameLine();
                if (ImGui::SmallButton("Delete")) actions.remove_chapter = i;
            }
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    if (story.chapters.empty()) ImGui::TextDisabled("This story has no chapters.");
    if (ImGui::SmallButton("New chapter from this view")) actions.add_chapter = chapter;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("PageDown / PageUp: next / previous; F5: present");
    ImGui::PopTextWrapPos();
}

void places_section(const Story& story, PanelState& state, ViewState& view, const PanelContext& context, PanelActions& actions) {
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
            if (ImGui::Selectable(drawn(place.name).c_str(), view.selected == place.id)) {
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
                if (place.image && context.pictures) place_picture(*context.pictures, *place.image);
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
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Right-click the map to add a place; drag a marker to move it.");
    ImGui::PopTextWrapPos();
}

// Snap: the route onto the rails, roads or waterways of a loaded layer, its straight legs replaced.
void snap_row(const Route& route, const std::vector<std::string>* layer_paths, PanelState& state, PanelActions& actions) {
    if (route.mode == TravelMode::plane) return;  // planes fly great circles
    if (!layer_paths || layer_paths->empty()) {
        ImGui::TextDisabled("Add a layer with rails or roads (File > Add layer) to snap this route to it.");
        return;
    }
    if (std::find(layer_paths->begin(), layer_paths->end(), state.snap_network) == layer_paths->end())
        state.snap_network = layer_paths->back();
    if (ImGui::Button("Snap to network")) actions.snap_route = {route.id, state.snap_network};
    item_tooltip("Replace the straight legs with the shortest way along the layer's lines the route's mode may use");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const std::string shown = std::filesystem::path(state.snap_network).filename().string();
    if (ImGui::BeginCombo("##network", shown.c_str())) {
        for (const std::string& path : *layer_paths)
            if (ImGui::Selectable(path.c_str(), path == state.snap_network)) state.snap_network = path;
        ImGui::EndCombo();
    }
}

// A route's stops and their times in a table: times typed in the story's zone and checked as
// typed (a time out of order is refused with the reason), a stop added or removed, the mode.
void stop_table(const Story& story, const Route& route, const PanelContext& context, PanelState& state, PanelActions& actions) {
    int mode = static_cast<int>(route.mode);
    const char* modes[] = {"train", "car", "plane", "ship", "walk"};
    ImGui::SetNextItemWidth(120);
    if (ImGui::Combo("mode", &mode, modes, IM_ARRAYSIZE(modes))) actions.route_mode = {route.id, static_cast<TravelMode>(mode)};
    snap_row(route, context.layer_paths, state, actions);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("stops", 4, flags)) {
        ImGui::TableSetupColumn("Stop", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Arrive", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("Depart", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 22.0f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < route.stops.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const Place* p = story.place(route.stops[i]);
            ImGui::TextUnformatted(drawn(p ? p->name : route.stops[i]).c_str());
            const StopTime current = i < route.times.size() ? route.times[i] : StopTime{};
            for (int which = 0; which < 2; ++which) {
                ImGui::TableNextColumn();
                const std::optional<StoryMoment>& moment = which == 0 ? current.arrive : current.depart;
                const std::string key = route.id + "/" + std::to_string(i) + (which == 0 ? "/arrive" : "/depart");
                std::string& text = state.stop_text[key];
                // Shown from the story while nothing is typed (undo shows), kept as typed while wrong.
                if (!editing_now() && state.stop_error[key].empty()) text = typed_form(moment, story.timezone_minutes());
                ImGui::SetNextItemWidth(-1);
                const bool bad = !state.stop_error[key].empty();
                if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.98f, 0.80f, 0.80f, 1.0f));
                if (ImGui::InputText(which == 0 ? "##arrive" : "##depart", &text)) {
                    const TypedTime typed = parse_typed_time(text, story.timezone_minutes());
                    state.stop_error[key] = typed.error;
                    if (typed.error.empty()) {
                        StopTime t = current;
                        (which == 0 ? t.arrive : t.depart) = typed.moment;
                        actions.stop_time = PanelActions::StopTimeEdit{route.id, i, t, key};
                    }
                }
                if (bad) {
                    ImGui::PopStyleColor();
                    item_tooltip(state.stop_error[key].c_str());
                }
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("×")) actions.remove_stop = {route.id, i};
            item_tooltip("Remove this stop");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    for (const auto& [key, error] : state.stop_error)
        if (!error.empty() && key.starts_with(route.id + "/")) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1.0f), "%s", error.c_str());
            ImGui::PopTextWrapPos();
            break;
        }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##add-stop", "add a stop at the end…")) {
        for (const auto& p : story.places)
            if (ImGui::Selectable(drawn(p.name).c_str())) actions.insert_stop = PanelActions::StopInsert{route.id, route.stops.size(), p.id};
        ImGui::EndCombo();
    }
}

void routes_section(const Story& story, const std::map<std::string, std::string>* summaries, std::vector<RouteLayer>& routes,
                    PanelState& state, PanelActions& actions) {
    if (!ImGui::CollapsingHeader("Routes", ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (auto& layer : routes) {
        const Route* route = story.route(layer.id);
        if (!route) continue;
        ImGui::PushID(layer.id.c_str());
        ImGui::ColorButton("##c", vec4(layer.color), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
        ImGui::SameLine();
        ImGui::Checkbox("##visible", &layer.visible);
        ImGui::SameLine();
        if (ImGui::Selectable(drawn(route->name).c_str())) actions.fly_to_route = layer.id;
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("%s, %zu stops", std::string(travel_mode_name(route->mode)).c_str(), route->stops.size());
            ImGui::EndTooltip();
        }
        ImGui::Indent(42.0f);
        if (summaries)
            if (const auto it = summaries->find(route->id); it != summaries->end()) ImGui::TextDisabled("%s", it->second.c_str());
        const bool open = state.tables_open == route->id;
        if (ImGui::SmallButton(open ? "Hide stops and times" : "Stops and times…")) state.tables_open = open ? std::string() : route->id;
        ImGui::Unindent(42.0f);
        ImGui::PopID();
    }
    if (ImGui::SmallButton("Draw a new route…")) actions.draw_route = true;
    item_tooltip("Click its stops on the map in order; Enter ends, Esc cancels");
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

void rich_text(const std::string& text) {
    if (text.empty()) return;
    const ImGuiTextMeasure measure;
    const float width = ImGui::GetContentRegionAvail().x;
    const RichLayout layout = layout_rich_text(parse_rich_text(text), measure, RichFonts{}, width);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    for (const auto& piece : layout.pieces) {
        ImFont* font = font_for(piece.style);
        const std::string_view shown = visual_text(piece.text);
        list->AddText(font, font->FontSize, ImVec2(at.x + static_cast<float>(piece.at.x), at.y + static_cast<float>(piece.at.y)), ink,
                      shown.data(), shown.data() + shown.size());
    }
    ImGui::Dummy(ImVec2(width, static_cast<float>(layout.size.y)));
}

PanelActions draw_story_panel(const Story* story, PanelState& state, ViewState& view, const PanelContext& context, std::vector<RouteLayer>& routes,
                              std::vector<OverlayLayer>& layers, float top_inset, float bottom_inset) {
    PanelActions actions;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + top_inset));
    ImGui::SetNextWindowSize(ImVec2(story_panel_width(), viewport->Size.y - top_inset - bottom_inset));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::SetNextWindowBgAlpha(1.0f);  // opaque and square: its pixels are kept while it stays the same
    if (ImGui::Begin("Story", nullptr, flags)) {
        keep_panel_pixels();
        if (story) {
            ImGui::PushFont(fonts().label_bold);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(story->title.empty() ? "Untitled story" : drawn(story->title).c_str());
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
            chapters_section(*story, context.chapter, state, context, actions);
            places_section(*story, state, view, context, actions);
            routes_section(*story, context.route_summaries, routes, state, actions);
        }
        layers_section(layers, actions);
        if (story && !state.tables_open.empty()) {
            // The open route's stop table, in a window of its own beside the panel: times need room.
            if (const Route* route = story->route(state.tables_open)) {
                ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + story_panel_width() + 12, viewport->Pos.y + top_inset + 40), ImGuiCond_Appearing);
                ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Appearing);
                bool open = true;
                const std::string title = "Stops and times: " + route->name + "###stops";
                if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) stop_table(*story, *route, context, state, actions);
                ImGui::End();
                if (!open) state.tables_open.clear();
            } else {
                state.tables_open.clear();
            }
        }
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
