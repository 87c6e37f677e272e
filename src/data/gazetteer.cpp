#include "data/gazetteer.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/files/cache_file.hpp"
#include "core/files/content_hash.hpp"
#include "core/files/input_error.hpp"
#include "core/geoparse/local_names.hpp"
#include "core/geo/mercator.hpp"
#include "reader/data_paths.hpp"
#include "data/gdal_support.hpp"
#include "data/mesh_cache.hpp"
#include "data/projected_parts.hpp"

namespace storyplot {

namespace {

bool town_within(LonLat position, const Box* within) {
    if (!within) return true;
    const Vec2 at = mercator::forward(position);
    if (at.y < within->min_y || at.y > within->max_y) return false;
    for (const double copy : {-1.0, 0.0, 1.0}) {
        const double x = at.x + copy * mercator::world_width;
        if (x >= within->min_x && x <= within->max_x) return true;
    }
    return false;
}

// The towns of a gazetteer cost 0.2-0.3 s to read from its 30 MB of text (every alternate name split
// for the local one); they are kept in a verified cache file (core/cache_file.hpp), most populous
// first, as "name<TAB>local<TAB>lon<TAB>lat<TAB>population<TAB>country" lines, keyed by the
// file's content and the smallest population.
constexpr CacheKind towns_cache_kind{{'S', 'P', 'T', 'O', 'W', 'N', 'S', ' '}, 1};

std::string town_lines(const std::vector<Town>& towns) {
    std::string out;
    out.reserve(towns.size() * 48);
    char number[32];
    auto add_number = [&](auto value) {
        const auto [end, ec] = std::to_chars(number, number + sizeof number, value);  // shortest form that reads back exactly
        out.append(number, ec == std::errc{} ? end : number);
    };
    for (const Town& t : towns) {
        out += t.name;
        out += '\t';
        out += t.local_name;
        out += '\t';
        add_number(t.position.lon);
        out += '\t';
        add_number(t.position.lat);
        out += '\t';
        add_number(t.population);
        out += '\t';
        out += t.country;
        out += '\n';
    }
    return out;
}

// The cached towns within `within`, in the cache's order; none for a payload that does not parse.
std::optional<std::vector<Town>> read_town_lines(std::string_view text, const Box* within) {
    std::vector<Town> towns;
    std::string_view f[6];
    auto number = [](std::string_view s, auto& value) {
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        return ec == std::errc{} && end == s.data() + s.size();
    };
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t line_end = text.find('\n', start);
        if (line_end == std::string_view::npos) return std::nullopt;  // every line ends
        const std::string_view line = text.substr(start, line_end - start);
        start = line_end + 1;
        std::size_t at = 0;
        for (int k = 0; k < 6; ++k) {
            const std::size_t tab = k < 5 ? line.find('\t', at) : line.size();
            if (tab == std::string_view::npos) return std::nullopt;
            f[k] = line.substr(at, tab - at);
            at = tab + 1;
        }
        Town t;
        if (!number(f[2], t.position.lon) || !number(f[3], t.position.lat) || !number(f[4], t.population)) return std::nullopt;
        if (!town_within(t.position, within)) continue;
        t.name = f[0];
        t.local_name = f[1];
        t.country = f[5];
        towns.push_back(std::move(t));
    }
    return towns;
}

}  // namespace

std::vector<Town> load_towns(const std::string& path, long min_population, const Box* within) {
    const std::uint64_t key = file_content_hash(path, static_cast<std::uint64_t>(min_population)).value_or(0);
    const auto cache = cache_folder() / "towns.cache";
    if (key != 0)
        if (const auto mapped = map_cache_file(cache, towns_cache_kind, key))
            if (auto towns = read_town_lines(mapped->bytes(), within)) {
                towns->shrink_to_fit();
                return std::move(*towns);
            }
    std::vector<Town> towns;
    read_geonames_places(path, [&](const GeoNamesPlace& p) {
        if (p.population >= min_population)
            towns.push_back({std::string(p.name), local_name(p.country, p.alternates), p.position, p.population, std::string(p.country)});
    });
    std::stable_sort(towns.begin(), towns.end(), [](const Town& a, const Town& b) { return a.population > b.population; });
    if (key != 0) write_cache_file(cache, towns_cache_kind, key, town_lines(towns));  // without it, read again next time
    if (within) std::erase_if(towns, [&](const Town& t) { return !town_within(t.position, within); });
    towns.shrink_to_fit();
    return towns;
}

namespace {

// Country labels cost 0.4 s to find (the polygons parsed, a point well inside each); they are kept
// in a verified cache file (core/cache_file.hpp) as "name<TAB>lon<TAB>lat<TAB>area<TAB>parts" lines,
// keyed by the source's content. Parts are written "x y;x y;...", rings joined by '|' and parts by
// '/', in whole projected metres.
constexpr CacheKind labels_cache_kind{{'S', 'P', 'L', 'A', 'B', 'E', 'L', 'S'}, 3};

std::string write_parts(const std::vector<std::vector<std::vector<Vec2>>>& parts) {
    std::string out;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        if (p) out += '/';
        for (std::size_t r = 0; r < parts[p].size(); ++r) {
            if (r) out += '|';
            for (std::size_t i = 0; i < parts[p][r].size(); ++i) {
                if (i) out += ';';
                out += std::to_string(std::lround(parts[p][r][i].x)) + ' ' + std::to_string(std::lround(parts[p][r][i].y));
            }
        }
    }
    return out;
}

