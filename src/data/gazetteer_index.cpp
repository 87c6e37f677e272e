#include "data/gazetteer_index.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "core/files/cache_file.hpp"
#include "core/files/payload.hpp"
#include "core/files/content_hash.hpp"
#include "core/files/input_error.hpp"
#include "core/geo/geodesic.hpp"
#include "core/geo/mercator.hpp"
#include "core/geoparse/local_names.hpp"
#include "core/geoparse/name_folding.hpp"
#include "core/geoparse/region_names.hpp"
#include "data/admin_regions.hpp"
#include "data/data_paths.hpp"
#include "data/gazetteer.hpp"
#include "data/mesh_cache.hpp"
#include "data/vector_source.hpp"

namespace storyplot {

namespace {
const char* const dictionary_path = "/usr/share/dict/american-english";
}  // namespace

std::unique_ptr<GazetteerIndex> GazetteerIndex::load(const std::string& path) {
    auto index = std::make_unique<GazetteerIndex>();
    index->m_entries.reserve(200000);
    std::vector<std::pair<std::string, std::uint32_t>> pairs;
    pairs.reserve(1500000);
    read_geonames_places(path, [&](const GeoNamesPlace& p) {
        const auto id = static_cast<std::uint32_t>(index->m_entries.size());
        index->m_entries.push_back({p.id, std::string(p.name), p.position, p.population, std::string(p.feature_code), std::string(p.country)});
        // Every Latin-script name the place goes by, folded; each once. An alternate name of three
        // letters or fewer is left out: such names are codes and nicknames ("Lu", "Mad", "Jim")
        // that text uses far more often for other things; a place's own name is kept at any length.
        std::unordered_set<std::string> names;
        auto add = [&](std::string_view name, std::size_t shortest) {
            std::string folded = fold_name(name);
            if (is_latin_name(folded) && utf8_code_points(folded).size() >= shortest) names.insert(std::move(folded));
        };
        add(p.name, 2);
        add(p.ascii_name, 2);
        for (std::string_view alternate : p.alternates) add(alternate, 4);
        for (auto& n : names) pairs.emplace_back(std::move(n), id);
    });
    std::sort(pairs.begin(), pairs.end());
    index->m_own_names.reserve(pairs.size());
    for (const auto& [name, id] : pairs) {
        index->m_own_names.push_back({static_cast<std::uint32_t>(index->m_own_blob.size()), static_cast<std::uint32_t>(name.size()), id});
        index->m_own_blob += name;
    }
    index->m_blob = index->m_own_blob;
    index->m_names = index->m_own_names;
    return index;
}

std::vector<const GazetteerEntry*> GazetteerIndex::find(const std::string& folded) const {
    std::vector<const GazetteerEntry*> out;
    auto it = std::lower_bound(m_names.begin(), m_names.end(), folded, [&](const NameRef& r, const std::string& v) { return name_at(r) < v; });
    for (; it != m_names.end() && name_at(*it) == folded; ++it) out.push_back(&m_entries[it->entry]);
    return out;
}

std::vector<const GazetteerEntry*> GazetteerIndex::find_prefix(std::string_view prefix, std::size_t max_names) const {
    std::vector<const GazetteerEntry*> out;
    if (prefix.empty()) return out;
    std::unordered_set<std::uint32_t> seen;
    auto it = std::lower_bound(m_names.begin(), m_names.end(), prefix, [&](const NameRef& r, std::string_view v) { return name_at(r) < v; });
    for (std::size_t n = 0; it != m_names.end() && n < max_names && name_at(*it).substr(0, prefix.size()) == prefix; ++it, ++n)
        if (seen.insert(it->entry).second) out.push_back(&m_entries[it->entry]);
    return out;
}

namespace {

template <typename T>
bool take(const char*& p, const char* end, T& v) {
    if (static_cast<std::size_t>(end - p) < sizeof v) return false;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return true;
}
bool take_string(const char*& p, const char* end, std::string& s) {
    std::uint32_t n = 0;
    if (!take(p, end, n) || static_cast<std::size_t>(end - p) < n) return false;
    s.assign(p, n);
    p += n;
    return true;
}

void put_entry(std::string& out, const GazetteerEntry& e) {
    put(out, e.id);
    put(out, e.position.lon);
    put(out, e.position.lat);
    put(out, static_cast<std::int64_t>(e.population));
    put_text(out, e.name);
    put_text(out, e.feature_code);
    put_text(out, e.country);
    put(out, e.area_km2);
}
bool take_entry(const char*& p, const char* end, GazetteerEntry& e) {
    std::int64_t population = 0;
    if (!take(p, end, e.id) || !take(p, end, e.position.lon) || !take(p, end, e.position.lat) || !take(p, end, population) ||
        !take_string(p, end, e.name) || !take_string(p, end, e.feature_code) || !take_string(p, end, e.country) || !take(p, end, e.area_km2))
        return false;
    e.population = static_cast<long>(population);
    return true;
}

}  // namespace

void GazetteerIndex::save(std::string& out) const {
    put(out, static_cast<std::uint64_t>(m_entries.size()));
    for (const auto& e : m_entries) put_entry(out, e);
    put_text(out, m_blob);
    put(out, static_cast<std::uint64_t>(m_names.size()));
    // The names start on a multiple of their alignment (the payload's start is one), to be read in place.
    while (out.size() % alignof(NameRef) != 0) out += '\0';
    out.append(reinterpret_cast<const char*>(m_names.data()), m_names.size() * sizeof(NameRef));
}

std::unique_ptr<GazetteerIndex> GazetteerIndex::restore(const char*& p, const char* end, std::shared_ptr<const MappedCache> mapping) {
    auto index = std::make_unique<GazetteerIndex>();
    std::uint64_t n = 0;
    if (!take(p, end, n) || n > static_cast<std::uint64_t>(end - p)) return nullptr;
    index->m_entries.resize(n);
    for (auto& e : index->m_entries)
        if (!take_entry(p, end, e)) return nullptr;
    std::uint32_t blob_size = 0;
    if (!take(p, end, blob_size) || blob_size > static_cast<std::size_t>(end - p)) return nullptr;
    index->m_blob = std::string_view(p, blob_size);
    p += blob_size;
    if (!take(p, end, n)) return nullptr;
    while (p < end && reinterpret_cast<std::uintptr_t>(p) % alignof(NameRef) != 0) ++p;
    if (n * sizeof(NameRef) > static_cast<std::uint64_t>(end - p)) return nullptr;
    index->m_names = std::span<const NameRef>(reinterpret_cast<const NameRef*>(p), n);
    p += n * sizeof(NameRef);
    for (const auto& r : index->m_names)
        if (r.entry >= index->m_entries.size() || std::uint64_t{r.offset} + r.length > index->m_blob.size()) return nullptr;
    index->m_mapping = std::move(mapping);
    return index;
}

namespace {

// Short forms and demonyms news text uses, by ISO code.
const std::vector<std::pair<const char*, const char*>> aliases{
    {"us", "US"}, {"usa", "US"}, {"united states of america", "US"}, {"america", "US"}, {"american", "US"}, {"americans", "US"},
    {"uk", "GB"}, {"britain", "GB"}, {"great britain", "GB"}, {"british", "GB"}, {"english", "GB"},
    {"russian", "RU"}, {"russians", "RU"}, {"chinese", "CN"}, {"north korean", "KP"}, {"dprk", "KP"}, {"south korean", "KR"},
    {"japanese", "JP"}, {"vietnamese", "VN"}, {"french", "FR"}, {"german", "DE"}, {"italian", "IT"}, {"spanish", "ES"},
    {"portuguese", "PT"}, {"dutch", "NL"}, {"holland", "NL"}, {"belgian", "BE"}, {"swiss", "CH"}, {"austrian", "AT"}, {"polish", "PL"},
    {"czech", "CZ"}, {"ukrainian", "UA"}, {"belarusian", "BY"}, {"turkish", "TR"}, {"turkey", "TR"}, {"greek", "GR"}, {"swedish", "SE"},
    {"norwegian", "NO"}, {"danish", "DK"}, {"finnish", "FI"}, {"irish", "IE"}, {"indian", "IN"}, {"pakistani", "PK"}, {"iranian", "IR"},
    {"iraqi", "IQ"}, {"syrian", "SY"}, {"israeli", "IL"}, {"egyptian", "EG"}, {"saudi", "SA"}, {"mongolian", "MN"}, {"kazakh", "KZ"},
    {"thai", "TH"}, {"indonesian", "ID"}, {"filipino", "PH"}, {"malaysian", "MY"}, {"australian", "AU"}, {"canadian", "CA"},
    {"mexican", "MX"}, {"brazilian", "BR"}, {"argentine", "AR"}, {"chilean", "CL"}, {"peruvian", "PE"}, {"nigerian", "NG"},
    {"kenyan", "KE"}, {"ethiopian", "ET"}, {"south african", "ZA"}, {"moroccan", "MA"}, {"algerian", "DZ"}, {"libyan", "LY"},
    {"czech republic", "CZ"}, {"ivory coast", "CI"}, {"burma", "MM"}, {"myanmar", "MM"}, {"laotian", "LA"}, {"cambodian", "KH"},
    {"georgian", "GE"}, {"armenian", "AM"}, {"azerbaijani", "AZ"}, {"serbian", "RS"}, {"croatian", "HR"}, {"romanian", "RO"},
    {"hungarian", "HU"}, {"bulgarian", "BG"}, {"estonian", "EE"}, {"latvian", "LV"}, {"lithuanian", "LT"}, {"icelandic", "IS"},
    {"new zealand", "NZ"}, {"taiwanese", "TW"}, {"singaporean", "SG"}, {"venezuelan", "VE"}, {"colombian", "CO"}, {"cuban", "CU"},
};

}  // namespace

CountryNames load_country_names(const GazetteerIndex& gazetteer) {
    CountryNames names;
    const auto path = natural_earth_countries(DetailLevel::medium_50m).string();
    const VectorSource source = load_vector_source(path);
    // Natural Earth's TopoJSON carries names, not ISO codes: each country takes the code of the
    // GeoNames capital inside it. The vector source has the polygons; the names come by feature order.
    std::vector<const GazetteerEntry*> capitals;
    for (const auto& e : gazetteer.entries())
        if (e.feature_code == "PPLC") capitals.push_back(&e);
    const auto labels = load_country_labels();
    for (const auto& label : labels) {
        // The country whose label point is nearest a capital and whose outline holds it.
        for (const auto& layer : source.layers) {
            if (layer.name != "countries") continue;
            for (const auto& poly : layer.polygons) {
                if (!inside(label.anchor, poly)) continue;
                for (const auto* capital : capitals)
                    if (inside(capital->position, poly)) {
                        names.codes.emplace(fold_name(label.name), capital->country);
                        names.mainlands.emplace(capital->country, Mainland{poly, label.anchor});  // the part that holds the label
                        break;
                    }
                break;
            }
        }
    }
    for (const auto& [alias, code] : aliases) names.codes.emplace(alias, code);
    return names;
}

WordSet load_common_words() {
    auto text = std::make_shared<std::string>();
    if (std::ifstream in(dictionary_path, std::ios::binary); in) text->assign(std::istreambuf_iterator<char>(in), {});
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < text->size();) {
        std::size_t next = text->find('\n', at);
        if (next == std::string::npos) next = text->size();
        const std::string_view line(text->data() + at, next - at);
        if (!line.empty() && std::islower(static_cast<unsigned char>(line[0])) && line.find('\'') == std::string_view::npos) words.push_back(line);
        at = next + 1;
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return WordSet::over(std::move(words), text);
}

namespace {

constexpr CacheKind index_cache_kind{{'S', 'P', 'G', 'A', 'Z', 'I', 'D', 'X'}, 15};  // 15: the UK's nations and other countries' units are regions, at their equal-area centres

// The sources' content: the gazetteer, the country outlines that name its countries, world-countries,
// Natural Earth's regions and the word list that keeps ordinary words out of their names.
std::uint64_t source_key() {
    std::uint64_t key = 0;
    for (const auto& path : {std::filesystem::path(gazetteer_path()), natural_earth_countries(DetailLevel::medium_50m), world_countries_path(),
                             admin_regions_path(), std::filesystem::path(dictionary_path)})
        key = file_content_hash(path, key).value_or(key + 1);
    return key;
}

// What the reader knows besides the towns, after the gazetteer in the cache: country names, demonyms,
// the countries', continents' and regions' places, the regions' names.
void save_resources(std::string& out, const GeoparserResources& r) {
    put(out, static_cast<std::uint64_t>(r.countries.size()));
    for (const auto& [name, code] : r.countries) {
        put_text(out, name);
        put_text(out, code);
    }
    put(out, static_cast<std::uint64_t>(r.adjectives.size()));
    for (const auto& a : r.adjectives) put_text(out, a);
    put(out, static_cast<std::uint64_t>(r.country_entries.size()));
    for (const auto& [key, entry] : r.country_entries) {
        put_text(out, key);
        put_entry(out, entry);
    }
    put(out, static_cast<std::uint64_t>(r.regions.size()));
    for (const auto& [name, keys] : r.regions) {
        put_text(out, name);
        put(out, static_cast<std::uint64_t>(keys.size()));
        for (const auto& k : keys) put_text(out, k);
    }
}

bool restore_resources(const char*& p, const char* end, GeoparserResources& r) {
    // A count no longer than the bytes left: a broken file cannot make it reserve the world.
    auto count = [&](std::uint64_t& n) { return take(p, end, n) && n <= static_cast<std::uint64_t>(end - p); };
    std::uint64_t n = 0;
    if (!count(n)) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string name, code;
        if (!take_string(p, end, name) || !take_string(p, end, code)) return false;
        r.countries.emplace(std::move(name), std::move(code));
    }
    if (!count(n)) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string a;
        if (!take_string(p, end, a)) return false;
        r.adjectives.insert(std::move(a));
    }
    if (!count(n)) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string key;
        GazetteerEntry entry;
        if (!take_string(p, end, key) || !take_entry(p, end, entry)) return false;
        r.country_entries.emplace(std::move(key), std::move(entry));
    }
    if (!count(n)) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string name;
        std::uint64_t keys = 0;
        if (!take_string(p, end, name) || !count(keys)) return false;
        auto& list = r.regions[name];
        for (std::uint64_t k = 0; k < keys; ++k) {
            std::string key;
            if (!take_string(p, end, key)) return false;
            list.push_back(std::move(key));
        }
    }
    return true;
}

