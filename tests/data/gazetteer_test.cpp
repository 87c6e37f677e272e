#include "data/gazetteer.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <cstdlib>
#include <filesystem>
#include <cstring>
#include <set>
#include <thread>

#include "core/files/cache_file.hpp"
#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "core/geoparse/name_folding.hpp"
#include "core/geoparse/place_search.hpp"
#include "data/admin_regions.hpp"
#include "reader/data_paths.hpp"
#include "data/geoparser_data.hpp"
#include "fixture_writer.hpp"

using namespace storyplot;

namespace {
const Town* find(const std::vector<Town>& towns, const std::string& name) {
    for (const auto& t : towns)
        if (t.name == name) return &t;
    return nullptr;
}
}  // namespace

TEST(Gazetteer, TownsWithLocalNames) {
    const auto towns = load_towns(gazetteer_path(), 500);
    EXPECT_GT(towns.size(), 100000u);
    for (std::size_t i = 1; i < towns.size(); ++i) ASSERT_GE(towns[i - 1].population, towns[i].population);
    const Town* vladivostok = find(towns, "Vladivostok");
    ASSERT_TRUE(vladivostok);
    EXPECT_EQ(vladivostok->local_name, "Владивосток");
    EXPECT_NEAR(vladivostok->position.lat, 43.1, 0.1);
    const Town* pyongyang = find(towns, "Pyongyang");
    ASSERT_TRUE(pyongyang);
    EXPECT_EQ(pyongyang->local_name, "평양");
    const Town* khasan = find(towns, "Khasan");  // 776 people: above the threshold
    ASSERT_TRUE(khasan);
    EXPECT_EQ(khasan->country, "RU");
    const Town* paris = find(towns, "Paris");
    ASSERT_TRUE(paris);
    EXPECT_EQ(paris->local_name, "");  // France writes Latin
}

// The towns are read from the gazetteer's text once, then from a cache keyed by its content: the
// same towns, in the same order, to the last digit; a cache that does not parse is read past.
TEST(Gazetteer, TownsComeBackFromTheirCacheAsRead) {
    test_support::TempDir dir;
    const char* before = std::getenv("STORYPLOT_CACHE");
    const std::string was = before ? before : "";
    ::setenv("STORYPLOT_CACHE", dir.file("cache").c_str(), 1);
    auto line = [](const std::string& id, const std::string& name, const std::string& alternates, const std::string& lat,
                   const std::string& lon, const std::string& cc, const std::string& population) {
        return id + "\t" + name + "\t" + name + "\t" + alternates + "\t" + lat + "\t" + lon + "\tP\tPPL\t" + cc + "\t\t00\t\t\t\t" +
               population + "\t\t10\tAsia/Tokyo\t2020-01-01\n";
    };
    const std::string path = dir.file("cities500.txt");
    test_support::write_text(path, line("1", "Small Town", "", "43.10001", "131.87353", "RU", "1200") +
                                       line("2", "Vladivostok", "Vladivostok,Владивосток", "43.10562", "131.87353", "RU", "604901") +
                                       line("3", "Hamlet", "", "43.2", "131.9", "RU", "40") +
                                       line("4", "Pyongyang", "Pyongyang,평양", "39.03385", "125.75432", "KP", "3222000"));
    const auto read = load_towns(path, 1000);
    ASSERT_EQ(read.size(), 3u);  // the hamlet is below the threshold
    EXPECT_EQ(read[0].name, "Pyongyang");
    EXPECT_EQ(read[0].local_name, "평양");
    EXPECT_EQ(read[2].name, "Small Town");
    const std::string cache = dir.file("cache/towns.cache");
    ASSERT_TRUE(std::filesystem::exists(cache));
    auto inode = [](const std::string& file) {
        struct stat st {};
        return ::stat(file.c_str(), &st) == 0 ? st.st_ino : 0;
    };
    const auto written = inode(cache);
    const auto cached = load_towns(path, 1000);
    EXPECT_EQ(inode(cache), written);  // read, not built and written again (that renames a new file over it)
    ASSERT_EQ(cached.size(), read.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        EXPECT_EQ(cached[i].name, read[i].name);
        EXPECT_EQ(cached[i].local_name, read[i].local_name);
        EXPECT_EQ(cached[i].position.lon, read[i].position.lon);
        EXPECT_EQ(cached[i].position.lat, read[i].position.lat);
        EXPECT_EQ(cached[i].population, read[i].population);
        EXPECT_EQ(cached[i].country, read[i].country);
    }
    // Within a box (Mercator metres) around Vladivostok: the towns there, from the cache.
    const Vec2 vladivostok = mercator::forward(LonLat{131.87, 43.1});
    const Box near = Box::of(vladivostok.x - 50000, vladivostok.y - 50000, vladivostok.x + 50000, vladivostok.y + 50000);
    const auto within = load_towns(path, 1000, &near);
    ASSERT_EQ(within.size(), 2u);
    EXPECT_EQ(within[0].name, "Vladivostok");
    // Another smallest population is another cache: the hamlet comes in.
    EXPECT_EQ(load_towns(path, 0).size(), 4u);
    EXPECT_EQ(load_towns(path, 1000).size(), 3u);
    // A cache that is not one (cut short, overwritten) is a miss: the towns are read again.
    test_support::write_text(cache, "SPTOWNS not a cache");
    EXPECT_EQ(load_towns(path, 1000).size(), 3u);
    if (before) ::setenv("STORYPLOT_CACHE", was.c_str(), 1);
    else ::unsetenv("STORYPLOT_CACHE");
}

