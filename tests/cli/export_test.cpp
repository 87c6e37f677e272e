// Exports through the built binary: georeferencing, animations (frame counts, frame k = the still
// at its time), interchange files, and the bad inputs of each.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <sys/wait.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "raster.hpp"
#include "core/geo/mercator.hpp"

namespace fs = std::filesystem;
using namespace storyplot::test_support;

namespace {

const std::string seed = std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json";

// The size whose aspect is exactly the box's in Web Mercator, `height` pixels tall.
int width_for(const storyplot::Box& lonlat, int height) {
    const storyplot::Box m = storyplot::mercator::forward(lonlat.min_x, lonlat.min_y, lonlat.max_x, lonlat.max_y);
    return static_cast<int>(std::lround(height * m.width() / m.height()));
}

void expect_corners(const Raster& r, const storyplot::Box& lonlat) {
    const storyplot::Box m = storyplot::mercator::forward(lonlat.min_x, lonlat.min_y, lonlat.max_x, lonlat.max_y);
    const double px = std::abs(r.gt[1]);
    EXPECT_NEAR(r.gt[0], m.min_x, px);
    EXPECT_NEAR(r.gt[3], m.max_y, px);
    EXPECT_NEAR(r.gt[0] + r.width * r.gt[1], m.max_x, px);
    EXPECT_NEAR(r.gt[3] + r.height * r.gt[5], m.min_y, px);
}

// Bytes of two images of one size that differ by more than 8 (of 255): an animation frame against
// the still of its moment differs only by the encoder's rounding.
std::size_t differing_bytes(const Raster& a, const Raster& b) {
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) differing += std::abs(int(a.rgba[i]) - int(b.rgba[i])) > 8;
    return differing;
}

}  // namespace

TEST(Export, GeoTiffCornersMatchTheBox) {
    TempDir dir;
    const storyplot::Box box = storyplot::Box::of(124, 37, 136, 46);
    const int w = width_for(box, 700);
    const Outcome o = run_storyplot(dir, "render '" + seed + "' -q -o map.tif --bbox 124,37,136,46 --size " + std::to_string(w) + "x700");
    ASSERT_EQ(o.code, 0) << o.err;
    const Raster r = read_raster(dir.file("map.tif"));
    EXPECT_EQ(r.epsg, "3857");
    expect_corners(r, box);
}

TEST(Export, WorldFileBesideAPng) {
    TempDir dir;
    const storyplot::Box box = storyplot::Box::of(129.5, 41.8, 133.5, 44.0);
    const int w = width_for(box, 500);
    const Outcome o = run_storyplot(dir, "render '" + seed + "' -q --world-file -o map.png --bbox 129.5,41.8,133.5,44 --size " + std::to_string(w) + "x500");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_EQ(files(dir), (std::vector<std::string>{"map.pgw", "map.png", "map.png.aux.xml", "map.prj"}));
    const Raster r = read_raster(dir.file("map.png"));  // GDAL reads the .pgw and .prj beside it
    EXPECT_EQ(r.epsg, "3857");
    expect_corners(r, box);
    const Outcome tif = run_storyplot(dir, "render -q --world-file -o map.tif --size 100x100");
    EXPECT_EQ(tif.code, 2);
}

TEST(Export, ABoxWhoseWestIsPastItsEastCrossesTheAntimeridian) {
    // 170 E to 170 W over the Bering Sea: 20 degrees wide, its east drawn on past 180 degrees.
    TempDir dir;
    const storyplot::Box box = storyplot::Box::of(170, 50, 190, 66);
    const int w = width_for(box, 400);
    const Outcome o = run_storyplot(dir, "render '" + seed + "' -q -o bering.tif --bbox 170,50,-170,66 --size " + std::to_string(w) + "x400");
    ASSERT_EQ(o.code, 0) << o.err;
    const Raster r = read_raster(dir.file("bering.tif"), true);
    expect_corners(r, box);
    // Land on both sides of the antimeridian (Chukotka and Alaska), sea between: not a blank
    // picture, nor the 340 degrees west of 170 E squeezed in.
    auto land_in = [&](int x0, int x1) {
        std::size_t land = 0;
        for (int y = 0; y < r.height; ++y)
            for (int x = x0; x < x1; ++x) {
                const std::uint8_t* p = &r.rgba[(static_cast<std::size_t>(y) * r.width + x) * 4];
                land += p[0] > p[2];  // land is warm, sea cool
            }
        return land;
    };
    EXPECT_GT(land_in(0, w / 2), 1000u);
    EXPECT_GT(land_in(w / 2, w), 1000u);
}