bool restore_cache(const std::filesystem::path& file, std::uint64_t key, GeoparserData& data) {
    auto mapped = map_cache_file(file, index_cache_kind, key);
    if (!mapped) return false;
    const auto mapping = std::make_shared<const MappedCache>(std::move(*mapped));
    const char* p = mapping->bytes().data();
    const char* end = p + mapping->bytes().size();
    auto index = GazetteerIndex::restore(p, end, mapping);
    if (!index || !restore_resources(p, end, data.resources)) return false;
    // The word list, read where it lies in the cache.
    std::uint64_t n = 0;
    if (!take(p, end, n) || n > static_cast<std::uint64_t>(end - p)) return false;
    std::vector<std::string_view> words;
    words.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        std::uint32_t size = 0;
        if (!take(p, end, size) || size > static_cast<std::size_t>(end - p)) return false;
        words.emplace_back(p, size);
        p += size;
    }
    if (p != end || !std::is_sorted(words.begin(), words.end())) return false;
    data.resources.common_words = WordSet::over(std::move(words), mapping);
    data.gazetteer = std::move(index);
    return true;
}

// Where a country is placed: at world-countries' point (whole degrees near its middle, the one
// gazetteers quote) while that is within 150 km of the centre of its mainland's area; farther, it has
// fallen in the sea or a neighbour (Kuwait's, Indonesia's) or off the middle of a large country
// (Canada's, the United States'), and the centre replaces it if the centre lies on the mainland, or
// else the quoted point if that does (Vietnam's centre is in Laos), or else the label's point.
// Measured on the geoparsing benchmarks' dev halves: 8 of 10 countries named placed within 161 km
// of where the annotators put them, against 6 of 10 at world-countries' points alone.
LonLat country_point(std::optional<LonLat> quoted, const Mainland& mainland) {
    const auto centre = mainland.part.rings.empty() ? std::nullopt : area_centroid(mainland.part.rings.front());
    if (!centre) return quoted.value_or(mainland.label);
    if (quoted && geodesic_distance(*quoted, *centre) <= 150e3) return *quoted;
    if (inside(*centre, mainland.part)) return *centre;
    if (quoted && inside(*quoted, mainland.part)) return *quoted;
    return mainland.label;
}

