#include "data/vector_source.hpp"

#include "core/files/input_error.hpp"
#include "data/gdal_support.hpp"

namespace storyplot {

namespace {

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
    const gdal::DatasetPtr ds = gdal::open_vector(path);

    VectorSource source;
    source.path = path;
    source.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    for (OGRLayer* ogr_layer : ds->GetLayers()) {
        if (is_redundant_layer(source.driver, ogr_layer->GetName())) continue;
        VectorLayer layer;
        layer.name = ogr_layer->GetName();
        const auto ct = gdal::transform_to_wgs84(ogr_layer->GetSpatialRef(), path);
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
