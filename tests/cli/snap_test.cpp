// `storyplot snap`: a story's routes put on a network, through the built binary.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "raster.hpp"

namespace fs = std::filesystem;
using namespace storyplot::test_support;

namespace {

// Places at the small network's A, C and E; a train A → C → E (C and E are not connected by rail),
// a car A → C and a plane.
const char* story = R"({"type": "FeatureCollection", "story": {"title": "Snap"}, "features": [
  {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [129.999, 42.0]}, "properties": {"kind": "place", "name": "Ay"}},
  {"type": "Feature", "id": "c", "geometry": {"type": "Point", "coordinates": [130.1, 42.101]}, "properties": {"kind": "place", "name": "Cee"}},
  {"type": "Feature", "id": "e", "geometry": {"type": "Point", "coordinates": [130.3, 42.0]}, "properties": {"kind": "place", "name": "Ee"}},
  {"type": "Feature", "id": "train", "geometry": null, "properties": {"kind": "route", "name": "Train", "mode": "train",
   "stops": ["a", "c", "e"], "times": ["2019-04-24T08:00Z", "2019-04-24T09:00Z", "2019-04-24T10:00Z"], "color": "#b3261e"}},
  {"type": "Feature", "id": "drive", "geometry": null, "properties": {"kind": "route", "name": "Drive", "mode": "car", "stops": ["a", "c"]}},
  {"type": "Feature", "id": "flight", "geometry": null, "properties": {"kind": "route", "name": "Flight", "mode": "plane", "stops": ["a", "e"]}}]})";

nlohmann::json route_geometry(const std::string& file, const std::string& id) {
    const auto doc = nlohmann::json::parse(slurp(file));
    for (const auto& f : doc["features"])
        if (f["id"] == id) return f["geometry"];
    return nullptr;
}

}  // namespace

TEST(Snap, RoutesFollowTheRailsAndWhatCannotIsReported) {
    TempDir dir;
    write_small_rail_osm(dir.file("rail.osm"));
    write_text(dir.file("s.story.json"), story);
    const Outcome run = run_storyplot(dir, "snap s.story.json --network rail.osm -o snapped.story.json");
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_NE(run.out.find("network rail.osm: 5 lines, 5 segments, 8 nodes, 0 gaps joined"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("route \"Train\" (train): 1 of 2 legs on the rail network"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  Ay → Cee: 19.4 km along the network (straight 14.0 km)\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  Cee → Ee: left straight (off the network): no way along the network from Cee to Ee "
                           "(its rail lines do not connect them)\n"),
              std::string::npos)
        << run.out;
    // The bridge's road is the only road, 12.5 km from Ay: beyond the reach.
    EXPECT_NE(run.out.find("  Ay → Cee: left straight (off the network): Ay is 12.5 km from the nearest road (reach 5.0 km)\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("route \"Flight\": a plane flies great circles, not along a network: not snapped\n"), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("wrote snapped.story.json\n"), std::string::npos);

    const auto train = route_geometry(dir.file("snapped.story.json"), "train");
    ASSERT_EQ(train["type"], "LineString");
    const std::vector<std::vector<double>> want{{130.0, 42.0}, {130.1, 42.0}, {130.1, 42.1}, {130.3, 42.0}};
    ASSERT_EQ(train["coordinates"].size(), want.size()) << train.dump();
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_NEAR(train["coordinates"][i][0].get<double>(), want[i][0], 1e-9) << i;
        EXPECT_NEAR(train["coordinates"][i][1].get<double>(), want[i][1], 1e-9) << i;
    }
    EXPECT_TRUE(route_geometry(dir.file("snapped.story.json"), "flight").is_null());

    // The snapped story is a valid story that keeps the stops and times.
    const Outcome valid = run_storyplot(dir, "validate snapped.story.json");
    EXPECT_EQ(valid.code, 0) << valid.err;
}

