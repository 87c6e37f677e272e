// What storyplot promises whatever happens around it: a full disk never costs the previous file,
// a signal at any moment leaves nothing, killed runs are cleaned up after, odd inputs get one line.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using namespace storyplot::test_support;

namespace {

const std::string seed = std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json";
const std::string article = std::string(STORYPLOT_TEST_DIR) + "/data/articles/train-to-hanoi.txt";

struct DiskFull {
    int code = -1;
    bool previous_unchanged = false;
    std::string files;
    int stderr_lines = -1;
    std::string message;
};

// tests/cli/full_disk.sh: the command run with its output on a tmpfs that is (nearly) full.
// `env` is put before the command (e.g. "PREVIOUS='story.json' SDL_VIDEODRIVER=offscreen").
DiskFull on_full_disk(const std::string& output, const std::string& args, int free_bytes = 8192, const std::string& env = "") {
    const std::string cmd = env + " FREE_BYTES=" + std::to_string(free_bytes) + " '" + STORYPLOT_TEST_DIR + "/cli/full_disk.sh' '" +
                            STORYPLOT_BINARY + "' '" + output + "' " + args;
    FILE* pipe = popen(cmd.c_str(), "r");
    DiskFull r;
    if (!pipe) return r;
    char line[4096];
    while (std::fgets(line, sizeof line, pipe)) {
        std::string l(line);
        if (!l.empty() && l.back() == '\n') l.pop_back();
        if (l.rfind("code=", 0) == 0) r.code = std::stoi(l.substr(5));
        else if (l.rfind("previous=", 0) == 0) r.previous_unchanged = l == "previous=unchanged";
        else if (l.rfind("files=", 0) == 0) r.files = l.substr(6);
        else if (l.rfind("stderr_lines=", 0) == 0) r.stderr_lines = std::stoi(l.substr(13));
        else r.message += l;
    }
    const int status = pclose(pipe);
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the full-disk harness failed: " << r.message;
    return r;
}

void expect_refused_cleanly(const DiskFull& r, const std::string& output) {
    EXPECT_EQ(r.code, 1) << output << ": " << r.message;
    EXPECT_TRUE(r.previous_unchanged) << output;
    EXPECT_EQ(r.files, output.back() == '/' ? output.substr(0, output.size() - 1) + " " : output + " ") << output;  // nothing else left
    EXPECT_EQ(r.stderr_lines, 1) << output;
    EXPECT_NE(r.message.find("storyplot: "), std::string::npos) << r.message;
}

}  // namespace

TEST(FullDisk, EveryImageFormatFailsAndKeepsThePreviousFile) {
    for (const std::string out : {"map.tif", "map.png", "map.jpg"})
        expect_refused_cleanly(on_full_disk(out, "render '" + seed + "' -o @OUT@ --size 2000x2000 -q"), out);
}

TEST(FullDisk, EveryAnimationFormatFailsAndKeepsThePreviousFile) {
    for (const std::string out : {"a.gif", "a.mp4", "a.webm", "frames/"})
        expect_refused_cleanly(on_full_disk(out, "animate '" + seed + "' -o @OUT@ --size 320x200 --fps 10 --seconds 1 -q"), out);
}

TEST(FullDisk, InterchangeAndDraftStoriesFailAndKeepThePreviousFile) {
    for (const std::string out : {"s.kml", "s.gpx", "s.geojson"})
        expect_refused_cleanly(on_full_disk(out, "export '" + seed + "' -o @OUT@", 0), out);
    expect_refused_cleanly(on_full_disk("draft.story.json", "extract '" + article + "' -o @OUT@ -q", 0), "draft.story.json");
}

TEST(Signals, SigintOrSigtermToTheProcessOrItsGroupLeavesNothing) {
    struct Case {
        int signal;
        bool group;
        int code;
    };
    for (const Case c : {Case{SIGINT, false, 130}, Case{SIGINT, true, 130}, Case{SIGTERM, false, 143}, Case{SIGTERM, true, 143}}) {
        TempDir dir;
        Running run = start_storyplot(dir, {"animate", seed, "-o", "long.mp4", "--fps", "25", "--seconds", "60", "--size", "320x200",
                                            "--no-context-labels"});
        ASSERT_TRUE(wait_for_text(run, "frame 1/1500\n")) << run.err;  // ffmpeg is running and frames flow
        kill(c.group ? -run.pid : run.pid, c.signal);
        EXPECT_EQ(finish(run), c.code) << run.err;
        // Its progress lines, then exactly one line that says what happened.
        EXPECT_EQ(run.err.substr(run.err.rfind('\n', run.err.size() - 2) + 1),
                  c.signal == SIGINT ? "storyplot: cancelled (SIGINT); nothing written\n" : "storyplot: cancelled (SIGTERM); nothing written\n");
        EXPECT_EQ(run.err.find("\n\n"), std::string::npos) << run.err;
        EXPECT_TRUE(files(dir).empty()) << files(dir).front();
    }
}