TEST(Gazetteer, MissingOrWrongFile) {
    test_support::TempDir dir;
    try {
        load_towns(dir.file("cities500.txt"), 0);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), dir.file("cities500.txt") + ": GeoNames gazetteer not installed (run ./setup.sh)");
    }
    test_support::write_text(dir.file("other.txt"), "just\ttext\n");
    EXPECT_THROW(load_towns(dir.file("other.txt"), 0), InputError);
}

TEST(Gazetteer, CountryLabelsSitInsideTheirCountries) {
    const auto countries = load_country_labels();
    EXPECT_GT(countries.size(), 200u);
    auto anchor = [&](const std::string& name) {
        for (const auto& c : countries)
            if (c.name == name) return c.anchor;
        ADD_FAILURE() << "no " << name;
        return LonLat{};
    };
    const LonLat russia = anchor("Russia");
    EXPECT_GT(russia.lat, 50);
    EXPECT_GT(russia.lon, 40);
    const LonLat north_korea = anchor("North Korea");
    EXPECT_NEAR(north_korea.lat, 40.3, 1.2);
    EXPECT_NEAR(north_korea.lon, 127.3, 1.5);
    // Vietnam is long and thin: its label point must still fall inside it, not in Laos.
    const LonLat vietnam = anchor("Vietnam");
    EXPECT_GT(vietnam.lon, 104.0);
    // The largest first.
    auto rank = [&](const std::string& name) {
        for (std::size_t i = 0; i < countries.size(); ++i)
            if (countries[i].name == name) return i;
        return countries.size();
    };
    EXPECT_LT(rank("Russia"), rank("North Korea"));
    EXPECT_LT(rank("China"), rank("Vietnam"));
}

// "Find a place": the real gazetteer searched by prefix as the user types, ranked.
TEST(Gazetteer, FindAPlaceByThePrefixOfAnyOfItsNames) {
    const GeoparserData data = load_geoparser_data();
    auto search = [&](const std::string& query) { return rank_search_results(query, data.gazetteer->find_prefix(fold_name(query))); };
    const auto vladivostok = search("vladivo");
    ASSERT_FALSE(vladivostok.empty());
    EXPECT_EQ(vladivostok.front()->name, "Vladivostok");
    EXPECT_EQ(vladivostok.front()->country, "RU");
    // Its own name first: "Paris" is the French capital, not a town that merely begins so.
    const auto paris = search("Paris");
    ASSERT_FALSE(paris.empty());
    EXPECT_EQ(paris.front()->country, "FR");
    EXPECT_LE(paris.size(), 12u);
    // Folded: diacritics and case do not matter.
    const auto hanoi = search("HA NOI");
    ASSERT_FALSE(hanoi.empty());
    EXPECT_EQ(hanoi.front()->country, "VN");
    EXPECT_TRUE(search("zzzzqqq").empty());
}

// A name of three letters or fewer finds only places called so: GeoNames' short alternates ("Lu"
// for Luzhou, "Mad" for Madrid, "Jim" for Jimma) are codes and nicknames that text means otherwise.
TEST(Gazetteer, ShortNamesFindOnlyPlacesOfThatName) {
    const GeoparserData data = load_geoparser_data();
    for (const char* name : {"lu", "mad", "jim", "ufa", "hue", "ely"}) {
        for (const auto* e : data.gazetteer->find(name)) EXPECT_EQ(fold_name(e->name), name) << e->name;
    }
    EXPECT_FALSE(data.gazetteer->find("ufa").empty());
    EXPECT_FALSE(data.gazetteer->find("hue").empty());  // Huế
}

