#include "core/story/story_camera.hpp"

#include <algorithm>
#include <cmath>

#include "core/geo/mercator.hpp"
#include "core/motion/story_motion.hpp"

namespace storyplot {

namespace {

// Adds a route's path to `box`: the one built when `routes` holds it, else derived.
void add_route(Box& box, const Story& story, const Route& route, const StoryMotion* routes) {
    if (const RouteMotion* built = routes ? routes->motion(route.id) : nullptr) {
        for (LonLat p : built->path()) box.add(mercator::forward(p));
        return;
    }
    for (LonLat p : route_geometry(story, route)) box.add(mercator::forward(p));
}

}  // namespace

double resolution_for_zoom(double zoom) { return mercator::world_width / (256.0 * std::pow(2.0, zoom)); }
double zoom_for_resolution(double resolution) { return std::log2(mercator::world_width / (256.0 * resolution)); }

Box focus_box(const Story& story, const std::vector<std::string>& ids, const StoryMotion* routes) {
    Box box;
    for (const auto& id : ids) {
        if (const Place* p = story.place(id)) box.add(mercator::forward(p->position));
        if (const Route* r = story.route(id)) add_route(box, story, *r, routes);
    }
    return box;
}

Camera fit_with_margin(const Box& box, int width, int height, double margin, double min_metres) {
    const double pad_x = std::max(box.width() * margin, (min_metres - box.width()) / 2);
    const double pad_y = std::max(box.height() * margin, (min_metres - box.height()) / 2);
    return Camera::fit(Box::of(box.min_x - pad_x, box.min_y - pad_y, box.max_x + pad_x, box.max_y + pad_y), width, height);
}

Camera chapter_camera(const Story& story, const Chapter& chapter, int width, int height, const StoryMotion* routes) {
    const Box box = focus_box(story, chapter.focus, routes);
    if (chapter.center && chapter.zoom) return Camera(mercator::forward(*chapter.center), resolution_for_zoom(*chapter.zoom), width, height);
    if (box.empty()) return story_camera(story, width, height, routes);
    if (chapter.zoom) return Camera(box.center(), resolution_for_zoom(*chapter.zoom), width, height);
    const Camera fitted = fit_with_margin(box, width, height);
    if (chapter.center) return Camera(mercator::forward(*chapter.center), fitted.resolution(), width, height);
    return fitted;
}

Camera region_camera(int width, int height) {
    const Box r = story_region();
    return Camera::fit(mercator::forward(r.min_x, r.min_y, r.max_x, r.max_y), width, height);
}

Camera story_camera(const Story& story, int width, int height, const StoryMotion* routes) {
    // A country's or region's point (as an article's draft gives it: "the U.S." in a story about Vladivostok)
    // says where the country is, not where the story happens: framed only when nothing else is.
    // Longitudes the short way round: a story across the Pacific is framed across the antimeridian.
    const Box lonlat = story_lonlat_extent(story, routes);
    if (lonlat.empty()) return region_camera(width, height);
    return fit_with_margin(mercator::forward(lonlat.min_x, lonlat.min_y, lonlat.max_x, lonlat.max_y), width, height, 0.06);
}

Camera story_camera_in(const Projection& projection, const Box& lonlat, int width, int height) {
    const Camera fitted = Camera::fit_lonlat(projection, lonlat, width, height);
    // The margin story_camera gives in Mercator; the view moved (not widened) to show as little paper
    // beyond the world's outline as that margin allows.
    const double res = fitted.projected_resolution() * 1.12;
    Vec2 centre = fitted.projected_center();
    const double half_w = fitted.width() * res / 2, half_h = fitted.height() * res / 2;
    const Box world = projected_bounds(projection, Box::of(-180, -90, 180, 90));
    const Box map = world.empty() ? world : Box::of(world.min_x - 0.1 * half_w, world.min_y - 0.1 * half_h, world.max_x + 0.1 * half_w, world.max_y + 0.1 * half_h);
    if (!map.empty() && 2 * half_w < map.width()) centre.x = std::clamp(centre.x, map.min_x + half_w, map.max_x - half_w);
    if (!map.empty() && 2 * half_h < map.height()) centre.y = std::clamp(centre.y, map.min_y + half_h, map.max_y - half_h);
    return Camera::projected(projection, centre, res, fitted.width(), fitted.height());
}

Box lonlat_extent(const std::vector<LonLat>& points) {
    if (points.empty()) return {};
    std::vector<double> lons;
    Box box;
    for (LonLat p : points) {
        lons.push_back(std::remainder(p.lon, 360.0));
        box.add(Vec2{p.lon, p.lat});
    }
    std::sort(lons.begin(), lons.end());
    // The widest gap between neighbouring longitudes, round the world, is where the extent is not.
    double gap = lons.front() + 360 - lons.back(), west = lons.front();
    for (std::size_t i = 1; i < lons.size(); ++i)
        if (lons[i] - lons[i - 1] > gap) {
            gap = lons[i] - lons[i - 1];
            west = lons[i];
        }
    const double span = 360 - gap;
    return Box::of(west, box.min_y, west + span, box.max_y);
}

Box story_lonlat_extent(const Story& story, const StoryMotion* routes) {
    std::vector<LonLat> points;
    for (const auto& p : story.places)
        if (p.category != "country" && p.category != "region") points.push_back(p.position);
    for (const auto& r : story.routes) {
        if (const RouteMotion* built = routes ? routes->motion(r.id) : nullptr) {
            points.insert(points.end(), built->path().begin(), built->path().end());
        } else {
            const auto path = route_geometry(story, r);
            points.insert(points.end(), path.begin(), path.end());
        }
    }
    if (points.empty())
        for (const auto& p : story.places) points.push_back(p.position);
    return lonlat_extent(points);
}

}  // namespace storyplot