TEST(Signals, ACtrlCWhileLoadingIsNotLost) {
    TempDir dir;
    TempDir cache;  // an empty cache: loading builds the meshes, a second or more
    Running run = start_storyplot(dir, {"render", seed, "-o", "map.png", "--size", "256x256"}, {"STORYPLOT_CACHE=" + cache.path().string()});
    ASSERT_TRUE(wait_for_handler(run, SIGINT));
    kill(run.pid, SIGINT);
    EXPECT_EQ(finish(run), 130) << run.err;
    EXPECT_TRUE(files(dir).empty());
}

TEST(Signals, LeftoversOfAKilledRunAreCleanedByTheNext) {
    TempDir dir;
    Running run = start_storyplot(dir, {"animate", seed, "-o", "a.mp4", "--fps", "25", "--seconds", "60", "--size", "320x200",
                                        "--no-context-labels"});
    ASSERT_TRUE(wait_for_text(run, "frame 1/1500\n"));
    kill(run.pid, SIGKILL);
    EXPECT_EQ(finish(run), 128 + SIGKILL);
    // Its temporary file is left (nothing runs at a kill -9); its ffmpeg dies with it.
    bool left = false;
    for (const auto& name : files(dir)) left |= name.rfind(".a.mp4.part", 0) == 0;
    EXPECT_TRUE(left);
    ASSERT_EQ(run_storyplot(dir, "animate '" + seed + "' -o a.mp4 --fps 5 --seconds 1 --size 160x100 -q").code, 0);
    EXPECT_EQ(files(dir), (std::vector<std::string>{"a.mp4"}));
}

TEST(OddInputs, FifosDevicesFoldersAndUnreadableFilesGetOneLine) {
    TempDir dir;
    ASSERT_EQ(mkfifo(dir.file("fifo.txt").c_str(), 0600), 0);
    Outcome o = run_storyplot(dir, "extract fifo.txt -o d.story.json");
    EXPECT_EQ(o.code, 1);
    EXPECT_EQ(o.err, "storyplot: fifo.txt: is a FIFO, not a file: storyplot reads regular files only\n");
    o = run_storyplot(dir, "render --basemap fifo.txt -o m.png --size 64x64");
    EXPECT_EQ(o.code, 1);
    EXPECT_EQ(o.err, "storyplot: fifo.txt: is a FIFO, not a file: storyplot reads regular files only\n");
    o = run_storyplot(dir, "extract /dev/zero -o d.story.json");
    EXPECT_EQ(o.code, 1);
    EXPECT_EQ(o.err, "storyplot: /dev/zero: is a device, not a file: storyplot reads regular files only\n");
    o = run_storyplot(dir, "validate fifo.txt");
    EXPECT_EQ(o.code, 1);
    EXPECT_EQ(o.out, "");  // nothing on stdout for a failed validate
    fs::create_directory(dir.file("folder"));
    o = run_storyplot(dir, "extract folder -o d.story.json");
    EXPECT_EQ(o.err, "storyplot: folder: is a folder, not an article\n");
    write_text(dir.file("secret.story.json"), "{}");
    chmod(dir.file("secret.story.json").c_str(), 0);
    if (geteuid() != 0) {  // root reads any file
        o = run_storyplot(dir, "validate secret.story.json");
        EXPECT_EQ(o.err, "storyplot: secret.story.json: cannot be read: permission denied\n");
    }
    EXPECT_EQ(files(dir), (std::vector<std::string>{"fifo.txt", "folder", "secret.story.json"}));
}

TEST(OddInputs, NanAndOutOfRangeOptionsAreUsageErrors) {
    TempDir dir;
    for (const std::string args : {"--scale nan", "--scale inf", "--scale 100", "--bbox nan,1,2,3", "--size 0x10"}) {
        const Outcome o = run_storyplot(dir, "render '" + seed + "' -o m.png " + args);
        EXPECT_EQ(o.code, 2) << args;
        EXPECT_EQ(lines(o.err), 1) << args << ": " << o.err;
    }
    EXPECT_EQ(run_storyplot(dir, "animate '" + seed + "' -o a.gif --seconds nan").code, 2);
    EXPECT_TRUE(files(dir).empty());
}

