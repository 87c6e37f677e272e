// The built binary, as users and scripts run it: exit codes, the one-line messages, and no output
// file left behind on failure.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_run.hpp"
#include "raster.hpp"
#include "core/geo/mercator.hpp"

namespace fs = std::filesystem;
using storyplot::test_support::TempDir;

using namespace storyplot::test_support;


TEST(Cli, RendersThePngItIsAskedFor) {
    TempDir dir;
    const Outcome run = run_storyplot(dir, "render -o map.png --size 320x200 --bbox 124,37,136,46");
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, "wrote map.png (320x200)\n");
    const Raster png = read_raster(dir.file("map.png"));
    EXPECT_EQ(png.width, 320);
    EXPECT_EQ(png.height, 200);
    EXPECT_EQ(files(dir), std::vector<std::string>{"map.png"});
}

TEST(Cli, GeoTiffCoversTheBoundingBox) {
    TempDir dir;
    const Outcome run = run_storyplot(dir, "render -q -o map.tif --size 400x400 --bbox 124,37,136,46");
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, "");
    const Raster tif = read_raster(dir.file("map.tif"));
    EXPECT_EQ(tif.epsg, "3857");
    const storyplot::Box box = storyplot::mercator::forward(124, 37, 136, 46);
    const double pixel = tif.gt[1];
    // The box is centred, widened along one axis, and touches the image edges on the other.
    EXPECT_LE(tif.gt[0], box.min_x + pixel);
    EXPECT_GE(tif.gt[0] + 400 * pixel, box.max_x - pixel);
    EXPECT_LE(tif.gt[3] + 400 * tif.gt[5], box.min_y + pixel);
    EXPECT_GE(tif.gt[3], box.max_y - pixel);
    EXPECT_NEAR((tif.gt[0] + tif.gt[0] + 400 * pixel) / 2, box.center().x, pixel);
}

TEST(Cli, RendersBasemapLayers) {
    TempDir dir;
    storyplot::test_support::write_mixed_geopackage(dir.file("mixed.gpkg"));
    const Outcome run = run_storyplot(dir, "render -o map.png --size 300x200 --basemap mixed.gpkg");
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_TRUE(fs::exists(dir.file("map.png")));
}

// A polygon whose edges cross each other billions of times (random vertices) cannot be tessellated
// in any reasonable time: it is left out with one line naming the file, and the rest of the layer
// drawn as without it.
TEST(Cli, APolygonTooTangledToFillIsLeftOutWithOneLine) {
    TempDir dir;
    auto ring = [](const std::vector<std::pair<double, double>>& points) {
        std::string json = "[[";
        for (const auto& [lon, lat] : points) json += "[" + std::to_string(lon) + "," + std::to_string(lat) + "],";
        return json + "[" + std::to_string(points.front().first) + "," + std::to_string(points.front().second) + "]]]";
    };
    auto feature = [](const std::string& rings) {
        return R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":)" + rings + "}}";
    };
    std::vector<std::pair<double, double>> tangled;
    unsigned state = 12345;
    auto next = [&] { return (state = state * 1103515245u + 12345u) / 4294967296.0; };
    for (int i = 0; i < 50000; ++i) tangled.push_back({125 + 10 * next(), 38 + 7 * next()});
    const std::string square = feature(ring({{128, 40}, {130, 40}, {130, 42}, {128, 42}}));
    std::ofstream(dir.file("tangled.geojson")) << R"({"type":"FeatureCollection","features":[)" << feature(ring(tangled)) << "," << square << "]}";
    std::ofstream(dir.file("square.geojson")) << R"({"type":"FeatureCollection","features":[)" << square << "]}";

    const std::string view = " --size 240x180 --bbox 124,37,136,46 --no-decorations --no-context-labels";
    const Outcome run = run_storyplot(dir, "render -q -o tangled.png --basemap tangled.geojson" + view);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(lines(run.err), 1) << run.err;
    EXPECT_NE(run.err.find("storyplot: tangled.geojson: layer tangled: polygon 1 (50000 vertices) crosses itself about "), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("not drawn"), std::string::npos) << run.err;
    const Outcome plain = run_storyplot(dir, "render -q -o square.png --basemap square.geojson" + view);
    ASSERT_EQ(plain.code, 0) << plain.err;
    EXPECT_EQ(plain.err, "");
    // The same colour index (the first layer's) and the same square: the same picture.
    EXPECT_EQ(read_raster(dir.file("tangled.png"), true).rgba, read_raster(dir.file("square.png"), true).rgba);
}

