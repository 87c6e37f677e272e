// Line networks for `snap`: building the graph and finding ways on a grid of about 100,000 edges
// (a rail grid over 4° x 4°, its vertices jittered so no two segments are alike).
#include <benchmark/benchmark.h>

#include <random>

#include "core/network/line_network.hpp"

namespace {

using namespace storyplot;

constexpr int grid = 224;  // 224 x 224 nodes: 2 x 224 x 223 = 99,904 segments
constexpr double step = 4.0 / grid;

std::vector<NetworkLine> grid_lines() {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> jitter(-step / 4, step / 4);
    std::vector<std::vector<LonLat>> node(grid, std::vector<LonLat>(grid));
    for (int r = 0; r < grid; ++r)
        for (int c = 0; c < grid; ++c) node[r][c] = {128 + c * step + jitter(random), 40 + r * step + jitter(random)};
    std::vector<NetworkLine> lines;
    for (int r = 0; r < grid; ++r) {
        NetworkLine row{{}, mode_bit(TravelMode::train)}, column{{}, mode_bit(TravelMode::train)};
        for (int i = 0; i < grid; ++i) {
            row.path.push_back(node[r][i]);
            column.path.push_back(node[i][r]);
        }
        lines.push_back(std::move(row));
        lines.push_back(std::move(column));
    }
    return lines;
}

const std::vector<NetworkLine>& lines() {
    static const auto built = grid_lines();
    return built;
}

const LineNetwork& network() {
    static const LineNetwork built(lines(), 5.0);
    return built;
}

void BM_Network_Build_100k(benchmark::State& state) {
    for (auto _ : state) {
        const LineNetwork built(lines(), 5.0);
        benchmark::DoNotOptimize(built.segment_count());
    }
    state.counters["segments"] = static_cast<double>(network().segment_count());
}
BENCHMARK(BM_Network_Build_100k)->Unit(benchmark::kMillisecond);

// Corner to corner: the search settles nearly every node.
void BM_Network_Path_Across_100k(benchmark::State& state) {
    const LineNetwork& n = network();
    const ModeSet train = mode_bit(TravelMode::train);
    const auto from = n.nearest({128, 40}, train, 50000);
    const auto to = n.nearest({132, 44}, train, 50000);
    double km = 0;
    for (auto _ : state) {
        const auto way = n.shortest_path(*from, *to, train);
        km = way->length_m / 1000;
        benchmark::DoNotOptimize(way);
    }
    state.counters["km"] = km;
}
BENCHMARK(BM_Network_Path_Across_100k)->Unit(benchmark::kMillisecond);

// A short leg, as between two stations 20 km apart: the search stops early.
void BM_Network_Path_Short_100k(benchmark::State& state) {
    const LineNetwork& n = network();
    const ModeSet train = mode_bit(TravelMode::train);
    const auto from = n.nearest({130, 42}, train, 50000);
    const auto to = n.nearest({130.2, 42.1}, train, 50000);
    for (auto _ : state) benchmark::DoNotOptimize(n.shortest_path(*from, *to, train));
}
BENCHMARK(BM_Network_Path_Short_100k)->Unit(benchmark::kMicrosecond);

void BM_Network_Nearest_100k(benchmark::State& state) {
    const LineNetwork& n = network();
    std::mt19937 random(3);
    std::uniform_real_distribution<double> lon(128, 132), lat(40, 44);
    for (auto _ : state) benchmark::DoNotOptimize(n.nearest({lon(random), lat(random)}, mode_bit(TravelMode::train), 5000));
}
BENCHMARK(BM_Network_Nearest_100k)->Unit(benchmark::kMicrosecond);

}  // namespace