TEST(OddInputs, OutputOntoAFolderFailsBeforeAnyDrawing) {
    TempDir dir;
    fs::create_directory(dir.file("out.mp4"));
    fs::create_directory(dir.file("out.png"));
    Outcome o = run_storyplot(dir, "animate '" + seed + "' -o out.mp4 --size 64x64");
    EXPECT_EQ(o.code, 1);
    EXPECT_EQ(o.err, "storyplot: out.mp4: cannot write: it is a folder\n");
    o = run_storyplot(dir, "render '" + seed + "' -o out.png --size 64x64");
    EXPECT_EQ(o.err, "storyplot: out.png: cannot write: it is a folder\n");
}

TEST(OddInputs, AnUnknownCommandIsAUsageErrorThatWritesNothing) {
    TempDir dir;
    const Outcome o = run_storyplot(dir, "rendr x.story.json", "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(lines(o.err), 1) << o.err;
    EXPECT_TRUE(files(dir).empty());
}

TEST(OddInputs, AOneLineArticleIsAllBody) {
    TempDir dir;
    write_text(dir.file("one.txt"), "The leader's train left Pyongyang for Vladivostok on Wednesday.\n");
    ASSERT_EQ(run_storyplot(dir, "extract one.txt -o d.story.json -q").code, 0);
    const std::string draft = slurp(dir.file("d.story.json"));
    EXPECT_NE(draft.find("\"Pyongyang\""), std::string::npos);
    EXPECT_NE(draft.find("\"Vladivostok\""), std::string::npos);
}

TEST(CleanExports, ControlCharactersNeverReachKmlOrGpx) {
    TempDir dir;
    std::string story = slurp(seed);
    const std::string from = "\"title\": \"";
    story.insert(story.find(from) + from.size(), "A\\u0000B\\u001bC\\uffff ");
    const auto name = story.find("\"name\": \"") + 9;
    story.insert(name, "<&\\u0007>");
    write_text(dir.file("odd.story.json"), story);
    ASSERT_EQ(run_storyplot(dir, "export odd.story.json -o s.kml").code, 0);
    ASSERT_EQ(run_storyplot(dir, "export odd.story.json -o s.gpx").code, 0);
    ASSERT_EQ(run_storyplot(dir, "export odd.story.json -o s.geojson").code, 0);
    // xmllint (libxml2-utils, installed by setup.sh) parses both as well-formed XML.
    const std::string xmllint = "cd '" + dir.path().string() + "' && xmllint --noout s.kml s.gpx";
    EXPECT_EQ(std::system(xmllint.c_str()), 0);
    EXPECT_TRUE(nlohmann::json::accept(slurp(dir.file("s.geojson"))));
    EXPECT_EQ(slurp(dir.file("s.kml")).find('\x1b'), std::string::npos);
}

TEST(Caches, ADozenConcurrentFirstRunsAllSucceedAndLeaveOneValidCache) {
    TempDir dir, cache;
    const std::string env = "STORYPLOT_CACHE=" + cache.path().string();
    std::vector<Running> runs;
    for (int k = 0; k < 12; ++k) {
        std::string output = std::to_string(k);
        output += ".png";
        runs.push_back(start_storyplot(dir, {"render", seed, "-o", output, "--size", "128x128", "-q"}, {env}));
    }
    for (auto& run : runs) EXPECT_EQ(finish(run), 0) << run.err;
    std::vector<std::string> names;
    int atlases = 0;  // the fonts' atlas, in the slot its text falls in (ui/fonts.cpp)
    for (const auto& e : fs::directory_iterator(cache.path())) {
        const std::string name = e.path().filename().string();
        if (name.rfind("font-atlas-", 0) == 0 && name.size() == 18 && name.substr(name.size() - 6) == ".cache") ++atlases;
        else names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"content-hashes.cache", "countries-110m.mesh", "country-labels.cache", "towns.cache"}));  // no temporaries
    EXPECT_EQ(atlases, 1);
    // The cache left is valid: the next run reads it and does not replace it (same inode).
    auto inode = [&](const std::string& name) {
        struct stat st {};
        stat((cache.path() / name).c_str(), &st);
        return st.st_ino;
    };
    const auto mesh = inode("countries-110m.mesh"), labels = inode("country-labels.cache"), towns = inode("towns.cache");
    ASSERT_EQ(run_storyplot(dir, "render '" + seed + "' -o again.png --size 128x128 -q", env).code, 0);
    EXPECT_EQ(inode("countries-110m.mesh"), mesh);
    EXPECT_EQ(inode("country-labels.cache"), labels);
    EXPECT_EQ(inode("towns.cache"), towns);
    // A damaged one is rebuilt, never drawn: the picture is the same as from a good cache.
    {
        std::fstream f(cache.path() / "countries-110m.mesh", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(600000);
        for (int i = 0; i < 4096; ++i) f.put(static_cast<char>(i * 7919));
    }
    ASSERT_EQ(run_storyplot(dir, "render '" + seed + "' -o rebuilt.png --size 128x128 -q", env).code, 0);
    EXPECT_NE(inode("countries-110m.mesh"), mesh);
    EXPECT_EQ(slurp(dir.file("rebuilt.png")), slurp(dir.file("again.png")));
}