// --no-water leaves out lakes and rivers: Lake Khanka's middle is land-coloured, as the land beside
// it, where it is the water's colour without the option.
TEST(Cli, NoWaterLeavesOutLakesAndRivers) {
    TempDir dir;
    const std::string view = " --size 240x180 --bbox 131.4,44.35,133.4,45.55 --no-decorations --no-context-labels";
    for (const std::string& args : {"render -q -o lake.png" + view, "render -q -o land.png --no-water" + view}) {
        const Outcome run = run_storyplot(dir, args);
        ASSERT_EQ(run.code, 0) << args << ": " << run.err;
        EXPECT_EQ(run.err, "");
    }
    auto pixel = [](const Raster& r, int x, int y) {
        const std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 4;
        return std::vector<std::uint8_t>(r.rgba.begin() + static_cast<std::ptrdiff_t>(at), r.rgba.begin() + static_cast<std::ptrdiff_t>(at + 3));
    };
    const Raster lake = read_raster(dir.file("lake.png"), true), land = read_raster(dir.file("land.png"), true);
    ASSERT_EQ(lake.width, 240);
    ASSERT_EQ(land.width, 240);
    EXPECT_NE(pixel(lake, 120, 90), pixel(lake, 4, 176));  // the lake's middle against the land at the corner
    EXPECT_EQ(pixel(land, 120, 90), pixel(land, 4, 176));
    EXPECT_EQ(pixel(lake, 4, 176), pixel(land, 4, 176));  // the land itself unchanged
}

TEST(Cli, UsageErrorsExitTwoWithOneLine) {
    TempDir dir;
    for (const std::string args :
         {"render", "render -o map.png --size big", "render -o map.png --size 8x8", "render -o map.png --size 20000x100",
          "render -o map.png --bbox 1,2,3", "render -o map.png --bbox 124,46,136,37", "render -o map.png --bbox 0,0,200,10", "render -o map.png --bbox 20,0,20,10",
          "render -o map.png --frobnicate", "render -o map.png --bbox a,b,c,d"}) {
        const Outcome run = run_storyplot(dir, args);
        EXPECT_EQ(run.code, 2) << args << ": " << run.err;
        EXPECT_EQ(run.err.rfind("storyplot: ", 0), 0u) << args << ": " << run.err;
        EXPECT_EQ(lines(run.err), 1) << args << ": " << run.err;
    }
    EXPECT_TRUE(files(dir).empty());
}

