#include "raster.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>

namespace storyplot::test_support {

Raster read_raster(const std::string& path, bool pixels) {
    GDALAllRegister();
    Raster r;
    GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
    if (!ds) return r;
    r.width = GDALGetRasterXSize(ds);
    r.height = GDALGetRasterYSize(ds);
    r.bands = GDALGetRasterCount(ds);
    GDALGetGeoTransform(ds, r.gt);
    OGRSpatialReference srs(GDALGetProjectionRef(ds));
    srs.AutoIdentifyEPSG();
    if (const char* code = srs.GetAuthorityCode(nullptr)) r.epsg = code;
    if (pixels) {
        r.rgba.assign(static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height) * 4, 255);
        for (int b = 0; b < std::min(r.bands, 4); ++b)
            if (GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Read, 0, 0, r.width, r.height, r.rgba.data() + b, r.width, r.height, GDT_Byte, 4,
                             4 * r.width) != CE_None)
                r.rgba.clear();
    }
    GDALClose(ds);
    return r;
}

}  // namespace storyplot::test_support
