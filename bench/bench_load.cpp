// Loading Natural Earth from disk to GPU-ready meshes (GDAL parse, projection, tessellation, line
// extrusion), and the memory the meshes hold.
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

#include "core/geo/mercator.hpp"
#include "core/geo/water_detail.hpp"
#include "core/mesh/shared_edges.hpp"
#include "reader/data_paths.hpp"
#include "data/gshhg.hpp"
#include "data/layer_meshes.hpp"
#include "data/natural_earth.hpp"
#include "data/vector_source.hpp"

namespace {

using namespace storyplot;

double resident_mib() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
        status.ignore(1 << 12, '\n');
    }
    return 0;
}

void load_level(benchmark::State& state, DetailLevel level) {
    std::size_t vertices = 0, river_vertices = 0, bytes = 0;
    double rss = 0;
    for (auto _ : state) {
        BasemapMeshes meshes = load_natural_earth(level);
        vertices = meshes.land.vertex_count() + meshes.coast.vertex_count() + meshes.borders.vertex_count();
        river_vertices = meshes.rivers.vertex_count() + meshes.minor_rivers.vertex_count();
        bytes = meshes.byte_size();
        rss = resident_mib();
        benchmark::DoNotOptimize(meshes);
    }
    state.counters["vertices"] = static_cast<double>(vertices);
    state.counters["river_vertices"] = static_cast<double>(river_vertices);
    state.counters["mesh_MiB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
    state.counters["rss_MiB"] = rss;
}

void BM_LoadNaturalEarth_10m(benchmark::State& state) { load_level(state, DetailLevel::fine_10m); }
void BM_LoadCloseShores_Whole(benchmark::State& state) { load_level(state, DetailLevel::close_h); }
// GSHHG's shores as the window reads them: the part of the world around a view close in (1,500 km
// square around Vladivostok), from the cache.
void BM_LoadCloseShores_Part(benchmark::State& state) {
    const Vec2 c = mercator::forward(LonLat{131.9, 43.1});
    const Box part = Box::of(c.x - 7.5e5, c.y - 7.5e5, c.x + 7.5e5, c.y + 7.5e5);
    std::size_t bytes = 0, vertices = 0;
    for (auto _ : state) {
        const BasemapMeshes meshes = load_natural_earth(DetailLevel::close_h, &part);
        vertices = meshes.land.vertex_count() + meshes.coast.vertex_count() + meshes.borders.vertex_count();
        bytes = meshes.byte_size();
    }
    state.counters["vertices"] = static_cast<double>(vertices);
    state.counters["mesh_MiB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
}
BENCHMARK(BM_LoadCloseShores_Whole)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_LoadCloseShores_Part)->Unit(benchmark::kMillisecond)->Iterations(5);
// Reading GSHHG's high-resolution land polygons (1.6 M points) from their bins: part of a first load.
void BM_ReadLand_h(benchmark::State& state) {
    std::size_t points = 0;
    for (auto _ : state) points = read_gshhg_land(gshhg_shores_path('h')).points();
    state.counters["points"] = static_cast<double>(points);
}
BENCHMARK(BM_ReadLand_h)->Unit(benchmark::kMillisecond)->Iterations(3);
void BM_LoadNaturalEarth_50m(benchmark::State& state) { load_level(state, DetailLevel::medium_50m); }
void BM_LoadNaturalEarth_110m(benchmark::State& state) { load_level(state, DetailLevel::coarse_110m); }
BENCHMARK(BM_LoadNaturalEarth_10m)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_LoadNaturalEarth_50m)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_LoadNaturalEarth_110m)->Unit(benchmark::kMillisecond)->Iterations(10);

// The parts of a 1:10m load, to see where the time goes.
void BM_Parse_10m(benchmark::State& state) {
    const auto path = natural_earth_countries(DetailLevel::fine_10m).string();
    for (auto _ : state) benchmark::DoNotOptimize(load_vector_source(path));
}
BENCHMARK(BM_Parse_10m)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SplitEdges_10m(benchmark::State& state) {
    const auto source = load_vector_source(natural_earth_countries(DetailLevel::fine_10m).string());
    for (auto _ : state) benchmark::DoNotOptimize(split_shared_edges(source.layers.front().polygons));
}
BENCHMARK(BM_SplitEdges_10m)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_BuildMeshes_10m(benchmark::State& state) {
    const auto source = load_vector_source(natural_earth_countries(DetailLevel::fine_10m).string());
    const RiverPaths rivers = read_gshhg_rivers(gshhg_rivers_path(gshhg_resolution(DetailLevel::fine_10m)), DetailLevel::fine_10m);
    const LakePolygons lakes = read_gshhg_lakes(gshhg_shores_path(gshhg_resolution(DetailLevel::fine_10m)), DetailLevel::fine_10m);
    for (auto _ : state) benchmark::DoNotOptimize(build_basemap_meshes(source.layers.front().polygons, rivers, lakes, DetailLevel::fine_10m));
}
BENCHMARK(BM_BuildMeshes_10m)->Unit(benchmark::kMillisecond)->Iterations(3);

// GSHHG's high-resolution rivers read from their netCDF file (2.2 MB, 600,000 points).
void BM_ReadRivers_10m(benchmark::State& state) {
    const auto path = gshhg_rivers_path(gshhg_resolution(DetailLevel::fine_10m));
    for (auto _ : state) benchmark::DoNotOptimize(read_gshhg_rivers(path, DetailLevel::fine_10m));
}
BENCHMARK(BM_ReadRivers_10m)->Unit(benchmark::kMillisecond)->Iterations(5);

// GSHHG's high-resolution lakes of 2 km² or more put together from their bins (8.4 MB, 2 M points read).
void BM_ReadLakes_10m(benchmark::State& state) {
    const auto path = gshhg_shores_path(gshhg_resolution(DetailLevel::fine_10m));
    std::size_t points = 0;
    for (auto _ : state) points = read_gshhg_lakes(path, DetailLevel::fine_10m).points();
    state.counters["points"] = static_cast<double>(points);
}
BENCHMARK(BM_ReadLakes_10m)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
