#include "data/admin_regions.hpp"

#include <cctype>
#include <filesystem>
#include <map>
#include <system_error>

#include "core/files/input_error.hpp"
#include "core/geo/geodesic.hpp"
#include "core/geo/mercator.hpp"
#include "data/gdal_support.hpp"
#include "data/projected_parts.hpp"

namespace storyplot {

namespace {

// The parts of a country that Natural Earth's regions record as a geographic unit of their own
// (`gu_a3`) and that news names as one place: the United Kingdom's four nations, Belgium's two
// language regions, the two entities of Bosnia and Herzegovina, Iraq's Kurdistan Region, Serbia's
// Vojvodina, Tanzania's Zanzibar. (Units of one region, such as the Azores, are that region already.)
const std::map<std::string, std::vector<std::string>>& unit_names() {
    static const std::map<std::string, std::vector<std::string>> names{
        {"ENG", {"England"}},
        {"SCT", {"Scotland"}},
        {"WLS", {"Wales"}},
        {"NIR", {"Northern Ireland"}},
        {"BFR", {"Flanders", "Flemish Region"}},
        {"BWR", {"Wallonia", "Walloon Region"}},
        {"BHF", {"Federation of Bosnia and Herzegovina"}},
        {"BIS", {"Republika Srpska"}},
        {"IRK", {"Kurdistan Region", "Iraqi Kurdistan"}},
        {"SRV", {"Vojvodina"}},
        {"TZZ", {"Zanzibar"}},
    };
    return names;
}

// The centre of several parts' area together (area_centroid of their outer rings), where that lies
// inside one of them; else the centre of the largest.
LonLat centre_of(const std::vector<ProjectedPart>& parts) {
    std::vector<Ring> outers;
    for (const auto& part : parts) {
        if (part.rings.empty()) continue;
        Ring& outer = outers.emplace_back();
        for (Vec2 p : part.rings[0]) outer.push_back(mercator::inverse(p));
    }
    const ProjectedPart* largest = largest_part(parts);
    if (const auto centre = area_centroid(outers)) {
        const Vec2 at = mercator::forward(*centre);
        for (const auto& part : parts)
            if (!part.rings.empty() && inside(at, part.rings)) return *centre;
    }
    return largest ? part_centre(*largest) : LonLat{};
}

}  // namespace

std::vector<AdminRegion> load_admin_regions(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError(path, "Natural Earth's states and provinces not installed (run ./setup.sh)");
    const gdal::DatasetPtr ds = gdal::open_vector(path);
    OGRLayer* layer = ds->GetLayerByName("states_provinces");
    if (!layer) throw InputError(path, "no layer states_provinces (Natural Earth's first-level regions)");
    std::vector<AdminRegion> regions;
    struct Unit {
        std::string country;
        std::vector<ProjectedPart> parts;
        int members = 0;
    };
    std::map<std::string, Unit> units;
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
        auto parts = projected_parts(*geom);
        const ProjectedPart* best = largest_part(parts);
        if (!best) continue;
        region.anchor = part_centre(*best);
        const double scale = mercator::ground_scale(region.anchor.lat);
        region.area_km2 = best->area * scale * scale / 1e6;
        if (const std::string unit = field("gu_a3"); unit != field("adm0_a3") && unit_names().count(unit)) {
            Unit& u = units[unit];
            u.country = region.country;
            ++u.members;
            for (auto& part : parts) u.parts.push_back(std::move(part));
        }
        regions.push_back(std::move(region));
    }
    for (const auto& [code, unit] : units) {
        if (unit.members < 2) continue;
        AdminRegion region;
        region.names = unit_names().at(code);
        region.name = region.names.front();
        region.country = unit.country;
        region.unit = true;
        region.anchor = centre_of(unit.parts);
        const double scale = mercator::ground_scale(region.anchor.lat);
        for (const auto& part : unit.parts) region.area_km2 += part.area * scale * scale / 1e6;
        regions.push_back(std::move(region));
    }
    return regions;
}

}  // namespace storyplot