TEST(Export, LargeImagesAndScale) {
    TempDir dir;
    // Larger than one 4096-pixel tile in both directions, at twice the line widths.
    const Outcome o = run_storyplot(dir, "render '" + seed + "' -q -o big.jpg --size 4500x4200 --scale 2 --no-context-labels");
    ASSERT_EQ(o.code, 0) << o.err;
    const Raster r = read_raster(dir.file("big.jpg"));
    EXPECT_EQ(r.width, 4500);
    EXPECT_EQ(r.height, 4200);
    EXPECT_EQ(run_storyplot(dir, "render -q -o x.png --scale 20").code, 2);
}

TEST(Export, AnimationsHaveExactlyFpsTimesSecondsFrames) {
    if (std::system("command -v ffprobe >/dev/null 2>&1") != 0) GTEST_FAIL() << "ffmpeg is missing: run ./setup.sh";
    TempDir dir;
    for (const std::string name : {"a.mp4", "a.gif", "a.webm"}) {
        const Outcome o = run_storyplot(dir, "animate '" + seed + "' -q -o " + name + " --fps 6 --seconds 1.5 --size 320x180 --no-inset");
        ASSERT_EQ(o.code, 0) << name << ": " << o.err;
        const std::string probe = "ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames,width,height -of csv=p=0 '" +
                                  dir.file(name) + "' > '" + dir.file("probe.txt") + "'";
        ASSERT_EQ(std::system(probe.c_str()), 0);
        EXPECT_EQ(slurp(dir.file("probe.txt")), "320,180,9\n") << name;
    }
    const std::string pix = "ffprobe -v error -select_streams v:0 -show_entries stream=pix_fmt,codec_name -of csv=p=0 '" + dir.file("a.mp4") +
                            "' > '" + dir.file("probe.txt") + "'";
    ASSERT_EQ(std::system(pix.c_str()), 0);
    EXPECT_EQ(slurp(dir.file("probe.txt")), "h264,yuv420p\n");
}

TEST(Export, FrameKIsTheStillAtItsTime) {
    TempDir dir;
    // Ten frames over ten minutes: frame k shows 06:00 + k minutes.
    const std::string common = " --bbox 126,39,132,43 --size 480x320 --no-inset";
    Outcome o = run_storyplot(dir, "animate '" + seed + "' -q -o frames/ --fps 5 --seconds 2 --from 2019-04-24T06:00+10:00 --to 2019-04-24T06:10+10:00" + common);
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path() / "frames"), {}), 10);
    o = run_storyplot(dir, "render '" + seed + "' -q -o still.png --time 2019-04-24T06:07+10:00" + common);
    ASSERT_EQ(o.code, 0) << o.err;
    const Raster frame = read_raster((dir.path() / "frames" / "frame_00007.png").string(), true);
    const Raster still = read_raster(dir.file("still.png"), true);
    ASSERT_EQ(frame.rgba.size(), still.rgba.size());
    EXPECT_LT(differing_bytes(frame, still), frame.rgba.size() / 1000);
    const Raster other = read_raster((dir.path() / "frames" / "frame_00002.png").string(), true);
    EXPECT_NE(other.rgba, frame.rgba);  // the train moved
}

