#pragma once
// Writes rendered images through GDAL: PNG, JPEG, or a GeoTIFF that carries its Web Mercator
// georeferencing. Always to a temporary file first, renamed into place: never half a file.
#include <optional>
#include <string>

#include "core/geo/geometry.hpp"
#include "core/files/image.hpp"

namespace storyplot {

enum class ImageFormat { png, jpeg, geotiff };

// By extension (.png, .jpg/.jpeg, .tif/.tiff); nothing for anything else.
std::optional<ImageFormat> image_format_for(const std::string& path);

// Throws InputError unless `path` has a known image extension in a writable folder: checked
// before long work, so a bad path fails at once.
void check_image_target(const std::string& path);

// `bounds` (projected metres of the image's outer edges) and the CRS are written into GeoTIFFs:
// Web Mercator, or `proj`, the PROJ definition of the projection the picture was drawn in
// (Projection::proj_string). Throws InputError naming the file when it cannot be written.
void write_image(const std::string& path, const Image& image, const Box& bounds, const std::string& proj = {});

// Beside a PNG or JPEG: the world file (.pgw / .jgw) and the CRS (as write_image's), both as a .prj
// and in the .aux.xml GDAL and QGIS read, so GIS programs place the image. Written through
// temporary files. Throws InputError.
void write_world_file(const std::string& image_path, const Image& image, const Box& bounds, const std::string& proj = {});
std::string world_file_path(const std::string& image_path);  // map.png -> map.pgw

}  // namespace storyplot
