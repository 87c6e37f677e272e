// File > Open Recent: newest first, once each, at most ten, kept across runs in a small file.
#include "core/session/recent_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace storyplot;
namespace fs = std::filesystem;

TEST(RecentFiles, NewestFirstOnceEachAndCapped) {
    RecentFiles recent(3);
    recent.add("/stories/a.story.json");
    recent.add("/stories/b.story.json");
    recent.add("/stories/a.story.json");  // again: to the front, not twice
    EXPECT_EQ(recent.paths(), (std::vector<std::string>{"/stories/a.story.json", "/stories/b.story.json"}));
    recent.add("/stories/c.story.json");
    recent.add("/stories/d.story.json");
    EXPECT_EQ(recent.paths(), (std::vector<std::string>{"/stories/d.story.json", "/stories/c.story.json", "/stories/a.story.json"}));
    recent.remove("/stories/c.story.json");
    EXPECT_EQ(recent.paths().size(), 2u);
    // A relative path is kept as the absolute one it names.
    recent.add("here.story.json");
    EXPECT_EQ(recent.paths().front(), (fs::current_path() / "here.story.json").lexically_normal().string());
}

TEST(RecentFiles, KeptAcrossRunsAndAMissingOrOddFileIsAnEmptyList) {
    const fs::path dir = fs::temp_directory_path() / ("storyplot-recent-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const fs::path file = dir / "config" / "recent-files";
    EXPECT_TRUE(RecentFiles::read(file).paths().empty());  // the first run
    RecentFiles recent;
    recent.add("/x/one.story.json");
    recent.add("/x/two.story.json");
    recent.write(file);  // makes the folder
    EXPECT_EQ(RecentFiles::read(file).paths(), recent.paths());
    {
        std::ofstream out(file);
        out << "not absolute\n\n/x/three.story.json\n/x/three.story.json\n";
    }
    EXPECT_EQ(RecentFiles::read(file).paths(), std::vector<std::string>{"/x/three.story.json"});
    fs::remove(file);
    fs::create_directory(file);  // a folder where the file should be
    EXPECT_TRUE(RecentFiles::read(file).paths().empty());
    fs::remove_all(dir);
}

TEST(Settings, ReadWrittenAndForgivingOfHandEdits) {
    const auto dir = std::filesystem::temp_directory_path() / "storyplot-settings-test";
    std::filesystem::remove_all(dir);
    const auto file = dir / "settings";
    EXPECT_FALSE(Settings::read(file).ui_scale);  // the first run: defaults
    Settings s;
    s.ui_scale = 1.5f;
    s.write(file);
    EXPECT_EQ(Settings::read(file).ui_scale, 1.5f);
    {
        std::ofstream out(file);
        out << "# by hand\nui-scale = huge\ncolour = blue\nui-scale=2\n";
    }
    std::vector<std::string> problems;
    const Settings read = Settings::read(file, &problems);
    EXPECT_EQ(read.ui_scale, 2.0f);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_NE(problems[0].find("settings:2: ui-scale"), std::string::npos) << problems[0];
    EXPECT_NE(problems[1].find("colour"), std::string::npos) << problems[1];
    std::filesystem::remove_all(dir);
}

TEST(Settings, TheInterfaceSizeFollowsTheDisplay) {
    EXPECT_EQ(ui_scale_for_dpi(96), 1.0f);
    EXPECT_EQ(ui_scale_for_dpi(144), 1.5f);
    EXPECT_EQ(ui_scale_for_dpi(192), 2.0f);
    EXPECT_EQ(ui_scale_for_dpi(110), 1.25f);
    EXPECT_EQ(ui_scale_for_dpi(72), 1.0f);
    EXPECT_EQ(ui_scale_for_dpi(0), 1.0f);  // unknown
}
