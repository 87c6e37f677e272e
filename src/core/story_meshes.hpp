#pragma once
// A story's routes as meshes: each route's path projected and extruded, in its own colour or its
// mode's default.
#include <vector>

#include "core/map_layers.hpp"
#include "core/story.hpp"

namespace storyplot {

Color route_color(const Route& route);
std::vector<RouteMeshes> build_route_meshes(const Story& story);

}  // namespace storyplot