// An MP4 frame decodes to the picture its PNG frame holds, at an even size (I420 made in storyplot:
// core/files/video_frame, whose unit tests pin the BT.709 weights) and an odd one (RGBA padded and
// converted by ffmpeg), both tagged BT.709 in limited range so players read them as made.
TEST(Export, VideoFramesAreThePicturesInBt709) {
    if (std::system("command -v ffprobe >/dev/null 2>&1") != 0) GTEST_FAIL() << "ffmpeg is missing: run ./setup.sh";
    TempDir dir;
    for (const std::string size : {"320x180", "321x181"}) {
        const std::string common = " --fps 5 --seconds 0.4 --size " + size + " --from 2019-04-24T06:00+10:00 --to 2019-04-24T09:00+10:00";
        Outcome o = run_storyplot(dir, "animate '" + seed + "' -q -o frames" + size + "/" + common);
        ASSERT_EQ(o.code, 0) << o.err;
        o = run_storyplot(dir, "animate '" + seed + "' -q -o a" + size + ".mp4" + common);
        ASSERT_EQ(o.code, 0) << o.err;
        const std::string mp4 = dir.file("a" + size + ".mp4");
        const std::string probe = "ffprobe -v error -select_streams v:0 -show_entries stream=color_space,color_range,color_primaries,color_transfer -of csv=p=0 '" +
                                  mp4 + "' > '" + dir.file("probe.txt") + "'";
        ASSERT_EQ(std::system(probe.c_str()), 0);
        EXPECT_EQ(slurp(dir.file("probe.txt")), "tv,bt709,bt709,bt709\n") << size;
        // The second frame, decoded as its tags say (without the odd size's pad).
        const std::string crop = "format=rgb24,crop=" + size.substr(0, 3) + ":" + size.substr(4) + ":0:0";
        const std::string decode = "ffmpeg -v error -i '" + mp4 + "' -vf 'select=eq(n\\,1)," + crop + "' -frames:v 1 -y '" + dir.file("decoded.png") + "'";
        ASSERT_EQ(std::system(decode.c_str()), 0);
        const Raster video = read_raster(dir.file("decoded.png"), true);
        const Raster picture = read_raster((dir.path() / ("frames" + size) / "frame_00001.png").string(), true);
        ASSERT_EQ(video.rgba.size(), picture.rgba.size()) << size;
        for (int c = 0; c < 3; ++c) {
            double sum = 0, sum_abs = 0;
            for (std::size_t i = static_cast<std::size_t>(c); i < video.rgba.size(); i += 4) {
                const int d = int(video.rgba[i]) - int(picture.rgba[i]);
                sum += d;
                sum_abs += std::abs(d);
            }
            const double n = static_cast<double>(video.rgba.size() / 4);
            // Compression costs a few levels, most at edges.
            EXPECT_LT(std::abs(sum / n), 2.5) << size << " channel " << c;
            EXPECT_LT(sum_abs / n, 4.0) << size << " channel " << c;
        }
    }
}

TEST(Export, AnimationBadInputLeavesNothing) {
    TempDir dir;
    EXPECT_EQ(run_storyplot(dir, "animate '" + seed + "' -o a.avi").code, 2);
    EXPECT_EQ(run_storyplot(dir, "animate '" + seed + "' -o a.mp4 --route nowhere").code, 2);
    EXPECT_EQ(run_storyplot(dir, "animate '" + seed + "' -o a.mp4 --chapter nowhere").code, 2);
    EXPECT_EQ(run_storyplot(dir, "animate '" + seed + "' -o a.mp4 --size 10x10").code, 2);
    EXPECT_EQ(run_storyplot(dir, "animate '" + seed + "' -o a.mp4 --fps 0").code, 2);
    Outcome o = run_storyplot(dir, "animate '" + seed + "' -o no/such/a.mp4");
    EXPECT_EQ(o.code, 1);
    EXPECT_EQ(o.err, "storyplot: no/such/a.mp4: cannot write: folder no/such does not exist\n");
    // Without ffmpeg on the PATH: one line, nothing written.
    o = run_storyplot(dir, "animate '" + seed + "' -o a.mp4 --size 64x64", "PATH=/nonexistent");
    EXPECT_EQ(o.code, 1);
    EXPECT_EQ(o.err, "storyplot: a.mp4: ffmpeg is not installed: it encodes GIF, MP4 and WebM (apt-get install ffmpeg)\n");
    EXPECT_TRUE(files(dir).empty());
}

// Cancelling (SIGINT, SIGTERM, to the process or its group) is pinned in dependable_test.cpp.

