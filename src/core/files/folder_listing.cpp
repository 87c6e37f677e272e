#include "core/files/folder_listing.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <string_view>

#include "core/files/input_error.hpp"

namespace storyplot {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool ends_with_any(const std::string& name, std::initializer_list<std::string_view> endings) {
    const std::string l = lower(name);
    return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) { return l.ends_with(e); });
}

}  // namespace

const char* file_kind_name(FileKind kind) {
    switch (kind) {
    case FileKind::story_or_layer: return "Stories and map layers";
    case FileKind::story: return "Stories (*.story.json, *.json, *.geojson)";
    case FileKind::layer: return "Map layers (GeoPackage, Shapefile, GeoJSON, FlatGeobuf, KML, GPX, OSM…)";
    case FileKind::image: return "Images (*.png, *.jpg, *.tif)";
    case FileKind::animation: return "Animations (*.gif, *.mp4, *.webm)";
    case FileKind::any: break;
    }
    return "All files";
}

bool file_matches(FileKind kind, const std::string& name) {
    switch (kind) {
    case FileKind::story: return ends_with_any(name, {".json", ".geojson"});
    case FileKind::layer:
        return ends_with_any(name, {".gpkg", ".shp", ".geojson", ".json", ".fgb", ".kml", ".kmz", ".gpx", ".osm", ".pbf", ".gml",
                                    ".sqlite", ".tab", ".mif", ".csv", ".mbtiles", ".pmtiles", ".gdb", ".zip"});
    case FileKind::story_or_layer: return file_matches(FileKind::story, name) || file_matches(FileKind::layer, name);
    case FileKind::image: return ends_with_any(name, {".png", ".jpg", ".jpeg", ".tif", ".tiff"});
    case FileKind::animation: return ends_with_any(name, {".gif", ".mp4", ".webm"});
    case FileKind::any: break;
    }
    return true;
}

std::vector<FolderEntry> list_folder(const std::string& folder, FileKind kind) {
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw InputError(folder, "cannot list the folder: " + ec.message());
    std::vector<FolderEntry> out;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) throw InputError(folder, "cannot list the folder: " + ec.message());
        const std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.') continue;
        std::error_code entry_ec;
        const bool is_folder = it->is_directory(entry_ec);  // follows links: a link to a folder is a folder
        if (!is_folder && !file_matches(kind, name)) continue;
        FolderEntry e{name, is_folder, 0};
        if (!is_folder) e.bytes = it->file_size(entry_ec);
        if (entry_ec) e.bytes = 0;
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const FolderEntry& a, const FolderEntry& b) {
        if (a.folder != b.folder) return a.folder;
        const std::string la = lower(a.name), lb = lower(b.name);
        return la != lb ? la < lb : a.name < b.name;
    });
    return out;
}

std::vector<std::string> recent_folders(const std::vector<std::string>& recent_files) {
    std::vector<std::string> out;
    for (const auto& file : recent_files) {
        const std::string folder = fs::path(file).parent_path().string();
        if (!folder.empty() && std::find(out.begin(), out.end(), folder) == out.end()) out.push_back(folder);
    }
    return out;
}

std::string format_bytes(std::uintmax_t bytes) {
    char text[32];
    if (bytes < 1024) std::snprintf(text, sizeof text, "%ju bytes", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(text, sizeof text, "%.0f kB", static_cast<double>(bytes) / 1024);
    else if (bytes < 1024ull * 1024 * 1024) std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024));
    else std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / (1024.0 * 1024 * 1024));
    return text;
}

}  // namespace storyplot