TEST(Cli, BadFilesExitOneNamingTheFileAndWriteNothing) {
    TempDir dir;
    storyplot::test_support::write_text(dir.file("empty.geojson"), "");
    storyplot::test_support::write_text(dir.file("broken.geojson"), R"({"type": "FeatureCollection", "features": [{"ty)");
    storyplot::test_support::write_text(dir.file("notes.bin"), std::string("\x01\x02\x03 noise \xff", 11));
    const std::vector<std::pair<std::string, std::string>> cases{
        {"missing.shp", "storyplot: missing.shp: no such file\n"},
        {"empty.geojson", "storyplot: empty.geojson: the file is empty\n"},
        {"broken.geojson", "storyplot: broken.geojson: corrupt or unreadable"},
        {"notes.bin", "storyplot: notes.bin: not a vector format GDAL can read"},
    };
    for (const auto& [file, message] : cases) {
        const Outcome run = run_storyplot(dir, "render -o map.png --size 100x100 --basemap " + file);
        EXPECT_EQ(run.code, 1) << file << ": " << run.err;
        EXPECT_EQ(run.err.rfind(message, 0), 0u) << file << ": " << run.err;
        EXPECT_EQ(lines(run.err), 1) << run.err;
        EXPECT_FALSE(fs::exists(dir.file("map.png"))) << file;
    }
    // A bad story is reported with the line and column of the fault.
    const Outcome story = run_storyplot(dir, "render broken.geojson -o map.png --size 100x100");
    EXPECT_EQ(story.code, 1);
    EXPECT_EQ(story.err.rfind("storyplot: broken.geojson:1:48: JSON syntax error", 0), 0u) << story.err;
    EXPECT_EQ(files(dir), (std::vector<std::string>{"broken.geojson", "empty.geojson", "notes.bin"}));
}

TEST(Cli, UnwritableOutputExitsOne) {
    TempDir dir;
    Outcome run = run_storyplot(dir, "render -o no/such/dir/map.png --size 100x100");
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "storyplot: no/such/dir/map.png: cannot write: folder no/such/dir does not exist\n");
    run = run_storyplot(dir, "render -o map.svg --size 100x100");
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "storyplot: map.svg: unknown image format (use .png, .jpg or .tif)\n");
    EXPECT_TRUE(files(dir).empty());
}

TEST(Cli, WithoutADisplayTheWindowBecomesAPng) {
    TempDir dir;
    const Outcome run = run_storyplot(dir, "", "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER");
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(lines(run.err), 1) << run.err;
    EXPECT_NE(run.err.find("no display"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("storyplot-view.png"), std::string::npos) << run.err;
    const Raster png = read_raster(dir.file("storyplot-view.png"));
    EXPECT_EQ(png.width, 1280);
    EXPECT_EQ(png.height, 800);
}

TEST(Cli, WindowOpensUnderXvfbAndShowsBadFilesWithoutDying) {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_FAIL() << "xvfb-run is missing: run ./setup.sh";
    TempDir dir;
    storyplot::test_support::write_text(dir.file("broken.geojson"), "{");
    const Outcome run = run_storyplot(dir, "--exit-after-frames 3 --basemap broken.geojson", "xvfb-run -a -s '-screen 0 1280x800x24'");
    EXPECT_EQ(run.code, 0) << run.err;
}

namespace {
const std::string seed_story = std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json";
}  // namespace

TEST(Cli, ValidateSaysWhatAStoryHolds) {
    TempDir dir;
    const Outcome run = run_storyplot(dir, "validate '" + seed_story + "'");
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, seed_story + ": 8 places, 3 routes, 6 chapters\n");
}

TEST(Cli, ValidateNamesTheFaultAndItsPlace) {
    TempDir dir;
    storyplot::test_support::write_text(dir.file("syntax.story.json"), "{\n  \"type\": \"FeatureCollection\",\n  \"story\": {,}\n}\n");
    Outcome run = run_storyplot(dir, "validate syntax.story.json");
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err.rfind("storyplot: syntax.story.json:3:13: JSON syntax error", 0), 0u) << run.err;
    EXPECT_EQ(lines(run.err), 1);
    storyplot::test_support::write_text(dir.file("stop.story.json"), R"({"type": "FeatureCollection", "story": {"title": "t"}, "features": [
      {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [130, 42]}, "properties": {"kind": "place"}},
      {"type": "Feature", "id": "train", "geometry": null, "properties": {"kind": "route", "mode": "train", "stops": ["a", "moscow"]}}]})");
    run = run_storyplot(dir, "validate stop.story.json");
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "storyplot: stop.story.json: feature \"train\": stop \"moscow\" names no place\n");
    run = run_storyplot(dir, "validate");
    EXPECT_EQ(run.code, 2);
    run = run_storyplot(dir, "validate missing.story.json");
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "storyplot: missing.story.json: no such file\n");
}