TEST(Export, KmlHasAFlyToPerChapterAndGpxRoundTrips) {
    TempDir dir;
    ASSERT_EQ(run_storyplot(dir, "export '" + seed + "' -o story.kml").code, 0);
    ASSERT_EQ(run_storyplot(dir, "export '" + seed + "' -o story.gpx").code, 0);
    ASSERT_EQ(run_storyplot(dir, "export '" + seed + "' -o story.geojson").code, 0);
    const std::string kml = slurp(dir.file("story.kml"));
    std::size_t flights = 0;
    for (std::size_t at = kml.find("<gx:FlyTo>"); at != std::string::npos; at = kml.find("<gx:FlyTo>", at + 1)) ++flights;
    EXPECT_EQ(flights, 6u);
    GDALAllRegister();
    // GDAL's KML reader parses it as XML (a malformed file does not open) and finds every placemark.
    {
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(dir.file("story.kml").c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(ds);
        OGRLayer* places = ds->GetLayerByName("Places");
        ASSERT_TRUE(places);
        EXPECT_EQ(places->GetFeatureCount(), 8);
    }
    {
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(dir.file("story.gpx").c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(ds);
        EXPECT_EQ(ds->GetLayerByName("tracks")->GetFeatureCount(), 3);
        EXPECT_EQ(ds->GetLayerByName("waypoints")->GetFeatureCount(), 8);
        OGRLayer* points = ds->GetLayerByName("track_points");
        std::unique_ptr<OGRFeature> first(points->GetNextFeature());
        ASSERT_TRUE(first);
        int y, m, d, h, min, tz;
        float s;
        ASSERT_TRUE(first->GetFieldAsDateTime(first->GetFieldIndex("time"), &y, &m, &d, &h, &min, &s, &tz));
        EXPECT_EQ(y, 2019);
        EXPECT_EQ(m, 4);
        EXPECT_EQ(d, 23);
        EXPECT_EQ(h, 13);  // 23:00 at UTC+10
    }
    {
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(dir.file("story.geojson").c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(ds);
        EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 11);
    }
    EXPECT_EQ(run_storyplot(dir, "export '" + seed + "' -o story.shp").code, 2);
}

TEST(Export, ATourIsTheChaptersInTurnFrameForFrame) {
    TempDir dir;
    const std::string common = " --size 320x180 --no-decorations";
    Outcome o = run_storyplot(dir, "animate '" + seed + "' -o frames/ --fps 1 --tour" + common);
    ASSERT_EQ(o.code, 0) << o.err;
    // As many frames as the tour has seconds at 1 frame/s, as it says.
    const auto frames = std::distance(fs::directory_iterator(dir.path() / "frames"), {});
    EXPECT_GT(frames, 6 * 4);  // six chapters, four seconds each at least
    EXPECT_NE(o.out.find("(" + std::to_string(frames) + " frames"), std::string::npos) << o.out;
    // The first frame is the first chapter's view at its time, as `render --chapter` draws it.
    const auto story = nlohmann::json::parse(slurp(seed));
    const std::string first = story["story"]["chapters"][0]["id"];
    o = run_storyplot(dir, "render '" + seed + "' -q -o first.png --chapter " + first + common);
    ASSERT_EQ(o.code, 0) << o.err;
    const Raster frame = read_raster((dir.path() / "frames" / "frame_00000.png").string(), true);
    const Raster still = read_raster(dir.file("first.png"), true);
    ASSERT_EQ(frame.rgba.size(), still.rgba.size());
    EXPECT_LT(differing_bytes(frame, still), frame.rgba.size() / 1000);
    // The tour sets views, times and length itself: the options that would fight it are refused.
    EXPECT_EQ(run_storyplot(dir, "animate '" + seed + "' -o t.mp4 --tour --seconds 5").code, 2);
    EXPECT_EQ(run_storyplot(dir, "animate '" + seed + "' -o t.mp4 --tour --route armoured-train-2019").code, 2);
}

// A GPX made by `export` comes back by `import` as a story that validates: its waypoints as places,
// each track a route along the same path stopping at the waypoints it passes, at their times.
TEST(Import, AnExportedGpxComesBackAsAStoryThatPlays) {
    TempDir dir;
    ASSERT_EQ(run_storyplot(dir, "export '" + seed + "' -o seed.gpx").code, 0);
    const Outcome o = run_storyplot(dir, "import seed.gpx -o back.story.json");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_NE(o.out.find("wrote back.story.json: 8 places, 3 routes, 3 chapters"), std::string::npos) << o.out;
    EXPECT_EQ(run_storyplot(dir, "validate back.story.json").code, 0);
    const auto story = nlohmann::json::parse(slurp(dir.file("back.story.json")));
    const auto original = nlohmann::json::parse(slurp(seed));
    auto route = [](const nlohmann::json& s, const std::string& name) -> const nlohmann::json* {
        for (const auto& f : s["features"])
            if (f["properties"]["kind"] == "route" && f["properties"]["name"] == name) return &f;
        return nullptr;
    };
    const auto* train = route(story, "Kim Jong Un's armoured train, April 2019");
    const auto* before = route(original, "Kim Jong Un's armoured train, April 2019");
    ASSERT_TRUE(train && before);
    EXPECT_EQ((*train)["properties"]["mode"], "train");
    EXPECT_EQ((*train)["geometry"]["coordinates"].size(), (*before)["geometry"]["coordinates"].size());
    EXPECT_EQ((*train)["properties"]["stops"], (nlohmann::json{"pyongyang", "tumangang", "khasan", "vladivostok-station"}));
    // Pyongyang at 23:00 (+10:00) is 13:00Z; the story's clock is the zone of its first point (125.75E: +08:00).
    EXPECT_EQ((*train)["properties"]["times"][0]["depart"], "2019-04-23T21:00+08:00");
    // The hour at Khasan (10:40 to 11:40, +10:00) is written as two points and read back as a wait.
    EXPECT_EQ((*train)["properties"]["times"][2]["arrive"], "2019-04-24T08:40+08:00");
    EXPECT_EQ((*train)["properties"]["times"][2]["depart"], "2019-04-24T09:40+08:00");
    // A file that is none of what import reads is one line naming it, and nothing is written.
    const Outcome foreign = run_storyplot(dir, "import '" + seed + "' -o no.story.json");
    EXPECT_NE(foreign.code, 0);
    EXPECT_NE(foreign.err.find("neither StoryMapJS slides nor kepler.gl trips"), std::string::npos) << foreign.err;
    EXPECT_EQ(std::count(foreign.err.begin(), foreign.err.end(), '\n'), 1) << foreign.err;
    EXPECT_FALSE(fs::exists(dir.file("no.story.json")));
}

// StoryMapJS both ways: slides read as chapters framing their places, and a story written as slides
// that read back chapter for chapter, with one line for what StoryMapJS has no place for.
TEST(Import, StoryMapJSSlidesAsChaptersAndAStoryPublishedAsSlides) {
    TempDir dir;
    const std::string slides = std::string(STORYPLOT_TEST_DIR) + "/data/storymap/rivers-of-the-border.json";
    Outcome o = run_storyplot(dir, "import '" + slides + "' -o border.story.json");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_NE(o.out.find("wrote border.story.json: 2 places, 0 routes, 4 chapters"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("import: not kept: 1 slide date that is not a time (kept in its text), 1 slide background"), std::string::npos) << o.out;
    EXPECT_EQ(run_storyplot(dir, "validate border.story.json").code, 0);
    o = run_storyplot(dir, "render border.story.json -q -o border.png --size 640x400 --chapter the-rail-bridge");
    EXPECT_EQ(o.code, 0) << o.err;

    o = run_storyplot(dir, "export '" + seed + "' -o seed.storymap.json");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_NE(o.out.find("export: StoryMapJS has no place for 3 routes"), std::string::npos) << o.out;
    const auto published = nlohmann::json::parse(slurp(dir.file("seed.storymap.json")));
    const auto original = nlohmann::json::parse(slurp(seed));
    ASSERT_EQ(published["storymap"]["slides"].size(), original["story"]["chapters"].size() + 1);  // and the overview
    EXPECT_EQ(published["storymap"]["slides"][0]["type"], "overview");
    o = run_storyplot(dir, "import seed.storymap.json -o back.story.json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto back = nlohmann::json::parse(slurp(dir.file("back.story.json")));
    ASSERT_EQ(back["story"]["chapters"].size(), original["story"]["chapters"].size());
    for (std::size_t i = 0; i < back["story"]["chapters"].size(); ++i)
        EXPECT_EQ(back["story"]["chapters"][i]["title"], original["story"]["chapters"][i]["title"]);
    // A broken slide is one line naming the file; nothing is written.
    std::ofstream(dir.file("bad.json")) << R"({"storymap": {"slides": [{"location": {"lat": 123, "lon": 4}}]}})";
    o = run_storyplot(dir, "import bad.json -o bad.story.json");
    EXPECT_NE(o.code, 0);
    EXPECT_NE(o.err.find("bad.json: slide 1: its location (123, 4) is not a place on the Earth"), std::string::npos) << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    EXPECT_FALSE(fs::exists(dir.file("bad.story.json")));
}

// kepler.gl trips: a line whose coordinates carry their times (milliseconds here) plays as it
// happened, its half-hour pause a stop.
TEST(Import, KeplerTripsPlayAsTheyHappened) {
    TempDir dir;
    std::string coords;
    const long long start_ms = 1556064000000LL;  // 2019-04-24T00:00Z
    const int minutes[] = {0, 10, 20, 30, 60, 70, 80};
    const double lons[] = {131.80, 131.85, 131.90, 131.95, 131.9501, 132.00, 132.05};
    for (int i = 0; i < 7; ++i)
        coords += std::string(i ? "," : "") + "[" + std::to_string(lons[i]) + ", 43.1, 0, " + std::to_string(start_ms + minutes[i] * 60000LL) + "]";
    write_text(dir.file("trips.geojson"), R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"vendor": "Bus 7"},
        "geometry": {"type": "LineString", "coordinates": [)" + coords + "]}}]}");
    const Outcome o = run_storyplot(dir, "import trips.geojson -o trips.story.json");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_NE(o.out.find("import: 7 points read"), std::string::npos) << o.out;
    EXPECT_EQ(run_storyplot(dir, "validate trips.story.json").code, 0);
    const auto story = nlohmann::json::parse(slurp(dir.file("trips.story.json")));
    const nlohmann::json* bus = nullptr;
    for (const auto& f : story["features"])
        if (f["properties"]["kind"] == "route") bus = &f;
    ASSERT_TRUE(bus);
    EXPECT_EQ((*bus)["properties"]["name"], "Bus 7");
    EXPECT_EQ((*bus)["properties"]["stops"].size(), 3u);  // start, the pause, end
    EXPECT_EQ((*bus)["geometry"]["coordinates"].size(), 7u);
    // It animates on its own clock.
    EXPECT_EQ(run_storyplot(dir, "animate trips.story.json -q -o frames/ --fps 1 --seconds 2 --size 160x100").code, 0);
}

