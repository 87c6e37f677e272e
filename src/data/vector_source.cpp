#include "data/vector_source.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>

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

namespace {

long population_of(const Tags& tags, long otherwise) {
    const auto it = tags.find("population");
    if (it == tags.end()) return otherwise;
    char* end = nullptr;
    const long n = std::strtol(it->second.c_str(), &end, 10);
    return end != it->second.c_str() && n > 0 ? n : otherwise;
}

}  // namespace

// One layer as it is read: its features by the rule they matched (-1: none).
struct VectorCollector::Reading {
    std::string name;
    gdal::TransformPtr to_wgs84;
    std::map<int, VectorLayer> by_rule;
    bool styled = false;  // some feature matched a rule
};

VectorCollector::VectorCollector(std::string path, std::string driver, const MapStyle* style) : m_style(style) {
    m_source.path = std::move(path);
    m_source.driver = std::move(driver);
}

VectorCollector::~VectorCollector() = default;

VectorCollector::Reading& VectorCollector::reading_for(OGRLayer& ogr_layer) {
    // By name: the same layer of many vector tiles, each its own dataset, gathers into one.
    const std::string name = ogr_layer.GetName();
    auto it = m_readings.find(name);
    if (it != m_readings.end()) return *it->second;
    auto r = std::make_unique<Reading>();
    r->name = name;
    r->to_wgs84 = gdal::transform_to_wgs84(ogr_layer.GetSpatialRef(), m_source.path);
    m_order.push_back(name);
    return *m_readings.emplace(name, std::move(r)).first->second;
}

void VectorCollector::begin_layer(OGRLayer& layer) { reading_for(layer); }

bool VectorCollector::holds_features_of(OGRLayer& layer) const {
    const auto it = m_readings.find(layer.GetName());
    return it != m_readings.end() &&
           std::any_of(it->second->by_rule.begin(), it->second->by_rule.end(), [](const auto& kv) { return !kv.second.empty(); });
}

void VectorCollector::add(OGRFeature& feature, OGRLayer& ogr_layer) {
    Reading& r = reading_for(ogr_layer);
    OGRGeometry* geom = feature.GetGeometryRef();
    if (!geom) return;
    if (r.to_wgs84 && geom->transform(r.to_wgs84.get()) != OGRERR_NONE) return;
    if (!m_style) {
        add_geometry(*geom, r.by_rule[-1]);
        return;
    }
    VectorLayer parts;
    add_geometry(*geom, parts);
    const Tags tags = gdal::feature_tags(feature);
    const auto name = tags.find("name");
    // The rule for this kind of part and its layer; the rule when it names the feature.
    auto rule_for = [&](GeometryKind kind) -> std::pair<VectorLayer&, const StyleRule*> {
        const int rule = m_style->rule_for(kind, tags);
        if (rule < 0) return {r.by_rule[rule], nullptr};
        r.styled = true;
        const StyleRule& matched = m_style->rules[static_cast<std::size_t>(rule)];
        const bool names = matched.label && name != tags.end() && !name->second.empty();
        return {r.by_rule[rule], names ? &matched : nullptr};
    };
    if (!parts.polygons.empty()) {
        auto& to = rule_for(GeometryKind::polygon).first.polygons;
        std::move(parts.polygons.begin(), parts.polygons.end(), std::back_inserter(to));
    }
    if (!parts.lines.empty()) {
        auto [layer, naming] = rule_for(GeometryKind::line);
        if (naming)
            for (const Path& line : parts.lines) m_source.named_lines.push_back({name->second, line, naming->label_rank});
        std::move(parts.lines.begin(), parts.lines.end(), std::back_inserter(layer.lines));
    }
    if (!parts.points.empty()) {
        auto [layer, naming] = rule_for(GeometryKind::point);
        if (naming)
            for (LonLat p : parts.points) m_source.places.push_back({name->second, "", p, population_of(tags, naming->label_rank), ""});
        layer.points.insert(layer.points.end(), parts.points.begin(), parts.points.end());
    }
}

VectorSource VectorCollector::finish() {
    // The unstyled layers, then the styled ones in the style's order (what is drawn over what).
    std::vector<VectorLayer> styled, plain;
    for (const std::string& layer_name : m_order) {
        Reading& r = *m_readings.at(layer_name);
        for (auto& [rule, layer] : r.by_rule) {
            if (layer.empty() || (rule < 0 && r.styled)) continue;
            layer.style_rule = rule;
            layer.name = rule < 0 ? r.name : r.name + ": " + m_style->rules[static_cast<std::size_t>(rule)].name;
            (rule < 0 ? plain : styled).push_back(std::move(layer));
        }
    }
    std::stable_sort(styled.begin(), styled.end(), [](const VectorLayer& a, const VectorLayer& b) { return a.style_rule < b.style_rule; });
    VectorSource source = std::move(m_source);
    source.layers = std::move(plain);
    std::move(styled.begin(), styled.end(), std::back_inserter(source.layers));
    std::stable_sort(source.places.begin(), source.places.end(), [](const Town& a, const Town& b) { return a.population > b.population; });
    std::stable_sort(source.named_lines.begin(), source.named_lines.end(), [](const NamedLine& a, const NamedLine& b) { return a.rank > b.rank; });
    m_readings.clear();
    m_order.clear();
    return source;
}

InputError no_such_layer(const std::string& shown, const std::string& name, const std::vector<std::string>& has) {
    std::string names;
    for (const auto& n : has) names += (names.empty() ? "" : ", ") + n;
    return InputError(shown, "no layer \"" + name + "\" (it has " + (names.empty() ? "no layers" : names) + ")");
}

OGRLayer& layer_named(GDALDataset& ds, const std::string& name, const std::string& shown) {
    if (OGRLayer* layer = ds.GetLayerByName(name.c_str())) return *layer;
    std::vector<std::string> has;
    for (OGRLayer* layer : ds.GetLayers()) has.emplace_back(layer->GetName());
    throw no_such_layer(shown, name, has);
}

VectorSource load_vector_source(const std::string& path, const MapStyle* style, const std::vector<std::string>& only_layers) {
    const gdal::DatasetPtr ds = gdal::open_vector(path);
    const std::string shown = gdal::shown_name(path);  // a connection string without its password
    for (const auto& name : only_layers)
        layer_named(*ds, name, shown);
    const std::string driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    VectorCollector collector(shown, driver, style);

    // A layer GDAL failed on that gave nothing is a corrupt file, not an empty layer.
    auto fail_if_broken = [&](OGRLayer& ogr_layer) {
        if (CPLGetLastErrorType() >= CE_Failure && !collector.holds_features_of(ogr_layer))
            throw InputError(shown, "corrupt or unreadable: " + gdal::last_error());
    };
    auto take = [&](OGRLayer& layer) {
        if (is_redundant_layer(driver, layer.GetName())) return false;
        if (!only_layers.empty() && std::find(only_layers.begin(), only_layers.end(), layer.GetName()) == only_layers.end()) return false;
        collector.begin_layer(layer);
        return true;
    };
    gdal::for_each_feature(*ds, take, [&](OGRFeature& f, OGRLayer& l) { collector.add(f, l); }, fail_if_broken);
    if (CPLGetLastErrorType() >= CE_Failure && collector.empty()) throw InputError(shown, "corrupt or unreadable: " + gdal::last_error());
    VectorSource source = collector.finish();
    if (source.layers.empty()) throw InputError(shown, "holds no features");
    return source;
}

}  // namespace storyplot
