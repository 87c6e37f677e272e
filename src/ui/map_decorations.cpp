#include "ui/map_decorations.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>


namespace storyplot {

namespace {

const ImU32 ink = IM_COL32(40, 44, 52, 255);
const ImU32 halo = IM_COL32(255, 255, 255, 220);

void text_with_halo(ImDrawList& list, ImVec2 at, const char* text, float size) {
    ImFont* font = ImGui::GetFont();
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) list.AddText(font, size, ImVec2(at.x + static_cast<float>(dx), at.y + static_cast<float>(dy)), halo, text);
    list.AddText(font, size, at, ink, text);
}

}  // namespace

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
    return {metres, metres / metres_per_px, label};
}

std::vector<Box> decoration_boxes(const Camera& camera, float scale, float bottom_inset, const std::string& credits,
                                  float left_inset) {
    const double w = camera.width(), h = camera.height() - static_cast<double>(bottom_inset);
    const double text_size = 13.0 * scale, pad = 12.0 * scale;
    const ScaleBar bar = choose_scale_bar(camera, 140.0 * scale);
    const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(static_cast<float>(text_size), 1e9f, 0.0f, credits.c_str());
    return {Box::of(left_inset, h - pad - 5 * scale - text_size - 4 * scale, left_inset + pad + bar.pixels + 8 * scale, h),
            Box::of(w - pad - extent.x - 4, h - pad - extent.y - 4, w, h)};
}

std::string map_credits(bool geonames) {
    return geonames ? "Map data: Natural Earth \xC2\xB7 GeoNames (CC BY 4.0)" : "Map data: Natural Earth";
}

void add_map_decorations(ImDrawList& list, const Camera& camera, float scale, float bottom_inset, const std::string& credits,
                         float left_inset) {
    const float w = static_cast<float>(camera.width());
    const float h = static_cast<float>(camera.height()) - bottom_inset;
    const float pad = 12.0f * scale;
    const float text_size = 13.0f * scale;

    // Scale bar, bottom left: a bar with end ticks and its length above it.
    const ScaleBar bar = choose_scale_bar(camera, 140.0 * scale);
    const float x0 = left_inset + pad;
    const float x1 = x0 + static_cast<float>(bar.pixels);
    const float y = h - pad;
    const float tick = 5.0f * scale;
    for (float width : {4.0f * scale, 1.5f * scale}) {
        const ImU32 colour = width > 2.0f * scale ? halo : ink;
        list.AddLine(ImVec2(x0, y), ImVec2(x1, y), colour, width);
        list.AddLine(ImVec2(x0, y), ImVec2(x0, y - tick), colour, width);
        list.AddLine(ImVec2(x1, y), ImVec2(x1, y - tick), colour, width);
    }
    text_with_halo(list, ImVec2(x0 + 2 * scale, y - tick - text_size - 1 * scale), bar.label.c_str(), text_size);

    // Credits, bottom right.
    const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(text_size, 1e9f, 0.0f, credits.c_str());
    text_with_halo(list, ImVec2(w - pad - extent.x, h - pad - extent.y), credits.c_str(), text_size);
}

}  // namespace storyplot
