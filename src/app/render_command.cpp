#include "app/render_command.hpp"

#include <iostream>

#include "app/map_sources.hpp"
#include "core/mercator.hpp"
#include "core/story_camera.hpp"
#include "core/story_file.hpp"
#include "core/story_clock.hpp"
#include "core/story_meshes.hpp"
#include "core/story_motion.hpp"
#include "data/gazetteer.hpp"
#include "data/image_file.hpp"
#include "data/natural_earth.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "ui/headless_overlay.hpp"

namespace storyplot {

ContextLabels load_context_labels() {
    ContextLabels context;
    context.countries = load_country_labels();
    context.towns = load_towns(gazetteer_path(), 1000);
    return context;
}

void run_render(const RenderOptions& options) {
    check_image_target(options.output);

    std::optional<Story> story;
    if (options.story) story = read_story_file(*options.story);
    std::optional<double> clock;
    if (options.time) {
        if (!story) throw UsageError("--time needs a story");
        const auto t = parse_story_time(*options.time, story->timezone_minutes());
        if (!t) throw UsageError("--time: \"" + *options.time + "\" is not an ISO 8601 time (e.g. 2019-04-24T12:00+10:00)");
        clock = static_cast<double>(t->utc_seconds);
    }
    std::vector<LoadedSource> sources;
    for (const auto& path : options.basemaps) sources.push_back(load_source(path, sources.size()));

    const int w = options.size.width, h = options.size.height;
    Camera camera = story ? story_camera(*story, w, h) : initial_camera(std::nullopt, std::nullopt, w, h);
    if (options.bbox)
        camera = Camera::fit(mercator::forward(options.bbox->min_x, options.bbox->min_y, options.bbox->max_x, options.bbox->max_y), w, h);
    const BasemapMeshes basemap = load_natural_earth(detail_for_resolution(camera.resolution()));
    const ContextLabels context = options.context_labels ? load_context_labels() : ContextLabels{};

    HeadlessContext gl_context;
    if (w > OffscreenTarget::max_size() || h > OffscreenTarget::max_size())
        throw UsageError("--size: this GL draws at most " + std::to_string(OffscreenTarget::max_size()) + " pixels a side");
    MapRenderer renderer;
    renderer.set_basemap(basemap);
    for (const auto& source : sources)
        for (const auto& layer : source.layers) renderer.add_overlay(layer);
    std::optional<StoryMotion> motion;
    if (story) {
        renderer.set_routes(build_route_meshes(*story));
        if (clock) motion.emplace(*story);
    }
    std::vector<RouteAt> moving;
    if (motion) {
        moving = motion->at(*clock);
        for (auto& layer : renderer.routes())
            for (const auto& r : moving)
                if (r.route->id == layer.id) layer.progress_m = r.projected_m;
    }

    OffscreenTarget target(w, h);
    target.bind();
    renderer.draw(camera);
    HeadlessOverlay overlay;
    overlay.story = story ? &*story : nullptr;
    overlay.context = &context;
    overlay.options.local_names = options.local_names;
    overlay.options.context_labels = options.context_labels;
    overlay.options.motion = moving;
    if (story) {
        const StoryClock story_clock(*story);
        overlay.options.format_time = [story_clock](double t) { return story_clock.format(t, false); };
        if (clock) overlay.options.clock_text = story_clock.format(*clock) + " " + story_clock.zone_name();
    }
    draw_headless_overlay(camera, overlay);
    const Image image = target.read();
    write_image(options.output, image, camera.visible_box());
    if (!options.quiet) std::cout << "wrote " << options.output << " (" << image.width << "x" << image.height << ")\n";
}

}  // namespace storyplot
