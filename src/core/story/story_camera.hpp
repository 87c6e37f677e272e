#pragma once
// Where the camera goes for a story, a chapter or a place.
#include "core/geo/camera.hpp"
#include "core/story/story.hpp"

namespace storyplot {

class StoryMotion;

// Web map zoom levels: at zoom z the world is 256 * 2^z pixels wide.
double resolution_for_zoom(double zoom);
double zoom_for_resolution(double resolution);

// The box (projected metres) of some of the story's places and routes, by id.
// `routes`: the routes' geometry when the caller holds it (built once per revision); without it
// each route's is derived again.
Box focus_box(const Story& story, const std::vector<std::string>& ids, const StoryMotion* routes = nullptr);

// Fits `box` with a margin of `margin` (a fraction of its size, at least `min_metres` wide).
Camera fit_with_margin(const Box& box, int width, int height, double margin = 0.1, double min_metres = 20000);

// A chapter's view: its focus framed, at its zoom when it gives one (centred on the focus).
Camera chapter_camera(const Story& story, const Chapter& chapter, int width, int height, const StoryMotion* routes = nullptr);

// The story region the map opens on before a story says otherwise (lon/lat), and its camera.
inline Box story_region() { return Box::of(124.0, 37.0, 136.0, 46.0); }
Camera region_camera(int width, int height);

// The whole story: every place and route (the region when it has none).
Camera story_camera(const Story& story, int width, int height, const StoryMotion* routes = nullptr);

}  // namespace storyplot
