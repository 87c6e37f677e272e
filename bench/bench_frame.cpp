// Frame time of the basemap alone at 1920x1080 and 4K, drawn through the scene as the window draws
// it (into a framebuffer, inside a UI frame; no story, no decorations) and finished (glFinish), for
// a world view, the story region and the border at Khasan (where the minor rivers show); the GL
// renderer is printed in the context (Mesa llvmpipe here). The _NoWater runs draw the same without
// GSHHG's lakes and rivers: what they cost, in the same run. Each frame pans a fraction of a pixel, so the map
// is drawn whole every frame (as while it zooms), not put back from a copy (render/base_copy).
#include <benchmark/benchmark.h>
#include <epoxy/gl.h>

#include <memory>

#include "core/geo/mercator.hpp"
#include "core/geo/projection.hpp"
#include "data/natural_earth.hpp"
#include "render/headless_context.hpp"
#include "render/offscreen_target.hpp"
#include "scene/frame_target.hpp"
#include "scene/map_scene.hpp"
#include "ui/ui_context.hpp"

namespace {

using namespace storyplot;

struct Scene {
    HeadlessContext context;
    MapScene map, without_water, fifty, fifty_generalised;  // the 1:50m level alone, as it is and as a still at world scale takes it
    UiContext ui{nullptr, nullptr};
    Scene() {
        for (DetailLevel level : all_detail_levels) {
            BasemapMeshes meshes = load_natural_earth(level);
            map.set_basemap(meshes);
            if (level == DetailLevel::medium_50m) {
                fifty.set_basemap(meshes);
                fifty_generalised.set_basemap(load_natural_earth(level, 12000.0, nullptr));
            }
            meshes.drop_water();
            without_water.set_basemap(meshes);
        }
        benchmark::AddCustomContext("gl", context.renderer());
    }
};

Scene& scene() {
    static auto s = std::make_unique<Scene>();
    return *s;
}

void draw_frames(benchmark::State& state, const Camera& camera, MapScene& map) {
    Scene& s = scene();
    const int width = camera.width(), height = camera.height();
    OffscreenTarget target(width, height);
    FrameView view;
    view.camera = camera;
    view.decorations = {false, false, false, false, false, false};
    WindowTarget window(&target);
    DrawStats stats;
    for (auto _ : state) {
        // A fraction of a pixel.s pan each frame: the base is drawn whole every time, never put back from
        // the copy a still view keeps or moved by whole pixels (render/base_copy).
        view.camera.pan_pixels(0.4142135, 0);
        s.ui.begin_frame(width, height);
        stats = map.draw(view, window).map;
        window.present(s.ui);
        glFinish();
    }
    state.counters["draw_calls"] = stats.draw_calls;
    state.counters["level"] = static_cast<double>(stats.level);
}

void draw_frames(benchmark::State& state, const Box& lonlat, int width, int height, bool water = true) {
    draw_frames(state, Camera::fit(mercator::forward(lonlat.min_x, lonlat.min_y, lonlat.max_x, lonlat.max_y), width, height),
                water ? scene().map : scene().without_water);
}

// Other projections (the vertex shader projects each vertex): the globe of the 1:50m world facing
// the story, an Equal Earth world and a conic of Eurasia (the 2001 train) at the level they pick.
const Box world = Box::of(-180, -90, 180, 90);
void BM_Frame_Globe_50m_1080p(benchmark::State& state) {
    draw_frames(state, Camera::fit_lonlat(fitted_projection(ProjectionKind::orthographic, Box::of(125, 38, 135, 46)), world, 1920, 1080),
                scene().fifty);
}
void BM_Frame_Globe_50m_Generalised_1080p(benchmark::State& state) {  // its copy generalised for ~12 km/px, as a still takes it
    draw_frames(state, Camera::fit_lonlat(fitted_projection(ProjectionKind::orthographic, Box::of(125, 38, 135, 46)), world, 1920, 1080),
                scene().fifty_generalised);
}
// The globe is drawn from its picture of the flat world (core/geo/globe_picture) while that is as
// fine as the globe: the runs above. The same globe from the meshes, as before the picture and as
// the globe is drawn closer in:
void BM_Frame_Globe_50m_Meshes_1080p(benchmark::State& state) {
    MapScene& fifty = scene().fifty;
    fifty.set_globe_picture_largest(0);
    draw_frames(state, Camera::fit_lonlat(fitted_projection(ProjectionKind::orthographic, Box::of(125, 38, 135, 46)), world, 1920, 1080), fifty);
    fifty.set_globe_picture_largest(4096);
}
// And a globe whose picture is drawn again every frame: zoomed out and in by 30%, its lines change
// width (what a zoom costs once each half octave).
void BM_Frame_Globe_50m_PictureRedrawn_1080p(benchmark::State& state) {
    Scene& s = scene();
    const Camera far = Camera::fit_lonlat(fitted_projection(ProjectionKind::orthographic, Box::of(125, 38, 135, 46)), world, 1920, 1080);
    const Camera farther = Camera::projected(far.projection(), far.projected_center(), far.projected_resolution() * 1.3, 1920, 1080);
    OffscreenTarget target(1920, 1080);
    WindowTarget window(&target);
    FrameView view;
    view.decorations = {false, false, false, false, false, false};
    int frame = 0;
    for (auto _ : state) {
        // Panned a fraction of a pixel too: never put back from the copy of the base (render/base_copy).
        view.camera = ++frame % 2 ? farther : far;
        view.camera.pan_pixels(0.4142135 * (frame % 97), 0);
        s.ui.begin_frame(1920, 1080);
        s.fifty.draw(view, window);
        window.present(s.ui);
        glFinish();
    }
}
void BM_Frame_Mercator_50m_1080p(benchmark::State& state) {  // the same 1:50m world flat: what the projection costs
    const Box box = Box::of(-180, -85, 180, 85);
    draw_frames(state, Camera::fit(mercator::forward(box.min_x, box.min_y, box.max_x, box.max_y), 1920, 1080), scene().fifty);
}
void BM_Frame_Globe_1080p(benchmark::State& state) {  // at the level the globe's scale picks (1:110m)
    draw_frames(state, Camera::fit_lonlat(fitted_projection(ProjectionKind::orthographic, Box::of(125, 38, 135, 46)), world, 1920, 1080),
                scene().map);
}
void BM_Frame_Globe_Asia_1080p(benchmark::State& state) {  // turned closer, where the globe's scale picks 1:50m
    const Box asia = Box::of(95, 15, 165, 60);
    draw_frames(state, Camera::fit_lonlat(fitted_projection(ProjectionKind::orthographic, asia), asia, 1920, 1080), scene().map);
}
void BM_Frame_EqualEarth_World_1080p(benchmark::State& state) {
    draw_frames(state, Camera::fit_lonlat(fitted_projection(ProjectionKind::equal_earth, world), world, 1920, 1080), scene().map);
}
void BM_Frame_Conic_Eurasia_1080p(benchmark::State& state) {
    const Box eurasia = Box::of(30, 35, 140, 65);
    draw_frames(state, Camera::fit_lonlat(fitted_projection(ProjectionKind::conformal_conic, eurasia), eurasia, 1920, 1080), scene().map);
}
BENCHMARK(BM_Frame_Globe_50m_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Globe_50m_Generalised_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Globe_50m_Meshes_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Globe_50m_PictureRedrawn_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Mercator_50m_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Globe_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Globe_Asia_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_EqualEarth_World_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Conic_Eurasia_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_Frame_World_1080p(benchmark::State& state) { draw_frames(state, Box::of(-180, -85, 180, 85), 1920, 1080); }
void BM_Frame_Region_1080p(benchmark::State& state) { draw_frames(state, Box::of(124, 37, 136, 46), 1920, 1080); }
void BM_Frame_World_4K(benchmark::State& state) { draw_frames(state, Box::of(-180, -85, 180, 85), 3840, 2160); }
void BM_Frame_Region_4K(benchmark::State& state) { draw_frames(state, Box::of(124, 37, 136, 46), 3840, 2160); }
BENCHMARK(BM_Frame_World_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Region_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_World_4K)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Region_4K)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_Frame_Region_1080p_NoWater(benchmark::State& state) { draw_frames(state, Box::of(124, 37, 136, 46), 1920, 1080, false); }
void BM_Frame_Border_1080p(benchmark::State& state) { draw_frames(state, Box::of(129.6, 41.9, 131.6, 43.3), 1920, 1080); }
void BM_Frame_Border_1080p_NoWater(benchmark::State& state) { draw_frames(state, Box::of(129.6, 41.9, 131.6, 43.3), 1920, 1080, false); }
BENCHMARK(BM_Frame_Region_1080p_NoWater)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Border_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Border_1080p_NoWater)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
