#include "core/story_camera.hpp"

#include <cmath>

#include "core/mercator.hpp"
#include "core/route_motion.hpp"

namespace storyplot {

double resolution_for_zoom(double zoom) { return mercator::world_width / (256.0 * std::pow(2.0, zoom)); }
double zoom_for_resolution(double resolution) { return std::log2(mercator::world_width / (256.0 * resolution)); }

Box focus_box(const Story& story, const std::vector<std::string>& ids) {
    Box box;
    for (const auto& id : ids) {
        if (const Place* p = story.place(id)) box.add(mercator::forward(p->position));
        if (const Route* r = story.route(id))
            for (LonLat p : route_geometry(story, *r)) box.add(mercator::forward(p));
    }
    return box;
}

Camera fit_with_margin(const Box& box, int width, int height, double margin, double min_metres) {
    const double pad_x = std::max(box.width() * margin, (min_metres - box.width()) / 2);
    const double pad_y = std::max(box.height() * margin, (min_metres - box.height()) / 2);
    return Camera::fit(Box::of(box.min_x - pad_x, box.min_y - pad_y, box.max_x + pad_x, box.max_y + pad_y), width, height);
}

Camera chapter_camera(const Story& story, const Chapter& chapter, int width, int height) {
    const Box box = focus_box(story, chapter.focus);
    if (box.empty()) return story_camera(story, width, height);
    if (chapter.zoom) return Camera(box.center(), resolution_for_zoom(*chapter.zoom), width, height);
    return fit_with_margin(box, width, height);
}

Camera region_camera(int width, int height) {
    const Box r = story_region();
    return Camera::fit(mercator::forward(r.min_x, r.min_y, r.max_x, r.max_y), width, height);
}

Camera story_camera(const Story& story, int width, int height) {
    Box box;
    for (const auto& p : story.places) box.add(mercator::forward(p.position));
    for (const auto& r : story.routes)
        for (LonLat p : route_geometry(story, r)) box.add(mercator::forward(p));
    if (box.empty()) return region_camera(width, height);
    return fit_with_margin(box, width, height, 0.06);
}

}  // namespace storyplot
