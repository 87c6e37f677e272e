#pragma once
// A story's routes as meshes: each route's path projected and extruded, in its own colour or its
// mode's default.
#include <vector>

#include "core/mesh/map_layers.hpp"
#include "core/story/story.hpp"
#include "core/motion/story_motion.hpp"

namespace storyplot {

Color route_color(const Route& route);
// From the routes' geometry built once per story revision (`routes`, from the same story).
std::vector<RouteMeshes> build_route_meshes(const Story& story, const StoryMotion& routes);

}  // namespace storyplot
