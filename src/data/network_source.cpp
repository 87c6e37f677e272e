#include "data/network_source.hpp"

#include <map>

#include "core/files/input_error.hpp"
#include "data/gdal_support.hpp"

namespace storyplot {

namespace {

void add_lines(const OGRGeometry& geom, ModeSet modes, std::vector<NetworkLine>& out) {
    if (geom.IsEmpty()) return;
    switch (wkbFlatten(geom.getGeometryType())) {
    case wkbLineString: {
        const auto& line = *geom.toLineString();
        NetworkLine network_line;
        network_line.modes = modes;
        network_line.path.reserve(static_cast<std::size_t>(line.getNumPoints()));
        for (int i = 0; i < line.getNumPoints(); ++i) network_line.path.push_back({line.getX(i), line.getY(i)});
        out.push_back(std::move(network_line));
        break;
    }
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const auto* part : *geom.toGeometryCollection()) add_lines(*part, modes, out);
        break;
    default: break;  // points and areas are not a network
    }
}

}  // namespace

NetworkSource load_network_source(const std::string& path) {
    const gdal::DatasetPtr ds = gdal::open_vector(path);
    NetworkSource source;
    source.path = path;
    std::map<OGRLayer*, gdal::TransformPtr> to_wgs84;  // by layer: made once, not per feature
    auto read = [&](OGRFeature& feature, OGRLayer& layer) {
        OGRGeometry* geom = feature.GetGeometryRef();
        if (!geom) return;
        if (geom->hasCurveGeometry()) {
            std::unique_ptr<OGRGeometry> linear(geom->getLinearGeometry());
            if (!linear) return;
            feature.SetGeometry(linear.get());
            geom = feature.GetGeometryRef();
        }
        OGRCoordinateTransformation* ct = to_wgs84.at(&layer).get();
        if (ct && geom->transform(ct) != OGRERR_NONE) return;
        add_lines(*geom, modes_for_tags(gdal::feature_tags(feature)), source.lines);
    };
    auto take = [&](OGRLayer& layer) {
        if (!to_wgs84.count(&layer)) to_wgs84.emplace(&layer, gdal::transform_to_wgs84(layer.GetSpatialRef(), path));
        return true;
    };
    gdal::for_each_feature(*ds, take, read);
    if (source.lines.empty()) {
        const std::string detail = gdal::last_error();
        throw InputError(path, detail.empty() ? "holds no lines to travel along" : "corrupt or unreadable: " + detail);
    }
    return source;
}

}  // namespace storyplot
