#include "data/admin_regions.hpp"

#include <cmath>
#include <filesystem>
#include <system_error>

#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "core/labels/context_labels.hpp"
#include "data/gdal_support.hpp"

namespace storyplot {

namespace {

Ring ring_of(const OGRLinearRing& r) {
    Ring ring;
    ring.reserve(static_cast<std::size_t>(r.getNumPoints()));
    for (int i = 0; i < r.getNumPoints(); ++i) ring.push_back({r.getX(i), r.getY(i)});
    return ring;
}

double planar_area(const std::vector<Vec2>& ring) {
    double a = 0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) a += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
    return std::abs(a) / 2;
}

}  // namespace

std::vector<AdminRegion> load_admin_regions(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError(path, "Natural Earth's states and provinces not installed (run ./setup.sh)");
    const gdal::DatasetPtr ds = gdal::open_vector(path);
    OGRLayer* layer = ds->GetLayerByName("states_provinces");
    if (!layer) throw InputError(path, "no layer states_provinces (Natural Earth's first-level regions)");
    std::vector<AdminRegion> regions;
    layer->ResetReading();
    for (gdal::FeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        AdminRegion region;
        auto field = [&](const char* name) {
            const int i = f->GetFieldIndex(name);
            return i >= 0 && f->IsFieldSetAndNotNull(i) ? std::string(f->GetFieldAsString(i)) : std::string();
        };
        region.name = field("name");
        if (region.name.empty()) continue;
        for (const char* key : {"name", "gn_name", "woe_name"})
            if (std::string n = field(key); !n.empty() && n.find(',') == std::string::npos) region.names.push_back(std::move(n));
        if (const std::string iso = field("iso_a2"); iso.size() == 2 && std::isupper(static_cast<unsigned char>(iso[0]))) region.country = iso;
        // Its largest part, in Web Mercator (where a label point is found); the anchor well inside it.
        const OGRGeometry* geom = f->GetGeometryRef();
        if (!geom) continue;
        std::vector<const OGRPolygon*> parts;
        const auto type = wkbFlatten(geom->getGeometryType());
        if (type == wkbPolygon) parts.push_back(geom->toPolygon());
        else if (type == wkbMultiPolygon)
            for (const auto* part : *geom->toMultiPolygon()) parts.push_back(part);
        std::vector<std::vector<Vec2>> best;
        double best_area = 0;
        for (const OGRPolygon* part : parts) {
            std::vector<std::vector<Vec2>> rings;
            for (const auto* r : *part) rings.push_back(mercator::project_ring(ring_of(*r)));
            if (rings.empty() || rings.front().size() < 3) continue;
            const double area = planar_area(rings.front());
            if (area > best_area) {
                best_area = area;
                best = std::move(rings);
            }
        }
        if (best.empty()) continue;
        const Vec2 anchor = label_point(best);
        region.anchor = mercator::inverse(anchor);
        const double scale = mercator::ground_scale(region.anchor.lat);
        region.area_km2 = best_area * scale * scale / 1e6;
        regions.push_back(std::move(region));
    }
    return regions;
}

}  // namespace storyplot
