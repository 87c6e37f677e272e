// What the file browser lists: folders first, files of the kind asked for, sorted ignoring case,
// hidden ones left out; the recent folders; a folder that cannot be read named in one line.
#include "core/files/folder_listing.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/files/input_error.hpp"

using namespace storyplot;
namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path path = fs::temp_directory_path() / ("storyplot-listing-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    Folder() {
        fs::remove_all(path);
        fs::create_directories(path / "photos");
        fs::create_directories(path / "Archive");
        fs::create_directories(path / ".cache");
        for (const char* name : {"b.story.json", "A.geojson", "roads.gpkg", "map.PNG", "notes.txt", ".hidden.json", "trip.gpx", "tour.mp4"})
            std::ofstream(path / name) << "12345";
    }
    ~Folder() { fs::remove_all(path); }
};

std::vector<std::string> names(const std::vector<FolderEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.name + (e.folder ? "/" : ""));
    return out;
}

}  // namespace

TEST(FolderListing, FoldersFirstThenFilesOfTheKind) {
    Folder f;
    EXPECT_EQ(names(list_folder(f.path.string(), FileKind::story)), (std::vector<std::string>{"Archive/", "photos/", "A.geojson", "b.story.json"}));
    EXPECT_EQ(names(list_folder(f.path.string(), FileKind::story_or_layer)),
              (std::vector<std::string>{"Archive/", "photos/", "A.geojson", "b.story.json", "roads.gpkg", "trip.gpx"}));
    EXPECT_EQ(names(list_folder(f.path.string(), FileKind::image)), (std::vector<std::string>{"Archive/", "photos/", "map.PNG"}));
    EXPECT_EQ(names(list_folder(f.path.string(), FileKind::animation)), (std::vector<std::string>{"Archive/", "photos/", "tour.mp4"}));
    const auto all = list_folder(f.path.string(), FileKind::any);
    EXPECT_EQ(all.size(), 2u + 7u);  // the hidden file and folder left out
    EXPECT_EQ(all.back().bytes, 5u);
}

TEST(FolderListing, AFolderThatCannotBeListedIsNamed) {
    try {
        list_folder("/nonexistent/storyplot", FileKind::any);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/storyplot"), std::string::npos);
    }
}

TEST(FolderListing, RecentFoldersOnceEachNewestFirst) {
    EXPECT_EQ(recent_folders({"/a/x.story.json", "/b/y.story.json", "/a/z.story.json"}), (std::vector<std::string>{"/a", "/b"}));
    EXPECT_EQ(format_bytes(512), "512 bytes");
    EXPECT_EQ(format_bytes(2 * 1024 * 1024 + 400 * 1024), "2.4 MB");
}
