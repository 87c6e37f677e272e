#include "ui/story_overlay.hpp"

#include <imgui.h>

#include <chrono>
#include <cmath>
#include <numbers>

#include "core/label_placement.hpp"
#include "core/mercator.hpp"
#include "core/story_meshes.hpp"
#include "ui/fonts.hpp"

namespace storyplot {

namespace {

ImU32 rgba(Color c, float alpha = 1.0f) {
    return IM_COL32(static_cast<int>(c.r * 255), static_cast<int>(c.g * 255), static_cast<int>(c.b * 255),
                    static_cast<int>(c.a * alpha * 255));
}

const ImU32 ink = IM_COL32(33, 37, 41, 255);
const ImU32 white = IM_COL32(255, 255, 255, 255);
const ImU32 halo = IM_COL32(255, 255, 255, 215);
const ImU32 town_ink = IM_COL32(100, 100, 110, 255);
const ImU32 country_ink = IM_COL32(128, 112, 124, 255);
const ImU32 highlight = IM_COL32(255, 196, 0, 255);

ImVec2 im(Vec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

// Screen position of a lon/lat, in the copy of the world nearest the camera's centre.
Vec2 to_screen(const Camera& camera, LonLat p) {
    Vec2 m = mercator::forward(p);
    m.x += std::round((camera.center().x - m.x) / mercator::world_width) * mercator::world_width;
    return camera.world_to_screen(m);
}

bool on_screen(const Camera& camera, Vec2 px, double margin) {
    return px.x >= -margin && px.y >= -margin && px.x <= camera.width() + margin && px.y <= camera.height() + margin;
}

void text_with_halo(ImDrawList& list, ImFont* font, ImVec2 at, ImU32 colour, const std::string& text) {
    const float size = font->FontSize;
    for (float dx = -1.5f; dx <= 1.5f; dx += 1.5f)
        for (float dy = -1.5f; dy <= 1.5f; dy += 1.5f)
            if (dx != 0 || dy != 0) list.AddText(font, size, ImVec2(at.x + dx, at.y + dy), halo, text.c_str());
    list.AddText(font, size, at, colour, text.c_str());
}

// A marker shape by category, filled, with a white outline so it reads on land and sea alike.
void draw_marker(ImDrawList& list, const std::string& category, ImVec2 c, float r, ImU32 fill, ImU32 ring) {
    if (category == "station") {
        list.AddRectFilled(ImVec2(c.x - r - 1.5f, c.y - r - 1.5f), ImVec2(c.x + r + 1.5f, c.y + r + 1.5f), white);
        list.AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill);
        list.AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), ring, 0, 0, 1.5f);
    } else if (category == "border") {
        const float o = r + 2.0f;
        list.AddQuadFilled(ImVec2(c.x, c.y - o - 1), ImVec2(c.x + o + 1, c.y), ImVec2(c.x, c.y + o + 1), ImVec2(c.x - o - 1, c.y), white);
        list.AddQuadFilled(ImVec2(c.x, c.y - o), ImVec2(c.x + o, c.y), ImVec2(c.x, c.y + o), ImVec2(c.x - o, c.y), fill);
        list.AddQuad(ImVec2(c.x, c.y - o), ImVec2(c.x + o, c.y), ImVec2(c.x, c.y + o), ImVec2(c.x - o, c.y), ring, 1.5f);
    } else if (category == "venue") {
        // A five-pointed star.
        ImVec2 points[10];
        for (int i = 0; i < 10; ++i) {
            const float a = static_cast<float>(-std::numbers::pi / 2 + i * std::numbers::pi / 5);
            const float rr = i % 2 ? r * 0.55f : r * 1.5f;
            points[i] = ImVec2(c.x + rr * std::cos(a), c.y + rr * std::sin(a));
        }
        list.AddCircleFilled(c, r * 1.5f + 1.5f, IM_COL32(255, 255, 255, 200), 20);
        for (int i = 0; i < 10; ++i) list.AddTriangleFilled(c, points[i], points[(i + 1) % 10], fill);
        list.AddPolyline(points, 10, ring, ImDrawFlags_Closed, 1.0f);
    } else if (category == "capital") {
        list.AddCircleFilled(c, r + 3.5f, white, 24);
        list.AddCircle(c, r + 2.5f, fill, 24, 1.5f);
        list.AddCircleFilled(c, r * 0.75f, fill, 20);
    } else {
        list.AddCircleFilled(c, r + 1.5f, white, 20);
        list.AddCircleFilled(c, r, fill, 20);
        list.AddCircle(c, r, ring, 20, 1.0f);
    }
}