std::optional<std::vector<std::vector<std::vector<Vec2>>>> read_parts(std::string_view text) {
    std::vector<std::vector<std::vector<Vec2>>> parts;
    if (text.empty()) return parts;
    std::vector<std::vector<Vec2>>* part = &parts.emplace_back();
    std::vector<Vec2>* ring = &part->emplace_back();
    const char* at = text.data();
    const char* end = text.data() + text.size();
    while (at < end) {
        long x = 0, y = 0;
        auto [after_x, ex] = std::from_chars(at, end, x);
        if (ex != std::errc{} || after_x >= end || *after_x != ' ') return std::nullopt;
        auto [after_y, ey] = std::from_chars(after_x + 1, end, y);
        if (ey != std::errc{}) return std::nullopt;
        ring->push_back({static_cast<double>(x), static_cast<double>(y)});
        at = after_y;
        if (at == end) break;
        if (*at == '|') ring = &part->emplace_back();
        else if (*at == '/') {
            part = &parts.emplace_back();
            ring = &part->emplace_back();
        } else if (*at != ';') return std::nullopt;
        ++at;
    }
    return parts;
}

std::optional<std::vector<CountryLabel>> read_labels_cache(const std::filesystem::path& file, std::uint64_t key) {
    const auto payload = read_cache_file(file, labels_cache_kind, key);
    if (!payload) return std::nullopt;
    std::istringstream in(*payload);
    std::string line;
    std::vector<CountryLabel> out;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        CountryLabel label;
        std::string lon, lat, area, parts;
        if (!std::getline(fields, label.name, '\t') || !std::getline(fields, lon, '\t') || !std::getline(fields, lat, '\t') ||
            !std::getline(fields, area, '\t'))
            return std::nullopt;
        std::getline(fields, parts);
        try {
            label.anchor = {std::stod(lon), std::stod(lat)};
            label.area = std::stod(area);
        } catch (const std::exception&) {
            return std::nullopt;
        }
        auto read = read_parts(parts);
        if (!read) return std::nullopt;
        label.parts = std::move(*read);
        out.push_back(std::move(label));
    }
    if (out.empty()) return std::nullopt;
    return out;
}

std::vector<CountryLabel> compute_country_labels(const std::string& path);

}  // namespace

std::vector<CountryLabel> load_country_labels() {
    const auto path = natural_earth_countries(DetailLevel::medium_50m).string();
    const std::uint64_t key = file_content_hash(path).value_or(0);
    const auto cache = cache_folder() / "country-labels.cache";
    if (auto cached = read_labels_cache(cache, key)) return std::move(*cached);
    std::vector<CountryLabel> labels = compute_country_labels(path);
    std::ostringstream out;
    out.precision(17);
    for (const auto& l : labels) out << l.name << "\t" << l.anchor.lon << "\t" << l.anchor.lat << "\t" << l.area << "\t" << write_parts(l.parts) << "\n";
    write_cache_file(cache, labels_cache_kind, key, out.str());  // without it, found again next time
    return labels;
}

namespace {

// A part smaller than about 140 km square (in projected metres) is never the larger part of a view
// whose country label is out of sight: its own label would not fit anyway.
constexpr double min_part_area = 2e10;

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
        // The largest part, in projected area, carries the label; the large parts are kept for views
        // that show a country but not that label. At most ~400 points a ring: plenty to find a label
        // point, and fast.
        std::vector<ProjectedPart> parts = projected_parts(*geom, 400);
        const ProjectedPart* best = largest_part(parts);
        if (!best) continue;
        CountryLabel label{feature->GetFieldAsString(name_field), part_anchor(*best), best->area, {}};
        std::vector<ProjectedPart*> large;
        for (auto& part : parts)
            if (part.area >= min_part_area) large.push_back(&part);
        std::stable_sort(large.begin(), large.end(), [](const ProjectedPart* a, const ProjectedPart* b) { return a->area > b->area; });
        if (large.size() > 8) large.resize(8);
        for (auto* part : large) label.parts.push_back(std::move(part->rings));
        out.push_back(std::move(label));
    }
    std::sort(out.begin(), out.end(), [](const CountryLabel& a, const CountryLabel& b) { return a.area > b.area; });
    return out;
}

}  // namespace

ContextLabels load_context_labels(const Box* within) {
    ContextLabels context;
    context.countries = load_country_labels();
    constexpr double margin = 200000.0;  // Mercator metres: 200 km at the equator, 100 km at 60 degrees
    std::optional<Box> near;
    if (within) near = Box::of(within->min_x - margin, within->min_y - margin, within->max_x + margin, within->max_y + margin);
    context.towns = load_towns(gazetteer_path(), 1000, near ? &*near : nullptr);
    return context;
}

}  // namespace storyplot