// A country is a place at the centre of its mainland: where world-countries' rounded point has fallen
// in a neighbour or the sea, that centre replaces it.
TEST(Gazetteer, ACountryIsPlacedOnItsMainland) {
    const GeoparserData data = load_geoparser_data();
    auto at = [&](const std::string& code) { return data.resources.country_entries.at(code).position; };
    const LonLat kuwait = at("KW");  // world-countries: 45.75 E, in Iraq
    EXPECT_GT(kuwait.lon, 46.6);
    EXPECT_LT(kuwait.lon, 48.4);
    EXPECT_GT(kuwait.lat, 28.6);
    EXPECT_LT(kuwait.lat, 30.1);
    const LonLat vietnam = at("VN");  // its area's centre is in Laos: world-countries' point, in Vietnam, stays
    EXPECT_NEAR(vietnam.lon, 107.83, 0.01);
    EXPECT_NEAR(vietnam.lat, 16.17, 0.01);
    const LonLat us = at("US");  // the contiguous states, not Alaska or the islands
    EXPECT_GT(us.lon, -105.0);
    EXPECT_LT(us.lon, -90.0);
    EXPECT_GT(us.lat, 35.0);
    EXPECT_LT(us.lat, 42.0);
}

// A country's ISO code dotted is read as the country only where news writes it so: "U.S." is the
// United States, "K.P." in a person's name is no North Korea.
TEST(Gazetteer, DottedCodesAsNewsWritesThem) {
    const GeoparserData data = load_geoparser_data();
    const Extraction e = extract_places("Talks\nPrime Minister K.P. Sharma Oli met U.S. and U.K. envoys on Monday.\n", data.resources);
    std::set<std::string> names;
    for (const auto& p : e.places) names.insert(p.entry->name);
    EXPECT_TRUE(names.count("United States"));
    EXPECT_TRUE(names.count("United Kingdom"));
    EXPECT_FALSE(names.count("North Korea"));
}

TEST(AdminRegions, NaturalEarthsStatesAndProvincesWithTheirNamesAndAPointInside) {
    const auto regions = load_admin_regions(admin_regions_path().string());
    EXPECT_GT(regions.size(), 4000u);
    const AdminRegion* primorye = nullptr;
    const AdminRegion* alberta = nullptr;
    for (const auto& r : regions) {
        if (r.country == "RU" && std::find(r.names.begin(), r.names.end(), "Primorskiy Kray") != r.names.end()) primorye = &r;
        if (r.country == "CA" && r.name == "Alberta") alberta = &r;
    }
    ASSERT_NE(primorye, nullptr);
    ASSERT_NE(alberta, nullptr);
    // Well inside: Primorye lies between about 42.3 and 48.4 N, 130.4 and 139 E.
    EXPECT_GT(primorye->anchor.lat, 43.0);
    EXPECT_LT(primorye->anchor.lat, 47.5);
    EXPECT_GT(primorye->anchor.lon, 131.5);
    EXPECT_LT(primorye->anchor.lon, 138.0);
    EXPECT_NEAR(alberta->area_km2, 661000, 60000);  // 661,848 km² in all
}

TEST(AdminRegions, MissingFile) {
    test_support::TempDir dir;
    try {
        load_admin_regions(dir.file("world_map.gpkg"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), dir.file("world_map.gpkg") + ": Natural Earth's states and provinces not installed (run ./setup.sh)");
    }
}

