#include "ui/export_decorations.hpp"

#include <imgui.h>

#include <cmath>

#include "core/geo/mercator.hpp"
#include "ui/fonts.hpp"
#include "ui/story_overlay.hpp"
#include "ui/text_shaping.hpp"

namespace storyplot {

namespace {

const ImU32 ink = IM_COL32(33, 37, 41, 255);
const ImU32 paper = IM_COL32(255, 255, 255, 232);

ImU32 rgba(Color c) {
    return IM_COL32(static_cast<int>(c.r * 255), static_cast<int>(c.g * 255), static_cast<int>(c.b * 255), 255);
}

ImVec2 text_size(ImFont* font, const std::string& logical, float wrap = FLT_MAX) {
    const std::string_view text = visual_text(logical);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.data(), text.data() + text.size());
}

// Text drawn in visual order (ui/text_shaping.hpp): right-to-left names read right.
void draw_text(ImDrawList& list, ImFont* font, float size, ImVec2 at, ImU32 colour, const std::string& logical, float wrap = 0.0f) {
    const std::string_view text = visual_text(logical);
    list.AddText(font, size, at, colour, text.data(), text.data() + text.size(), wrap);
}

}  // namespace

void add_export_decorations(ImDrawList& list, const Camera& camera, float scale, const ExportDecorations& d,
                            const DecorationLayout& layout) {
    const UiFonts& f = fonts();
    const float pad = 8.0f * scale;
    auto im = [](double x, double y) { return ImVec2(static_cast<float>(x), static_cast<float>(y)); };

    if (!layout.title.empty()) {
        const Box& b = layout.title;
        list.AddRectFilled(im(b.min_x, b.min_y), im(b.max_x, b.max_y), paper, 4 * scale);
        const float wrap = static_cast<float>(b.width()) - 2 * pad + 1;
        draw_text(list, f.label_bold, f.label_bold->FontSize, im(b.min_x + pad, b.min_y + pad), ink, d.title, wrap);
        if (!d.date.empty()) {
            const ImVec2 t = text_size(f.label_bold, d.title, wrap);
            list.AddText(f.label, f.label->FontSize, im(b.min_x + pad, b.min_y + pad + t.y + 2 * scale), IM_COL32(90, 90, 100, 255),
                         d.date.c_str(), nullptr, wrap);
        }
    }
    if (!layout.legend.empty()) {
        const Box& b = layout.legend;
        list.AddRectFilled(im(b.min_x, b.min_y), im(b.max_x, b.max_y), paper, 4 * scale);
        float y = static_cast<float>(b.min_y) + pad;
        for (const auto& e : d.legend) {
            const ImVec2 s = text_size(f.label, e.name, static_cast<float>(b.width()) - 40 * scale);
            const float cy = y + f.label->FontSize / 2 + 1;
            const float x0 = static_cast<float>(b.min_x) + pad, x1 = x0 + 24 * scale;
            list.AddLine(ImVec2(x0, cy), ImVec2(x1, cy), IM_COL32(255, 255, 255, 255), 6 * scale);
            if (e.mode == TravelMode::plane || e.mode == TravelMode::ship || e.mode == TravelMode::walk) {
                const float dash = e.mode == TravelMode::plane ? 7 * scale : 3 * scale;
                for (float x = x0; x < x1; x += dash * 2) list.AddLine(ImVec2(x, cy), ImVec2(std::min(x + dash, x1), cy), rgba(e.color), 3 * scale);
            } else {
                list.AddLine(ImVec2(x0, cy), ImVec2(x1, cy), rgba(e.color), 3.5f * scale);
                if (e.mode == TravelMode::train)
                    for (float x = x0 + 3 * scale; x < x1 - 3 * scale; x += 8 * scale)
                        list.AddLine(ImVec2(x, cy), ImVec2(x + 4 * scale, cy), IM_COL32(255, 255, 255, 240), 1.2f * scale);
            }
            draw_text(list, f.label, f.label->FontSize, ImVec2(x1 + 8 * scale, y), ink, e.name,
                         static_cast<float>(b.width()) - 40 * scale);
            y += s.y + 4 * scale;
        }
    }
    if (!layout.inset.empty()) {
        // The map itself was drawn into the box by the renderer; here its frame and the main view.
        const Box& b = layout.inset;
        const std::vector<Vec2> outline = inset_view_outline(camera, inset_camera(camera, b));
        Box extent;
        for (Vec2 p : outline) extent.add(p);
        list.PushClipRect(im(b.min_x, b.min_y), im(b.max_x, b.max_y), true);
        if (!outline.empty() && extent.width() < 4 * scale) {
            const Vec2 m = extent.center() + Vec2{b.min_x, b.min_y};
            list.AddCircle(im(m.x, m.y), 5 * scale, IM_COL32(179, 38, 30, 255), 16, 2 * scale);
        } else if (outline.size() >= 3) {
            std::vector<ImVec2> points;
            for (Vec2 p : outline) points.push_back(im(p.x + b.min_x, p.y + b.min_y));
            list.AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(179, 38, 30, 255), ImDrawFlags_Closed, 2 * scale);
        }
        list.PopClipRect();
        list.AddRect(im(b.min_x - 1, b.min_y - 1), im(b.max_x + 1, b.max_y + 1), IM_COL32(255, 255, 255, 255), 0, 0, 3 * scale);
        list.AddRect(im(b.min_x - 2.5 * scale, b.min_y - 2.5 * scale), im(b.max_x + 2.5 * scale, b.max_y + 2.5 * scale), IM_COL32(120, 120, 130, 255), 0,
                     0, 1 * scale);
    }
    if (!layout.scale_bar.empty()) {
        const Box& b = layout.scale_bar;
        list.AddRectFilled(im(b.min_x, b.min_y), im(b.max_x, b.max_y), paper, 4 * scale);
        const ScaleBar bar = choose_scale_bar(camera, 140.0 * scale);
        const float x0 = static_cast<float>(b.min_x) + pad, x1 = x0 + static_cast<float>(bar.pixels);
        const float y = static_cast<float>(b.max_y) - pad;
        const float tick = 5.0f * scale;
        list.AddLine(ImVec2(x0, y), ImVec2(x1, y), ink, 1.5f * scale);
        list.AddLine(ImVec2(x0, y), ImVec2(x0, y - tick), ink, 1.5f * scale);
        list.AddLine(ImVec2(x1, y), ImVec2(x1, y - tick), ink, 1.5f * scale);
        draw_text(list, f.label, f.label->FontSize, ImVec2(x0 + 2 * scale, y - tick - f.label->FontSize - 1 * scale), ink, bar.label);
    }
    if (!layout.credits.empty()) {
        const Box& b = layout.credits;
        list.AddRectFilled(im(b.min_x, b.min_y), im(b.max_x, b.max_y), paper, 3 * scale);
        draw_text(list, f.label, f.label->FontSize, im(b.min_x + pad, b.min_y + pad / 2), IM_COL32(70, 70, 80, 255), d.credits,
                  static_cast<float>(b.width()) - 2 * pad + 1);  // as laid out
    }
    if (!layout.card.empty() && d.card) {
        const Box& b = layout.card;
        const auto alpha = [&](int a) { return static_cast<int>(static_cast<float>(a) * d.card->opacity); };
        list.AddRectFilled(im(b.min_x, b.min_y), im(b.max_x, b.max_y), IM_COL32(255, 255, 255, alpha(240)), 6 * scale);
        list.AddRectFilled(im(b.min_x, b.min_y), im(b.min_x + 5 * scale, b.max_y), IM_COL32(179, 38, 30, alpha(255)), 6 * scale,
                           ImDrawFlags_RoundCornersLeft);
        const Vec2 o{b.min_x, b.min_y};
        if (!d.card->counter.empty())
            draw_text(list, f.label, f.label->FontSize, im(o.x + layout.card_counter_at.x, o.y + layout.card_counter_at.y),
                         IM_COL32(110, 110, 120, alpha(255)), d.card->counter);
        if (!d.card->title.empty())
            draw_text(list, f.card_title, f.card_title->FontSize, im(o.x + layout.card_title_at.x, o.y + layout.card_title_at.y),
                         IM_COL32(33, 37, 41, alpha(255)), d.card->title, layout.card_wrap);
        for (const auto& piece : layout.card_text.pieces) {
            ImFont* font = font_for(piece.style);
            draw_text(list, font, font->FontSize, im(o.x + layout.card_text_at.x + piece.at.x, o.y + layout.card_text_at.y + piece.at.y),
                         IM_COL32(33, 37, 41, alpha(255)), piece.text);
        }
    }
    // North arrow: Web Mercator keeps north straight up everywhere, so there is none to draw.
}

}  // namespace storyplot
