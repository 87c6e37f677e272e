#include "core/network/line_network.hpp"

#include <gtest/gtest.h>

#include "core/geo/geodesic.hpp"
#include "core/network/route_snap.hpp"
#include "core/network/travel_tags.hpp"
#include "core/story/story_editor.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {

constexpr ModeSet train = mode_bit(TravelMode::train);
constexpr ModeSet car = mode_bit(TravelMode::car);

double m(LonLat a, LonLat b) { return geodesic_distance(a, b); }

NetworkLine rail(Path path) { return {std::move(path), train}; }
NetworkLine road(Path path) { return {std::move(path), car}; }

// The way between two points as the network finds them (each must lie on the network).
std::optional<NetworkPath> way(const LineNetwork& network, LonLat from, LonLat to, ModeSet modes = train) {
    const auto a = network.nearest(from, modes, 100);
    const auto b = network.nearest(to, modes, 100);
    if (!a || !b) return std::nullopt;
    return network.shortest_path(*a, *b, modes);
}

// A metre east, at the equator, in degrees.
constexpr double metre = 1 / 111319.49;

}  // namespace

TEST(TravelTags, OpenStreetMapKeysGiveModes) {
    EXPECT_EQ(modes_for_tags({{"railway", "rail"}}), train);
    EXPECT_EQ(modes_for_tags({{"railway", "narrow_gauge"}, {"name", "x"}}), train);
    EXPECT_EQ(modes_for_tags({{"railway", "abandoned"}}), 0);
    EXPECT_EQ(modes_for_tags({{"railway", "platform"}}), 0);
    EXPECT_EQ(modes_for_tags({{"highway", "motorway"}}), car);
    EXPECT_EQ(modes_for_tags({{"highway", "primary_link"}}), car | mode_bit(TravelMode::walk));
    EXPECT_EQ(modes_for_tags({{"highway", "footway"}}), mode_bit(TravelMode::walk));
    EXPECT_EQ(modes_for_tags({{"highway", "construction"}}), 0);
    EXPECT_TRUE(modes_for_tags({{"route", "ferry"}}) & mode_bit(TravelMode::ship));
    EXPECT_EQ(modes_for_tags({{"waterway", "river"}}), mode_bit(TravelMode::ship));
    EXPECT_EQ(modes_for_tags({{"waterway", "stream"}}), 0);
    // Natural Earth's classes, and a layer without any: every surface mode.
    EXPECT_EQ(modes_for_tags({{"featurecla", "Railroad"}}), train);
    EXPECT_EQ(modes_for_tags({{"featurecla", "Road"}}), car | mode_bit(TravelMode::walk));
    EXPECT_EQ(modes_for_tags({{"name", "Line 1"}}), surface_modes);
    EXPECT_EQ(modes_for_tags({}), surface_modes);
}

TEST(TravelTags, OsmOtherTagsAreRead) {
    Tags tags{{"name", "kept"}};
    add_hstore_tags(R"("railway"=>"rail","usage"=>"main","note"=>"say \"hi\", then go","name"=>"replaced?")", tags);
    EXPECT_EQ(tags.at("railway"), "rail");
    EXPECT_EQ(tags.at("usage"), "main");
    EXPECT_EQ(tags.at("note"), "say \"hi\", then go");
    EXPECT_EQ(tags.at("name"), "kept");
    Tags broken;
    add_hstore_tags(R"("a"=>"1","b"=>)", broken);  // what parses before the break is kept
    EXPECT_EQ(broken.size(), 1u);
}

TEST(LineNetwork, ALineWithABranch) {
    const LonLat a{0, 0}, j{0.1, 0}, b{0.2, 0}, branch{0.1, 0.1};
    const LineNetwork network({rail({a, j, b}), rail({j, branch})});
    EXPECT_EQ(network.node_count(), 4u);
    EXPECT_EQ(network.segment_count(), 3u);

    const auto to_branch = way(network, a, branch);
    ASSERT_TRUE(to_branch);
    EXPECT_EQ(to_branch->path, (Path{a, j, branch}));
    EXPECT_DOUBLE_EQ(to_branch->length_m, m(a, j) + m(j, branch));

    const auto along = way(network, a, b);
    ASSERT_TRUE(along);
    EXPECT_EQ(along->path, (Path{a, j, b}));
    EXPECT_DOUBLE_EQ(along->length_m, m(a, j) + m(j, b));
}

