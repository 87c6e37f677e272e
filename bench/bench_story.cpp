// A frame of the seed story over the 1:10m basemap at 1920x1080 with every label on: the map, the
// story overlay with context labels (placement included) and ImGui's render, finished with glFinish.
#include <benchmark/benchmark.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include <chrono>
#include <memory>

#include "core/geo/mercator.hpp"
#include "core/labels/overlay_plan.hpp"
#include "core/motion/route_motion.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_file.hpp"
#include "reader/data_paths.hpp"
#include "data/gazetteer.hpp"
#include "data/natural_earth.hpp"
#include "render/headless_context.hpp"
#include "render/offscreen_target.hpp"
#include "scene/frame_target.hpp"
#include "scene/map_scene.hpp"
#include "ui/ui_context.hpp"

namespace {

using namespace storyplot;

// The seed story in a scene, drawn as the window draws it: into a framebuffer, inside a UI frame.
struct StoryBench {
    HeadlessContext context;
    Story story = read_story_file((data_root() / "assets" / "stories" / "vladivostok-2019.story.json").string());
    MapScene scene;
    UiContext ui{nullptr, nullptr};
    StoryBench() {
        for (DetailLevel level : all_detail_levels) {
            scene.set_basemap(load_natural_earth(level));
            if (auto moving = load_natural_earth_for_moving(level)) scene.set_moving_basemap(*moving);  // as the window loads them
        }
        scene.set_context(std::make_shared<const ContextLabels>(load_context_labels()));
        scene.set_story(&story);
    }
    FrameResult frame(const FrameView& view, const OffscreenTarget& framebuffer) {
        WindowTarget target(&framebuffer);
        ui.begin_frame(view.camera.width(), view.camera.height());
        FrameResult result = scene.draw(view, target);
        target.present(ui);
        glFinish();
        return result;
    }
};

StoryBench& bench() {
    static auto b = std::make_unique<StoryBench>();
    return *b;
}

// `pan`: pixels each frame pans. 0: the view stays and the base is put back from its copy after the
// second frame (render/base_copy), as while the clock runs or the pointer hovers over a still map;
// a whole pixel: the copy is moved and only the column that came into view drawn, as while the
// user drags; a fraction of a pixel: the base is drawn whole every frame, as while it zooms.
// `live`: drawn as the window draws (FrameView::live), where a base drawn while the view moves comes
// from the copy for moving views.
void story_frames(benchmark::State& state, const Camera& camera, double pan = 0, bool live = false) {
    StoryBench& b = bench();
    OffscreenTarget target(camera.width(), camera.height(), live ? PixelLayout::window : PixelLayout::gl);  // as the window keeps its frame
    double placement = 0;
    std::size_t requested = 0, placed = 0, copied = 0;
    FrameView view;
    view.camera = camera;
    view.live = live;
    for (auto _ : state) {
        view.camera.pan_pixels(pan, 0);
        const FrameResult result = b.frame(view, target);
        copied += result.map.base_copied;
        placement += result.overlay.placement_ms;
        requested = result.overlay.label_records.size();
        placed = result.overlay.labels.size();
    }
    state.counters["label_placement_ms"] = placement / static_cast<double>(state.iterations());
    state.counters["labels_requested"] = static_cast<double>(requested);
    state.counters["labels_placed"] = static_cast<double>(placed);
    state.counters["base_copied"] = static_cast<double>(copied) / static_cast<double>(state.iterations());
}

void BM_StoryFrame_Region_1080p(benchmark::State& state) {
    story_frames(state, Camera::fit(mercator::forward(124, 37, 136, 46), 1920, 1080));
}
// The same as the window draws it: into its frame kept rows top-down, and live.
void BM_StoryFrame_Region_1080p_Window(benchmark::State& state) {
    story_frames(state, Camera::fit(mercator::forward(124, 37, 136, 46), 1920, 1080), 0, true);
}
void BM_StoryFrame_Region_1080p_Panning(benchmark::State& state) {
    story_frames(state, Camera::fit(mercator::forward(124, 37, 136, 46), 1920, 1080), 1.0);
}
void BM_StoryFrame_Region_1080p_Drawn(benchmark::State& state) {
    story_frames(state, Camera::fit(mercator::forward(124, 37, 136, 46), 1920, 1080), 0.4142135);
}
// The same in the window, where a base drawn whole is drawn from the copy for moving views.
void BM_StoryFrame_Region_1080p_Drawn_Window(benchmark::State& state) {
    story_frames(state, Camera::fit(mercator::forward(124, 37, 136, 46), 1920, 1080), 0.4142135, true);
}
// The window's view moved, then held until its base is exact again: a frame drawn whole from the
// copy for moving views, then frames each drawing a quarter of the exact base over it. The slowest
// frame is a counter (the goal: none over 16 ms).
void BM_StoryFrame_Region_1080p_Settling_Window(benchmark::State& state) {
    StoryBench& b = bench();
    OffscreenTarget target(1920, 1080, PixelLayout::window);
    FrameView view;
    view.camera = Camera::fit(mercator::forward(124, 37, 136, 46), 1920, 1080);
    view.live = true;
    bool coarse = false;
    double slowest = 0;
    std::size_t refining = 0;
    for (auto _ : state) {
        if (!coarse) view.camera.pan_pixels(0.4142135, 0);
        else ++refining;
        const auto begin = std::chrono::steady_clock::now();
        coarse = b.frame(view, target).map.coarse;
        slowest = std::max(slowest, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
    }
    state.counters["slowest_ms"] = slowest;
    state.counters["refining_frames"] = static_cast<double>(refining) / static_cast<double>(state.iterations());
}
void BM_StoryFrame_Vladivostok_1080p(benchmark::State& state) {
    const Story& s = bench().story;
    story_frames(state, chapter_camera(s, s.chapters[3], 1920, 1080));
}
void BM_StoryFrame_WholeStory_1080p(benchmark::State& state) { story_frames(state, story_camera(bench().story, 1920, 1080)); }
BENCHMARK(BM_StoryFrame_Region_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_StoryFrame_Region_1080p_Window)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_StoryFrame_Region_1080p_Panning)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_StoryFrame_Region_1080p_Drawn)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_StoryFrame_Region_1080p_Drawn_Window)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_StoryFrame_Region_1080p_Settling_Window)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_StoryFrame_Vladivostok_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_StoryFrame_WholeStory_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);

