#include "app/map_sources.hpp"

#include "app/cli_values.hpp"
#include "core/mercator.hpp"
#include "data/layer_meshes.hpp"
#include "data/vector_source.hpp"

namespace storyplot {

LoadedSource load_source(const std::string& path, std::size_t color_index) {
    const VectorSource source = load_vector_source(path);
    LoadedSource out;
    out.path = path;
    for (const auto& layer : source.layers) {
        out.layers.push_back(build_layer_meshes(layer, overlay_color(color_index + out.layers.size())));
        out.bounds.add(out.layers.back().bounds());
    }
    return out;
}

Camera initial_camera(const std::optional<Box>& lonlat_bbox, const std::optional<Box>& story_bounds, int width, int height) {
    if (lonlat_bbox)
        return Camera::fit(mercator::forward(lonlat_bbox->min_x, lonlat_bbox->min_y, lonlat_bbox->max_x, lonlat_bbox->max_y),
                           width, height);
    if (story_bounds && !story_bounds->empty()) {
        Box b = *story_bounds;
        // A margin so markers at the edge are not cut, and a minimum extent for a single place.
        const double margin = std::max({b.width() * 0.08, b.height() * 0.08, 20000.0});
        b = Box::of(b.min_x - margin, b.min_y - margin, b.max_x + margin, b.max_y + margin);
        return Camera::fit(b, width, height);
    }
    const Box region = story_region();
    return Camera::fit(mercator::forward(region.min_x, region.min_y, region.max_x, region.max_y), width, height);
}

}  // namespace storyplot
