#include "core/labels/map_decorations.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/geo/mercator.hpp"
#include "core/mesh/story_meshes.hpp"

namespace storyplot {

std::vector<Box> DecorationLayout::boxes() const {
    std::vector<Box> out;
    for (const Box& b : {title, legend, inset, scale_bar, credits, card})
        if (!b.empty()) out.push_back(b);
    return out;
}

std::vector<LegendEntry> legend_for(const Story& story) {
    std::vector<LegendEntry> out;
    for (const auto& route : story.routes) out.push_back({route.name, route_color(route), route.mode});
    return out;
}

std::optional<ChapterCard> chapter_card(const Story& story, int index, float opacity) {
    if (index < 0 || index >= static_cast<int>(story.chapters.size())) return std::nullopt;
    const Chapter& c = story.chapters[static_cast<std::size_t>(index)];
    return ChapterCard{std::to_string(index + 1) + " / " + std::to_string(story.chapters.size()), c.title, c.text, opacity};
}

namespace {

// The title box's height: the title and, under it, the date.
double title_height(const ExportDecorations& d, const TextMeasure& text, float scale, double pad, double max_w) {
    const Vec2 t = text.size(TextStyle::label_bold, d.title, static_cast<float>(max_w));
    const Vec2 s = d.date.empty() ? Vec2{0, 0} : text.size(TextStyle::label, d.date, static_cast<float>(max_w));
    return t.y + (d.date.empty() ? 0 : s.y + 2 * scale) + 2 * pad;
}

}  // namespace

DecorationLayout layout_decorations(const Camera& camera, float scale, const ExportDecorations& d, const TextMeasure& text,
                                    const DecorationInsets& insets) {
    DecorationLayout layout;
    const double w = camera.width() - insets.right, h = camera.height() - insets.bottom;
    const double margin = 14.0 * scale, pad = 8.0 * scale;
    const double left = insets.left + margin;  // where the left-hand decorations start
    const double max_w = std::max(120.0, (w - insets.left) * 0.45);
    double bottom_left = h - margin;  // stacks upwards from the bottom-left corner
    double bottom_right = h - margin;

    if (d.show.credits && !d.credits.empty()) {
        // Wrapped to the map's width where a small picture has no room for a line.
        const auto wrap = static_cast<float>(std::max(60.0 * scale, w - insets.left - 2 * margin - 2 * pad));
        const Vec2 s = text.size(TextStyle::label, d.credits, wrap);
        layout.credits = Box::of(w - margin - s.x - 2 * pad, bottom_right - s.y - pad, w - margin, bottom_right);
        bottom_right = layout.credits.min_y - 6 * scale;
    }
    if (d.show.scale_bar) {
        const ScaleBar bar = choose_scale_bar(camera, 140.0 * scale);
        const double bh = 13.0 * scale + 14.0 * scale;
        const double bw = std::max(bar.pixels, static_cast<double>(text.size(TextStyle::label, bar.label).x) + 4 * scale);
        // Above the credits where a narrow map has them reach across to the left.
        if (!layout.credits.empty() && layout.credits.min_x < left + bw + 2 * pad + 6 * scale) bottom_left = std::min(bottom_left, layout.credits.min_y - 6 * scale);
        layout.scale_bar = Box::of(left, bottom_left - bh - pad, left + bw + 2 * pad, bottom_left);
        bottom_left = layout.scale_bar.min_y - 6 * scale;
    }
    if (d.show.legend && !d.legend.empty()) {
        double lw = 0, lh = pad;
        for (const auto& e : d.legend) {
            const Vec2 s = text.size(TextStyle::label, e.name, static_cast<float>(max_w - 40 * scale));
            lw = std::max(lw, static_cast<double>(s.x));
            lh += s.y + 4 * scale;
        }
        lw += 34 * scale + 2 * pad;
        lh += pad;
        layout.legend = Box::of(left, bottom_left - lh, left + lw, bottom_left);
        bottom_left = layout.legend.min_y - 6 * scale;
    }
    if (d.card) {
        // Large type at the bottom left, above the scale bar and legend; as wide as reads well.
        const double cw = std::clamp((w - insets.left) * 0.42, 240.0 * scale, 760.0 * scale);
        const float inner = static_cast<float>(cw - 2.5 * pad);
        const double counter_h = d.card->counter.empty() ? 0.0 : text.size(TextStyle::label, d.card->counter).y + 4 * scale;
        const Vec2 title = d.card->title.empty() ? Vec2{0, 0} : text.size(TextStyle::card_title, d.card->title, inner);
        layout.card_text = layout_rich_text(parse_rich_text(d.card->text), text,
                                            RichFonts{TextStyle::card, TextStyle::card_bold, TextStyle::card_italic}, inner);
        const double gap = title.y > 0 && layout.card_text.size.y > 0 ? 8.0 * scale : 0.0;
        const double frame_h = 2 * pad * 1.25 + counter_h + title.y + gap;
        // Below the title, when there is one; a picture too short for the whole card gives it the
        // legend's room, then the scale bar's, then cuts its text after the last line that fits.
        double top = insets.top + margin;
        if (d.show.title && !d.title.empty()) top += title_height(d, text, scale, pad, max_w) + 6 * scale;
        // Above the credits where they reach under the card (wider than the scale bar).
        const auto above_credits = [&] {
            if (!layout.credits.empty() && layout.credits.min_x < left + cw + 6 * scale) bottom_left = std::min(bottom_left, layout.credits.min_y - 6 * scale);
        };
        above_credits();
        for (Box* below : {&layout.legend, &layout.scale_bar})
            if (frame_h + layout.card_text.size.y > bottom_left - top && !below->empty()) {
                bottom_left = below->max_y;
                *below = Box{};
                above_credits();
            }
        const double text_room = bottom_left - top - frame_h;
        if (layout.card_text.size.y > text_room) {
            const double line_h = text.size(TextStyle::card, "Ag").y;
            auto& pieces = layout.card_text.pieces;
            pieces.erase(std::remove_if(pieces.begin(), pieces.end(), [&](const PlacedText& p) { return p.at.y + line_h > text_room; }), pieces.end());
            if (!pieces.empty()) pieces.back().text += "\u2026";
            layout.card_text.size.y = static_cast<float>(std::max(0.0, text_room));
        }
        const double ch = frame_h + layout.card_text.size.y;
        layout.card_wrap = inner;
        layout.card_counter_at = {pad * 1.25, pad * 1.25};
        layout.card_title_at = {pad * 1.25, pad * 1.25 + counter_h};
        layout.card_text_at = {pad * 1.25, pad * 1.25 + counter_h + title.y + gap};
        layout.card = Box::of(left, std::max(top, bottom_left - ch), left + cw, bottom_left);
        bottom_left = layout.card.min_y - 6 * scale;
    }
    // A locator has nothing to add to a view of most of the world.
    const bool whole_world = camera.visible_box().width() >= 0.6 * mercator::world_width;
    if (d.show.inset && !whole_world) {
        const double side = std::clamp(std::min(w - insets.left, h) * 0.22, 90.0 * scale, 360.0 * scale);
        layout.inset = Box::of(w - margin - side * 1.4, bottom_right - side, w - margin, bottom_right);
        if (layout.inset.min_y < insets.top + margin || layout.inset.min_x < (insets.left + w) / 2) layout.inset = Box{};  // no room: left out
    }
    if (d.show.title && !d.title.empty()) {
        const Vec2 t = text.size(TextStyle::label_bold, d.title, static_cast<float>(max_w));
        const Vec2 s = d.date.empty() ? Vec2{0, 0} : text.size(TextStyle::label, d.date, static_cast<float>(max_w));
        const double tw = std::max(t.x, s.x) + 2 * pad;
        const double th = title_height(d, text, scale, pad, max_w);
        layout.title = Box::of(left, insets.top + margin, left + tw, insets.top + margin + th);
        // A picture too short for all: the title stays, and the legend, then the scale bar, are left
        // out where they would reach up over it.
        for (Box* below : {&layout.legend, &layout.scale_bar})
            if (!below->empty() && below->min_y < layout.title.max_y + 6 * scale) *below = Box{};
    }
    return layout;
}

Camera inset_camera(const Camera& main, const Box& inset_px) {
    const Box view = main.visible_box();
    const double span = std::max(view.width(), view.height()) * 8.0;
    // The scale on steps of 1/256 of a zoom level (0.3%), so that a view panned at one scale keeps
    // exactly the same inset scale whatever the rounding of its box; and the centre on the inset's
    // whole pixels. As the main view pans (a camera following a vehicle), the inset moves a whole
    // pixel now and then and its base is moved, not drawn again (render/base_copy), while the frame
    // of the main view on it moves smoothly.
    const double fit = std::max(span / inset_px.width(), span / inset_px.height());
    const double res = std::min(std::exp2(std::round(std::log2(fit) * 256.0) / 256.0), mercator::world_width / inset_px.width());
    const Vec2 c = view.center();
    return Camera(Vec2{std::round(c.x / res) * res, std::round(c.y / res) * res}, res, static_cast<int>(inset_px.width()),
                  static_cast<int>(inset_px.height()));
}

Box inset_view_box(const Camera& main, const Camera& inset) {
    const Box view = main.visible_box();
    const Vec2 a = inset.world_to_screen({view.min_x, view.max_y}), c = inset.world_to_screen({view.max_x, view.min_y});
    // One pixel in from each edge, so the frame's line shows whole inside the inset's clip.
    const double w = inset.width(), h = inset.height();
    const auto clamp_to = [](double v, double hi) { return std::clamp(v, 1.0, std::max(1.0, hi - 1.0)); };
    if (view.width() >= mercator::world_width) return Box::of(1, clamp_to(a.y, h), std::max(1.0, w - 1), clamp_to(c.y, h));
    return Box::of(clamp_to(a.x, w), clamp_to(a.y, h), clamp_to(c.x, w), clamp_to(c.y, h));
}

std::vector<Vec2> inset_view_outline(const Camera& main, const Camera& inset) {
    if (main.is_mercator()) {
        const Box b = inset_view_box(main, inset);
        return {{b.min_x, b.min_y}, {b.max_x, b.min_y}, {b.max_x, b.max_y}, {b.min_x, b.max_y}};
    }
    const double w = main.width(), h = main.height();
    const Vec2 centre{w / 2, h / 2};
    // Each edge in 24 steps, clockwise from the top left; a point off the earth is moved towards
    // the centre to the last point on it (the horizon), found by halving.
    std::vector<Vec2> border;
    constexpr int steps = 24;
    for (int side = 0; side < 4; ++side)
        for (int i = 0; i < steps; ++i) {
            const double t = static_cast<double>(i) / steps;
            const Vec2 corners[4] = {{0, 0}, {w, 0}, {w, h}, {0, h}};
            const Vec2 a = corners[side], b = corners[(side + 1) % 4];
            border.push_back(a + (b - a) * t);
        }
    const LonLat middle = mercator::inverse(inset.center());
    const bool centre_on_earth = main.screen_to_lonlat(centre).has_value();
    std::vector<Vec2> out;
    std::optional<double> last_lon;
    for (const Vec2 edge : border) {
        std::optional<LonLat> at = main.screen_to_lonlat(edge);
        if (!at) {
            double on = 0, off = 1;  // fractions of the way from the centre to the edge
            if (!centre_on_earth) continue;
            for (int k = 0; k < 20; ++k) {
                const double mid = (on + off) / 2;
                (main.screen_to_lonlat(centre + (edge - centre) * mid) ? on : off) = mid;
            }
            at = main.screen_to_lonlat(centre + (edge - centre) * on);
            if (!at) continue;
        }
        // Longitudes continuous, from the inset's middle on: a view across the antimeridian stays whole.
        double lon = middle.lon + std::remainder(at->lon - middle.lon, 360.0);
        if (last_lon) lon = *last_lon + std::remainder(lon - *last_lon, 360.0);
        last_lon = lon;
        out.push_back(inset.world_to_screen(mercator::forward(LonLat{lon, at->lat})));
    }
    return out;
}

ScaleBar choose_scale_bar(const Camera& camera, double max_px) {
    const double metres_per_px = camera.ground_resolution();
    const double max_metres = max_px * metres_per_px;
    const double magnitude = std::pow(10.0, std::floor(std::log10(max_metres)));
    double metres = magnitude;
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= max_metres) {
            metres = step * magnitude;
            break;
        }
    char label[32];
    if (metres >= 1000)
        std::snprintf(label, sizeof label, "%g km", metres / 1000);
    else
        std::snprintf(label, sizeof label, "%g m", metres);
    // True at the centre only: said so where the ground scale down the middle of the view differs
    // from the centre's by more than a tenth (a world map, a high-latitude view).
    bool varies = false;
    const double w = camera.width(), h = camera.height();
    const auto centre = camera.screen_to_lonlat({w / 2, h / 2});
    for (int tenth = 0; tenth <= 10; ++tenth)  // down the middle of the view, where it shows the world
        if (const auto edge = camera.screen_to_lonlat({w / 2, h * tenth / 10}); edge && centre) {
            auto ground = [&](LonLat p) {
                return camera.is_mercator() ? 1 / std::cos(std::clamp(p.lat, -85.0, 85.0) * std::numbers::pi / 180)
                                            : 1 / camera.projection().ground_scale(p);
            };
            varies = varies || std::abs(ground(*edge) / ground(*centre) - 1) > 0.1;
        }
    return {metres, metres / metres_per_px, std::string(label) + (varies ? " at the centre" : "")};
}

std::string map_credits(bool gshhg, bool geonames, const std::vector<std::string>& more) {
    std::string out = "Map data: Natural Earth";
    if (gshhg) out += " \xC2\xB7 GSHHG";
    if (geonames) out += " \xC2\xB7 GeoNames (CC BY 4.0)";
    for (const std::string& credit : more) out += " \xC2\xB7 " + credit;
    return out;
}

}  // namespace storyplot