// Deciding the overlay alone (markers, arrows, country and town labels placed), without GL: text
// measured as 7 px a byte. Countries whose label point is out of view are named inside what shows.
class FixedWidthText final : public TextMeasure {
public:
    Vec2 size(TextStyle, std::string_view text, float) const override { return {7.0 * static_cast<double>(text.size()), 14.0}; }
    float font_size(TextStyle) const override { return 14.0f; }
};

void overlay_plans(benchmark::State& state, const Camera& camera) {
    static const ContextLabels context = load_context_labels();
    const Story& story = bench().story;
    const FixedWidthText text;
    std::size_t placed = 0;
    for (auto _ : state) placed = plan_overlay(&story, &context, camera, {}, text).labels.size();
    state.counters["labels_placed"] = static_cast<double>(placed);
}
void BM_OverlayPlan_Region_1080p(benchmark::State& state) { overlay_plans(state, Camera::fit(mercator::forward(124, 37, 136, 46), 1920, 1080)); }
void BM_OverlayPlan_Border_1080p(benchmark::State& state) {
    const Story& s = bench().story;
    overlay_plans(state, chapter_camera(s, s.chapters[2], 1920, 1080));
}
BENCHMARK(BM_OverlayPlan_Region_1080p)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverlayPlan_Border_1080p)->Unit(benchmark::kMillisecond);

void BM_LoadTowns(benchmark::State& state) {
    std::size_t n = 0;
    for (auto _ : state) n = load_towns(gazetteer_path(), 1000).size();
    state.counters["towns"] = static_cast<double>(n);
}
void BM_LoadCountryLabels(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(load_country_labels());
}
BENCHMARK(BM_LoadTowns)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_LoadCountryLabels)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