TEST(LineNetwork, PointsInsideSegmentsCountTheirPartsOnly) {
    const LonLat a{0, 0}, j{0.1, 0}, branch{0.1, 0.1};
    const LineNetwork network({rail({a, j}), rail({j, branch})});
    const auto from = network.nearest({0.05, 0.001}, train, 1000);  // 111 m north of the middle of a–j
    const auto to = network.nearest({0.1005, 0.05}, train, 1000);
    ASSERT_TRUE(from && to);
    EXPECT_NEAR(from->fraction, 0.5, 1e-9);
    EXPECT_NEAR(from->distance_m, 110.6, 0.5);
    const auto found = network.shortest_path(*from, *to, train);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->path.size(), 3u);
    EXPECT_EQ(found->path[1], j);
    EXPECT_NEAR(found->length_m, 0.5 * m(a, j) + 0.5 * m(j, branch), 1e-6);
    // Both on one segment: straight along it.
    const auto near_a = network.nearest({0.02, 0}, train, 10);
    const auto same = network.shortest_path(*from, *near_a, train);
    ASSERT_TRUE(same);
    EXPECT_EQ(same->path.size(), 2u);
    EXPECT_NEAR(same->length_m, 0.3 * m(a, j), 1e-6);
}

TEST(LineNetwork, TheShorterOfTwoWaysIsTaken) {
    // A loop: north around (0.1 up) or south around (0.3 down).
    const LonLat west{0, 0}, east{0.4, 0};
    const LineNetwork network({rail({west, {0.2, 0.1}, east}), rail({west, {0.2, -0.3}, east})});
    const auto found = way(network, west, east);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->path, (Path{west, {0.2, 0.1}, east}));
    EXPECT_DOUBLE_EQ(found->length_m, m(west, {0.2, 0.1}) + m({0.2, 0.1}, east));
}

TEST(LineNetwork, AGapWithinTheToleranceJoinsAndAWiderOneDoesNot) {
    const LonLat a{0, 0}, end{0.1, 0}, b{0.2, 0};
    const LonLat after_gap{0.1 + 3 * metre, 0};  // 3 m further east: a digitising gap
    const auto lines = std::vector<NetworkLine>{rail({a, end}), rail({after_gap, b})};

    const LineNetwork joined(lines, 5.0);
    EXPECT_EQ(joined.node_count(), 3u);  // the two ends are within 5 m: one node
    const auto found = way(joined, a, b);
    ASSERT_TRUE(found);
    EXPECT_DOUBLE_EQ(found->length_m, m(a, end) + m(end, b));

    const LineNetwork apart(lines, 1.0);
    EXPECT_EQ(apart.node_count(), 4u);
    EXPECT_FALSE(way(apart, a, b));
}

TEST(LineNetwork, ALineEndingNearAnotherLineJoinsItThere) {
    // A spur that stops 2 m short of the main line, beside the middle of a segment (no vertex there).
    const LonLat a{0, 0}, b{0.2, 0}, spur_top{0.1, 0.1}, spur_end{0.1, 2 * metre};
    const LineNetwork network({rail({a, b}), rail({spur_top, spur_end})}, 5.0);
    EXPECT_EQ(network.joined_gaps(), 1u);
    const auto found = way(network, a, spur_top);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->path, (Path{a, {0.1, 0}, spur_end, spur_top}));
    EXPECT_NEAR(found->length_m, m(a, b) / 2 + m({0.1, 0}, spur_end) + m(spur_end, spur_top), 1e-6);
}

TEST(LineNetwork, ACrossingWithoutASharedVertexIsNoJunction) {
    // A road bridge over the railway: the lines cross at (0.1, 0) but share no vertex.
    const LonLat a{0, 0}, b{0.2, 0}, south{0.1, -0.1}, north{0.1, 0.1};
    const LineNetwork bridge({rail({a, b}), rail({south, north})});
    EXPECT_FALSE(way(bridge, a, north));
    const auto straight_on = way(bridge, a, b);
    ASSERT_TRUE(straight_on);
    EXPECT_EQ(straight_on->path, (Path{a, b}));
    // With the crossing as a shared vertex it is a junction.
    const LonLat x{0.1, 0};
    const LineNetwork junction({rail({a, x, b}), rail({south, x, north})});
    const auto turned = way(junction, a, north);
    ASSERT_TRUE(turned);
    EXPECT_EQ(turned->path, (Path{a, x, north}));
    EXPECT_DOUBLE_EQ(turned->length_m, m(a, x) + m(x, north));
}

TEST(LineNetwork, ATrainStaysOnTheRails) {
    // Rail the long way round; a road shortcut shares the rail's end vertices.
    const LonLat a{0, 0}, b{0.2, 0}, detour{0.1, 0.2};
    const LineNetwork network({rail({a, detour, b}), road({a, b})});
    const auto by_train = way(network, a, b, train);
    ASSERT_TRUE(by_train);
    EXPECT_EQ(by_train->path, (Path{a, detour, b}));
    const auto by_car = way(network, a, b, car);
    ASSERT_TRUE(by_car);
    EXPECT_EQ(by_car->path, (Path{a, b}));
    EXPECT_FALSE(network.nearest({0.1, 0.1}, car, 1000));  // only rail is that close
}

