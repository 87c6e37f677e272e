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

// A story's extent (lon/lat, story_lonlat_extent) framed in another projection with story_camera's
// margin, kept over the world's outline where the view is smaller than the world.
Camera story_camera_in(const Projection& projection, const Box& lonlat, int width, int height);

// The smallest lon/lat box holding `points`, longitudes taken round the world the short way: its
// west edge is where the widest gap between them ends, and its east edge may run past 180.
Box lonlat_extent(const std::vector<LonLat>& points);
// The lon/lat extent of what story_camera frames (to fit a projection other than Mercator to it).
Box story_lonlat_extent(const Story& story, const StoryMotion* routes = nullptr);

}  // namespace storyplot
