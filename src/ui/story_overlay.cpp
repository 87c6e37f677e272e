#include "ui/story_overlay.hpp"

#include <imgui.h>

#include <chrono>
#include <cmath>
#include <numbers>

#include "core/label_placement.hpp"
#include "core/mercator.hpp"
#include "core/route_motion.hpp"
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

// The halo is the text drawn four times offset diagonally under it: with the glyphs' own
// antialiasing that reads as an even white outline, at less than half the cost of eight copies.
void text_with_halo(ImDrawList& list, ImFont* font, ImVec2 at, ImU32 colour, const std::string& text) {
    const float size = font->FontSize;
    for (const ImVec2 d : {ImVec2(-1.2f, -1.2f), ImVec2(1.2f, -1.2f), ImVec2(-1.2f, 1.2f), ImVec2(1.2f, 1.2f)})
        list.AddText(font, size, ImVec2(at.x + d.x, at.y + d.y), halo, text.c_str());
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

// The part [t0, t1] of segment a-b inside `box` (Liang-Barsky); false when it misses the box.
bool clip_segment(Vec2 a, Vec2 b, const Box& box, double& t0, double& t1) {
    t0 = 0;
    t1 = 1;
    const Vec2 d = b - a;
    const double p[4] = {-d.x, d.x, -d.y, d.y};
    const double q[4] = {a.x - box.min_x, box.max_x - a.x, a.y - box.min_y, box.max_y - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double r = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, r);
        else t1 = std::min(t1, r);
        if (t0 > t1) return false;
    }
    return true;
}

// Chevrons along a screen polyline pointing the way the route runs, every 150 px from its start;
// only those inside `view` are made (a long route seen close up is mostly off-screen).
void draw_arrows(ImDrawList& list, const std::vector<Vec2>& px, ImU32 colour, float scale, const Box& view) {
    const double spacing = 150.0 * scale;
    const double s = 6.0 * scale;
    const Box box = Box::of(view.min_x - 2 * s, view.min_y - 2 * s, view.max_x + 2 * s, view.max_y + 2 * s);
    double walked = 0;  // along the polyline to the start of segment i; chevron k sits at (k + 0.5) x spacing
    for (std::size_t i = 0; i + 1 < px.size(); ++i) {
        const Vec2 a = px[i], b = px[i + 1];
        const double len = length(b - a);
        double t0 = 0, t1 = 0;
        if (len > 0 && std::isfinite(len) && clip_segment(a, b, box, t0, t1)) {
            const double from = walked + t0 * len, to = walked + t1 * len;
            const Vec2 dir = (b - a) * (1.0 / len);
            const Vec2 n{-dir.y, dir.x};
            for (double k = std::ceil(from / spacing - 0.5); (k + 0.5) * spacing <= to; k += 1) {
                const Vec2 at = a + dir * ((k + 0.5) * spacing - walked);
                const ImVec2 tip = im(at + dir * s);
                const ImVec2 left = im(at - dir * s + n * s * 0.9);
                const ImVec2 right = im(at - dir * s - n * s * 0.9);
                list.AddTriangleFilled(tip, left, right, colour);
                list.AddTriangle(tip, left, right, white, 1.2f);
            }
        }
        if (std::isfinite(len)) walked += len;
    }
}

