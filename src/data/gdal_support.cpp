#include "data/gdal_support.hpp"

#include <cpl_error.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <system_error>

#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"

namespace storyplot::gdal {

void initialise() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

std::string last_error() {
    std::string msg = CPLGetLastErrorMsg();
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    // One line: GDAL sometimes spreads its message over several.
    std::string line;
    for (char c : msg) {
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        if (c == ' ' && !line.empty() && line.back() == ' ') continue;
        line += c;
    }
    return line;
}

Tags feature_tags(const OGRFeature& feature) {
    Tags tags;
    const OGRFeatureDefn* defn = feature.GetDefnRef();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (!feature.IsFieldSetAndNotNull(i)) continue;
        const std::string name = defn->GetFieldDefn(i)->GetNameRef();
        const char* value = feature.GetFieldAsString(i);
        if (name == "other_tags") add_hstore_tags(value, tags);
        else tags[name] = value;
    }
    return tags;
}

void for_each_feature(GDALDataset& ds, const std::function<bool(OGRLayer&)>& take,
                      const std::function<void(OGRFeature&, OGRLayer&)>& visit, const std::function<void(OGRLayer&)>& layer_done) {
    auto skipped = [&](OGRLayer& layer) { return !take(layer); };
    if (ds.TestCapability(ODsCRandomLayerRead)) {
        CPLErrorReset();
        for (;;) {
            OGRLayer* layer = nullptr;
            FeaturePtr feature(ds.GetNextFeature(&layer, nullptr, nullptr, nullptr));
            if (!feature) break;
            if (layer && !skipped(*layer)) visit(*feature, *layer);
        }
        return;
    }
    for (OGRLayer* layer : ds.GetLayers()) {
        if (skipped(*layer)) continue;
        layer->ResetReading();
        CPLErrorReset();
        for (;;) {
            FeaturePtr feature(layer->GetNextFeature());
            if (!feature) break;
            visit(*feature, *layer);
        }
        if (layer_done) layer_done(*layer);
    }
}

TransformPtr transform_to_wgs84(const OGRSpatialReference* source, const std::string& path) {
    if (!source) return nullptr;  // no CRS declared: take it as lon/lat (as Natural Earth's TopoJSON)
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (source->IsGeographic() && source->IsSame(&wgs84)) return nullptr;
    OGRSpatialReference from(*source);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    TransformPtr ct(OGRCreateCoordinateTransformation(&from, &wgs84));
    if (!ct) {
        const char* name = source->GetName();
        throw InputError(path, std::string("cannot reproject from its CRS \"") + (name ? name : "?") + "\" to WGS84");
    }
    return ct;
}

namespace {

[[noreturn]] void throw_unreadable(const std::string& path) {
    const std::string detail = last_error();
    GDALDriverH raster = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_RASTER, nullptr, nullptr);
    if (raster) throw InputError(path, std::string("is a raster (") + GDALGetDriverShortName(raster) + "), not vector data");
    if (GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr))
        throw InputError(path, "corrupt or unreadable" + (detail.empty() ? std::string() : ": " + detail));
    throw InputError(path, "not a vector format GDAL can read" + (detail.empty() ? std::string() : " (" + detail + ")"));
}

}  // namespace

bool is_connection_string(const std::string& path) { return path.rfind("PG:", 0) == 0 || path.rfind("pg:", 0) == 0; }

std::string shown_name(const std::string& path) {
    if (!is_connection_string(path)) return path;
    std::string shown = path;
    for (std::size_t at = 0; (at = shown.find("password", at)) != std::string::npos;) {
        std::size_t value = shown.find_first_not_of(" ", at + 8);
        if (value == std::string::npos || shown[value] != '=') {
            at += 8;
            continue;
        }
        value = shown.find_first_not_of(" ", value + 1);
        if (value == std::string::npos) break;
        std::size_t end = value;
        if (shown[value] == '\'') {  // a quoted value may hold spaces and escaped quotes
            for (end = value + 1; end < shown.size() && shown[end] != '\''; ++end)
                if (shown[end] == '\\') ++end;
            end = std::min(end + 1, shown.size());
        } else {
            end = std::min(shown.find(' ', value), shown.size());
        }
        shown.replace(value, end - value, "***");
        at = value + 3;
    }
    return shown;
}

DatasetPtr open_vector(const std::string& path) {
    initialise();
    if (is_connection_string(path)) {
        CPLErrorReset();
        DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        if (!ds) {
            const std::string detail = last_error();
            throw InputError(shown_name(path), "cannot connect" + (detail.empty() ? std::string() : ": " + detail));
        }
        return ds;
    }
    if (path.rfind("/vsi", 0) != 0) {  // GDAL's virtual files (/vsimem/, /vsizip/…) are GDAL's to find
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (!std::filesystem::exists(status)) throw InputError(path, "no such file");
        if (std::filesystem::is_regular_file(status) && std::filesystem::file_size(path, ec) == 0)
            throw InputError(path, "the file is empty");
    }
    CPLErrorReset();
    check_input_path(path);  // a FIFO would block GDAL for ever
    DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw_unreadable(path);
    return ds;
}

}  // namespace storyplot::gdal