namespace {

const char* snap_story = R"({"type": "FeatureCollection", "story": {"title": "t"}, "features": [
  {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [-0.002, 0.0]}, "properties": {"kind": "place", "name": "Ay"}},
  {"type": "Feature", "id": "b", "geometry": {"type": "Point", "coordinates": [0.2, 0.0]}, "properties": {"kind": "place", "name": "Bee"}},
  {"type": "Feature", "id": "c", "geometry": {"type": "Point", "coordinates": [0.5, 0.5]}, "properties": {"kind": "place", "name": "Sea"}},
  {"type": "Feature", "id": "train", "geometry": null, "properties": {"kind": "route", "name": "T", "mode": "train", "stops": ["a", "b", "c"],
   "times": ["2019-04-24T08:00Z", "2019-04-24T10:00Z", "2019-04-24T12:00Z"]}},
  {"type": "Feature", "id": "fly", "geometry": null, "properties": {"kind": "route", "mode": "plane", "stops": ["a", "c"]}}]})";

}  // namespace

TEST(RouteSnap, LegsFollowTheNetworkAndAnUnreachableStopStaysStraightAndFlagged) {
    const Story story = parse_story(snap_story, "t");
    const LonLat a{0, 0}, detour{0.1, 0.1}, b{0.2, 0};
    const LineNetwork network({rail({a, detour, b})});
    const Route& route = *story.route("train");
    ASSERT_FALSE(snap_refusal(route, network));
    const RouteSnap snap = snap_route(story, route, network);

    EXPECT_EQ(snap.path, (Path{a, detour, b, {0.5, 0.5}}));
    ASSERT_EQ(snap.legs.size(), 2u);
    EXPECT_TRUE(snap.legs[0].on_network);
    EXPECT_DOUBLE_EQ(snap.legs[0].length_m, m(a, detour) + m(detour, b));
    EXPECT_DOUBLE_EQ(snap.legs[0].straight_m, m({-0.002, 0}, b));
    EXPECT_FALSE(snap.legs[1].on_network);
    EXPECT_DOUBLE_EQ(snap.legs[1].length_m, m(b, {0.5, 0.5}));
    // The nearest rail is the detour's corner, 63 km away.
    EXPECT_NEAR(m({0.5, 0.5}, detour), 62'900, 200);
    EXPECT_EQ(snap.legs[1].problem.rfind("Sea is 6", 0), 0u) << snap.legs[1].problem;
    EXPECT_TRUE(snap.legs[1].problem.ends_with(" km from the nearest rail line (reach 5.0 km)")) << snap.legs[1].problem;

    const auto lines = describe_snap(story, route, snap);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].rfind("route \"T\" (train): 1 of 2 legs on the rail network", 0), 0u) << lines[0];
    EXPECT_EQ(lines[1], "  Ay → Bee: 31.4 km along the network (straight 22.5 km)");
    EXPECT_EQ(lines[2].rfind("  Bee → Sea: left straight (off the network): Sea is", 0), 0u) << lines[2];

    // Written back, the story keeps its stops and times and plays along the new path.
    StoryEditor editor(story);
    editor.set_route_path("train", snap.path);
    const Story saved = parse_story(serialize_story(editor.story()), "saved");
    EXPECT_EQ(saved.route("train")->path, snap.path);
    EXPECT_EQ(saved.route("train")->stops, route.stops);
    EXPECT_EQ(saved.route("train")->times.size(), 3u);
    editor.undo();
    EXPECT_TRUE(editor.story().route("train")->path.empty());
}

TEST(RouteSnap, DisconnectedStopsAreNamedAndPlanesAndWrongNetworksRefused) {
    const Story story = parse_story(snap_story, "t");
    // Two rail lines that do not meet: Ay's and Bee's.
    const LineNetwork network({rail({{0, 0}, {0.05, 0}}), rail({{0.15, 0}, {0.2, 0}})});
    const RouteSnap snap = snap_route(story, *story.route("train"), network);
    ASSERT_EQ(snap.legs.size(), 2u);
    EXPECT_FALSE(snap.legs[0].on_network);
    EXPECT_EQ(snap.legs[0].problem, "no way along the network from Ay to Bee (its rail lines do not connect them)");

    EXPECT_EQ(snap_refusal(*story.route("fly"), network), "a plane flies great circles, not along a network");
    const LineNetwork roads({road({{0, 0}, {0.2, 0}})});
    EXPECT_EQ(snap_refusal(*story.route("train"), roads), "the network has no rail line for a train");
}

TEST(RouteSnap, ARouteWithItsOwnPathIsSnappedThroughItsVertices) {
    // The path's middle vertex picks the northern of two lines; its stops alone would take the southern.
    Story story = parse_story(snap_story, "t");
    Route& route = *story.route("train");
    route.stops = {"a", "b"};
    route.times.clear();
    route.path = {{-0.002, 0}, {0.1, 0.21}, {0.202, 0}};
    const LonLat a{0, 0}, b{0.2, 0};
    const LineNetwork network({rail({a, {0.1, 0.2}, b}), rail({a, {0.1, -0.05}, b})});
    const RouteSnap snap = snap_route(story, route, network);
    EXPECT_EQ(snap.path, (Path{a, {0.1, 0.2}, b}));
    ASSERT_EQ(snap.legs.size(), 1u);
    EXPECT_TRUE(snap.legs[0].on_network);
}