// Chevrons along a screen polyline pointing the way the route runs.
void draw_arrows(ImDrawList& list, const std::vector<Vec2>& px, ImU32 colour, float scale) {
    const double spacing = 150.0 * scale;
    double next = spacing / 2, walked = 0;
    for (std::size_t i = 0; i + 1 < px.size(); ++i) {
        const Vec2 a = px[i], b = px[i + 1];
        const double len = length(b - a);
        while (len > 0 && walked + len >= next) {
            const double t = (next - walked) / len;
            const Vec2 at = a + (b - a) * t;
            const Vec2 dir = (b - a) * (1.0 / len);
            const Vec2 n{-dir.y, dir.x};
            const float s = 6.0f * scale;
            const ImVec2 tip = im(at + dir * s);
            const ImVec2 left = im(at - dir * s + n * s * 0.9);
            const ImVec2 right = im(at - dir * s - n * s * 0.9);
            list.AddTriangleFilled(tip, left, right, colour);
            list.AddTriangle(tip, left, right, white, 1.2f);
            next += spacing;
        }
        walked += len;
    }
}

struct LabelDraw {
    std::string text;
    ImFont* font;
    ImU32 colour;
};

}  // namespace

std::string display_name(const Place& place, bool local) {
    if (local && place.json.contains("properties")) {
        const auto& props = place.json["properties"];
        if (props.contains("local_name") && props["local_name"].is_string()) return props["local_name"].get<std::string>();
    }
    return place.name;
}