TEST(Cli, RendersTheSeedStory) {
    TempDir dir;
    const Outcome run = run_storyplot(dir, "render '" + seed_story + "' -o story.png --size 640x400");
    ASSERT_EQ(run.code, 0) << run.err;
    const Raster png = read_raster(dir.file("story.png"));
    EXPECT_EQ(png.width, 640);
    EXPECT_EQ(png.height, 400);
}

// The inset shows the world whatever the view's own level. A view wide enough for 1:110m read that
// level for the view alone, and the inset, which draws that level, was an empty sea.
TEST(Cli, TheInsetOfAWideViewShowsTheWorld) {
    TempDir dir;
    const std::string view = "render --bbox -179,-60,-90,20 --size 640x400 --no-credits --no-context-labels -q";
    ASSERT_EQ(run_storyplot(dir, view + " -o inset.png").code, 0);
    ASSERT_EQ(run_storyplot(dir, view + " --no-inset -o bare.png").code, 0);
    const Raster inset = read_raster(dir.file("inset.png"), true), bare = read_raster(dir.file("bare.png"), true);
    ASSERT_EQ(inset.width, 640);
    ASSERT_EQ(bare.width, 640);
    auto land = [](const Raster& r, int x, int y) {
        const std::uint8_t* p = &r.rgba[(static_cast<std::size_t>(y) * r.width + x) * 4];
        return p[0] == 0xf4 && p[1] == 0xf1 && p[2] == 0xeb;
    };
    int land_the_inset_adds = 0;  // in the lower right quarter, where the inset sits
    for (int y = 200; y < 400; ++y)
        for (int x = 320; x < 640; ++x) land_the_inset_adds += land(inset, x, y) && !land(bare, x, y);
    EXPECT_GT(land_the_inset_adds, 200);
}

TEST(Cli, RendersTheStoryAtAMoment) {
    TempDir dir;
    Outcome run = run_storyplot(dir, "render '" + seed_story + "' --time 2019-04-24T12:00+10:00 -o noon.png --size 400x300");
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_TRUE(fs::exists(dir.file("noon.png")));
    run = run_storyplot(dir, "render '" + seed_story + "' --time 'noon on Wednesday' -o x.png");
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err, "storyplot: --time: \"noon on Wednesday\" is not an ISO 8601 time (e.g. 2019-04-24T12:00+10:00)\n");
    run = run_storyplot(dir, "render --time 2019-04-24T12:00 -o x.png");
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err, "storyplot: --time needs a story\n");
    EXPECT_FALSE(fs::exists(dir.file("x.png")));
}

TEST(Cli, ExtractWritesADraftStory) {
    TempDir dir;
    storyplot::test_support::write_text(dir.file("article.txt"),
                                        "Royal visit\n\nThe King flew from London to Edinburgh on Monday and then travelled on to Aberdeen by train.\n");
    Outcome run = run_storyplot(dir, "extract article.txt -o draft.story.json");
    ASSERT_EQ(run.code, 0) << run.err;
    run = run_storyplot(dir, "validate draft.story.json");
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, "draft.story.json: 3 places, 1 route, 0 chapters\n");
    // With the article's date its "on Monday" is a day: the journey has times and plays at once.
    run = run_storyplot(dir, "extract article.txt -o dated.story.json --date 2019-04-24");
    ASSERT_EQ(run.code, 0) << run.err;
    const std::string dated = slurp(dir.file("dated.story.json"));
    // Edinburgh on the Monday before that Wednesday (midday, London's zone), London an hour and
    // three quarters before by air.
    EXPECT_NE(dated.find("\"arrive\": \"2019-04-22T12:00+00:00\""), std::string::npos) << dated;
    EXPECT_NE(dated.find("\"depart\": \"2019-04-22T10:14+00:00\""), std::string::npos) << dated;
    EXPECT_EQ(run_storyplot(dir, "validate dated.story.json").code, 0);
    run = run_storyplot(dir, "extract article.txt -o bad.story.json --date 24/04/2019");
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err, "storyplot: --date 24/04/2019: not a date (YYYY-MM-DD)\n");
    EXPECT_FALSE(fs::exists(dir.file("bad.story.json")));
}

