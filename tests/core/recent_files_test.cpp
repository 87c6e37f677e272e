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