namespace {

using namespace storyplot;

// One position query: where a route's vehicle is at a time (binary searches over knots and path).
void BM_RoutePositionQuery(benchmark::State& state) {
    const Story& s = bench().story;
    const RouteMotion motion(s, *s.route("armoured-train-2019"));
    double t = motion.start_time();
    const double step = (motion.end_time() - motion.start_time()) / 9973.0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(motion.at(t));
        t += step;
        if (t > motion.end_time()) t = motion.start_time();
    }
}
BENCHMARK(BM_RoutePositionQuery);

// What the overlay no longer does each frame: every route's drawn path derived from the story
// (great circles for planes densified through PROJ, stops looked up).
// The seed story's routes carry their own paths (a copy each); a flight has its great circle made.
void BM_RouteGeometry_SeedStory(benchmark::State& state) {
    const Story& s = bench().story;
    for (auto _ : state)
        for (const auto& route : s.routes) benchmark::DoNotOptimize(route_geometry(s, route));
}
BENCHMARK(BM_RouteGeometry_SeedStory)->Unit(benchmark::kMicrosecond);
void BM_RouteGeometry_Flight(benchmark::State& state) {
    Story s = bench().story;
    Route flight;
    flight.id = "flight";
    flight.mode = TravelMode::plane;
    flight.stops = {"pyongyang", "moscow"};
    s.routes.push_back(flight);
    for (auto _ : state) benchmark::DoNotOptimize(route_geometry(s, s.routes.back()));
}
BENCHMARK(BM_RouteGeometry_Flight)->Unit(benchmark::kMicrosecond);

// Frames while the train runs from Pyongyang to Vladivostok, camera following it: the mean, and
// the slowest frame as counters (the goal: none over 16 ms). `live`: as the window draws them (the
// base drawn whole, or what a move brings into view, from the copy for moving views where it
// serves: the camera never stays); else as an animation's frames are drawn.
void follow_frames(benchmark::State& state, bool live) {
    StoryBench& b = bench();
    const StoryMotion& motion = *b.scene.motion();
    const RouteMotion* train = motion.motion("armoured-train-2019");
    OffscreenTarget target(1920, 1080, live ? PixelLayout::window : PixelLayout::gl);
    double t = train->start_time();
    const double step = (train->end_time() - train->start_time()) / 240.0;
    double slowest = 0, slowest_after_first = 0, slowest_after_third = 0;
    int frame = 0, over = 0;
    for (auto _ : state) {
        const auto begin = std::chrono::steady_clock::now();
        FrameView view;
        view.camera = motion.follow_camera(t, 1920, 1080).value_or(Camera::fit(mercator::forward(124, 37, 136, 46), 1920, 1080));
        view.time = t;
        view.live = live;
        view.decorations = {false, false, false, false, false, false};
        b.frame(view, target);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
        slowest = std::max(slowest, ms);
        if (frame > 0) slowest_after_first = std::max(slowest_after_first, ms);
        if (frame > 2) slowest_after_third = std::max(slowest_after_third, ms);
        over += ms > 16;
        ++frame;
        t += step;
        if (t > train->end_time()) t = train->start_time();
    }
    state.counters["slowest_ms"] = slowest;
    state.counters["slowest_after_first_ms"] = slowest_after_first;
    // The first frames of a kind compile llvmpipe's shader variants for it, once a process.
    state.counters["slowest_after_third_ms"] = slowest_after_third;
    state.counters["frames_over_16ms"] = over;
}
void BM_AnimatedStoryFrame_Follow_1080p(benchmark::State& state) { follow_frames(state, false); }
void BM_AnimatedStoryFrame_Follow_1080p_Window(benchmark::State& state) { follow_frames(state, true); }
BENCHMARK(BM_AnimatedStoryFrame_Follow_1080p)->Unit(benchmark::kMillisecond)->Iterations(240);
BENCHMARK(BM_AnimatedStoryFrame_Follow_1080p_Window)->Unit(benchmark::kMillisecond)->Iterations(240);

}  // namespace