TEST(Autosave, EditsSurviveAKillAndAreRestoredOnTheNextStart) {
    TempDir dir;
    write_text(dir.file("s.story.json"), slurp(seed));
    const std::string original = slurp(dir.file("s.story.json"));
    write_text(dir.file("edit.txt"),
               "move khasan 130.7 42.5\nrename vladivostok Vladivostok harbour\nadd 131.5 43.5 Ussuriysk junction\n"
               "rename fefu Russky campus\n");
    const std::vector<std::string> display{"SDL_VIDEODRIVER=offscreen"};
    Running run = start_storyplot(dir, {"s.story.json", "--script", "edit.txt"}, display);
    // The last edit journaled: then the process dies without a word (kill -9).
    ASSERT_TRUE(wait_for_text(run, "script: rename fefu Russky campus")) << run.err;
    ASSERT_TRUE(wait_for_text(run, "journaled revision 4")) << run.err;
    kill(run.pid, SIGKILL);
    EXPECT_EQ(finish(run), 128 + SIGKILL);
    EXPECT_EQ(slurp(dir.file("s.story.json")), original);  // never saved
    ASSERT_TRUE(fs::exists(dir.file(".s.story.json.autosave")));

    // The next start offers the edits back; restored and saved, every edit is in the file.
    write_text(dir.file("restore.txt"), "answer yes\nsave\nquit\n");
    Running again = start_storyplot(dir, {"s.story.json", "--script", "restore.txt"}, display);
    EXPECT_EQ(finish(again), 0) << again.err;
    const auto saved = nlohmann::json::parse(slurp(dir.file("s.story.json")));
    std::map<std::string, nlohmann::json> features;
    for (const auto& f : saved["features"]) features[f["id"].get<std::string>()] = f;
    EXPECT_EQ(features["khasan"]["geometry"]["coordinates"], nlohmann::json({130.7, 42.5}));
    EXPECT_EQ(features["vladivostok"]["properties"]["name"], "Vladivostok harbour");
    EXPECT_EQ(features["fefu"]["properties"]["name"], "Russky campus");
    EXPECT_TRUE(features.count("ussuriysk-junction"));
    EXPECT_FALSE(fs::exists(dir.file(".s.story.json.autosave")));  // saved: nothing left to restore

    // Declined, the journal goes and the file stays as it is.
    write_text(dir.file("edit2.txt"), "rename khasan Khasan border station\n");
    Running third = start_storyplot(dir, {"s.story.json", "--script", "edit2.txt"}, display);
    ASSERT_TRUE(wait_for_text(third, "journaled revision 1"));
    kill(third.pid, SIGKILL);
    finish(third);
    const std::string before = slurp(dir.file("s.story.json"));
    write_text(dir.file("decline.txt"), "answer no\nquit\n");
    Running fourth = start_storyplot(dir, {"s.story.json", "--script", "decline.txt"}, display);
    EXPECT_EQ(finish(fourth), 0) << fourth.err;
    EXPECT_EQ(slurp(dir.file("s.story.json")), before);
    EXPECT_FALSE(fs::exists(dir.file(".s.story.json.autosave")));
}