TEST(Snap, OneRouteAndItsMistakes) {
    TempDir dir;
    write_small_rail_osm(dir.file("rail.osm"));
    write_text(dir.file("s.story.json"), story);

    const Outcome only = run_storyplot(dir, "snap s.story.json --network rail.osm --route drive --reach 1 -o out.story.json");
    ASSERT_EQ(only.code, 0) << only.err;
    EXPECT_NE(only.out.find("  Ay → Cee: left straight (off the network): Ay is 12.5 km from the nearest road (reach 1.0 km)"),
              std::string::npos)
        << only.out;
    EXPECT_EQ(only.out.find("Train"), std::string::npos) << only.out;

    const Outcome unknown = run_storyplot(dir, "snap s.story.json --network rail.osm --route ship -o x.story.json");
    EXPECT_EQ(unknown.code, 2);
    EXPECT_EQ(unknown.err, "storyplot: --route: the story has no route \"ship\"\n");

    const Outcome plane = run_storyplot(dir, "snap s.story.json --network rail.osm --route flight -o x.story.json");
    EXPECT_EQ(plane.code, 1);
    EXPECT_EQ(plane.err, "storyplot: rail.osm: route \"Flight\": a plane flies great circles, not along a network\n");

    const Outcome missing = run_storyplot(dir, "snap s.story.json --network nothing.osm -o x.story.json");
    EXPECT_EQ(missing.code, 1);
    EXPECT_EQ(missing.err, "storyplot: nothing.osm: no such file\n");

    write_text(dir.file("bad.osm"), "<osm><way id=\"1\">");
    const Outcome bad = run_storyplot(dir, "snap s.story.json --network bad.osm -o x.story.json");
    EXPECT_EQ(bad.code, 1);
    EXPECT_EQ(bad.err.rfind("storyplot: bad.osm: ", 0), 0u) << bad.err;
    EXPECT_EQ(lines(bad.err), 1);
    EXPECT_FALSE(fs::exists(dir.file("x.story.json")));
}

// The window's Snap (the stop table's button; the script's `snap`) puts the route on a loaded
// layer's lines as the command does, as one undoable edit.
TEST(Snap, TheWindowSnapsARouteToALoadedLayer) {
    TempDir dir;
    write_small_rail_osm(dir.file("rail.osm"));
    write_text(dir.file("s.story.json"), story);
    write_text(dir.file("snap.txt"), "stops train\nsnap train rail.osm\nsave-as snapped.story.json\nundo\nsave-as undone.story.json\nquit\n");
    Running run = start_storyplot(dir, {"s.story.json", "--basemap", "rail.osm", "--script", "snap.txt"}, {"SDL_VIDEODRIVER=offscreen"});
    EXPECT_EQ(finish(run), 0) << run.err;
    EXPECT_NE(run.err.find("script: snap train rail.osm"), std::string::npos) << run.err;
    const auto train = route_geometry(dir.file("snapped.story.json"), "train");
    ASSERT_EQ(train["type"], "LineString") << train.dump();
    EXPECT_EQ(train["coordinates"].size(), 4u) << train.dump();
    EXPECT_NEAR(train["coordinates"][1][0].get<double>(), 130.1, 1e-9);  // through the junction J
    EXPECT_TRUE(route_geometry(dir.file("undone.story.json"), "train").is_null());
}