// A recorded track: its pause becomes a stop, the times come from the recording, and what the story
// cannot keep (the elevations) is said in one line.
TEST(Import, ARecordedTrackPlaysAsRecordedAndSaysWhatItDropped) {
    TempDir dir;
    std::ostringstream gpx;
    gpx << "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
        << "<trk><name>Ride</name><trkseg>\n";
    for (int i = 0; i <= 40; ++i) {
        const int minute = i <= 20 ? i : i + 15;  // stands still 15 minutes after point 20
        const double lon = 131.9 + 0.004 * i;
        gpx << "<trkpt lat=\"43.1\" lon=\"" << lon << "\"><ele>" << 10 + i << "</ele><time>2019-04-25T01:"
            << (minute < 10 ? "0" : "") << minute << ":00Z</time></trkpt>\n";
        if (i == 20) gpx << "<trkpt lat=\"43.1\" lon=\"" << lon << "\"><time>2019-04-25T01:35:00Z</time></trkpt>\n";
    }
    gpx << "</trkseg></trk>\n</gpx>\n";
    write_text(dir.file("ride.gpx"), gpx.str());
    const Outcome o = run_storyplot(dir, "import ride.gpx -o ride.story.json");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_NE(o.out.find("import: 42 points read; not kept: 41 elevations"), std::string::npos) << o.out;
    const auto story = nlohmann::json::parse(slurp(dir.file("ride.story.json")));
    EXPECT_EQ(story["story"]["timezone"], "+09:00");
    for (const auto& f : story["features"])
        if (f["properties"]["kind"] == "route") {
            EXPECT_EQ(f["properties"]["mode"], "car");  // 13 km in 55 minutes
            const auto& times = f["properties"]["times"];
            ASSERT_EQ(times.size(), 3u);
            EXPECT_EQ(times[1]["arrive"], "2019-04-25T10:20+09:00");
            EXPECT_EQ(times[1]["depart"], "2019-04-25T10:35+09:00");
            EXPECT_EQ(times[2], "2019-04-25T10:55+09:00");  // an arrival alone is written as the time
        }
    EXPECT_EQ(run_storyplot(dir, "render ride.story.json -q -o ride.png --size 320x200 --time 2019-04-25T10:30+09:00").code, 0);
}

