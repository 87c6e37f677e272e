#include "app/animate_command.hpp"

#include <malloc.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <set>

#include "app/render_command.hpp"
#include "core/motion/animation_span.hpp"
#include "core/files/input_error.hpp"
#include "core/geo/level_of_detail.hpp"
#include "core/geo/mercator.hpp"
#include "app/render_command.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_file.hpp"
#include "core/motion/story_motion.hpp"
#include "core/motion/tour.hpp"
#include "data/natural_earth.hpp"
#include "export/animation.hpp"
#include "data/gazetteer.hpp"
#include "render/headless_context.hpp"
#include "scene/frame_target.hpp"
#include "scene/map_scene.hpp"

namespace storyplot {

namespace {

double parse_time_option(const char* name, const std::string& text, int zone) {
    const auto t = parse_story_time(text, zone);
    if (!t) throw UsageError(std::string(name) + ": \"" + text + "\" is not an ISO 8601 time (e.g. 2019-04-24T12:00+10:00)");
    return static_cast<double>(t->utc_seconds);
}

}  // namespace

int run_animate(const AnimateOptions& o) {
    const auto format = animation_format_for(o.output);
    if (!format) throw UsageError("-o: \"" + o.output + "\" is not .gif, .mp4, .webm or a folder/ for PNG frames");
    if (o.fps < 1 || o.fps > 120) throw UsageError("--fps: between 1 and 120");
    if (!(o.seconds > 0) || o.seconds > 600) throw UsageError("--seconds: more than 0 and at most 600");
    const Story story = read_story_file(o.story);
    const StoryMotion motion(story);
    const int zone = story.timezone_minutes();
    const int w = o.size.width, h = o.size.height;

    // A tour: the chapters in turn, its length its own; otherwise what is animated
    // (core/motion/animation_span.hpp), or an explicit span.
    std::optional<Tour> tour;
    std::optional<double> from, to;
    Camera camera;
    // A camera that moves (a tour's, one following a vehicle) is worked out in Web Mercator and
    // shown in this projection frame by frame, as the window shows its view: the globe turned to
    // face it, or a flat projection fitted once to the whole story.
    std::optional<Projection> moving;
    if (o.tour) {
        if (o.route || o.chapter || o.from || o.to || o.bbox || o.follow || o.seconds_given)
            throw UsageError("--tour: the tour sets the views, times and length; leave out --route, --chapter, --from, --to, "
                             "--bbox, --follow and --seconds");
        tour.emplace(story, &motion, w, h);
        if (tour->empty()) throw UsageError("--tour: " + o.story + " has no chapters to tour");
        if (o.projection) moving = projection_named(o.projection, story_lonlat_extent(story, &motion), ProjectionKind::orthographic);
    } else {
        AnimationSpan span;
        try {
            span = choose_animation(story, motion, AnimationChoice{o.route, o.route ? std::nullopt : o.chapter, std::nullopt});
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string(o.route ? "--route: " : "--chapter: ") + e.what() + (o.route ? "" : " (give --from and --to)"));
        }
        from = span.from;
        to = span.to;
        camera = span.chapter ? chapter_camera(story, *span.chapter, w, h, &motion) : story_camera(story, w, h, &motion);
        if (o.from) from = parse_time_option("--from", *o.from, zone);
        if (o.to) to = parse_time_option("--to", *o.to, zone);
        if (!from || !to) throw UsageError("the story has no timed route: give --from and --to");
        if (!(*to > *from)) throw UsageError("--to must come after --from");
        if (!span.focus.empty()) {
            const Box box = focus_box(story, span.focus, &motion);
            if (!box.empty()) camera = fit_with_margin(box, w, h, 0.08);
        }
        if (o.bbox) camera = Camera::fit(mercator::forward(o.bbox->min_x, o.bbox->min_y, o.bbox->max_x, o.bbox->max_y), w, h);
        // As render: the whole story (nothing narrower asked for) in the projection chosen for it.
        const bool whole_story = !span.chapter && span.focus.empty() && !o.bbox && !o.follow;
        const Box content = whole_story ? story_lonlat_extent(story, &motion) : Box{};
        if (o.follow && o.projection) {
            moving = projection_named(o.projection, story_lonlat_extent(story, &motion), ProjectionKind::orthographic);
            camera = Camera::in_projection(camera, *moving);
        } else {
            camera = projected_camera(o.projection, whole_story, camera, whole_story ? &content : nullptr);
        }
    }
    const double seconds = tour ? tour->duration() : o.seconds;
    const int frames = static_cast<int>(std::lround(o.fps * seconds));
    if (frames < 1) throw UsageError("--fps x --seconds gives no frame");

