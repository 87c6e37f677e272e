#include "data/image_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/input_error.hpp"
#include "data/gdal_support.hpp"

namespace storyplot {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

gdal::DatasetPtr memory_copy(const Image& image, int bands) {
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    gdal::DatasetPtr ds(mem->Create("", image.width, image.height, bands, GDT_Byte, nullptr));
    if (!ds) throw InputError("", "cannot allocate an image of " + std::to_string(image.width) + "x" + std::to_string(image.height));
    int band_map[4] = {1, 2, 3, 4};
    auto* data = const_cast<std::uint8_t*>(image.rgba.data());
    if (ds->RasterIO(GF_Write, 0, 0, image.width, image.height, data, image.width, image.height, GDT_Byte, bands, band_map,
                     4, 4 * static_cast<GSpacing>(image.width), 1, nullptr) != CE_None)
        throw InputError("", "cannot copy the image: " + gdal::last_error());
    return ds;
}

}  // namespace

std::optional<ImageFormat> image_format_for(const std::string& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".png") return ImageFormat::png;
    if (ext == ".jpg" || ext == ".jpeg") return ImageFormat::jpeg;
    if (ext == ".tif" || ext == ".tiff") return ImageFormat::geotiff;
    return std::nullopt;
}

namespace {
fs::path folder_of(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }
}  // namespace

void check_image_target(const std::string& path) {
    if (!image_format_for(path)) throw InputError(path, "unknown image format (use .png, .jpg or .tif)");
    const fs::path folder = folder_of(path);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw InputError(path, "cannot write: folder " + folder.string() + " does not exist");
    if (access(folder.c_str(), W_OK) != 0) throw InputError(path, "cannot write: folder " + folder.string() + " is not writable");
    if (fs::is_directory(path, ec)) throw InputError(path, "cannot write: it is a folder");
}

void write_image(const std::string& path, const Image& image, const Box& bounds) {
    gdal::initialise();
    check_image_target(path);
    const auto format = image_format_for(path);
    const fs::path target(path);
    const fs::path folder = folder_of(target);
    std::error_code ec;

    const char* driver_name = *format == ImageFormat::png ? "PNG" : *format == ImageFormat::jpeg ? "JPEG" : "GTiff";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver) throw InputError(path, std::string("GDAL has no ") + driver_name + " driver");

    gdal::DatasetPtr mem = memory_copy(image, *format == ImageFormat::jpeg ? 3 : 4);
    CPLStringList options;
    if (*format == ImageFormat::png) options.SetNameValue("ZLEVEL", "3");
    if (*format == ImageFormat::jpeg) options.SetNameValue("QUALITY", "92");
    if (*format == ImageFormat::geotiff) {
        options.SetNameValue("COMPRESS", "DEFLATE");
        options.SetNameValue("PHOTOMETRIC", "RGB");
        options.SetNameValue("ALPHA", "YES");
        const double res_x = bounds.width() / image.width;
        const double res_y = bounds.height() / image.height;
        double transform[6] = {bounds.min_x, res_x, 0, bounds.max_y, 0, -res_y};
        mem->SetGeoTransform(transform);
        OGRSpatialReference srs;
        srs.importFromEPSG(3857);
        mem->SetSpatialRef(&srs);
    }

    const fs::path temp = temporary_sibling(target);
    CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");  // no .aux.xml beside the file
    gdal::DatasetPtr out(driver->CreateCopy(temp.c_str(), mem.get(), FALSE, options.List(), nullptr, nullptr));
    const bool ok = out != nullptr;
    out.reset();  // flushes and closes
    CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
    if (!ok || !fs::exists(temp, ec)) {
        fs::remove(temp, ec);
        throw InputError(path, "cannot write: " + gdal::last_error());
    }
    commit_temporary(temp, target);
}

std::string world_file_path(const std::string& image_path) {
    const std::string ext = lower_extension(image_path);
    const std::string world_ext = ext == ".png" ? ".pgw" : (ext == ".jpg" || ext == ".jpeg") ? ".jgw" : ".wld";
    return fs::path(image_path).replace_extension(world_ext).string();
}

void write_world_file(const std::string& image_path, const Image& image, const Box& bounds) {
    gdal::initialise();
    const double res_x = bounds.width() / image.width;
    const double res_y = bounds.height() / image.height;
    // Six lines: pixel size x, rotation, rotation, -pixel size y, and the centre of the top-left pixel.
    char text[256];
    std::snprintf(text, sizeof text, "%.10f\n0.0\n0.0\n%.10f\n%.10f\n%.10f\n", res_x, -res_y, bounds.min_x + res_x / 2,
                  bounds.max_y - res_y / 2);
    OGRSpatialReference srs;
    srs.importFromEPSG(3857);
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT1_ESRI", nullptr};
    srs.exportToWkt(&wkt, options);
    const std::string prj = wkt ? wkt : "";
    CPLFree(wkt);
    // GDAL (and so QGIS) takes the CRS of a PNG or JPEG from its .aux.xml; other tools from the .prj.
    char* ogc_wkt = nullptr;
    srs.exportToWkt(&ogc_wkt);
    const std::string aux = std::string("<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">") + (ogc_wkt ? ogc_wkt : "") +
                            "</SRS>\n</PAMDataset>\n";
    CPLFree(ogc_wkt);
    write_file_atomically(world_file_path(image_path), text);
    write_file_atomically(fs::path(image_path).replace_extension(".prj"), prj + "\n");
    write_file_atomically(image_path + ".aux.xml", aux);
}

}  // namespace storyplot