TEST(Autosave, UndoingBackToTheFileLeavesNothingToRestore) {
    TempDir dir;
    write_text(dir.file("s.story.json"), slurp(seed));
    write_text(dir.file("edit.txt"), "rename khasan Khasan station\nundo\nquit\n");
    Running run = start_storyplot(dir, {"s.story.json", "--script", "edit.txt"}, {"SDL_VIDEODRIVER=offscreen"});
    EXPECT_EQ(finish(run), 0) << run.err;
    EXPECT_NE(run.err.find("journaled revision 1"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir.file(".s.story.json.autosave")));
}

TEST(Autosave, AFailedSaveLeavesTheFileAndKeepsTheEdits) {
    TempDir dir;
    write_text(dir.file("save.txt"), "rename khasan Khasan station\nsave\nstate\nquit\n");
    const DiskFull r = on_full_disk("s.story.json", "@OUT@ --script '" + dir.file("save.txt") + "'", 0,
                                    "PREVIOUS='" + seed + "' SDL_VIDEODRIVER=offscreen");
    EXPECT_EQ(r.code, 0) << r.message;
    EXPECT_TRUE(r.previous_unchanged) << r.message;                                           // the file as it was
    EXPECT_NE(r.message.find("cannot write"), std::string::npos) << r.message;                // the save said why
    EXPECT_NE(r.message.find("storyplot: state: modified 1"), std::string::npos) << r.message;  // the edits still there
    EXPECT_EQ(r.files, "s.story.json ") << r.message;                                         // no temporary left
}

TEST(Window, OpeningAStoryFromTheOpenDialogKeepsRunning) {
    TempDir dir;
    write_text(dir.file("other.story.json"), slurp(seed));
    // "open" goes through the Open dialog's own code, in the middle of a frame, where the font
    // atlas used to be rebuilt (an ImGui assertion: the atlas is locked).
    write_text(dir.file("open.txt"), "open other.story.json\nrename khasan Khasan station\nopen other.story.json\nanswer yes\nquit\n");
    Running run = start_storyplot(dir, {"--script", "open.txt"}, {"SDL_VIDEODRIVER=offscreen"});
    EXPECT_EQ(finish(run), 0) << run.err;
    EXPECT_NE(run.err.find("script: quit"), std::string::npos) << run.err;
}

// Close in, the window reads GSHHG's shores for the part of the world around the view, in the
// background, and draws them once they come; the region stays 1:10m.
TEST(Window, CloseInTheWindowReadsGshhgsShoresAroundTheView) {
    TempDir dir;
    write_text(dir.file("s.story.json"), slurp(seed));
    // Each pan-frames line waits for the loads before it: the second draws with what they read.
    write_text(dir.file("close.txt"), "view 124 37 136 46\npan-frames 2 0 0\npan-frames 1 0 0\nstate\n"
                                      "view 130.55 42.25 131.35 42.75\npan-frames 2 0 0\npan-frames 1 0 0\nstate\nquit\n");
    Running run = start_storyplot(dir, {"s.story.json", "--script", "close.txt"}, {"SDL_VIDEODRIVER=offscreen"});
    EXPECT_EQ(finish(run), 0) << run.err;
    const auto region = run.err.find("basemap Natural Earth 1:10m");
    const auto close = run.err.find("basemap GSHHG shores, 200 m");
    ASSERT_NE(region, std::string::npos) << run.err;
    ASSERT_NE(close, std::string::npos) << run.err;
    EXPECT_LT(region, close);
}

TEST(Window, OpeningAGpxFileMakesAStoryThatSavesBesideIt) {
    TempDir dir;
    ASSERT_EQ(run_storyplot(dir, "export '" + seed + "' -o trip.gpx").code, 0);
    // File > Open's code (the script's "open"), the import in the background, then Ctrl+S.
    write_text(dir.file("open.txt"), "open trip.gpx\nsave\nquit\n");
    Running run = start_storyplot(dir, {"--script", "open.txt"}, {"SDL_VIDEODRIVER=offscreen"});
    EXPECT_EQ(finish(run), 0) << run.err;
    const Outcome check = run_storyplot(dir, "validate trip.story.json");
    EXPECT_EQ(check.code, 0) << check.err;
    EXPECT_NE(check.out.find("8 places, 3 routes, 3 chapters"), std::string::npos) << check.out;
}

