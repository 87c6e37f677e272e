// Frame time of the map at 1920x1080, drawn offscreen and finished (glFinish), for a world view
// and the story region; the GL renderer is printed in the context (Mesa llvmpipe here).
#include <benchmark/benchmark.h>
#include <epoxy/gl.h>

#include <memory>

#include "core/geo/mercator.hpp"
#include "data/natural_earth.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

namespace {

using namespace storyplot;

struct Scene {
    HeadlessContext context;
    MapRenderer renderer;
    Scene() {
        for (DetailLevel level : all_detail_levels) renderer.set_basemap(load_natural_earth(level));
        benchmark::AddCustomContext("gl", context.renderer());
    }
};

Scene& scene() {
    static auto s = std::make_unique<Scene>();
    return *s;
}

void draw_frames(benchmark::State& state, const Box& lonlat, int width, int height) {
    Scene& s = scene();
    OffscreenTarget target(width, height);
    const Camera camera = Camera::fit(mercator::forward(lonlat.min_x, lonlat.min_y, lonlat.max_x, lonlat.max_y), width, height);
    DrawStats stats;
    for (auto _ : state) {
        target.bind();
        stats = s.renderer.draw(camera);
        glFinish();
    }
    state.counters["draw_calls"] = stats.draw_calls;
    state.counters["level"] = static_cast<double>(stats.level);
}

void BM_Frame_World_1080p(benchmark::State& state) { draw_frames(state, Box::of(-180, -85, 180, 85), 1920, 1080); }
void BM_Frame_Region_1080p(benchmark::State& state) { draw_frames(state, Box::of(124, 37, 136, 46), 1920, 1080); }
void BM_Frame_World_4K(benchmark::State& state) { draw_frames(state, Box::of(-180, -85, 180, 85), 3840, 2160); }
void BM_Frame_Region_4K(benchmark::State& state) { draw_frames(state, Box::of(124, 37, 136, 46), 3840, 2160); }
BENCHMARK(BM_Frame_World_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Region_1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_World_4K)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Frame_Region_4K)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
