#include "data/admin_regions.hpp"

#include <cctype>
#include <filesystem>
#include <system_error>

#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "data/gdal_support.hpp"
#include "data/projected_parts.hpp"

namespace storyplot {

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
        // Its largest part, in Web Mercator; the anchor at the centre of its area (or well inside it).
        const OGRGeometry* geom = f->GetGeometryRef();
        if (!geom) continue;
        const auto parts = projected_parts(*geom);
        const ProjectedPart* best = largest_part(parts);
        if (!best) continue;
        region.anchor = part_centre(*best);
        const double scale = mercator::ground_scale(region.anchor.lat);
        region.area_km2 = best->area * scale * scale / 1e6;
        regions.push_back(std::move(region));
    }
    return regions;
}

}  // namespace storyplot
