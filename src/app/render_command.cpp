#include "app/render_command.hpp"

#include <unistd.h>

#include <chrono>
#include <iostream>

#include "data/map_sources.hpp"
#include "data/view_source.hpp"
#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_file.hpp"
#include "data/gazetteer.hpp"
#include "data/image_file.hpp"
#include "data/natural_earth.hpp"
#include "data/projection_lookup.hpp"
#include "render/headless_context.hpp"
#include "scene/frame_target.hpp"
#include "scene/map_scene.hpp"

namespace storyplot {

namespace {
using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
}  // namespace

Projection projection_named(const std::optional<std::string>& name, const Box& lonlat, ProjectionKind world) {
    ProjectionChoice choice;
    choice.automatic = true;
    if (name) {
        std::string error;
        const auto looked_up = lookup_projection(*name, error);
        if (!looked_up) throw UsageError("--projection: " + error);
        choice = *looked_up;
    }
    return chosen_projection(choice, lonlat, world);
}

Camera projected_camera(const std::optional<std::string>& name, bool automatic, const Camera& framed, const Box* content) {
    if (!name && !automatic) return framed;
    const Box lonlat = content && !content->empty() ? *content : framed.visible_lonlat();
    const Projection projection = projection_named(name, lonlat, ProjectionKind::equal_earth);
    if (projection.is_mercator()) return framed;
    if (!content) return Camera::fit_lonlat(projection, lonlat, framed.width(), framed.height());
    return story_camera_in(projection, lonlat, framed.width(), framed.height());
}

void run_render(const RenderOptions& options) {
    const auto t_start = Clock::now();
    check_image_target(options.output);
    if (options.world_file && image_format_for(options.output) == ImageFormat::geotiff)
        throw UsageError("--world-file is for .png and .jpg: a GeoTIFF carries its georeferencing inside");

    std::optional<Story> story;
    if (options.story) story = read_story_file(*options.story);
    std::optional<double> clock;
    if (options.time) {
        if (!story) throw UsageError("--time needs a story");
        const auto t = parse_story_time(*options.time, story->timezone_minutes());
        if (!t) throw UsageError("--time: \"" + *options.time + "\" is not an ISO 8601 time (e.g. 2019-04-24T12:00+10:00)");
        clock = static_cast<double>(t->utc_seconds);
    }
    std::vector<LoadedSource> sources(options.basemaps.size());  // in the order given: the first drawn first
    std::optional<MapStyle> style;
    if (!options.basemaps.empty()) style = load_map_style(options.style);
    // Files read whole now; a database or a file too big for that, once the view is known.
    std::vector<std::unique_ptr<ViewSource>> by_view(options.basemaps.size());
    for (std::size_t i = 0; i < options.basemaps.size(); ++i) {
        const std::string& path = options.basemaps[i];
        if (reads_by_view(path)) {
            // A big OSM file is indexed once before its first read (said here: it takes a while).
            bool told = false;
            auto indexing = [&](double done) {
                if (options.quiet || told || done >= 1.0) return;
                std::cerr << "storyplot: " << path << ": indexing it once for reads by view (kept in the cache)…" << std::endl;
                told = true;
            };
            by_view[i] = std::make_unique<ViewSource>(path, options.layers, i, &*style, view_feature_budget, indexing);
            continue;
        }
        sources[i] = load_source(path, i, &*style, options.layers);
        for (const auto& note : sources[i].notes) std::cerr << "storyplot: " << note << "\n";
    }

    const int w = options.size.width, h = options.size.height;
    Camera camera = story ? story_camera(*story, w, h) : region_camera(w, h);
    if (options.chapter) {
        if (!story) throw UsageError("--chapter needs a story");
        const Chapter* chapter = story->chapter(*options.chapter);
        if (!chapter) throw UsageError("--chapter: the story has no chapter \"" + *options.chapter + "\"");
        camera = chapter_camera(*story, *chapter, w, h);
        if (!clock && chapter->time) clock = chapter->time->utc();
    }
    if (options.opening && story && !options.chapter && !story->chapters.empty())
        camera = chapter_camera(*story, story->chapters.front(), w, h);
    if (options.bbox)
        camera = Camera::fit(mercator::forward(options.bbox->min_x, options.bbox->min_y, options.bbox->max_x, options.bbox->max_y), w, h);
    // The whole story framed (no chapter, no box): another projection is fitted to what it holds.
    const bool whole_story = story && !options.bbox && !options.chapter && !(options.opening && !story->chapters.empty());
    const Box content = whole_story ? story_lonlat_extent(*story) : Box{};
    camera = projected_camera(options.projection, whole_story, camera, whole_story ? &content : nullptr);
    const double resolution = camera.resolution() / options.scale;
    // A still draws one view: the chunks beyond it are never read or uploaded (at 4K, the region's
    // 1:10m chunks are a tenth of the world's).
    const Box in_view = camera.visible_box();
    // Never drawn for a wider view (BasemapMeshes::coverage): the inset takes the coarse world. So
    // where the view's own level is 1:110m and an inset is drawn, that level is read whole.
    const DetailLevel level = options.detail.value_or(detail_for_resolution(resolution));
    const bool inset_world = options.decorations.inset;
    BasemapMeshes basemap = load_natural_earth(level, resolution, inset_world && level == DetailLevel::coarse_110m ? nullptr : &in_view);
    if (!options.water) basemap.drop_water();
    for (std::size_t i = 0; i < by_view.size(); ++i) {
        if (!by_view[i]) continue;
        sources[i] = by_view[i]->read(camera.visible_lonlat(), view_tolerance(resolution));
        for (const auto& note : sources[i].notes) std::cerr << "storyplot: " << note << "\n";
    }
    auto context = std::make_shared<const ContextLabels>(options.context_labels ? load_context_labels() : ContextLabels{});
    const double t_load = seconds_since(t_start);

    const auto t_gl = Clock::now();
    HeadlessContext gl_context;
    MapScene scene;
    scene.set_basemap(basemap);
    if (inset_world && level != DetailLevel::coarse_110m) {
        BasemapMeshes world = load_natural_earth(DetailLevel::coarse_110m);  // the inset's world
        if (!options.water) world.drop_water();
        scene.set_basemap(std::move(world));
    }
    for (const auto& source : sources) {
        for (const auto& layer : source.layers) scene.add_overlay(layer);
        scene.add_names(source.places, source.named_lines, source.credit);
    }
    scene.set_context(std::move(context));
    scene.set_story(story ? &*story : nullptr);
    scene.state().local_names = options.local_names;
    scene.state().context_labels = options.context_labels;

    ImageTarget target;
    const double t_setup = seconds_since(t_gl);
    const auto t_draw = Clock::now();
    FrameView view;
    view.camera = camera;
    view.time = clock;
    view.scale = options.scale;
    view.decorations = options.decorations;
    const bool show_progress = !options.quiet && isatty(STDERR_FILENO) && (w > target.tile_size() || h > target.tile_size());
    const Image image = target.render(scene, view, [&](int done, int total) {
        if (show_progress) std::cerr << "\rstoryplot: drawing tile " << done << "/" << total << std::flush;
        return true;
    });
    if (show_progress) std::cerr << "\n";
    const double t_drawn = seconds_since(t_draw);
    const auto t_encode = Clock::now();
    const std::string crs = camera.is_mercator() ? std::string() : camera.projection().proj_string();
    write_image(options.output, image, camera.projected_box(), crs);
    if (options.world_file) write_world_file(options.output, image, camera.projected_box(), crs);
    if (options.timings)
        std::cerr << "storyplot: timings: load " << t_load << " s, GL context and upload " << t_setup << " s, fonts, draw and read back " << t_drawn
                  << " s, encode and write " << seconds_since(t_encode) << " s, total " << seconds_since(t_start) << " s\n";
    if (!options.quiet) std::cout << "wrote " << options.output << " (" << image.width << "x" << image.height << ")\n";
}

}  // namespace storyplot
