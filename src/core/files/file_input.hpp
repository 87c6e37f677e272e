#pragma once
// Reading what the user names: a regular file, readable, within a stated size. A FIFO, a device
// or a socket is refused before it is opened (reading one could block for ever or never end).
#include <cstdint>
#include <string>

namespace storyplot {

// Size limits for user input (docs/STORY_FORMAT.md and the README state them).
constexpr std::uintmax_t story_file_limit = 256ull << 20;   // 256 MiB
constexpr std::uintmax_t article_file_limit = 32ull << 20;  // 32 MiB of text

// The whole file. Throws InputError naming `path`: no such file, permission denied, a folder,
// not a regular file, larger than `limit` (`what` names the kind in messages: "a story file").
std::string read_input_file(const std::string& path, std::uintmax_t limit, const char* what);

// The file name's extension in lower case, with its dot (".gpx"); empty without one. What a file is
// taken for follows from it wherever storyplot decides by name.
std::string lower_extension(const std::string& path);

// For sources another library opens (GDAL): missing, unreadable, FIFOs and devices refused;
// folders are allowed (a Shapefile folder). Paths GDAL resolves itself (/vsizip/, PG:) pass.
void check_input_path(const std::string& path);

}  // namespace storyplot