// The reader with the installed data: regions by their English forms, kind and abbreviation.
TEST(AdminRegions, TheReaderFindsThemByTheirEnglishForms) {
    const GeoparserData data = load_geoparser_data();
    const std::string text = "Floods\nRescuers in Primorsky Krai and Alberta worked on Monday, and a crew left Louisville, Ky., for Sichuan.\n";
    const Extraction e = extract_places(text, data.resources);
    std::map<std::string, std::string> regions;  // name -> country
    for (const auto& p : e.places)
        if (p.entry->feature_code == "ADM1") regions[p.entry->name] = p.entry->country;
    EXPECT_EQ(regions["Primor'ye"], "RU");
    EXPECT_EQ(regions["Alberta"], "CA");
    EXPECT_EQ(regions["Kentucky"], "US");
    EXPECT_EQ(regions["Sichuan"], "CN");
    // The parts of continents are read whole: "South America" is no mention of America (the United States).
    const Extraction parts = extract_places("Flu\nThe virus spread from South America to Western Europe.\n", data.resources);
    std::map<std::string, std::string> found;  // name -> feature code
    for (const auto& p : parts.places) found[p.entry->name] = p.entry->feature_code;
    EXPECT_EQ(found["South America"], "RGN");
    EXPECT_EQ(found["Western Europe"], "RGN");
    EXPECT_EQ(found.count("United States"), 0u);
    EXPECT_EQ(found.count("Europe"), 0u);
    // A continent's adjective is a mention of it, marked adjectival as a country's is.
    const std::string text2 = "Flu\nEuropean health ministers met on Monday.\n";
    const Extraction adjective = extract_places(text2, data.resources);
    ASSERT_EQ(adjective.places.size(), 1u);
    EXPECT_EQ(adjective.places[0].entry->name, "Europe");
    ASSERT_EQ(adjective.places[0].mentions.size(), 1u);
    EXPECT_TRUE(adjective.places[0].mentions[0].adjectival);
}

// The index comes back from its cache as it was built: the same entries for every name, each decoded
// once when first looked up (the same object after, from any thread); a broken table of entries is
// a miss.
TEST(GazetteerIndex, ComesBackFromItsCacheAsBuiltAndDecodesEachEntryOnce) {
    test_support::TempDir dir;
    test_support::write_text(dir.file("cities.txt"),
                             "1\tKhasan\tKhasan\tHasan,Xasan\t42.43\t130.64\tP\tPPL\tRU\t\t59\t\t\t\t776\t\t10\tAsia/Vladivostok\t2020-01-01\n"
                             "2\tVladivostok\tVladivostok\tVladivostoc\t43.11\t131.87\tP\tPPLA\tRU\t\t59\t\t\t\t604901\t\t10\tAsia/Vladivostok\t2020-01-01\n"
                             "3\tKhasan\tKhasan\t\t38.1\t45.0\tP\tPPL\tIR\t\t01\t\t\t\t1200\t\t10\tAsia/Tehran\t2020-01-01\n");
    const auto built = GazetteerIndex::load(dir.file("cities.txt"));
    std::string payload;
    built->save(payload);
    constexpr CacheKind kind{{'T', 'E', 'S', 'T', 'I', 'D', 'X', ' '}, 1};
    ASSERT_TRUE(write_cache_file(dir.file("index.cache"), kind, 7, payload));
    auto restore = [&](const std::string& file) {
        auto mapped = map_cache_file(file, kind, 7);
        EXPECT_TRUE(mapped);
        const auto mapping = std::make_shared<const MappedCache>(std::move(*mapped));
        const char* p = mapping->bytes().data();
        return GazetteerIndex::restore(p, p + mapping->bytes().size(), mapping);
    };
    const auto restored = restore(dir.file("index.cache"));
    ASSERT_TRUE(restored);
    ASSERT_EQ(restored->size(), 3u);
    for (const std::string name : {"khasan", "hasan", "vladivostok", "vladivostoc", "nowhere"}) {
        const auto a = built->find(name), b = restored->find(name);
        ASSERT_EQ(a.size(), b.size()) << name;
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i]->id, b[i]->id);
            EXPECT_EQ(a[i]->name, b[i]->name);
            EXPECT_EQ(a[i]->position.lon, b[i]->position.lon);
            EXPECT_EQ(a[i]->position.lat, b[i]->position.lat);
            EXPECT_EQ(a[i]->population, b[i]->population);
            EXPECT_EQ(a[i]->feature_code, b[i]->feature_code);
            EXPECT_EQ(a[i]->country, b[i]->country);
        }
    }
    // Each entry one object, whichever name or thread finds it.
    std::vector<const GazetteerEntry*> seen(8);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] { seen[t] = restored->find(t % 2 ? "vladivostok" : "vladivostoc").at(0); });
    for (auto& t : threads) t.join();
    for (const auto* e : seen) EXPECT_EQ(e, seen[0]);
    EXPECT_EQ(&restored->entry(1), seen[0]);
    // An entry's offset past the entries' bytes: the cache is a miss, not a read past its end.
    std::string broken = payload;
    const std::uint32_t past = 0xFFFFFFF0u;
    std::memcpy(broken.data() + sizeof(std::uint64_t) + sizeof past, &past, sizeof past);
    ASSERT_TRUE(write_cache_file(dir.file("broken.cache"), kind, 7, broken));
    EXPECT_EQ(restore(dir.file("broken.cache")), nullptr);
}