// A vehicle by mode, pointing along the route (`heading` in screen radians), in the route's colour
// on a white disc so it reads over any line.
void draw_vehicle(ImDrawList& list, TravelMode mode, ImVec2 c, float heading, ImU32 colour, float scale) {
    const float s = 7.0f * scale;
    const float cs = std::cos(heading), sn = std::sin(heading);
    auto at = [&](float x, float y) { return ImVec2(c.x + x * cs - y * sn, c.y + x * sn + y * cs); };  // x forward, y right
    list.AddCircleFilled(c, s * 1.75f, IM_COL32(255, 255, 255, 235), 28);
    list.AddCircle(c, s * 1.75f, colour, 28, 1.5f * scale);
    switch (mode) {
    case TravelMode::train: {
        // A locomotive from above: a long body with a pointed nose.
        const ImVec2 body[] = {at(-s * 1.1f, -s * 0.55f), at(s * 0.6f, -s * 0.55f), at(s * 1.2f, 0), at(s * 0.6f, s * 0.55f),
                               at(-s * 1.1f, s * 0.55f)};
        list.AddConvexPolyFilled(body, 5, colour);
        list.AddLine(at(-s * 0.7f, 0), at(s * 0.3f, 0), IM_COL32(255, 255, 255, 230), 1.2f * scale);
        break;
    }
    case TravelMode::car: {
        const ImVec2 body[] = {at(-s * 0.9f, -s * 0.5f), at(s * 0.9f, -s * 0.5f), at(s * 0.9f, s * 0.5f), at(-s * 0.9f, s * 0.5f)};
        list.AddConvexPolyFilled(body, 4, colour);
        list.AddLine(at(s * 0.3f, -s * 0.45f), at(s * 0.3f, s * 0.45f), IM_COL32(255, 255, 255, 230), 1.2f * scale);
        break;
    }
    case TravelMode::plane: {
        const ImVec2 fuselage[] = {at(s * 1.3f, 0), at(s * 0.9f, -s * 0.18f), at(-s * 1.0f, -s * 0.18f), at(-s * 1.0f, s * 0.18f),
                                   at(s * 0.9f, s * 0.18f)};
        list.AddConvexPolyFilled(fuselage, 5, colour);
        list.AddTriangleFilled(at(s * 0.35f, 0), at(-s * 0.25f, -s * 1.2f), at(-s * 0.25f, s * 1.2f), colour);
        list.AddTriangleFilled(at(-s * 0.7f, 0), at(-s * 1.05f, -s * 0.5f), at(-s * 1.05f, s * 0.5f), colour);
        break;
    }
    case TravelMode::ship: {
        const ImVec2 hull[] = {at(s * 1.2f, 0), at(s * 0.4f, -s * 0.6f), at(-s * 1.0f, -s * 0.55f), at(-s * 1.0f, s * 0.55f),
                               at(s * 0.4f, s * 0.6f)};
        list.AddConvexPolyFilled(hull, 5, colour);
        list.AddCircleFilled(at(-s * 0.2f, 0), s * 0.28f, IM_COL32(255, 255, 255, 230), 12);
        break;
    }
    case TravelMode::walk: list.AddCircleFilled(c, s * 0.8f, colour, 16); break;
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

std::string label_glyphs(const Story* story, const ContextLabels* context, double resolution) {
    std::string text;
    if (story)
        for (const auto& place : story->places) text += display_name(place, true);
    if (context) {
        const long min_population = resolution > 2500 ? 300000 : resolution > 600 ? 50000 : 10000;
        for (const auto& town : context->towns) {
            if (town.population < min_population) break;
            text += town.local_name;
        }
    }
    return text;
}

const Town* nearest_town(const std::vector<Town>& towns, LonLat at, double max_km, long min_population) {
    const Town* best = nullptr;
    double best_d = max_km * max_km;
    const double k = std::cos(at.lat * std::numbers::pi / 180);
    for (const auto& town : towns) {
        if (town.population < min_population) break;  // most populous first
        const double dx = std::remainder(town.position.lon - at.lon, 360.0) * k * 111.32;
        const double dy = (town.position.lat - at.lat) * 110.57;
        const double d = dx * dx + dy * dy;
        if (d < best_d) {
            best_d = d;
            best = &town;
        }
    }
    return best;
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
            const RouteMotion* built = options.paths ? options.paths->motion(route.id) : nullptr;
            const Path derived = built ? Path{} : route_geometry(*story, route);
            const Path& path = built ? built->path() : derived;
            std::vector<Vec2> px;
            px.reserve(path.size());
            for (LonLat p : path) px.push_back(to_screen(camera, p));
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

    // Vehicles under way and a caption for each at the top of the map: laid out first, so labels
    // keep clear of the captions.
    struct Vehicle {
        const RouteAt* at;
        Vec2 px;
        float heading;
    };
    std::vector<Vehicle> vehicles;
    std::vector<ImU32> caption_colours;
    StoryOverlayStats stats;
    for (const auto& r : options.motion) {
        if (!r.route || options.hidden_routes.count(r.route->id) || r.state.before_start || r.state.finished) continue;
        const Path& path = r.motion->path();
        float heading = 0;
        if (path.size() >= 2) {
            const std::size_t i = std::min(r.state.segment, path.size() - 2);
            const Vec2 d = mercator::forward(path[i + 1]) - mercator::forward(path[i]);
            heading = static_cast<float>(std::atan2(-d.y, d.x));  // screen y grows down
        }
        vehicles.push_back({&r, to_screen(camera, r.state.position), heading});
        const StoryClock* clock = options.clock;
        std::string caption = leg_caption(*story, *r.route, r.state, [clock](double t) { return clock ? clock->format(t, false) : std::string(); });
        if (context && !r.state.waiting)
            if (const Town* near = nearest_town(context->towns, r.state.position, 40.0))
                caption += " \xC2\xB7 near " + (options.local_names && !near->local_name.empty() ? near->local_name : near->name);
        stats.captions.push_back(caption);
        caption_colours.push_back(rgba(route_color(*r.route)));
    }
    // The clock, then one caption per route marked with the route's colour, wrapped to the map.
    struct CaptionBox {
        std::string text;
        ImFont* font;
        std::optional<ImU32> dot;
        ImVec2 a, b;
    };
    std::vector<CaptionBox> caption_boxes;
    {
        const float left = options.caption_left;
        const float width = static_cast<float>(camera.width()) - left;
        const float wrap = std::max(200.0f, width - 80.0f * scale);
        const float pad = 8.0f * scale;
        float y = 10.0f * scale;
        auto add_line = [&](ImFont* font, const std::string& text, std::optional<ImU32> dot) {
            const float dot_w = dot ? 14.0f * scale : 0.0f;
            const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap - dot_w, text.c_str());
            const float x0 = left + (width - size.x - dot_w) / 2 - pad;
            const ImVec2 a(x0, y), b(x0 + size.x + dot_w + 2 * pad, y + size.y + pad);
            caption_boxes.push_back({text, font, dot, a, b});
            obstacles.push_back(Box::of(a.x, a.y, b.x, b.y));
            y = b.y + 4 * scale;
        };
        if (!options.clock_text.empty() && !options.motion.empty()) add_line(f.label_bold, options.clock_text, std::nullopt);
        for (std::size_t i = 0; i < stats.captions.size(); ++i) add_line(f.label, stats.captions[i], caption_colours[i]);
    }

    const auto start = std::chrono::steady_clock::now();
    const auto placed = place_labels(requests, obstacles, {static_cast<double>(camera.width()), static_cast<double>(camera.height())});
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
    const Box view = Box::of(0, 0, camera.width(), camera.height());
    for (const auto& [route, px] : route_px) draw_arrows(list, px, rgba(route_color(*route)), scale, view);
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
    for (const auto& v : vehicles)
        if (on_screen(camera, v.px, 20)) draw_vehicle(list, v.at->route->mode, im(v.px), v.heading, rgba(route_color(*v.at->route)), scale);
    for (const auto& c : caption_boxes) {
        const float pad = 8.0f * scale;
        const float dot_w = c.dot ? 14.0f * scale : 0.0f;
        const float wrap = c.b.x - c.a.x - 2 * pad - dot_w + 1;
        list.AddRectFilled(c.a, c.b, IM_COL32(255, 255, 255, 230), 4.0f * scale);
        if (c.dot) list.AddCircleFilled(ImVec2(c.a.x + pad + 5 * scale, c.a.y + pad / 2 + c.font->FontSize / 2), 5.0f * scale, *c.dot, 16);
        list.AddText(c.font, c.font->FontSize, ImVec2(c.a.x + pad + dot_w, c.a.y + pad / 2), ink, c.text.c_str(), nullptr, wrap);
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