// A KML made by `export` (Google Earth's format) comes back: placemarks as places, lines as routes
// stopping at the placemarks they pass, folders as chapters; the tour it cannot keep is said.
TEST(Import, AnExportedKmlComesBackWithItsTourAsChapters) {
    TempDir dir;
    ASSERT_EQ(run_storyplot(dir, "export '" + seed + "' -o seed.kml").code, 0);
    Outcome o = run_storyplot(dir, "import seed.kml -o back.story.json");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_NE(o.out.find("8 places, 3 routes, 6 chapters"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("not kept: the gx:Tour's timings (its flights are the chapters)"), std::string::npos) << o.out;
    EXPECT_EQ(run_storyplot(dir, "validate back.story.json").code, 0);
    const auto story = nlohmann::json::parse(slurp(dir.file("back.story.json")));
    const auto original = nlohmann::json::parse(slurp(seed));
    // A chapter for each of the tour's flights, at the view it flies to: the zoom the seed gives
    // comes back to a hundredth; a flight that opens a placemark's balloon is named for it.
    ASSERT_EQ(story["story"]["chapters"].size(), original["story"]["chapters"].size());
    for (std::size_t i = 0; i < original["story"]["chapters"].size(); ++i) {
        const auto& before = original["story"]["chapters"][i];
        const auto& after = story["story"]["chapters"][i];
        ASSERT_TRUE(after.contains("center") && after.contains("zoom")) << i;
        if (before.contains("zoom")) {
            EXPECT_NEAR(after["zoom"].get<double>(), before["zoom"].get<double>(), 0.01) << i;
        }
    }
    EXPECT_EQ(story["story"]["chapters"][2]["title"], "Tumangang");
    EXPECT_EQ(story["story"]["chapters"][2]["focus"], (nlohmann::json{"tumangang"}));
    EXPECT_EQ(story["story"]["chapters"][1]["title"], "View 2");  // the train: no placemark of its own
    for (const auto& f : story["features"])
        if (f["properties"]["name"] == "Kim Jong Un's armoured train, April 2019") {
            EXPECT_EQ(f["properties"]["stops"], (nlohmann::json{"pyongyang", "tumangang", "khasan", "vladivostok-station"}));
            EXPECT_FALSE(f["properties"].contains("times"));  // a KML line has no times of its own
        }
    // Without a tour, each folder is a chapter framing what it holds.
    write_text(dir.file("folders.kml"), R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Two folders</name>
<Folder><name>North</name><Placemark><name>A</name><Point><coordinates>130,43,0</coordinates></Point></Placemark>
<Placemark><name>B</name><Point><coordinates>131,43.5,0</coordinates></Point></Placemark></Folder>
<Folder><name>South</name><Placemark><name>C</name><Point><coordinates>129,40,0</coordinates></Point></Placemark></Folder>
</Document></kml>)");
    o = run_storyplot(dir, "import folders.kml -o folders.story.json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto folders = nlohmann::json::parse(slurp(dir.file("folders.story.json")));
    ASSERT_EQ(folders["story"]["chapters"].size(), 2u);
    EXPECT_EQ(folders["story"]["chapters"][0]["title"], "North");
    EXPECT_EQ(folders["story"]["chapters"][0]["focus"].size(), 2u);
    EXPECT_EQ(folders["story"]["chapters"][1]["focus"].size(), 1u);
}

// A still in a conic opens in place in a GIS: the GeoTIFF's CRS is the projection it was drawn in,
// and a place GDAL (PROJ) puts on a pixel shows there what is there: the Sea of Okhotsk is sea,
// Siberia is land. The credits name the projection.
TEST(Export, AGeoTiffInAConicIsPlacedByItsOwnCrs) {
    TempDir dir;
    const Outcome o = run_storyplot(dir, "render -q -o map.tif --size 600x360 --bbox 30,35,180,70 --projection lcc");
    ASSERT_EQ(o.code, 0) << o.err;
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(dir.file("map.tif").c_str(), GDAL_OF_RASTER));
    ASSERT_TRUE(ds);
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    ASSERT_TRUE(srs);
    EXPECT_STREQ(srs->GetAttrValue("PROJECTION"), "Lambert_Conformal_Conic_2SP");
    double gt[6];
    ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
    std::unique_ptr<OGRSpatialReference> geographic(srs->CloneGeogCS());
    geographic->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_map(OGRCreateCoordinateTransformation(geographic.get(), srs));
    ASSERT_TRUE(to_map);
    const Raster r = read_raster(dir.file("map.tif"), true);
    auto colour_near = [&](double lon, double lat, std::uint8_t red, std::uint8_t green, std::uint8_t blue) {
        double x = lon, y = lat;
        EXPECT_TRUE(to_map->Transform(1, &x, &y));
        const int px = static_cast<int>((x - gt[0]) / gt[1]), py = static_cast<int>((y - gt[3]) / gt[5]);
        int matching = 0;
        for (int dy = -3; dy <= 3; ++dy)
            for (int dx = -3; dx <= 3; ++dx) {
                const int cx = px + dx, cy = py + dy;
                if (cx < 0 || cy < 0 || cx >= r.width || cy >= r.height) continue;
                const std::uint8_t* p = &r.rgba[(static_cast<std::size_t>(cy) * r.width + cx) * 4];
                if (std::abs(p[0] - red) <= 8 && std::abs(p[1] - green) <= 8 && std::abs(p[2] - blue) <= 8) ++matching;
            }
        return matching >= 30;
    };
    EXPECT_TRUE(colour_near(148, 55, 0xcf, 0xdc, 0xe4)) << "the Sea of Okhotsk is sea";
    EXPECT_TRUE(colour_near(80, 65, 0xf4, 0xf1, 0xeb)) << "western Siberia is land";
    EXPECT_TRUE(colour_near(125, 46, 0xf4, 0xf1, 0xeb)) << "Manchuria is land";
}

TEST(Export, ProjectionsByNameEpsgOrProjAndOneLineForWhatCannotBeDrawn) {
    TempDir dir;
    // The north pole's Lambert azimuthal equal-area over Russia, by its EPSG code.
    Outcome o = run_storyplot(dir, "render -q -o polar.tif --size 300x300 --bbox 30,50,180,85 --projection EPSG:3576");
    ASSERT_EQ(o.code, 0) << o.err;
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(dir.file("polar.tif").c_str(), GDAL_OF_RASTER));
    ASSERT_TRUE(ds && ds->GetSpatialRef());
    EXPECT_STREQ(ds->GetSpatialRef()->GetAttrValue("PROJECTION"), "Lambert_Azimuthal_Equal_Area");
    o = run_storyplot(dir, "render -q -o conic.png --size 200x120 --bbox 30,35,180,70 --projection '+proj=aea +lat_1=40 +lat_2=60 +lon_0=105'");
    EXPECT_EQ(o.code, 0) << o.err;
    o = run_storyplot(dir, "render -q -o globe.png --size 200x200 --projection globe");
    EXPECT_EQ(o.code, 0) << o.err;
    o = run_storyplot(dir, "render -q -o bad.png --size 200x120 --projection robinson");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err.find("storyplot: --projection: \"robinson\" is not a projection"), 0u) << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    o = run_storyplot(dir, "render -q -o bad.png --size 200x120 --projection EPSG:999999");
    EXPECT_EQ(o.code, 2);
    EXPECT_NE(o.err.find("EPSG:999999"), std::string::npos) << o.err;
    o = run_storyplot(dir, "render -q -o bad.png --size 200x120 --projection '+proj=robin'");
    EXPECT_EQ(o.code, 2);
    EXPECT_NE(o.err.find("+proj=robin is not a projection storyplot draws"), std::string::npos) << o.err;
    EXPECT_FALSE(fs::exists(dir.file("bad.png")));
    // A tour and a camera following the 2001 train in a projection: frame for frame the same
    // animation as in Web Mercator, each frame's view shown in the projection (the globe turned to
    // face it, the cone fitted to the whole story once).
    for (const char* moving : {"--tour", "--route kim-jong-il-2001 --seconds 2 --follow"}) {
        const std::string common = "animate '" + seed + "' --fps 1 --size 320x180 -q " + moving;
        o = run_storyplot(dir, common + " -o flat/");
        ASSERT_EQ(o.code, 0) << o.err;
        o = run_storyplot(dir, common + " --projection " + (std::string(moving) == "--tour" ? "globe" : "lcc") + " -o projected/");
        ASSERT_EQ(o.code, 0) << o.err;
        const auto frames = std::distance(fs::directory_iterator(dir.path() / "flat"), {});
        EXPECT_GE(frames, 2) << moving;
        EXPECT_EQ(std::distance(fs::directory_iterator(dir.path() / "projected"), {}), frames) << moving;
        EXPECT_NE(slurp(dir.file("flat/frame_00000.png")), slurp(dir.file("projected/frame_00000.png"))) << moving;
        fs::remove_all(dir.path() / "flat");
        fs::remove_all(dir.path() / "projected");
    }
    // An animation of the whole story on the globe: its frames, in the projection.
    o = run_storyplot(dir, "animate '" + seed + "' -o frames/ --fps 1 --seconds 2 --size 240x160 --projection globe");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path() / "frames"), {}), 2);
}
