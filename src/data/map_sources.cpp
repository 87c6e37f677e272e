#include "data/map_sources.hpp"

#include <algorithm>
#include <cstdio>

#include "reader/data_paths.hpp"
#include "data/layer_meshes.hpp"

namespace storyplot {

LoadedSource load_source(const std::string& path, std::size_t color_index, const MapStyle* style, const std::vector<std::string>& only_layers) {
    return loaded_source(load_vector_source(path, style, only_layers), color_index, style);
}

LoadedSource loaded_source(VectorSource source, std::size_t color_index, const MapStyle* style, double tolerance) {
    // Read for a view: chunks of 512 pixels, so that a frame draws only those it shows of what was
    // read around it; else the regional chunks of 1,000 km.
    const double cell = tolerance > 0 ? std::min(regional_cell, 1024 * tolerance) : regional_cell;
    const std::string& path = source.path;
    LoadedSource out;
    out.path = path;
    out.places = std::move(source.places);
    out.named_lines = std::move(source.named_lines);
    if (source.driver == "OSM") out.credit = osm_credit;
    std::size_t unstyled = 0;
    for (auto& layer : source.layers) {
        out.features += layer.feature_count();
        if (layer.style_rule < 0) {
            out.layers.push_back(build_layer_meshes(layer, overlay_color(color_index + unstyled++), cell, false, tolerance));
        } else {
            const LayerPaint& paint = style->rules[static_cast<std::size_t>(layer.style_rule)].paint;
            const Color swatch = paint.fill ? *paint.fill : !paint.strokes.empty() ? paint.strokes.back().color : paint.point.value_or(Color{});
            const bool dashed = std::any_of(paint.strokes.begin(), paint.strokes.end(), [](const LinePaint& p) { return p.dash_on > 0; });
            out.layers.push_back(build_layer_meshes(layer, Color{swatch.r, swatch.g, swatch.b, 1}, cell, dashed, tolerance));
            out.layers.back().paint = paint;
        }
        out.bounds.add(out.layers.back().bounds());
        const auto& tangled = out.layers.back().tangled;
        if (!tangled.empty()) {
            const TangledPolygon& t = tangled.front();
            char crossings[32];
            std::snprintf(crossings, sizeof crossings, "%.2g", t.crossings);
            out.notes.push_back(path + ": layer " + layer.name + ": polygon " + std::to_string(t.index + 1) + " (" + std::to_string(t.vertices) +
                                " vertices) crosses itself about " + crossings + " times, too tangled to fill: not drawn" +
                                (tangled.size() > 1 ? " (and " + std::to_string(tangled.size() - 1) + " more such polygons)" : ""));
        }
        layer = VectorLayer{};  // its geometry goes once meshed: a big read never holds both whole
    }
    return out;
}

MapStyle load_map_style(const std::string& path) {
    return read_map_style(path.empty() ? (data_root() / "assets" / "styles" / "osm.json").string() : path);
}

}  // namespace storyplot