// world-countries (npm, ODbL): for each country its common and official names, its other spellings
// (not the 2-letter ISO code nor an ordinary English word: "IN", "IT", "Island"), their dotted forms
// ("U.S.", "U.K.": the reader sees "u s"), and its English demonyms with their plurals, which are
// marked adjectival.
// A country becomes a place at country_point.
void add_world_countries(GeoparserResources& resources, const std::unordered_map<std::string, Mainland>& mainlands) {
    const std::filesystem::path path = world_countries_path();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string(), "country names not installed (run ./setup.sh)");
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path.string(), std::string("not readable as JSON: ") + e.what());
    }
    if (!doc.is_array()) throw InputError(path.string(), "not a list of countries");
    auto text = [](const nlohmann::json& j, const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto dotted = [](const std::string& letters) {
        std::string out;
        for (char c : letters) {
            if (!out.empty()) out += ' ';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        return out;
    };
    std::map<std::string, std::vector<LonLat>> continents, subregions;
    auto all_caps = [](const std::string& s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    for (const auto& country : doc) {
        if (!country.is_object()) continue;
        const std::string code = text(country, "cca2");
        const auto name = country.find("name");
        if (code.size() != 2 || name == country.end() || !name->is_object()) continue;
        auto add = [&](const std::string& spelling, bool adjective) {
            const std::string folded = fold_name(spelling);
            if (folded.empty() || !is_latin_name(folded)) return;
            const auto [it, fresh] = resources.countries.emplace(folded, code);
            if (adjective && it->second == code) resources.adjectives.insert(folded);
        };
        add(text(*name, "common"), false);
        add(text(*name, "official"), false);
        if (const auto alt = country.find("altSpellings"); alt != country.end() && alt->is_array())
            for (const auto& a : *alt) {
                if (!a.is_string()) continue;
                const std::string spelling = a.get<std::string>();
                // Not the ISO code, and not an ordinary word ("Island", Iceland's own name for itself).
                if (spelling != code && !resources.common_words.count(fold_name(spelling))) add(spelling, false);
                // Dotted: "U.K.", "U.A.E."; a country's bare ISO code only where news writes it so
                // ("U.S."): "K.P." and "G.B." are a person's initials far more often than countries.
                const bool written_as_code = std::any_of(aliases.begin(), aliases.end(), [&](const auto& alias) { return alias.first == fold_name(spelling); });
                if (all_caps(spelling) && spelling.size() <= 3 && (spelling != code || written_as_code))
                    resources.countries.emplace(dotted(spelling), code);
            }
        if (const auto demonyms = country.find("demonyms"); demonyms != country.end() && demonyms->is_object())
            if (const auto eng = demonyms->find("eng"); eng != demonyms->end() && eng->is_object())
                for (const char* form : {"m", "f"}) {
                    const std::string d = text(*eng, form);
                    if (d.empty()) continue;
                    add(d, true);
                    const char last = d.back();
                    if (last != 's' && last != 'h' && last != 'e') add(d + "s", true);  // Russians, Iraqis; not Chineses
                }
        GazetteerEntry entry;
        entry.name = text(*name, "common");
        entry.feature_code = "PCLI";
        entry.country = code;
        std::optional<LonLat> quoted;
        if (const auto ll = country.find("latlng"); ll != country.end() && ll->is_array() && ll->size() == 2 && (*ll)[0].is_number() && (*ll)[1].is_number())
            quoted = LonLat{(*ll)[1].get<double>(), (*ll)[0].get<double>()};
        const auto mainland = mainlands.find(code);
        entry.position = mainland != mainlands.end() ? country_point(quoted, mainland->second) : quoted.value_or(LonLat{});
        if (const std::string region = text(country, "region"); !region.empty()) continents[region].push_back(entry.position);
        if (const std::string subregion = text(country, "subregion"); !subregion.empty()) subregions[subregion].push_back(entry.position);
        if (!entry.name.empty()) resources.country_entries.emplace(code, std::move(entry));
    }
    // The continents world-countries puts the countries in (Africa, Asia, Europe, Oceania, Americas),
    // each a place keyed "@" and its name (feature code CONT), and the parts it divides them into
    // ("South America", "Western Europe", "Central Asia"; feature code RGN), so that "South America"
    // is read whole and not as "America". Each is at GeoNames' point for the continent (ids
    // 6255146-6255152), where gazetteers and readers put it, or else at the median of its countries'
    // positions. A name a country has already ("Micronesia") stays the country's.
    static const std::map<std::string, LonLat> geonames_continents = {
        {"Africa", {21.09375, 7.1881}},         {"Asia", {89.29688, 29.84064}},          {"Europe", {9.14062, 48.69096}},
        {"Oceania", {138.51562, -18.31281}},     {"Antarctic", {16.40626, -78.15856}},    {"North America", {-100.54688, 46.07305}},
        {"South America", {-57.65625, -14.60485}},
    };
    auto add_area = [&](const std::string& area, const std::vector<LonLat>& positions, const char* feature_code) {
        auto median = [&positions](auto member) {
            std::vector<double> v;
            for (LonLat p : positions) v.push_back(member(p));
            std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
            return v[v.size() / 2];
        };
        const std::string key = "@" + area;
        if (positions.empty() || !resources.countries.emplace(fold_name(area), key).second) return;
        GazetteerEntry entry;
        entry.name = area;
        entry.feature_code = feature_code;
        const auto known = geonames_continents.find(area);
        entry.position = known != geonames_continents.end() ? known->second
                                                            : LonLat{median([](LonLat p) { return p.lon; }), median([](LonLat p) { return p.lat; })};
        resources.country_entries.emplace(key, std::move(entry));
    };
    for (const auto& [region, members] : continents) add_area(region, members, "CONT");
    // The continents' adjectives and peoples, marked adjectival as a country's are.
    static const std::vector<std::pair<const char*, const char*>> continent_adjectives{
        {"african", "Africa"}, {"africans", "Africa"}, {"asian", "Asia"}, {"asians", "Asia"}, {"european", "Europe"}, {"europeans", "Europe"}};
    for (const auto& [adjective, continent] : continent_adjectives)
        if (resources.country_entries.count("@" + std::string(continent)) && resources.countries.emplace(adjective, "@" + std::string(continent)).second)
            resources.adjectives.insert(adjective);
    for (const auto& [subregion, members] : subregions) add_area(subregion, members, "RGN");
    // The short forms news writes for a part named by a compass direction: "West Africa" for Western
    // Africa, "Southeast Asia" and "South East Asia" for South-Eastern Asia ("South Africa" stays the
    // country: a name taken keeps its place).
    // (Folded, as the reader looks names up: "south-eastern" reads "south eastern".)
    static const std::vector<std::pair<std::string, std::vector<std::string>>> directions{
        {"south eastern ", {"southeast ", "south east "}}, {"north eastern ", {"northeast ", "north east "}},
        {"western ", {"west "}}, {"eastern ", {"east "}}, {"northern ", {"north "}}, {"southern ", {"south "}}};
    for (const auto& [subregion, members] : subregions) {
        const std::string key = "@" + subregion;
        if (!resources.country_entries.count(key)) continue;
        const std::string folded = fold_name(subregion);
        for (const auto& [long_form, short_forms] : directions) {
            if (!folded.starts_with(long_form)) continue;
            for (const auto& short_form : short_forms) resources.countries.emplace(short_form + folded.substr(long_form.size()), key);
            break;
        }
    }
}

// Natural Earth's first-level regions, each a place (feature code ADM1) at a point well inside it,
// by every name it goes by except an ordinary word ("Centre", "North") and a country's name ("Georgia"
// stays the country): "Primorskiy Kray" is found as "Primorsky Krai", "Primorsky" and "Primorye".
void add_admin_regions(GeoparserResources& resources, const std::vector<AdminRegion>& regions) {
    std::map<std::pair<std::string, std::string>, std::string> by_country_and_form;  // for the abbreviations
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const AdminRegion& region = regions[i];
        // (A unit's key says so: its names are places even where they are also words, "Wales".)
        const std::string key = (region.unit ? "UNIT:" : "ADM1:") + region.country + ":" + std::to_string(i);
        std::vector<std::string> forms;
        for (const auto& name : region.names)
            for (auto& form : region_name_forms(name))
                if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
        for (const auto& form : forms) by_country_and_form.emplace(std::pair(region.country, form), key);
        for (const auto& form : forms) {
            const bool one_word = form.find(' ') == std::string::npos;
            if (!is_latin_name(form) || (one_word && !region.unit && resources.common_words.count(form))) continue;
            // A country's name stays the country's unless the region is another country's ("Georgia",
            // the American state): the reader then weighs the two by the text (extract_places).
            if (const auto country = resources.countries.find(form);
                country != resources.countries.end() && (country->second == region.country || resources.adjectives.count(form) || country->second.front() == '@'))
                continue;
            resources.regions[form].push_back(key);
        }
        GazetteerEntry entry;
        entry.name = region.name;
        entry.position = region.anchor;
        entry.feature_code = "ADM1";
        entry.country = region.country;
        entry.area_km2 = region.area_km2;
        resources.country_entries.emplace(key, std::move(entry));
    }
    // "Louisville, Ky.": the reader looks these up as written, dots and all.
    for (const auto& a : region_abbreviations())
        if (const auto it = by_country_and_form.find({std::string(a.country), std::string(a.name)}); it != by_country_and_form.end())
            resources.regions[std::string(a.written)].push_back(it->second);
}

}  // namespace

GeoparserData load_geoparser_data() {
    GeoparserData data;
    const std::uint64_t key = source_key();
    const auto cache = cache_folder() / "gazetteer.idx";
    if (!restore_cache(cache, key, data)) {
        data = GeoparserData{};
        // The regions are read through GDAL on a thread of their own while GeoNames is read here.
        auto regions = std::async(std::launch::async, [] { return load_admin_regions(admin_regions_path().string()); });
        data.gazetteer = GazetteerIndex::load(gazetteer_path());
        CountryNames countries = load_country_names(*data.gazetteer);
        data.resources.countries = std::move(countries.codes);
        data.resources.common_words = load_common_words();
        add_world_countries(data.resources, countries.mainlands);
        add_admin_regions(data.resources, regions.get());
        data.built = true;
        std::string out;
        data.gazetteer->save(out);
        save_resources(out, data.resources);
        put(out, static_cast<std::uint64_t>(data.resources.common_words.size()));
        for (std::string_view w : data.resources.common_words.words()) put_text(out, w);
        write_cache_file(cache, index_cache_kind, key, out);  // without it, the next run builds the index again
    }
    data.resources.gazetteer = data.gazetteer.get();
    return data;
}

}  // namespace storyplot
