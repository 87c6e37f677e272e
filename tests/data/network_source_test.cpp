#include "data/network_source.hpp"

#include <gtest/gtest.h>

#include "core/files/input_error.hpp"
#include "core/geo/geodesic.hpp"
#include "fixture_writer.hpp"

using namespace storyplot;
using storyplot::test_support::TempDir;

namespace {

constexpr ModeSet train = mode_bit(TravelMode::train);

std::optional<NetworkPath> way(const LineNetwork& network, LonLat from, LonLat to) {
    const auto a = network.nearest(from, train, 50);
    const auto b = network.nearest(to, train, 50);
    if (!a || !b) return std::nullopt;
    return network.shortest_path(*a, *b, train);
}

void expect_path(const Path& got, const Path& want) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_NEAR(got[i].lon, want[i].lon, 1e-9) << i;
        EXPECT_NEAR(got[i].lat, want[i].lat, 1e-9) << i;
    }
}

const LonLat A{130.0, 42.0}, J{130.1, 42.0}, B{130.2, 42.0}, C{130.1, 42.1}, D{130.2036, 42.0}, E{130.3, 42.0};

}  // namespace

TEST(NetworkSource, OsmWaysComeWithTheModesTheirTagsAllow) {
    TempDir dir;
    const auto path = dir.file("rail.osm");
    test_support::write_small_rail_osm(path);
    const NetworkSource source = load_network_source(path);
    ASSERT_EQ(source.lines.size(), 5u);
    int rail = 0, road = 0, neither = 0;
    for (const NetworkLine& line : source.lines) {
        rail += line.modes == train;
        road += line.modes == (mode_bit(TravelMode::car) | mode_bit(TravelMode::walk));
        neither += line.modes == 0;  // the platform
    }
    EXPECT_EQ(rail, 3);
    EXPECT_EQ(road, 1);
    EXPECT_EQ(neither, 1);
}

TEST(NetworkSource, PathsAndLengthsOnTheOsmNetwork) {
    TempDir dir;
    const auto path = dir.file("rail.osm");
    test_support::write_small_rail_osm(path);
    const NetworkSource source = load_network_source(path);

    const LineNetwork network(source.lines, 5.0);
    // The branch: A to C turns at J.
    const auto branch = way(network, A, C);
    ASSERT_TRUE(branch);
    expect_path(branch->path, {A, J, C});
    EXPECT_NEAR(branch->length_m, geodesic_distance(A, J) + geodesic_distance(J, C), 1e-6);
    EXPECT_NEAR(branch->length_m, 8'285.0 + 11'107.4, 1.0);  // 0.1° of longitude and of latitude at 42°N, by hand

    // The bridge carries a road, and shares no node: a train from A to its north end cannot turn.
    EXPECT_FALSE(network.nearest({130.15, 42.05}, train, 50));
    const auto along = way(network, A, B);
    ASSERT_TRUE(along);
    expect_path(along->path, {A, J, B});

    // The 300 m gap after B: no way across at a 5 m join; at a 400 m join B and D are one node.
    EXPECT_NEAR(geodesic_distance(B, D), 298.0, 1.0);
    EXPECT_FALSE(way(network, A, E));
    const LineNetwork bridged(source.lines, 400.0);
    const auto across = way(bridged, A, E);
    ASSERT_TRUE(across);
    expect_path(across->path, {A, J, B, E});
    EXPECT_NEAR(across->length_m, geodesic_distance(A, J) + geodesic_distance(J, B) + geodesic_distance(B, E), 1e-6);
}

TEST(NetworkSource, FilesWithoutLinesAreRefusedNamingThem) {
    TempDir dir;
    const auto points = dir.file("points.geojson");
    test_support::write_text(points, R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {}}]})");
    try {
        load_network_source(points);
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), points + ": holds no lines to travel along");
    }
    EXPECT_THROW(load_network_source(dir.file("missing.osm")), InputError);
}