StoryOverlayStats StoryOverlay::draw(ImDrawList& list, const Story* story, const ContextLabels* context, const Camera& camera,
                                     const StoryOverlayOptions& options) {
    m_markers.clear();
    const UiFonts& f = fonts();
    const float scale = options.scale;
    std::vector<LabelRequest> requests;
    std::vector<LabelDraw> texts;
    std::vector<std::pair<Vec2, std::size_t>> town_dots;  // dot, request index: drawn only if labelled

    std::vector<Box> obstacles = options.reserved;
    auto request = [&](Vec2 anchor, const std::string& text, ImFont* font, ImU32 colour, double gap, double priority, bool centered,
                       double padding = 0) {
        const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str());
        requests.push_back({anchor, {size.x + 2, size.y}, gap, priority, centered, padding});
        texts.push_back({text, font, colour});
        return requests.size() - 1;
    };

    // Story markers first: their boxes keep every label off them.
    if (story) {
        for (const auto& place : story->places) {
            const Vec2 px = to_screen(camera, place.position);
            if (!on_screen(camera, px, 40)) continue;
            const float r = (place.category == "capital" ? 4.5f : 5.0f) * scale;
            m_markers.push_back({place.id, px, r + 3});
            obstacles.push_back(Box::of(px.x - r - 3, px.y - r - 3, px.x + r + 3, px.y + r + 3));
            const double priority = 1000 + (place.id == options.selected ? 100 : 0) + (place.id == options.hovered ? 50 : 0);
            request(px, display_name(place, options.local_names), f.label_bold, ink, r + 6, priority, false);
        }
    }

    // Route names beside the middle of their visible part.
    std::vector<std::pair<const Route*, std::vector<Vec2>>> route_px;
    if (story) {
        for (const auto& route : story->routes) {
            if (options.hidden_routes.count(route.id)) continue;
            std::vector<Vec2> px;
            for (LonLat p : route_path(*story, route)) px.push_back(to_screen(camera, p));
            double total = 0;
            for (std::size_t i = 0; i + 1 < px.size(); ++i) total += length(px[i + 1] - px[i]);
            if (total > 120 * scale) {
                // The visible point nearest the middle of the path.
                double walked = 0, best = 1e18;
                Vec2 anchor{};
                for (std::size_t i = 0; i + 1 < px.size(); ++i) {
                    const double len = length(px[i + 1] - px[i]);
                    for (int k = 0; k < 8; ++k) {
                        const Vec2 p = px[i] + (px[i + 1] - px[i]) * (k / 8.0);
                        const double d = std::abs(walked + len * k / 8.0 - total / 2);
                        if (on_screen(camera, p, -40) && d < best) {
                            best = d;
                            anchor = p;
                        }
                    }
                    walked += len;
                }
                if (best < 1e18) request(anchor, route.name, f.italic, rgba(route_color(route)), 9 * scale, 900, false);
            }
            route_px.emplace_back(&route, std::move(px));
        }
    }

    // Context: countries by area, towns by population, thinned by the placement itself.
    if (context && options.context_labels) {
        const double res = camera.resolution();
        for (const auto& country : context->countries) {
            const Vec2 px = to_screen(camera, country.anchor);
            if (!on_screen(camera, px, 0)) continue;
            // Only where the country is big enough on screen to carry its name.
            const double side_px = std::sqrt(country.area) / res;
            std::string name = country.name;
            for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            const ImVec2 size = f.italic->CalcTextSizeA(f.italic->FontSize, FLT_MAX, 0.0f, name.c_str());
            if (side_px < size.x * 0.9) continue;
            request(px, name, f.italic, country_ink, 0, 500 + std::log10(country.area), true);
        }
        const long min_population = res > 8000 ? 3000000 : res > 2500 ? 500000 : res > 600 ? 100000 : res > 150 ? 20000 : res > 40 ? 5000 : 1000;
        int considered = 0;
        for (const auto& town : context->towns) {
            if (town.population < min_population || considered >= 400) break;
            const Vec2 px = to_screen(camera, town.position);
            if (!on_screen(camera, px, 0)) continue;
            bool near_story = false;
            for (const auto& m : m_markers)
                if (length(m.px - px) < 14 * scale) near_story = true;
            if (near_story) continue;
            ++considered;
            const std::string& name = options.local_names && !town.local_name.empty() ? town.local_name : town.name;
            const auto index = request(px, name, f.label, town_ink, 4 * scale, std::log10(static_cast<double>(town.population) + 1), false,
                                       14 * scale);
            town_dots.emplace_back(px, index);
        }
    }

    const auto start = std::chrono::steady_clock::now();
    const auto placed = place_labels(requests, obstacles, {static_cast<double>(camera.width()), static_cast<double>(camera.height())});
    StoryOverlayStats stats;
    stats.placement_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    stats.labels_requested = static_cast<int>(requests.size());
    stats.labels_placed = static_cast<int>(placed.size());

    m_labels.clear();
    for (std::size_t i = 0; i < requests.size(); ++i) m_labels.push_back({texts[i].text, requests[i], std::nullopt});
    for (const auto& p : placed) m_labels[p.request].placed = p.box;
    m_obstacles = obstacles;

    // Draw from the back: town dots, route arrows, labels, then the markers on top.
    std::vector<bool> shown(requests.size(), false);
    for (const auto& p : placed) shown[p.request] = true;
    for (const auto& [px, index] : town_dots)
        if (shown[index]) {
            list.AddCircleFilled(im(px), 2.6f * scale, white, 12);
            list.AddCircleFilled(im(px), 1.8f * scale, town_ink, 12);
        }
    for (const auto& [route, px] : route_px) draw_arrows(list, px, rgba(route_color(*route)), scale);
    for (const auto& p : placed) {
        const LabelDraw& t = texts[p.request];
        text_with_halo(list, t.font, ImVec2(static_cast<float>(p.box.min_x + 1), static_cast<float>(p.box.min_y)), t.colour, t.text);
    }
    if (story) {
        for (const auto& m : m_markers) {
            const Place* place = story->place(m.id);
            // A stop takes the colour of the first visible route through it.
            ImU32 fill = ink;
            for (const auto& route : story->routes)
                if (!options.hidden_routes.count(route.id) && std::find(route.stops.begin(), route.stops.end(), m.id) != route.stops.end()) {
                    fill = rgba(route_color(route));
                    break;
                }
            const bool lit = m.id == options.hovered || m.id == options.selected;
            const float r = (m.radius - 3) * (lit ? 1.3f : 1.0f);
            if (m.id == options.selected) list.AddCircleFilled(im(m.px), r + 7 * scale, IM_COL32(255, 196, 0, 110), 24);
            draw_marker(list, place->category, im(m.px), r, fill, lit ? highlight : ink);
        }
    }
    return stats;
}

std::optional<std::string> StoryOverlay::place_at(Vec2 px) const {
    std::optional<std::string> best;
    double best_d = 1e18;
    for (const auto& m : m_markers) {
        const double d = length(m.px - px);
        if (d <= m.radius + 4 && d < best_d) {
            best_d = d;
            best = m.id;
        }
    }
    return best;
}

}  // namespace storyplot
