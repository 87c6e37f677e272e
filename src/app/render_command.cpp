#include "app/render_command.hpp"

#include <iostream>

#include "app/map_sources.hpp"
#include "data/image_file.hpp"
#include "data/natural_earth.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "ui/map_decorations.hpp"

namespace storyplot {

void run_render(const RenderOptions& options) {
    check_image_target(options.output);

    std::vector<LoadedSource> sources;
    std::optional<Box> story_bounds;
    if (options.story) {
        sources.push_back(load_source(*options.story, 0));
        story_bounds = sources.back().bounds;
    }
    for (const auto& path : options.basemaps) sources.push_back(load_source(path, sources.size()));

    const Camera camera = initial_camera(options.bbox, story_bounds, options.size.width, options.size.height);
    const BasemapMeshes basemap = load_natural_earth(detail_for_resolution(camera.resolution()));

    HeadlessContext context;
    if (options.size.width > OffscreenTarget::max_size() || options.size.height > OffscreenTarget::max_size())
        throw UsageError("--size: this GL draws at most " + std::to_string(OffscreenTarget::max_size()) + " pixels a side");
    MapRenderer renderer;
    renderer.set_basemap(basemap);
    for (const auto& source : sources)
        for (const auto& layer : source.layers) renderer.add_overlay(layer);

    OffscreenTarget target(options.size.width, options.size.height);
    target.bind();
    renderer.draw(camera);
    draw_map_decorations(camera, 1.0f);
    const Image image = target.read();
    write_image(options.output, image, camera.visible_box());
    if (!options.quiet) std::cout << "wrote " << options.output << " (" << image.width << "x" << image.height << ")\n";
}

}  // namespace storyplot
