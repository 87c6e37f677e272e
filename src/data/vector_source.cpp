#include "data/vector_source.hpp"

#include <filesystem>
#include <system_error>

#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "data/gdal_support.hpp"

namespace storyplot {

namespace {

namespace fs = std::filesystem;

LonLat to_lonlat(const OGRPoint& p) { return {p.getX(), p.getY()}; }

Path to_path(const OGRSimpleCurve& curve) {
    Path path;
    path.reserve(static_cast<std::size_t>(curve.getNumPoints()));
    for (int i = 0; i < curve.getNumPoints(); ++i) path.push_back({curve.getX(i), curve.getY(i)});
    return path;
}

void add_geometry(const OGRGeometry& geom, VectorLayer& layer) {
    if (geom.IsEmpty()) return;
    if (geom.hasCurveGeometry()) {
        std::unique_ptr<OGRGeometry> linear(geom.getLinearGeometry());
        if (linear) add_geometry(*linear, layer);
        return;
    }
    switch (wkbFlatten(geom.getGeometryType())) {
    case wkbPoint: layer.points.push_back(to_lonlat(*geom.toPoint())); break;
    case wkbLineString:
    case wkbLinearRing: layer.lines.push_back(to_path(*geom.toLineString())); break;
    case wkbPolygon:
    case wkbTriangle: {
        Polygon poly;
        for (const auto* ring : *geom.toPolygon()) poly.rings.push_back(to_path(*ring));
        layer.polygons.push_back(std::move(poly));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbPolyhedralSurface:
    case wkbTIN:
        for (const auto* part : *geom.toGeometryCollection()) add_geometry(*part, layer);
        break;
    default: break;
    }
}

// GDAL's GPX driver repeats every track and route vertex as a point layer; they add only clutter.
bool is_redundant_layer(const std::string& driver, const std::string& layer) {
    return driver == "GPX" && (layer == "track_points" || layer == "route_points");
}

gdal::TransformPtr transform_to_wgs84(const OGRSpatialReference* source, const std::string& path) {
    if (!source) return nullptr;  // no CRS declared: take it as lon/lat (as Natural Earth's TopoJSON)
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (source->IsGeographic() && source->IsSame(&wgs84)) return nullptr;
    OGRSpatialReference from(*source);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    gdal::TransformPtr ct(OGRCreateCoordinateTransformation(&from, &wgs84));
    if (!ct) {
        const char* name = source->GetName();
        throw InputError(path, std::string("cannot reproject from its CRS \"") + (name ? name : "?") + "\" to WGS84");
    }
    return ct;
}

[[noreturn]] void throw_unreadable(const std::string& path) {
    const std::string detail = gdal::last_error();
    GDALDriverH raster = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_RASTER, nullptr, nullptr);
    if (raster) throw InputError(path, std::string("is a raster (") + GDALGetDriverShortName(raster) + "), not vector data");
    if (GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr))
        throw InputError(path, "corrupt or unreadable" + (detail.empty() ? std::string() : ": " + detail));
    throw InputError(path, "not a vector format GDAL can read" + (detail.empty() ? std::string() : " (" + detail + ")"));
}

}  // namespace

Box VectorSource::lonlat_bounds() const {
    Box b;
    auto add = [&](LonLat p) { b.add(Vec2{p.lon, p.lat}); };
    for (const auto& layer : layers) {
        for (const auto& poly : layer.polygons)
            for (const auto& ring : poly.rings)
                for (auto p : ring) add(p);
        for (const auto& line : layer.lines)
            for (auto p : line) add(p);
        for (auto p : layer.points) add(p);
    }
    return b;
}

VectorSource load_vector_source(const std::string& path) {
    gdal::initialise();
    if (path.rfind("/vsi", 0) != 0) {  // GDAL's virtual files (/vsimem/, /vsizip/…) are GDAL's to find
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (!fs::exists(status)) throw InputError(path, "no such file");
        if (fs::is_regular_file(status) && fs::file_size(path, ec) == 0) throw InputError(path, "the file is empty");
    }

    CPLErrorReset();
    check_input_path(path);  // a FIFO would block GDAL for ever
    gdal::DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw_unreadable(path);

    VectorSource source;
    source.path = path;
    source.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    for (OGRLayer* ogr_layer : ds->GetLayers()) {
        if (is_redundant_layer(source.driver, ogr_layer->GetName())) continue;
        VectorLayer layer;
        layer.name = ogr_layer->GetName();
        const auto ct = transform_to_wgs84(ogr_layer->GetSpatialRef(), path);
        ogr_layer->ResetReading();
        CPLErrorReset();
        for (;;) {
            gdal::FeaturePtr feature(ogr_layer->GetNextFeature());
            if (!feature) break;
            OGRGeometry* geom = feature->GetGeometryRef();
            if (!geom) continue;
            if (ct && geom->transform(ct.get()) != OGRERR_NONE) continue;
            add_geometry(*geom, layer);
        }
        if (CPLGetLastErrorType() >= CE_Failure && layer.empty())
            throw InputError(path, "corrupt or unreadable: " + gdal::last_error());
        if (!layer.empty()) source.layers.push_back(std::move(layer));
    }
    if (source.layers.empty()) throw InputError(path, "holds no features");
    return source;
}

}  // namespace storyplot
