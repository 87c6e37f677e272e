#include "app/map_window.hpp"

#include <epoxy/gl.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "reader/extract_command.hpp"
#include "data/map_sources.hpp"
#include "app/render_command.hpp"
#include "core/geoparse/geoparser.hpp"
#include "core/motion/animation_span.hpp"
#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_file.hpp"
#include "core/mesh/story_meshes.hpp"
#include "data/image_file.hpp"
#include "data/natural_earth.hpp"
#include "core/labels/map_decorations.hpp"
#include "ui/status_bar.hpp"
#include "ui/timeline_panel.hpp"

namespace storyplot {

void MapWindow::start_export(const ExportRequest& request) {
    try {
        auto job = std::make_unique<ExportJob>();
        job->request = request;
        // The view the window shows (without its panels), at the requested size.
        const Box area = m_session.map_area();
        const Camera& shown_camera = m_session.camera();
        const Vec2 a = shown_camera.screen_to_world({area.min_x, area.max_y}), b = shown_camera.screen_to_world({area.max_x, area.min_y});
        const Box shown = Box::of(a.x, a.y, b.x, b.y);
        const Camera camera = m_session.shown(Camera::fit(shown, request.width, request.height));  // in the window's projection
        job->view.camera = camera;
        job->view.time = m_session.time();
        job->view.scale = request.scale;
        job->view.trail = m_session.timeline().trail;
        job->view.decorations = request.decorations;
        const StoryClock* clock = m_scene.clock();
        const StoryMotion* motion = m_scene.motion();
        if (request.animation) {
            const auto format = animation_format_for(request.path);
            if (!format || *format == AnimationFormat::png_frames) throw InputError(request.path, "an animation is .mp4, .webm or .gif");
            if (!clock || !motion || clock->empty()) throw InputError(request.path, "the story has no times to animate");
            // The journey under way at the clock's time, else the first (core/animation_span.hpp).
            const AnimationSpan span = choose_animation(*story(), *motion, AnimationChoice{{}, {}, m_session.time()});
            job->from = span.from.value_or(clock->start());
            job->to = span.to.value_or(clock->end());
            job->frame_count = static_cast<int>(std::lround(request.fps * request.seconds));
            job->sink = open_frame_sink(request.path, *format, request.width, request.height, request.fps);
        } else {
            check_image_target(request.path);
        }
        job->frames = std::make_unique<ImageTarget>(1024);
        m_export = std::move(job);
    } catch (const InputError& e) {
        m_messages.error(e.what());
    }
}

void MapWindow::step_export() {
    ExportJob& job = *m_export;
    const auto start = Clock::now();
    try {
        // Draw for about 40 ms a window frame, so the window stays responsive.
        while (std::chrono::duration<double>(Clock::now() - start).count() < 0.04) {
            if (job.frames->tiles_total() == 0 || job.frames->tiles_done() == job.frames->tiles_total()) {
                FrameView view = job.view;
                if (job.request.animation) {
                    view.time = frame_time(job.from, job.to, job.frame, job.frame_count);
                    if (job.request.follow && m_scene.motion())
                        if (const auto follow = m_scene.motion()->follow_camera(*view.time, view.camera.width(), view.camera.height()))
                            view.camera = *follow;
                }
                m_scene.draw(view, *job.frames);
            }
            if (!job.frames->step()) continue;
            Image image = job.frames->finish();
            if (!job.request.animation) {
                // Encoding a large PNG takes longer than drawing it: off the UI thread.
                auto shared = std::make_shared<Image>(std::move(image));
                const ExportRequest request = job.request;
                const Box bounds = job.view.camera.visible_box();
                m_jobs.post("writing " + request.path + "…", [this, shared, request, bounds]() -> BackgroundJobs::Finish {
                    try {
                        write_image(request.path, *shared, bounds);
                        if (request.world_file) write_world_file(request.path, *shared, bounds);
                        return [this, request] { m_messages.note("exported " + request.path); };
                    } catch (const std::exception& e) {
                        return [this, msg = std::string(e.what())] { m_messages.error(msg); };
                    }
                });
                m_export.reset();
                return;
            }
            job.sink->write(std::move(image));  // all tiles done: the loop begins the next frame
            if (++job.frame >= job.frame_count) {
                job.sink->finish();
                m_messages.note("exported " + job.request.path);
                m_export.reset();
                return;
            }
        }
    } catch (const std::exception& e) {
        m_messages.error(e.what());
        m_export.reset();
    }
}

}  // namespace storyplot
