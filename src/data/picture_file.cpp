#include "data/picture_file.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/files/input_error.hpp"
#include "data/gdal_support.hpp"

namespace storyplot {

Image read_picture(const std::string& path, int max_side) {
    gdal::initialise();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path, "no such picture file");
    gdal::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) throw InputError(path, "not a picture GDAL can read" + (gdal::last_error().empty() ? "" : " (" + gdal::last_error() + ")"));
    const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    const int bands = ds->GetRasterCount();
    if (w <= 0 || h <= 0 || bands < 1) throw InputError(path, "a picture with no pixels");
    const double k = std::min(1.0, static_cast<double>(max_side) / std::max(w, h));
    Image image;
    image.width = std::max(1, static_cast<int>(std::lround(w * k)));
    image.height = std::max(1, static_cast<int>(std::lround(h * k)));
    image.rgba.assign(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4, 255);
    // Grey repeats its one band; grey+alpha and RGB(A) map band by band; a palette is expanded.
    GDALRasterBand* first = ds->GetRasterBand(1);
    const GDALColorTable* palette = first->GetColorTable();
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = GRIORA_Average;
    const int pixel = 4, line = image.width * 4;
    auto read_band = [&](int band, int channel) {
        if (ds->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, w, h, image.rgba.data() + channel, image.width, image.height, GDT_Byte, pixel, line,
                                              &extra) != CE_None)
            throw InputError(path, "the picture is corrupt (" + gdal::last_error() + ")");
    };
    if (palette) {
        extra.eResampleAlg = GRIORA_NearestNeighbour;
        read_band(1, 0);
        for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
            const GDALColorEntry* e = palette->GetColorEntry(image.rgba[i]);
            if (!e) continue;
            image.rgba[i] = static_cast<std::uint8_t>(e->c1);
            image.rgba[i + 1] = static_cast<std::uint8_t>(e->c2);
            image.rgba[i + 2] = static_cast<std::uint8_t>(e->c3);
            image.rgba[i + 3] = static_cast<std::uint8_t>(e->c4);
        }
    } else if (bands <= 2) {
        read_band(1, 0);
        read_band(1, 1);
        read_band(1, 2);
        if (bands == 2) read_band(2, 3);
    } else {
        for (int b = 1; b <= std::min(bands, 4); ++b) read_band(b, b - 1);
    }
    return image;
}

}  // namespace storyplot