// OpenStreetMap as extracts come, in PBF: the tests' own XML turned into PBF by osmium (installed by
// setup.sh) reads as the XML does, for `snap --network` and for `render --basemap`.
TEST(Snap, APbfExtractReadsAsItsXmlDoes) {
    TempDir dir;
    write_small_rail_osm(dir.file("rail.osm"));
    write_small_town_osm(dir.file("town.osm"));
    for (const char* name : {"rail", "town"}) {
        const std::string command = "osmium cat --no-progress -o '" + dir.file(std::string(name) + ".osm.pbf") + "' '" +
                                    dir.file(std::string(name) + ".osm") + "'";
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
    }
    write_text(dir.file("s.story.json"), story);
    const Outcome xml = run_storyplot(dir, "snap s.story.json --network rail.osm -o from-xml.story.json");
    const Outcome pbf = run_storyplot(dir, "snap s.story.json --network rail.osm.pbf -o from-pbf.story.json");
    ASSERT_EQ(pbf.code, 0) << pbf.err;
    EXPECT_NE(pbf.out.find("network rail.osm.pbf: 5 lines, 5 segments, 8 nodes, 0 gaps joined"), std::string::npos) << pbf.out;
    EXPECT_NE(pbf.out.find("  Ay → Cee: 19.4 km along the network (straight 14.0 km)\n"), std::string::npos) << pbf.out;
    EXPECT_EQ(route_geometry(dir.file("from-pbf.story.json"), "train"), route_geometry(dir.file("from-xml.story.json"), "train"));
    ASSERT_EQ(route_geometry(dir.file("from-pbf.story.json"), "train")["type"], "LineString");

    // The town drawn by the shipped style from either file: the same picture, pixel for pixel.
    const std::string view = " --size 480x360 --bbox 131.84,43.07,131.97,43.18 --no-decorations";
    ASSERT_EQ(run_storyplot(dir, "render -q -o xml.png --basemap town.osm" + view).code, 0);
    const Outcome drawn = run_storyplot(dir, "render -q -o pbf.png --basemap town.osm.pbf" + view);
    ASSERT_EQ(drawn.code, 0) << drawn.err;
    const Raster a = read_raster(dir.file("xml.png"), true), b = read_raster(dir.file("pbf.png"), true);
    ASSERT_EQ(a.width, 480);
    EXPECT_EQ(a.rgba, b.rgba);
    // And the file's features are in it: the railway, river, lake, road and town area differ from
    // the map without the file.
    ASSERT_EQ(run_storyplot(dir, "render -q -o plain.png" + view).code, 0);
    const Raster plain = read_raster(dir.file("plain.png"), true);
    ASSERT_EQ(plain.rgba.size(), b.rgba.size());
    std::size_t changed = 0;
    for (std::size_t i = 0; i + 3 < b.rgba.size(); i += 4)
        for (std::size_t k = 0; k < 3; ++k)
            if (std::abs(int(b.rgba[i + k]) - int(plain.rgba[i + k])) > 24) {
                ++changed;
                break;
            }
    EXPECT_GT(changed, 1500u);  // 2,957 when written: the lines, the lake and the label
}

// The map style: a bad one is one line naming the file, and nothing is written.
TEST(Style, ABadStyleIsOneLineAndNoPicture) {
    TempDir dir;
    write_small_town_osm(dir.file("town.osm"));
    write_text(dir.file("bad.json"), R"({"rules": [{"name": "rail", "geometry": "line", "match": {"railway": "rail"}, "strokes": [{"color": "#12345"}]}]})");
    const Outcome bad = run_storyplot(dir, "render -o map.png --size 320x240 --basemap town.osm --style bad.json");
    EXPECT_EQ(bad.code, 1);
    EXPECT_EQ(bad.err, "storyplot: bad.json: rule 1 (rail): strokes[0].color: \"#12345\" is not a colour \"#rrggbb\" or \"#rrggbbaa\"\n");
    EXPECT_FALSE(fs::exists(dir.file("map.png")));

    const Outcome missing = run_storyplot(dir, "render -o map.png --size 320x240 --basemap town.osm --style none.json");
    EXPECT_EQ(missing.code, 1);
    EXPECT_EQ(lines(missing.err), 1);
    EXPECT_EQ(missing.err.rfind("storyplot: none.json: ", 0), 0u) << missing.err;

    // A style of its own: the railway drawn in pure red.
    write_text(dir.file("red.json"),
               R"({"rules": [{"name": "rail", "geometry": "line", "match": {"railway": "rail"}, "strokes": [{"color": "#ff0000", "width": 6}]}]})");
    const Outcome red = run_storyplot(dir, "render -q -o red.png --size 640x480 --bbox 131.84,43.07,131.97,43.18 --basemap town.osm --style red.json --no-decorations");
    ASSERT_EQ(red.code, 0) << red.err;
    const Raster image = read_raster(dir.file("red.png"), true);
    ASSERT_EQ(image.width, 640);
    int red_pixels = 0;
    for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4)
        red_pixels += image.rgba[i] > 240 && image.rgba[i + 1] < 20 && image.rgba[i + 2] < 20;
    EXPECT_GT(red_pixels, 1000);  // some 400 px of line, 6 px wide
}
