#include "core/mesh/story_meshes.hpp"

#include "core/geo/mercator.hpp"
#include "core/motion/route_motion.hpp"

namespace storyplot {

Color route_color(const Route& route) {
    if (route.color) return *route.color;
    switch (route.mode) {
    case TravelMode::train: return *parse_hex_color("#b3261e");
    case TravelMode::car: return *parse_hex_color("#1f5f99");
    case TravelMode::plane: return *parse_hex_color("#5b3f99");
    case TravelMode::ship: return *parse_hex_color("#00707a");
    case TravelMode::walk: return *parse_hex_color("#6b4f1d");
    }
    return Color{};
}

std::vector<RouteMeshes> build_route_meshes(const Story& story, const StoryMotion& routes) {
    std::vector<RouteMeshes> out;
    for (const auto& route : story.routes) {
        MeshBuilder builder(route_line_vertex_floats, regional_cell);
        const RouteMotion* built = routes.motion(route.id);
        append_polyline(builder, mercator::project_path(built ? built->path() : route_geometry(story, route), true));
        out.push_back({route.id, builder.finish(), route_color(route), route.mode});
    }
    return out;
}

}  // namespace storyplot