    // The sink first: a bad path or a missing encoder fails before any drawing.
    std::unique_ptr<FrameSink> sink = open_frame_sink(o.output, *format, w, h, o.fps);

    auto frame_view = [&](int k) {
        FrameView view;
        if (tour) {
            // The tour's frame k at k / fps seconds, as the window presents it.
            const TourFrame f = tour->at(static_cast<double>(k) / o.fps);
            view.camera = moving ? Camera::in_projection(f.camera, *moving) : f.camera;
            view.time = f.time;
            if (f.card > 0) view.card = chapter_card(story, f.chapter, static_cast<float>(f.card));  // faded in after arrival
        } else {
            const double t = frame_time(*from, *to, k, frames);
            view.camera = camera;
            if (o.follow)
                if (const auto follow = motion.follow_camera(t, w, h)) view.camera = moving ? Camera::in_projection(*follow, *moving) : *follow;
            view.time = t;
        }
        view.scale = o.scale;
        view.trail = o.trail;
        view.decorations = o.decorations;
        return view;
    };

    // Only the detail levels some frame shows (and the inset's world): each costs its meshes' load
    // and their memory on the GPU.
    std::set<DetailLevel> levels;
    Box shown;  // every frame's view: the finer levels' chunks beyond it are never uploaded
    for (int k = 0; k < frames; ++k) {
        const Camera frame_camera = frame_view(k).camera;
        levels.insert(detail_for_resolution(frame_camera.resolution() / o.scale));  // as render picks
        shown.add(frame_camera.visible_box());
    }
    if (o.decorations.inset) levels.insert(DetailLevel::coarse_110m);
    const bool tty = !o.quiet && isatty(STDERR_FILENO);
    {  // The GL context, the scene and their memory go before a GIF's second run starts ffmpeg again.
        HeadlessContext gl;
        MapScene scene;
        // The coarse world is small, and the inset shows all of it; the others are never drawn for
        // a view wider than the frames' (BasemapMeshes::coverage).
        for (DetailLevel level : levels) {
            BasemapMeshes meshes = load_natural_earth(level, level == DetailLevel::coarse_110m ? nullptr : &shown);
            if (!o.water) meshes.drop_water();
            scene.set_basemap(std::move(meshes));
        }
        scene.set_context(std::make_shared<const ContextLabels>(o.context_labels ? load_context_labels(&shown) : ContextLabels{}));
        scene.set_story(&story);
        scene.state().local_names = o.local_names;
        scene.state().context_labels = o.context_labels;
        ImageTarget target;

        // A Ctrl+C or SIGTERM stops the program wherever it is (core/interrupt.hpp): ffmpeg is killed
        // and the temporary output removed by the handler.
        const auto start = std::chrono::steady_clock::now();
        for (int k = 0; k < frames; ++k) {
            const FrameView view = frame_view(k);
            target.reuse(sink->spare());
            sink->write(target.render(scene, view));
            if (tty) {
                const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                const double rate = (k + 1) / std::max(elapsed, 1e-6);
                char line[128];
                std::snprintf(line, sizeof line, "\rstoryplot: frame %d/%d  %.1f frames/s  %.0f s left   ", k + 1, frames, rate,
                              (frames - k - 1) / rate);
                std::cerr << line << std::flush;
            } else if (!o.quiet && (k == 0 || (k + 1) % std::max(1, frames / 10) == 0)) {
                // Not a terminal (a log, a pipe): a line for the first frame and every tenth of the way.
                // One write for the whole line: a signal never finds half a line to end.
                const std::string line = "storyplot: frame " + std::to_string(k + 1) + "/" + std::to_string(frames) + "\n";
                std::cerr << line << std::flush;
            }
        }
    }
    malloc_trim(0);  // and back to the system
    if (tty) std::cerr << "\n";
    sink->finish();
    if (!o.quiet) std::cout << "wrote " << o.output << " (" << frames << " frames, " << w << "x" << h << ", " << o.fps << " fps)\n";
    return 0;
}

}  // namespace storyplot
