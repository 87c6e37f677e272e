#include "ui/story_overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "ui/fonts.hpp"
#include "ui/overlay_sprites.hpp"
#include "ui/text_shaping.hpp"

namespace storyplot {

namespace {

ImU32 im(Rgba8 c) { return IM_COL32(c.r, c.g, c.b, c.a); }
ImVec2 im(Vec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

const ImU32 white = IM_COL32(255, 255, 255, 255);

// A marker shape by category, filled, with a white outline so it reads on land and sea alike.
void draw_marker(ImDrawList& list, MarkerShape shape, ImVec2 c, float r, ImU32 fill, ImU32 ring) {
    if (shape == MarkerShape::station) {
        list.AddRectFilled(ImVec2(c.x - r - 1.5f, c.y - r - 1.5f), ImVec2(c.x + r + 1.5f, c.y + r + 1.5f), white);
        list.AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill);
        list.AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), ring, 0, 0, 1.5f);
    } else if (shape == MarkerShape::border) {
        const float o = r + 2.0f;
        list.AddQuadFilled(ImVec2(c.x, c.y - o - 1), ImVec2(c.x + o + 1, c.y), ImVec2(c.x, c.y + o + 1), ImVec2(c.x - o - 1, c.y), white);
        list.AddQuadFilled(ImVec2(c.x, c.y - o), ImVec2(c.x + o, c.y), ImVec2(c.x, c.y + o), ImVec2(c.x - o, c.y), fill);
        list.AddQuad(ImVec2(c.x, c.y - o), ImVec2(c.x + o, c.y), ImVec2(c.x, c.y + o), ImVec2(c.x - o, c.y), ring, 1.5f);
    } else if (shape == MarkerShape::venue) {
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
    } else if (shape == MarkerShape::country) {
        // A country is an area, not a point: an open ring where its name is, no pin.
        list.AddCircle(c, r + 2.5f, white, 24, 3.5f);
        list.AddCircle(c, r + 2.5f, fill, 24, 1.5f);
    } else if (shape == MarkerShape::capital) {
        list.AddCircleFilled(c, r + 3.5f, white, 24);
        list.AddCircle(c, r + 2.5f, fill, 24, 1.5f);
        list.AddCircleFilled(c, r * 0.75f, fill, 20);
    } else {
        list.AddCircleFilled(c, r + 1.5f, white, 20);
        list.AddCircleFilled(c, r, fill, 20);
        list.AddCircle(c, r, ring, 20, 1.0f);
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

}  // namespace

ImFont* font_for(TextStyle style) {
    const UiFonts& f = fonts();
    switch (style) {
    case TextStyle::label_bold: return f.label_bold;
    case TextStyle::italic: return f.italic;
    case TextStyle::card: return f.card;
    case TextStyle::card_bold: return f.card_bold;
    case TextStyle::card_italic: return f.card_italic;
    case TextStyle::card_title: return f.card_title;
    case TextStyle::label: break;
    }
    return f.label;
}

Vec2 ImGuiTextMeasure::size(TextStyle style, std::string_view logical, float wrap_width) const {
    ImFont* font = font_for(style);
    const std::string_view text = visual_text(logical);
    const ImVec2 s = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width, text.data(), text.data() + text.size());
    return {s.x, s.y};
}

float ImGuiTextMeasure::font_size(TextStyle style) const { return font_for(style)->FontSize; }

void paint_overlay(ImDrawList& list, const OverlayPlan& plan) {
    const float scale = plan.scale;
    for (const auto& o : plan.outlines) {
        // A broad soft band along the border, in the place's colour (lit: the highlight's, stronger):
        // the outline is the context's simplified one, so it glows along the basemap's border rather
        // than redrawing it.
        const Rgba8 c = o.lit ? overlay_ink::highlight : o.colour;
        const ImU32 colour = IM_COL32(c.r, c.g, c.b, o.lit ? 150 : 80);
        for (const auto& line : o.lines) {
            std::vector<ImVec2> points;
            for (const Vec2 p : line) points.push_back(im(p));
            list.AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, 7.0f * scale);
        }
    }
    std::vector<ImVec2> dots;
    dots.reserve(plan.town_dots.size());
    for (const Vec2 px : plan.town_dots) dots.push_back(im(px));
    draw_dots(list, dots, 2.6f * scale, 1.8f * scale, im(overlay_ink::town));
    for (const auto& a : plan.arrows) {
        list.AddTriangleFilled(im(a.tip), im(a.left), im(a.right), im(a.colour));
        list.AddTriangle(im(a.tip), im(a.left), im(a.right), white, 1.2f);
    }
    std::vector<HaloText> labels;
    labels.reserve(plan.labels.size());
    for (const auto& l : plan.labels)
        labels.push_back({font_for(l.style), im(l.at), im(l.colour), std::string(visual_text(l.text)), static_cast<float>(l.angle)});
    draw_texts_with_halos(list, labels);
    for (const auto& m : plan.markers) {
        if (m.selected) list.AddCircleFilled(im(m.px), m.radius + 7 * scale, IM_COL32(255, 196, 0, 110), 24);
        draw_marker(list, m.shape, im(m.px), m.radius, im(m.fill), im(m.ring));
    }
    for (const auto& v : plan.vehicles) draw_vehicle(list, v.mode, im(v.px), v.heading, im(v.colour), scale);
    if (plan.ruler) {
        std::vector<ImVec2> points;
        for (const Vec2 p : plan.ruler->px) points.push_back(im(p));
        list.AddPolyline(points.data(), static_cast<int>(points.size()), white, 0, 4.5f * scale);
        list.AddPolyline(points.data(), static_cast<int>(points.size()), im(overlay_ink::text), 0, 2.0f * scale);
        for (const ImVec2 p : points) {
            list.AddCircleFilled(p, 4.5f * scale, white, 12);
            list.AddCircleFilled(p, 3.0f * scale, im(overlay_ink::text), 12);
        }
        draw_texts_with_halos(list, {{font_for(TextStyle::label_bold), im(plan.ruler->text_at), im(overlay_ink::text), std::string(visual_text(plan.ruler->text))}});
    }
    for (const auto& c : plan.captions) {
        ImFont* font = font_for(c.style);
        const float pad = 8.0f * scale;
        const float dot_w = c.dot ? 14.0f * scale : 0.0f;
        const ImVec2 a = im(Vec2{c.box.min_x, c.box.min_y}), b = im(Vec2{c.box.max_x, c.box.max_y});
        list.AddRectFilled(a, b, IM_COL32(255, 255, 255, 230), 4.0f * scale);
        if (c.dot) list.AddCircleFilled(ImVec2(a.x + pad + 5 * scale, a.y + pad / 2 + font->FontSize / 2), 5.0f * scale, im(*c.dot), 16);
        const std::string_view text = visual_text(c.text);
        list.AddText(font, font->FontSize, ImVec2(a.x + pad + dot_w, a.y + pad / 2), im(overlay_ink::text), text.data(), text.data() + text.size(),
                     c.wrap);
    }
}

}  // namespace storyplot