// The executable runs a warm extract with core and the reader alone: the dynamic loader maps neither
// the whole program nor GDAL (LD_DEBUG=files names every object it loads). A cold one, and every
// other command, runs in the whole program, and the draft is the same either way.
TEST(Cli, AWarmExtractLoadsNeitherTheProgramNorGdal) {
    TempDir dir;
    fs::create_directory(dir.file("cache"));
    const std::string cache = "STORYPLOT_CACHE='" + dir.file("cache") + "' LD_DEBUG=files";
    storyplot::test_support::write_text(dir.file("article.txt"), "The train left Pyongyang on Tuesday and crossed into Russia at Khasan on its way to Vladivostok.\n");
    Outcome run = run_storyplot(dir, "extract article.txt -o cold.story.json -q", cache);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.err.find("libstoryplot_app.so"), std::string::npos);  // it builds the reader's cache, with GDAL
    run = run_storyplot(dir, "extract article.txt -o warm.story.json -q", cache);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err.find("libstoryplot_app.so"), std::string::npos);
    EXPECT_EQ(run.err.find("libgdal"), std::string::npos);
    EXPECT_EQ(slurp(dir.file("warm.story.json")), slurp(dir.file("cold.story.json")));
    // A warm extract that fails is worded by the whole program, as any failure is.
    run = run_storyplot(dir, "extract missing.txt -o x.story.json", "STORYPLOT_CACHE='" + dir.file("cache") + "'");
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "storyplot: missing.txt: no such file\n");
    run = run_storyplot(dir, "validate warm.story.json", cache);
    EXPECT_EQ(run.code, 0);
    EXPECT_NE(run.err.find("libstoryplot_app.so"), std::string::npos);
}

// The executable without the program beside it says so in one line, for any command but a warm
// extract.
TEST(Cli, TheExecutableWithoutItsProgramSaysSo) {
    TempDir dir;
    fs::copy_file(STORYPLOT_BINARY, dir.file("storyplot"));
    const std::string command = "cd '" + dir.path().string() + "' && ./storyplot validate x.story.json 2> err.txt";
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1);
    const std::string err = slurp(dir.file("err.txt"));
    EXPECT_EQ(lines(err), 1) << err;
    EXPECT_EQ(err.rfind("storyplot: cannot load the program: " + dir.file("libstoryplot_app.so") + ": ", 0), 0u) << err;
}

TEST(Cli, ExtractRefusesWhatIsNotText) {
    TempDir dir;
    storyplot::test_support::write_text(dir.file("empty.txt"), " \n\n");
    storyplot::test_support::write_text(dir.file("latin1.txt"), "Caf\xe9 in Montr\xe9" "al\nsecond line\n");
    storyplot::test_support::write_text(dir.file("binary.txt"), std::string("PK\x03\x04\0\0\x14\0", 8));
    const std::vector<std::pair<std::string, std::string>> cases{
        {"empty.txt", "storyplot: empty.txt: the file is empty\n"},
        {"latin1.txt", "storyplot: latin1.txt:1: not UTF-8 text (byte 4)\n"},
        {"binary.txt", "storyplot: binary.txt: looks like a binary file, not text\n"},
        {"missing.txt", "storyplot: missing.txt: no such file\n"},
    };
    for (const auto& [file, message] : cases) {
        const Outcome run = run_storyplot(dir, "extract " + file + " -o draft.story.json");
        EXPECT_EQ(run.code, 1) << file;
        EXPECT_EQ(run.err, message);
    }
    EXPECT_FALSE(fs::exists(dir.file("draft.story.json")));
}