TEST(Window, OpeningStoryMapJSSlidesMakesAStoryThatSavesBesideIt) {
    TempDir dir;
    write_text(dir.file("border.json"), slurp(std::string(STORYPLOT_TEST_DIR) + "/data/storymap/rivers-of-the-border.json"));
    write_text(dir.file("open.txt"), "open border.json\nsave\nquit\n");
    Running run = start_storyplot(dir, {"--script", "open.txt"}, {"SDL_VIDEODRIVER=offscreen"});
    EXPECT_EQ(finish(run), 0) << run.err;
    const Outcome check = run_storyplot(dir, "validate border.story.json");
    EXPECT_EQ(check.code, 0) << check.err;
    EXPECT_NE(check.out.find("2 places, 0 routes, 4 chapters"), std::string::npos) << check.out;
}

TEST(Window, OpeningKeplerTripsMakesAStoryThatSavesBesideThem) {
    TempDir dir;
    write_text(dir.file("trips.geojson"), R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"vendor": "Tram 2"},
        "geometry": {"type": "LineString", "coordinates": [[131.88, 43.11, 0, 1556064000], [131.90, 43.12, 0, 1556064600], [131.93, 43.13, 0, 1556065200]]}}]})");
    write_text(dir.file("open.txt"), "open trips.geojson\nsave\nquit\n");
    Running run = start_storyplot(dir, {"--script", "open.txt"}, {"SDL_VIDEODRIVER=offscreen"});
    EXPECT_EQ(finish(run), 0) << run.err;
    const Outcome check = run_storyplot(dir, "validate trips.story.json");
    EXPECT_EQ(check.code, 0) << check.err;
    EXPECT_NE(check.out.find("2 places, 1 route, 1 chapter"), std::string::npos) << check.out;
}

TEST(Window, AChapterWrittenInTheWindowSavesAndReopens) {
    TempDir dir;
    write_text(dir.file("s.story.json"), slurp(seed));
    // Open, add a chapter from the view, write it (with formatting), move it first, time a stop,
    // save; a second run reopens the file and presents it.
    write_text(dir.file("write.txt"),
               "chapter-add The bridge over the Tumen\n"
               "chapter-text 1 The train **crosses the river** here.\\n\\n- a band\\n- bread and salt\n"
               "chapter-time 1 2019-04-24 10:30\n"
               "chapter-move 1 0\n"
               "stop-time armoured-train-2019 1 arrive 2019-04-24 10:45\n"
               "save\nstate\nquit\n");
    Running run = start_storyplot(dir, {"s.story.json", "--script", "write.txt"}, {"SDL_VIDEODRIVER=offscreen"});
    EXPECT_EQ(finish(run), 0) << run.err;
    EXPECT_NE(run.err.find("state: modified 0"), std::string::npos) << run.err;
    const auto saved = nlohmann::json::parse(slurp(dir.file("s.story.json")));
    const auto& chapters = saved["story"]["chapters"];
    const auto seed_story = nlohmann::json::parse(slurp(seed));
    ASSERT_EQ(chapters.size(), seed_story["story"]["chapters"].size() + 1);
    EXPECT_EQ(chapters[0]["id"], "the-bridge-over-the-tumen");
    EXPECT_EQ(chapters[0]["title"], "The bridge over the Tumen");
    EXPECT_EQ(chapters[0]["text"], "The train **crosses the river** here.\n\n- a band\n- bread and salt");
    EXPECT_EQ(chapters[0]["time"], "2019-04-24T10:30");
    EXPECT_TRUE(chapters[0]["zoom"].is_number());  // framed from the window's view
    EXPECT_EQ(chapters[0]["center"].size(), 2u);
    for (const auto& f : saved["features"]) {
        if (f["id"] == "armoured-train-2019") {
            EXPECT_EQ(f["properties"]["times"][1]["arrive"], "2019-04-24T10:45");
        }
    }

    // A view asked for while presenting is the tour's to hold: the script goes on, and frames panned
    // meanwhile are the tour's frames, counted.
    write_text(dir.file("present.txt"), "present manual\nview 129 41 131 42.5\npan-frames 5 30 10\nnext\nnext\nend-presenting\nquit\n");
    Running again = start_storyplot(dir, {"s.story.json", "--script", "present.txt"}, {"SDL_VIDEODRIVER=offscreen"});
    EXPECT_EQ(finish(again), 0) << again.err;
    EXPECT_NE(again.err.find("presenting " + std::to_string(chapters.size()) + " chapters"), std::string::npos) << again.err;
    EXPECT_NE(again.err.find("script: end-presenting"), std::string::npos) << again.err;
    EXPECT_NE(again.err.find("panned 5 frames"), std::string::npos) << again.err;
    EXPECT_EQ(again.err.find("error"), std::string::npos) << again.err;
}
