#pragma once
// What a file browser lists: a folder's subfolders and the files of one kind, sorted as file
// managers sort them, and the folders stories were opened from lately. Pure std::filesystem: the
// window's browser (ui/file_browser.hpp) draws it.
#include <cstdint>
#include <string>
#include <vector>

namespace storyplot {

enum class FileKind {
    story_or_layer,  // what Open takes: a story, or any vector file to add as a layer
    story,           // *.story.json and other .json/.geojson
    layer,           // vector files GDAL reads: GeoPackage, Shapefile, GeoJSON, FlatGeobuf, KML, GPX, OSM…
    image,           // PNG, JPEG, GeoTIFF
    animation,       // GIF, MP4, WebM
    any,
};

// "Stories and map layers", …
const char* file_kind_name(FileKind kind);
// By the name's extension, case-insensitively.
bool file_matches(FileKind kind, const std::string& name);

struct FolderEntry {
    std::string name;
    bool folder = false;
    std::uintmax_t bytes = 0;
    friend bool operator==(const FolderEntry&, const FolderEntry&) = default;
};

// Folders first, then the files of `kind`, each by name ignoring case; hidden ones (".name") left
// out. Throws InputError naming the folder when it cannot be read.
std::vector<FolderEntry> list_folder(const std::string& folder, FileKind kind);

// The folders of these files, newest first, each once (for "Recent folders").
std::vector<std::string> recent_folders(const std::vector<std::string>& recent_files);

// "2.4 MB", "512 bytes".
std::string format_bytes(std::uintmax_t bytes);

}  // namespace storyplot
