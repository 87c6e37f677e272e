#include "data/image_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/files/atomic_file.hpp"
#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "data/gdal_support.hpp"
#include "data/png_encoder.hpp"

namespace storyplot {

namespace fs = std::filesystem;

namespace {


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

void check_image_target(const std::string& path) {
    if (!image_format_for(path)) throw InputError(path, "unknown image format (use .png, .jpg or .tif)");
    check_output_target(path);
}

namespace {

// Collects GDAL's failures while a file is written: some (a full disk under a TIFF) surface only
// as an error message at close, never as a return value.
class GdalFailures {
public:
    GdalFailures() { CPLPushErrorHandlerEx(&GdalFailures::handle, this); }
    ~GdalFailures() { CPLPopErrorHandler(); }
    GdalFailures(const GdalFailures&) = delete;
    GdalFailures& operator=(const GdalFailures&) = delete;
    const std::string& first() const { return m_first; }
    bool any() const { return m_count > 0; }

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalFailures*>(CPLGetErrorHandlerUserData());
        if (level < CE_Failure) return;
        if (self->m_count++ == 0) self->m_first = message ? message : "";
    }
    int m_count = 0;
    std::string m_first;
};

}  // namespace

namespace {

// The CRS of a picture: Web Mercator, or the PROJ definition of the projection it was drawn in.
void set_crs(OGRSpatialReference& srs, const std::string& proj) {
    if (proj.empty()) {
        srs.importFromEPSG(3857);
    } else if (srs.importFromProj4(proj.c_str()) != OGRERR_NONE) {
        throw std::runtime_error("PROJ cannot read the projection \"" + proj + "\"");
    }
}

}  // namespace

void write_image(const std::string& path, const Image& image, const Box& bounds, const std::string& proj) {
    gdal::initialise();
    check_image_target(path);
    const auto format = image_format_for(path);

    if (*format == ImageFormat::png) {  // our own encoder: the one that matters for speed (data/png_encoder.hpp)
        std::string bytes;
        try {
            bytes = encode_png(image);
        } catch (const std::exception& e) {
            throw InputError(path, std::string("cannot write: ") + e.what());
        }
        write_file_atomically(path, bytes);
        return;
    }
    const char* driver_name = *format == ImageFormat::jpeg ? "JPEG" : "GTiff";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver) throw InputError(path, std::string("GDAL has no ") + driver_name + " driver");

    gdal::DatasetPtr mem = memory_copy(image, *format == ImageFormat::jpeg ? 3 : 4);
    CPLStringList options;
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
        set_crs(srs, proj);
        mem->SetSpatialRef(&srs);
    }

    OutputFile out{fs::path(path)};
    bool ok = false;
    std::string failure;
    {
        GdalFailures failures;
        CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");  // no .aux.xml beside the file
        gdal::DatasetPtr written(driver->CreateCopy(out.temporary().c_str(), mem.get(), FALSE, options.List(), nullptr, nullptr));
        ok = written != nullptr;
        written.reset();  // flushes and closes: a TIFF's last strips fail only here
        CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
        ok = ok && !failures.any();
        failure = failures.first();
    }
    std::error_code ec;
    if (!ok || fs::file_size(out.temporary(), ec) == 0 || ec) {
        out.abandon();
        if (failure.size() > 200) failure = failure.substr(0, 200) + "...";
        throw InputError(path, "cannot write: " + (failure.empty() ? std::string("the image file was not written") : failure));
    }
    out.commit();
}

std::string world_file_path(const std::string& image_path) {
    const std::string ext = lower_extension(image_path);
    const std::string world_ext = ext == ".png" ? ".pgw" : (ext == ".jpg" || ext == ".jpeg") ? ".jgw" : ".wld";
    return fs::path(image_path).replace_extension(world_ext).string();
}

void write_world_file(const std::string& image_path, const Image& image, const Box& bounds, const std::string& proj) {
    gdal::initialise();
    const double res_x = bounds.width() / image.width;
    const double res_y = bounds.height() / image.height;
    // Six lines: pixel size x, rotation, rotation, -pixel size y, and the centre of the top-left pixel.
    char text[256];
    std::snprintf(text, sizeof text, "%.10f\n0.0\n0.0\n%.10f\n%.10f\n%.10f\n", res_x, -res_y, bounds.min_x + res_x / 2,
                  bounds.max_y - res_y / 2);
    OGRSpatialReference srs;
    set_crs(srs, proj);
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
