#include "core/labels/overlay_plan.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/geo/geodesic.hpp"
#include "core/geo/mercator.hpp"
#include "core/labels/number_format.hpp"
#include "core/motion/route_motion.hpp"
#include "core/mesh/mesh.hpp"
#include "core/mesh/story_meshes.hpp"
#include "core/motion/story_motion_caption.hpp"

namespace storyplot {

Rgba8 to_rgba8(Color c, float alpha) {
    auto channel = [](float v) { return static_cast<std::uint8_t>(std::clamp(static_cast<int>(v * 255), 0, 255)); };
    return {channel(c.r), channel(c.g), channel(c.b), channel(c.a * alpha)};
}

MarkerShape marker_shape(const std::string& category) {
    if (category == "station") return MarkerShape::station;
    if (category == "border") return MarkerShape::border;
    if (category == "venue") return MarkerShape::venue;
    if (category == "capital") return MarkerShape::capital;
    if (category == "country" || category == "region") return MarkerShape::country;
    return MarkerShape::dot;
}

std::string display_name(const Place& place, bool local) { return local && !place.local_name.empty() ? place.local_name : place.name; }

std::string story_glyphs(const Story* story) {
    std::string text;
    if (!story) return text;
    // Separated, so that no two names run together.
    text += story->title + "\n";
    for (const auto& place : story->places) text += place.name + "\n";
    for (const auto& route : story->routes) text += route.name + "\n";
    for (const auto& chapter : story->chapters) text += chapter.title + "\n" + chapter.text + "\n";
    return text;
}

std::string local_name_glyphs(const Story* story, const ContextLabels* context, double resolution) {
    std::string text;
    if (story)
        for (const auto& place : story->places) text += place.local_name + "\n";
    if (context) {
        const long min_population = resolution > 2500 ? 300000 : resolution > 600 ? 50000 : 10000;
        for (const auto& town : context->towns) {
            if (town.population < min_population) break;
            text += town.local_name + "\n";
        }
    }
    return text;
}

const Town* nearest_town(const std::vector<Town>& towns, LonLat at, double max_km, long min_population) {
    const Town* best = nullptr;
    double best_d = max_km * max_km;
    const double k = std::cos(at.lat * std::numbers::pi / 180);
    const double max_dlat = max_km / 110.57;
    for (const auto& town : towns) {
        if (town.population < min_population) break;  // most populous first
        if (std::abs(town.position.lat - at.lat) > max_dlat) continue;  // most towns, and cheaply
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

std::optional<std::string> OverlayPlan::place_at(Vec2 px) const {
    std::optional<std::string> best;
    double best_d = 1e18;
    for (const auto& m : markers) {
        const double d = length(m.px - px);
        if (d <= m.hit_radius + 4 && d < best_d) {
            best_d = d;
            best = m.id;
        }
    }
    return best;
}

namespace {

// Screen position of a lon/lat, in the copy of the world nearest the camera's centre.
Vec2 to_screen(const Camera& camera, LonLat p) {
    Vec2 m = mercator::forward(p);
    m.x += std::round((camera.center().x - m.x) / mercator::world_width) * mercator::world_width;
    return camera.world_to_screen(m);
}

// A path in a projection other than Mercator: one world, no copies, but pieces: the path is cut
// where it leaves what the projection shows (behind the globe) or jumps across its cut (the
// meridian opposite the centre), so no label or arrow is placed along a line across the map.
std::vector<std::vector<Vec2>> projected_pieces(const Camera& camera, const Path& path) {
    std::vector<std::vector<Vec2>> pieces(1);
    const Projection& projection = camera.projection();
    std::optional<double> previous;
    for (LonLat p : path) {
        const auto px = camera.lonlat_to_screen(p);
        const double rel = std::remainder(p.lon - projection.lon0, 360.0);
        const bool jump = previous && projection.has_seam() && std::abs(rel - *previous) > 180;
        if ((!px || jump) && !pieces.back().empty()) pieces.emplace_back();
        if (px) pieces.back().push_back(*px);
        previous = px ? std::optional<double>(rel) : std::nullopt;
    }
    std::erase_if(pieces, [](const std::vector<Vec2>& piece) { return piece.size() < 2; });
    return pieces;
}

// A path's screen positions in every copy of the world the view reaches. Its longitudes are kept
// continuous from point to point (a path may run on past +-180 degrees): placing each point in the
// copy nearest the camera on its own would make a path whose ends lie half a world apart jump
// across the map, and its arrows and name with it.
std::vector<std::vector<Vec2>> screen_copies(const Camera& camera, const Path& path) {
    if (!camera.is_mercator()) return projected_pieces(camera, path);
    std::vector<Vec2> world;
    world.reserve(path.size());
    Box bounds;
    for (LonLat p : path) {
        Vec2 m = mercator::forward(p);
        if (!world.empty()) m.x += std::round((world.back().x - m.x) / mercator::world_width) * mercator::world_width;
        world.push_back(m);
        bounds.add(m);
    }
    std::vector<std::vector<Vec2>> copies;
    if (world.empty()) return copies;
    const WorldCopies reach = world_copies(bounds, camera.visible_box());
    for (long copy = reach.first; copy <= reach.last; ++copy) {
        const double shift = static_cast<double>(copy) * mercator::world_width;
        std::vector<Vec2>& px = copies.emplace_back();
        px.reserve(world.size());
        for (Vec2 m : world) px.push_back(camera.world_to_screen({m.x + shift, m.y}));
    }
    return copies;
}

bool on_screen(const Camera& camera, Vec2 px, double margin) {
    return px.x >= -margin && px.y >= -margin && px.x <= camera.width() + margin && px.y <= camera.height() + margin;
}

// Under a map of its own (the inset), where the main map's overlay would be painted over it.
bool under_a_panel(const OverlayOptions& options, Vec2 px) {
    for (const Box& b : options.covered)
        if (px.x >= b.min_x && px.x <= b.max_x && px.y >= b.min_y && px.y <= b.max_y) return true;
    return false;
}

// A point's screen positions in every copy of the world within `margin` of the view: one, or more
// when the view is wider than the world (the copy nearest the camera's centre first).
std::vector<Vec2> screen_copies(const Camera& camera, LonLat p, double margin) {
    const Vec2 nearest = to_screen(camera, p);
    std::vector<Vec2> out;
    if (on_screen(camera, nearest, margin)) out.push_back(nearest);
    if (!camera.is_mercator()) return out;  // one world
    const double world_px = mercator::world_width / camera.resolution();
    for (double x = nearest.x - world_px; x >= -margin; x -= world_px)
        if (on_screen(camera, {x, nearest.y}, margin)) out.push_back({x, nearest.y});
    for (double x = nearest.x + world_px; x <= camera.width() + margin; x += world_px)
        if (on_screen(camera, {x, nearest.y}, margin)) out.push_back({x, nearest.y});
    return out;
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
void add_arrows(std::vector<OverlayPlan::Arrow>& out, const std::vector<Vec2>& px, Rgba8 colour, float scale, const Box& view) {
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
                out.push_back({at + dir * s, at - dir * s + n * s * 0.9, at - dir * s - n * s * 0.9, colour});
            }
        }
        if (std::isfinite(len)) walked += len;
    }
}

// Everything a label needs until it is placed.
class LabelRequests {
public:
    explicit LabelRequests(const TextMeasure& text) : m_text(text) {}
    std::size_t add(Vec2 anchor, const std::string& text, TextStyle style, Rgba8 colour, double gap, double priority, bool centered,
                    double padding = 0) {
        const Vec2 size = m_text.size(style, text);
        requests.push_back({anchor, {size.x + 2, size.y}, gap, priority, centered, padding});
        looks.push_back({text, style, colour, {}});
        return requests.size() - 1;
    }
    // A label turned by `angle` about `centre` (a line's name along it), in its turned text's bounds.
    void add_turned(Vec2 centre, const std::string& text, TextStyle style, Rgba8 colour, float angle, double priority) {
        const Vec2 size = m_text.size(style, text);
        const double c = std::abs(std::cos(angle)), s = std::abs(std::sin(angle));
        requests.push_back({centre, {size.x * c + size.y * s, size.x * s + size.y * c}, 0, priority, true, 6});
        looks.push_back({text, style, colour, {}, angle});
        turned.resize(requests.size());
        turned.back() = {size, angle};
    }
    std::vector<LabelRequest> requests;
    std::vector<OverlayPlan::Label> looks;
    std::vector<TurnedText> turned;  // by request, when any is turned

private:
    const TextMeasure& m_text;
};

// The borders near a label's anchor, in screen pixels, for it to keep its own side of.
void keep_side(LabelRequest& request, const Camera& camera, const SegmentIndex* sides) {
    if (!sides) return;
    const double reach = (std::max(request.size.x, request.size.y) + request.gap + 4) * camera.resolution();
    const Vec2 at = camera.screen_to_world(request.anchor);
    for (const auto& [a, b] : sides->near(Box::of(at.x - reach, at.y - reach, at.x + reach, at.y + reach)))
        request.sides.emplace_back(camera.world_to_screen(a), camera.world_to_screen(b));
}

// Each named line's name along its longest straight stretch on screen, turned to read left to right,
// when the stretch is longer than the name.
void plan_line_names(const ContextLabels& context, const Camera& camera, const TextMeasure& text, LabelRequests& labels) {
    int considered = 0;
    for (const NamedLine& line : context.lines) {
        if (considered >= 200) break;
        double best = 0;
        Vec2 from, to;
        for (const std::vector<Vec2>& px : screen_copies(camera, line.path))
            for (std::size_t i = 1; i < px.size(); ++i)
                if (on_screen(camera, px[i - 1], 0) && on_screen(camera, px[i], 0) && length(px[i] - px[i - 1]) > best) {
                    best = length(px[i] - px[i - 1]);
                    from = px[i - 1];
                    to = px[i];
                }
        if (best <= 0) continue;
        ++considered;
        if (best < text.size(TextStyle::italic, line.name).x + 16) continue;
        double angle = std::atan2(to.y - from.y, to.x - from.x);
        if (angle > 1.5708) angle -= 3.14159265358979;
        if (angle < -1.5708) angle += 3.14159265358979;
        labels.add_turned((from + to) * 0.5, line.name, TextStyle::italic, overlay_ink::water, static_cast<float>(angle),
                          2 + std::log10(static_cast<double>(line.rank) + 1) / 10);
    }
}

// The shift (a whole number of world widths) that brings a country's part (its rings, outer first)
// nearest the camera, when that copy meets `view`.
std::optional<double> part_shift_in_view(const std::vector<std::vector<Vec2>>& rings, const Camera& camera, const Box& view) {
    if (rings.empty()) return std::nullopt;
    Box bounds;
    for (Vec2 p : rings[0]) bounds.add(p);
    if (bounds.empty()) return std::nullopt;
    const double shift = std::round((camera.center().x - bounds.center().x) / mercator::world_width) * mercator::world_width;
    if (bounds.max_x + shift < view.min_x || bounds.min_x + shift > view.max_x || bounds.max_y < view.min_y || bounds.min_y > view.max_y)
        return std::nullopt;
    return shift;
}

// The context's country of a place's name (Natural Earth's short name, letter case aside).
const CountryLabel* country_named(const ContextLabels* context, const std::string& name) {
    if (!context) return nullptr;
    auto same = [&](const std::string& a) {
        return a.size() == name.size() && std::equal(a.begin(), a.end(), name.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (const CountryLabel& country : context->countries)
        if (same(country.name)) return &country;
    return nullptr;
}

// A country's large parts as lines in pixels: each ring's copy nearest the camera, broken where the
// projection hides it (behind the globe). Nothing of a part out of view.
std::vector<std::vector<Vec2>> country_lines(const CountryLabel& country, const Camera& camera) {
    std::vector<std::vector<Vec2>> lines;
    const Box view = camera.visible_box();
    for (const auto& rings : country.parts) {
        const auto shift = part_shift_in_view(rings, camera, view);
        if (!shift) continue;
        for (const auto& ring : rings) {
            lines.emplace_back();
            for (std::size_t i = 0; i <= ring.size() && !ring.empty(); ++i) {  // closed: back to the first point
                const Vec2 at = camera.world_to_screen({ring[i % ring.size()].x + *shift, ring[i % ring.size()].y});
                if (at == Camera::off_map) {
                    if (!lines.back().empty()) lines.emplace_back();
                } else {
                    lines.back().push_back(at);
                }
            }
        }
    }
    std::erase_if(lines, [](const std::vector<Vec2>& line) { return line.size() < 2; });
    return lines;
}

// Story markers: each keeps every label off it. A country's is an open ring where its name is, and
// its border is drawn lit.
void plan_markers(OverlayPlan& plan, const Story& story, const ContextLabels* context, const Camera& camera, const OverlayOptions& options,
                  LabelRequests& labels, std::vector<Box>& obstacles) {
    const float scale = options.scale;
    for (const auto& place : story.places)
        if (marker_shape(place.category) == MarkerShape::country)
            if (const CountryLabel* country = country_named(context, place.name)) {
                OverlayPlan::Outline outline{place.id, country_lines(*country, camera), overlay_ink::text,
                                             place.id == options.hovered || place.id == options.selected};
                for (const auto& route : story.routes)
                    if (!options.hidden_routes.count(route.id) && std::find(route.stops.begin(), route.stops.end(), place.id) != route.stops.end()) {
                        outline.colour = to_rgba8(route_color(route));
                        break;
                    }
                if (!outline.lines.empty()) plan.outlines.push_back(std::move(outline));
            }
    for (const auto& place : story.places)
        for (const Vec2 px : screen_copies(camera, place.position, 40)) {
            if (under_a_panel(options, px)) continue;
            const float r = (place.category == "capital" ? 4.5f : 5.0f) * scale;
            obstacles.push_back(Box::of(px.x - r - 3, px.y - r - 3, px.x + r + 3, px.y + r + 3));
            const double priority = 1000 + (place.id == options.selected ? 100 : 0) + (place.id == options.hovered ? 50 : 0);
            const std::size_t label = labels.add(px, display_name(place, options.local_names), TextStyle::label_bold, overlay_ink::text, r + 6, priority, false);
            keep_side(labels.requests[label], camera, options.sides);

            OverlayPlan::Marker m;
            m.id = place.id;
            m.shape = marker_shape(place.category);
            m.px = px;
            m.hit_radius = r + 3;
            const bool lit = place.id == options.hovered || place.id == options.selected;
            m.radius = (m.hit_radius - 3) * (lit ? 1.3f : 1.0f);
            m.selected = place.id == options.selected;
            m.ring = lit ? overlay_ink::highlight : overlay_ink::text;
            // A stop takes the colour of the first visible route through it.
            m.fill = overlay_ink::text;
            for (const auto& route : story.routes)
                if (!options.hidden_routes.count(route.id) && std::find(route.stops.begin(), route.stops.end(), place.id) != route.stops.end()) {
                    m.fill = to_rgba8(route_color(route));
                    break;
                }
            plan.markers.push_back(std::move(m));
        }
}

// Each visible route's arrows, and its name beside the middle of its visible part.
void plan_routes(OverlayPlan& plan, const Story& story, const Camera& camera, const OverlayOptions& options, LabelRequests& labels) {
    const float scale = options.scale;
    const Box view = Box::of(0, 0, camera.width(), camera.height());
    for (const auto& route : story.routes) {
        if (options.hidden_routes.count(route.id)) continue;
        const RouteMotion* built = options.paths ? options.paths->motion(route.id) : nullptr;
        const Path derived = built ? Path{} : route_geometry(story, route);
        const Path& path = built ? built->path() : derived;
        // One name, beside the visible point nearest the middle of the path in any copy; arrows in each.
        double best = 1e18;
        Vec2 anchor{};
        for (const std::vector<Vec2>& px : screen_copies(camera, path)) {
            double total = 0;
            for (std::size_t i = 0; i + 1 < px.size(); ++i) total += length(px[i + 1] - px[i]);
            if (total > 120 * scale) {
                double walked = 0;
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
            }
            add_arrows(plan.arrows, px, to_rgba8(route_color(route)), scale, view);
        }
        if (best < 1e18) labels.add(anchor, route.name, TextStyle::italic, to_rgba8(route_color(route)), 9 * scale, 900, false);
    }
}

// The view's extent in degrees, a little larger, to pass over points far from it without the
// trigonometry of projecting them (the towns of the world, every frame).
class LonLatWindow {
public:
    explicit LonLatWindow(const Camera& camera) {
        const Box view = camera.visible_box();
        const LonLat south_west = mercator::inverse({view.min_x, view.min_y});
        const LonLat north_east = mercator::inverse({view.max_x, view.max_y});
        m_south = south_west.lat - 0.01;
        m_north = north_east.lat + 0.01;
        const double degrees_per_metre = 360.0 / mercator::world_width;
        m_west = view.min_x * degrees_per_metre - 0.01;
        m_width = (view.max_x - view.min_x) * degrees_per_metre + 0.02;
    }
    bool holds(LonLat p) const {
        if (p.lat < m_south || p.lat > m_north) return false;
        if (m_width >= 360) return true;
        const double east_of_west = std::fmod(std::fmod(p.lon - m_west, 360.0) + 360.0, 360.0);  // the view may run past +-180
        return east_of_west <= m_width;
    }

private:
    double m_south = 0, m_north = 0, m_west = 0, m_width = 0;
};

// A point inside the part of a country the view shows, clearance() pixels from its edges and the
// view's; none when no part shows that much. clearance() (which measures the name) is asked only
// for a part in view.
template <typename Clearance>
std::optional<Vec2> country_in_view(const CountryLabel& country, const Camera& camera, Clearance&& clearance) {
    const Box view = camera.visible_box();
    for (const auto& rings : country.parts) {
        const auto shift = part_shift_in_view(rings, camera, view);
        if (!shift) continue;
        std::vector<std::vector<Vec2>> px;
        for (const auto& ring : rings) {
            std::vector<Vec2>& r = px.emplace_back();
            r.reserve(ring.size());
            for (Vec2 p : ring) {
                const Vec2 at = camera.world_to_screen({p.x + *shift, p.y});
                if (!(at == Camera::off_map)) r.push_back(at);  // what a projection hides (behind the globe) left out
            }
        }
        if (auto at = label_point_within(px, Box::of(0, 0, camera.width(), camera.height()), clearance())) return at;
    }
    return std::nullopt;
}

// Context: countries by area, towns by population, thinned by the placement itself. Returns each
// town dot with its label's request.
std::vector<std::pair<Vec2, std::size_t>> plan_context(const OverlayPlan& plan, const ContextLabels& context, const Camera& camera,
                                                       const OverlayOptions& options, const TextMeasure& text, LabelRequests& labels) {
    const float scale = options.scale;
    const double res = camera.resolution();
    for (const auto& country : context.countries) {
        std::string name = country.name;
        for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const double priority = 500 + std::log10(country.area);
        const Vec2 px = to_screen(camera, country.anchor);
        if (on_screen(camera, px, 0)) {
            // Only where the country is big enough on screen to carry its name.
            const double side_px = std::sqrt(country.area) / res;
            if (side_px >= text.size(TextStyle::italic, name).x * 0.9) labels.add(px, name, TextStyle::italic, overlay_ink::country, 0, priority, true);
        } else if (const auto inside = country_in_view(country, camera, [&] {
                       const Vec2 size = text.size(TextStyle::italic, name);
                       return std::max(size.y, size.x * 0.4);
                   })) {
            // Its anchor is out of the view but the country fills enough of it: named in what is seen.
            labels.add(*inside, name, TextStyle::italic, overlay_ink::country, 0, priority, true);
        }
    }
    std::vector<std::pair<Vec2, std::size_t>> dots;
    const long min_population = res > 8000 ? 3000000 : res > 2500 ? 500000 : res > 600 ? 100000 : res > 150 ? 20000 : res > 40 ? 5000 : 1000;
    int considered = 0;
    const LonLatWindow window(camera);
    for (const auto& town : context.towns) {
        if (town.population < min_population || considered >= 400) break;
        if (!window.holds(town.position)) continue;  // most of the world's towns, without projecting them
        const Vec2 px = to_screen(camera, town.position);
        if (!on_screen(camera, px, 0)) continue;
        bool near_story = false;
        for (const auto& m : plan.markers)
            if (length(m.px - px) < 14 * scale) near_story = true;
        if (near_story) continue;
        ++considered;
        const std::string& name = options.local_names && !town.local_name.empty() ? town.local_name : town.name;
        dots.emplace_back(px, labels.add(px, name, TextStyle::label, overlay_ink::town, 4 * scale,
                                         std::log10(static_cast<double>(town.population) + 1), false, 14 * scale));
        keep_side(labels.requests[dots.back().second], camera, options.sides);
    }
    plan_line_names(context, camera, text, labels);
    return dots;
}

// Text measured for a cache's key: each style's size of one wide letter, so a change of fonts or
// scale is a miss.
std::vector<Vec2> measure_probe(const TextMeasure& text) {
    std::vector<Vec2> out;
    for (TextStyle style : {TextStyle::label, TextStyle::label_bold, TextStyle::italic}) out.push_back(text.size(style, "W"));
    return out;
}

std::vector<Vec2> marker_points(const OverlayPlan& plan) {
    std::vector<Vec2> out;
    out.reserve(plan.markers.size());
    for (const auto& m : plan.markers) out.push_back(m.px);
    return out;
}

// Vehicles under way, and a caption for each at the top of the map (after the clock's line),
// wrapped to the map area: laid out before the labels, so labels keep clear of the captions.
void plan_motion(OverlayPlan& plan, const Story* story, const ContextLabels* context, const Camera& camera, const OverlayOptions& options,
                 const TextMeasure& text, std::vector<Box>& obstacles) {
    const float scale = options.scale;
    std::vector<std::pair<std::string, Rgba8>> captions;
    for (const auto& r : options.motion) {
        if (!story || !r.route || options.hidden_routes.count(r.route->id) || r.state.before_start || r.state.finished) continue;
        const Path& path = r.motion->path();
        float heading = 0;
        if (path.size() >= 2) {
            const std::size_t i = std::min(r.state.segment, path.size() - 2);
            const Vec2 d = mercator::forward(path[i + 1]) - mercator::forward(path[i]);
            heading = static_cast<float>(std::atan2(-d.y, d.x));  // screen y grows down
        }
        const Rgba8 colour = to_rgba8(route_color(*r.route));
        for (const Vec2 px : screen_copies(camera, r.state.position, 20))
            if (!under_a_panel(options, px)) plan.vehicles.push_back({r.route->mode, px, heading, colour});
        const StoryClock* clock = options.clock;
        std::string caption = leg_caption(*story, *r.route, r.state, [clock](double t) { return clock ? clock->format(t, false) : std::string(); });
        if (context && !r.state.waiting)
            if (const Town* near = nearest_town(context->towns, r.state.position, 40.0))
                caption += " \xC2\xB7 near " + (options.local_names && !near->local_name.empty() ? near->local_name : near->name);
        captions.emplace_back(std::move(caption), colour);
    }
    const float left = options.caption_left;
    const float width = static_cast<float>(camera.width()) - left;
    const float wrap = std::max(200.0f, width - 80.0f * scale);
    const float pad = 8.0f * scale;
    float y = options.caption_top + 10.0f * scale;
    auto add_line = [&](TextStyle style, const std::string& line, std::optional<Rgba8> dot) {
        const float dot_w = dot ? 14.0f * scale : 0.0f;
        const Vec2 measured = text.size(style, line, wrap - dot_w);
        const float sx = static_cast<float>(measured.x), sy = static_cast<float>(measured.y);
        const float x0 = left + (width - sx - dot_w) / 2 - pad;
        const float ax = x0, ay = y, bx = x0 + sx + dot_w + 2 * pad, by = y + sy + pad;
        OverlayPlan::Caption c{line, style, dot, Box::of(ax, ay, bx, by), bx - ax - 2 * pad - dot_w + 1};
        plan.captions.push_back(std::move(c));
        obstacles.push_back(Box::of(ax, ay, bx, by));
        y = by + 4 * scale;
    };
    if (!options.clock_text.empty() && !options.motion.empty()) add_line(TextStyle::label_bold, options.clock_text, std::nullopt);
    for (const auto& [line, colour] : captions) add_line(TextStyle::label, line, colour);
}

// The ruler's line through its points (the path between them drawn straight on the map), with
// its total and the last leg's bearing beside the last point; labels keep clear of the text.
void plan_ruler(OverlayPlan& plan, const Camera& camera, const OverlayOptions& options, const TextMeasure& text,
                std::vector<Box>& obstacles) {
    if (options.ruler.empty()) return;
    OverlayPlan::Ruler ruler;
    double metres = 0;
    for (std::size_t i = 0; i < options.ruler.size(); ++i) {
        ruler.px.push_back(to_screen(camera, options.ruler[i]));
        if (i > 0) metres += geodesic_distance(options.ruler[i - 1], options.ruler[i]);
    }
    ruler.text = format_distance(metres);
    if (options.ruler.size() >= 2) {
        double bearing = geodesic_bearing(options.ruler[options.ruler.size() - 2], options.ruler.back());
        if (bearing < 0) bearing += 360;
        char degrees[16];
        std::snprintf(degrees, sizeof degrees, "%03.0f\xC2\xB0", std::fmod(std::round(bearing), 360.0));
        ruler.text += " \xC2\xB7 " + std::string(degrees);
    } else {
        ruler.text = "click the next point";
    }
    const Vec2 size = text.size(TextStyle::label_bold, ruler.text);
    ruler.text_at = ruler.px.back() + Vec2{10.0 * options.scale, -size.y - 6.0 * options.scale};
    obstacles.push_back(Box::of(ruler.text_at.x - 2, ruler.text_at.y - 2, ruler.text_at.x + size.x + 2, ruler.text_at.y + size.y + 2));
    plan.ruler = std::move(ruler);
}

// plan_context, or what it added the frame before when nothing it depends on changed.
std::vector<std::pair<Vec2, std::size_t>> plan_context_kept(const OverlayPlan& plan, const ContextLabels& context, const Camera& camera,
                                                            const OverlayOptions& options, const TextMeasure& text, LabelRequests& labels) {
    if (!options.context_cache) return plan_context(plan, context, camera, options, text, labels);
    ContextPlanCache& k = *options.context_cache;
    const std::size_t base = labels.requests.size();
    const std::vector<Vec2> markers = marker_points(plan);
    const std::vector<Vec2> probe = measure_probe(text);
    bool hit = k.valid && k.camera == camera && k.scale == options.scale && k.local_names == options.local_names && k.sides == options.sides &&
               k.context == &context && k.markers == markers && k.probe == probe;
    for (std::size_t i = 0; hit && i < k.looks.size(); ++i) hit = text.size(k.looks[i].style, k.looks[i].text) == k.measured[i];
    if (hit) {
        labels.requests.insert(labels.requests.end(), k.requests.begin(), k.requests.end());
        labels.looks.insert(labels.looks.end(), k.looks.begin(), k.looks.end());
        if (!k.turned.empty()) {
            labels.turned.resize(base + k.turned.size());
            std::copy(k.turned.begin(), k.turned.end(), labels.turned.begin() + static_cast<std::ptrdiff_t>(base));
        }
        std::vector<std::pair<Vec2, std::size_t>> dots = k.dots;
        for (auto& d : dots) d.second += base;
        return dots;
    }
    std::vector<std::pair<Vec2, std::size_t>> dots = plan_context(plan, context, camera, options, text, labels);
    k.valid = true;
    k.camera = camera;
    k.scale = options.scale;
    k.local_names = options.local_names;
    k.sides = options.sides;
    k.context = &context;
    k.markers = markers;
    k.probe = probe;
    k.requests.assign(labels.requests.begin() + static_cast<std::ptrdiff_t>(base), labels.requests.end());
    k.looks.assign(labels.looks.begin() + static_cast<std::ptrdiff_t>(base), labels.looks.end());
    k.turned.clear();
    if (labels.turned.size() > base) k.turned.assign(labels.turned.begin() + static_cast<std::ptrdiff_t>(base), labels.turned.end());
    k.measured.clear();
    for (const auto& look : k.looks) k.measured.push_back(text.size(look.style, look.text));
    k.dots = dots;
    for (auto& d : k.dots) d.second -= base;
    return dots;
}

}  // namespace

OverlayPlan plan_overlay(const Story* story, const ContextLabels* context, const Camera& camera, const OverlayOptions& options,
                         const TextMeasure& text) {
    OverlayPlan plan;
    plan.scale = options.scale;
    LabelRequests labels(text);
    std::vector<Box> obstacles = options.reserved;
    if (story) {
        plan_markers(plan, *story, context, camera, options, labels, obstacles);
        plan_routes(plan, *story, camera, options, labels);
        std::erase_if(plan.arrows, [&](const OverlayPlan::Arrow& a) { return under_a_panel(options, a.tip); });
    }
    std::vector<std::pair<Vec2, std::size_t>> town_dots;
    if (context && options.context_labels) town_dots = plan_context_kept(plan, *context, camera, options, text, labels);
    plan_motion(plan, story, context, camera, options, text, obstacles);
    plan_ruler(plan, camera, options, text, obstacles);

    const auto start = std::chrono::steady_clock::now();
    const auto placed = place_labels(labels.requests, obstacles, {static_cast<double>(camera.width()), static_cast<double>(camera.height())});
    plan.placement_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    for (std::size_t i = 0; i < labels.requests.size(); ++i) plan.label_records.push_back({labels.looks[i].text, labels.requests[i], std::nullopt});
    std::vector<bool> shown(labels.requests.size(), false);
    for (const auto& p : placed) {
        plan.label_records[p.request].placed = p.box;
        shown[p.request] = true;
        OverlayPlan::Label label = labels.looks[p.request];
        label.at = {p.box.min_x + 1, p.box.min_y};
        if (p.request < labels.turned.size() && labels.turned[p.request].angle != 0)
            label.at = p.box.center() - labels.turned[p.request].size * 0.5;
        plan.labels.push_back(std::move(label));
    }
    for (const auto& [px, index] : town_dots)
        if (shown[index]) plan.town_dots.push_back(px);
    plan.obstacles = std::move(obstacles);
    return plan;
}

}  // namespace storyplot
