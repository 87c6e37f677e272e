#include "data/geoparser_data.hpp"

#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/files/input_error.hpp"
#include "core/geo/geodesic.hpp"
#include "core/geo/mercator.hpp"
#include "core/geoparse/local_names.hpp"
#include "core/geoparse/name_folding.hpp"
#include "core/geoparse/region_names.hpp"
#include "data/admin_regions.hpp"
#include "data/gazetteer.hpp"
#include "data/vector_source.hpp"
#include "reader/data_paths.hpp"

namespace storyplot {

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

namespace {

// Natural Earth's countries as the reader knows them: folded names, short forms and demonyms -> ISO
// alpha-2 (for the countries in `gazetteer`), and each one's mainland (its largest part) with the
// point its label takes there.
struct Mainland {
    Polygon part;
    LonLat label;
};
struct CountryNames {
    std::unordered_map<std::string, std::string> codes;
    std::unordered_map<std::string, Mainland> mainlands;
};

// Natural Earth's countries: their outlines (1:50m) and their names at their label points, which
// need no gazetteer: read while GeoNames is.
struct CountryOutlines {
    VectorSource source;
    std::vector<CountryLabel> labels;
};

CountryOutlines load_country_outlines() {
    return {load_vector_source(natural_earth_countries(DetailLevel::medium_50m).string()), load_country_labels()};
}

// Natural Earth's TopoJSON carries names, not ISO codes: each country takes the code of the GeoNames
// capital inside it. The vector source has the polygons; the names come by feature order.
CountryNames country_names(const GazetteerIndex& gazetteer, const CountryOutlines& outlines) {
    CountryNames names;
    const VectorSource& source = outlines.source;
    std::vector<const GazetteerEntry*> capitals;
    for (std::size_t i = 0; i < gazetteer.size(); ++i)
        if (const GazetteerEntry& e = gazetteer.entry(i); e.feature_code == "PPLC") capitals.push_back(&e);
    for (const auto& label : outlines.labels) {
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

}  // namespace

namespace {

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
        // (A unit's key says so: its names are places even where they are also words, "Wales". A
        // region's name that is a word, "Fife", is one where the text cues a place: "found in Fife".)
        const std::string key = (region.unit ? "UNIT:" : "ADM1:") + region.country + ":" + std::to_string(i);
        std::vector<std::string> forms;
        for (const auto& name : region.names)
            for (auto& form : region_name_forms(name))
                if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
        // A form of a region's own name is that region's, before a form another region also goes by
        // (Lord Howe Island's "New South Wales", Jervis Bay's "Australian Capital Territory").
        for (const auto& form : forms) by_country_and_form.emplace(std::pair(region.country, form), key);
        for (const auto& form : region_name_forms(region.name)) by_country_and_form.insert_or_assign(std::pair(region.country, form), key);
        for (const auto& form : forms) {
            if (!is_latin_name(form)) continue;
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
    // "Louisville, Ky.", "Lexington, KY": the reader looks these up as written, dots and all, and the
    // postal codes in capitals (which no folded name is).
    for (const auto* list : {&region_abbreviations(), &region_postal_codes()})
        for (const auto& a : *list)
            if (const auto it = by_country_and_form.find({std::string(a.country), std::string(a.name)}); it != by_country_and_form.end())
                resources.regions[std::string(a.written)].push_back(it->second);
}

}  // namespace

GeoparserData load_geoparser_data() {
    if (auto cached = cached_geoparser_data()) return std::move(*cached);
    GeoparserData data;
    // The regions and the countries' outlines and label points are read through GDAL on threads of
    // their own while GeoNames is read here.
    auto regions = std::async(std::launch::async, [] { return load_admin_regions(admin_regions_path().string()); });
    auto outlines = std::async(std::launch::async, load_country_outlines);
    data.gazetteer = GazetteerIndex::load(gazetteer_path());
    CountryNames countries = country_names(*data.gazetteer, outlines.get());
    data.resources.countries = std::move(countries.codes);
    data.resources.common_words = load_common_words();
    add_world_countries(data.resources, countries.mainlands);
    add_admin_regions(data.resources, regions.get());
    data.resources.gazetteer = data.gazetteer.get();
    data.built = true;
    cache_geoparser_data(data);  // without it, the next run builds the data again
    return data;
}

}  // namespace storyplot
