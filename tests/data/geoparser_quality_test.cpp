// How well extract finds and resolves places, on short news-style articles written for this test
// (their facts from real journeys, summits and a disaster, their sentences our own), each with
// hand-made gold places and route order. Prints precision, recall and every miss.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/geo/geodesic.hpp"
#include "core/geoparse/geoparser.hpp"
#include "core/geoparse/name_folding.hpp"
#include "data/geoparser_data.hpp"

using namespace storyplot;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const GeoparserData& data() {
    static const GeoparserData d = load_geoparser_data();
    return d;
}

struct Gold {
    std::string name;
    LonLat position;
};

// The nearest gold place within 30 km (Nice is 14 km from Monaco: the nearest, not the first).
const Gold* match(const std::vector<Gold>& gold, LonLat p) {
    const Gold* best = nullptr;
    double best_d = 30000;
    for (const auto& g : gold)
        if (const double d = geodesic_distance(g.position, p); d < best_d) {
            best_d = d;
            best = &g;
        }
    return best;
}

}  // namespace

TEST(GeoparserQuality, PrecisionAndRecallOnTheArticles) {
    const auto folder = std::filesystem::path(STORYPLOT_TEST_DIR) / "data" / "articles";
    int found = 0, right = 0, expected = 0, recalled = 0, articles = 0;
    int countries_found = 0, countries_right = 0, countries_expected = 0, countries_recalled = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".txt") continue;
        ++articles;
        const std::string name = entry.path().stem().string();
        const auto gold_json = nlohmann::json::parse(slurp(folder / (name + ".gold.json")));
        std::vector<Gold> gold;
        for (const auto& g : gold_json["places"]) gold.push_back({g[0].get<std::string>(), {g[2].get<double>(), g[1].get<double>()}});
        const std::string text = slurp(entry.path());
        const Extraction x = extract_places(text, data().resources);

        // Countries (named, short or as adjectives) and continents are scored on their own, by ISO
        // code or "@" and the continent's name.
        std::set<std::string> gold_countries, found_countries;
        for (const auto& c : gold_json["countries"]) gold_countries.insert(c.get<std::string>());
        for (const auto& p : x.places)
            if (p.entry->feature_code == "PCLI") found_countries.insert(p.entry->country);
            else if (p.entry->feature_code == "CONT") found_countries.insert("@" + p.entry->name);
        for (const auto& c : found_countries) {
            ++countries_found;
            if (gold_countries.count(c)) ++countries_right;
            else std::cout << "  " << name << ": wrong country: " << c << "\n";
        }
        for (const auto& c : gold_countries) {
            ++countries_expected;
            if (found_countries.count(c)) ++countries_recalled;
            else std::cout << "  " << name << ": missed country: " << c << "\n";
        }

        std::set<std::string> hit;
        for (const auto& p : x.places) {
            if (p.entry->feature_code == "PCLI" || p.entry->feature_code == "CONT") {
                if (const Gold* g = match(gold, p.entry->position)) hit.insert(g->name);  // a city state (Monaco) is both
                continue;
            }
            ++found;
            if (const Gold* g = match(gold, p.entry->position)) {
                ++right;
                hit.insert(g->name);
            } else {
                const auto& m = p.mentions.front();
                std::cout << "  " << name << ": wrong: \"" << text.substr(static_cast<std::size_t>(m.offset), static_cast<std::size_t>(m.length))
                          << "\" as " << p.entry->name << " (" << p.entry->country << ")\n";
            }
        }
        expected += static_cast<int>(gold.size());
        for (const auto& g : gold) {
            if (hit.count(g.name)) ++recalled;
            else std::cout << "  " << name << ": missed: " << g.name << "\n";
        }

        // The journey: the gold stops that the longest extracted route has, in the gold order.
        const auto& gold_route = gold_json["route"];
        if (gold_route.empty()) continue;
        const FoundRoute* longest = nullptr;
        for (const auto& r : x.routes)
            if (!longest || r.stops.size() > longest->stops.size()) longest = &r;
        EXPECT_TRUE(longest) << name << ": no journey found";
        if (!longest) continue;
        std::vector<std::string> stops;
        for (std::size_t k : longest->stops)
            if (const Gold* g = match(gold, x.places[k].entry->position)) stops.push_back(g->name);
        std::vector<std::string> expected_order;
        for (const auto& s : gold_route)
            if (std::find(stops.begin(), stops.end(), s.get<std::string>()) != stops.end()) expected_order.push_back(s.get<std::string>());
        std::cout << "  " << name << ": route";
        for (const auto& s : stops) std::cout << " " << s;
        std::cout << " (" << travel_mode_name(longest->mode) << ")\n";
        EXPECT_EQ(stops, expected_order) << name << ": stops out of order";
        EXPECT_GE(stops.size() * 10, gold_route.size() * 8) << name << ": too few stops";
        EXPECT_EQ(std::string(travel_mode_name(longest->mode)), gold_json["mode"].get<std::string>()) << name;
    }
    const double precision = static_cast<double>(right) / std::max(found, 1);
    const double recall = static_cast<double>(recalled) / std::max(expected, 1);
    std::cout << "geoparser: " << articles << " articles, precision " << precision << " (" << right << "/" << found << "), recall " << recall
              << " (" << recalled << "/" << expected << ")\n";
    std::cout << "geoparser: countries " << countries_right << " of " << countries_found << " right, " << countries_recalled << " of "
              << countries_expected << " found\n";
    EXPECT_GE(articles, 6);
    EXPECT_EQ(countries_right, countries_found);
    EXPECT_EQ(countries_recalled, countries_expected);
    EXPECT_GE(precision, 0.9);
    EXPECT_GE(recall, 0.9);
}

TEST(GeoparserQuality, TheSeedArticle) {
    const std::string text = slurp(std::filesystem::path(STORYPLOT_TEST_DIR) / ".." / ".." / "shared" / "articles" / "vladivostok-2019.txt");
    if (text.empty()) GTEST_SKIP() << "the shared article is not beside the checkout";
    const Extraction x = extract_places(text, data().resources);
    std::set<std::string> names;
    for (const auto& p : x.places) {
        names.insert(p.entry->name);
        for (const auto& m : p.mentions) {
            const std::string surface = text.substr(static_cast<std::size_t>(m.offset), static_cast<std::size_t>(m.length));
            for (const char* not_a_place : {"Kim", "Putin", "Trump", "Guardian", "AFP", "Wednesday", "Thursday", "Jong-un", "Jong-il"})
                EXPECT_NE(surface, not_a_place);
        }
    }
    for (const char* place : {"Vladivostok", "Khasan", "Moscow", "Hanoi"}) EXPECT_TRUE(names.count(place)) << place;
}

TEST(GazetteerIndex, FindsFoldedMultiWordAndEnglishForms) {
    const Gazetteer& g = *data().resources.gazetteer;
    auto has = [&](const std::string& query, const std::string& country, double lat) {
        for (const auto* e : g.find(fold_name(query)))
            if (e->country == country && std::abs(e->position.lat - lat) < 0.3) return true;
        return false;
    };
    EXPECT_TRUE(has("Dong Dang", "VN", 21.95));           // Đồng Đăng
    EXPECT_TRUE(has("Artyom", "RU", 43.36));              // Artëm, by its English form
    EXPECT_TRUE(has("Saint Petersburg", "RU", 59.94));
    EXPECT_TRUE(has("Komsomolsk-on-Amur", "RU", 50.55));
    EXPECT_TRUE(has("Khasan", "RU", 42.42));
    EXPECT_EQ(data().resources.countries.at("north korea"), "KP");
    EXPECT_EQ(data().resources.countries.at("russia"), "RU");
    EXPECT_EQ(data().resources.countries.at("vietnamese"), "VN");
}

// Places news names that the packaged sources hold only in parts: the United Kingdom's nations (Natural
// Earth's regions grouped by their unit) as regions at their own points, long official names read whole,
// and a compass direction's short form of a continent's part.
TEST(GeoparserQuality, NationsOfficialNamesAndPartsOfContinents) {
    const std::string text =
        "Vaccines\nThe doses left Cardiff for the Democratic Republic of the Congo on Monday. Nurses in Wales and Scotland "
        "had packed them, and the People's Republic of China sent more. Clinics in West Africa asked for the rest.\n";
    const Extraction x = extract_places(text, data().resources);
    auto place = [&](const std::string& surface) -> const FoundPlace* {
        for (const auto& p : x.places)
            for (const auto& m : p.mentions)
                if (text.substr(static_cast<std::size_t>(m.offset), static_cast<std::size_t>(m.length)) == surface) return &p;
        return nullptr;
    };
    const FoundPlace* wales = place("Wales");
    const FoundPlace* scotland = place("Scotland");
    ASSERT_NE(wales, nullptr);
    ASSERT_NE(scotland, nullptr);
    EXPECT_EQ(wales->entry->feature_code, "ADM1");
    EXPECT_EQ(wales->entry->country, "GB");
    // GeoNames puts Wales at 52.5 N 3.5 W; the United Kingdom's point is 300 km from there.
    EXPECT_LT(geodesic_distance(wales->entry->position, LonLat{-3.5, 52.5}), 60e3);
    EXPECT_LT(geodesic_distance(scotland->entry->position, LonLat{-4.0, 56.5}), 80e3);
    const FoundPlace* congo = place("Democratic Republic of the Congo");
    ASSERT_NE(congo, nullptr);
    EXPECT_EQ(congo->entry->country, "CD");
    EXPECT_EQ(place("Congo"), nullptr);  // not the tail, which names the Republic of the Congo
    const FoundPlace* china = place("People's Republic of China");
    ASSERT_NE(china, nullptr);
    EXPECT_EQ(china->entry->country, "CN");
    const FoundPlace* west_africa = place("West Africa");
    ASSERT_NE(west_africa, nullptr);
    EXPECT_EQ(west_africa->entry->name, "Western Africa");
}

// A region whose name is also an English word ("fife", a flute) is a place where the text cues one;
// uncued and lower-case, the word stays a word.
TEST(GeoparserQuality, ARegionWhoseNameIsAWord) {
    const Extraction x = extract_places("Swans\nA dead swan was found in Fife, Scotland, and a fife band played.\n", data().resources);
    const FoundPlace* fife = nullptr;
    for (const auto& p : x.places)
        if (p.entry->name == "Fife") fife = &p;
    ASSERT_NE(fife, nullptr);
    EXPECT_EQ(fife->entry->country, "GB");  // not Fife, Washington
    EXPECT_EQ(fife->entry->feature_code, "ADM1");
    EXPECT_EQ(fife->mentions.size(), 1u);
    EXPECT_EQ(extract_places("Music\nThe band bought a Fife and a drum.\n", data().resources).places.size(), 0u);
}

// Postal codes after a town, on the real regions: each the region of its own name, not another that
// also goes by it (Lord Howe Island is recorded as "New South Wales" too), and the town the one in it.
TEST(GeoparserQuality, PostalCodesAfterTowns) {
    const Extraction x = extract_places("Fires\nCrews from Sydney, NSW, Perth, WA, and Nelson, BC flew to Lexington, KY on Monday.\n", data().resources);
    std::map<std::string, std::string> country_of;
    for (const auto& p : x.places) country_of[p.entry->name] = p.entry->country;
    EXPECT_EQ(country_of["New South Wales"], "AU");
    EXPECT_EQ(country_of.count("Lord Howe Island"), 0u);
    EXPECT_EQ(country_of["Western Australia"], "AU");
    EXPECT_EQ(country_of["British Columbia"], "CA");
    EXPECT_EQ(country_of["Kentucky"], "US");
    EXPECT_EQ(country_of["Sydney"], "AU");
    EXPECT_EQ(country_of["Perth"], "AU");
    EXPECT_EQ(country_of["Nelson"], "CA");  // not Nelson, New Zealand
    EXPECT_EQ(country_of["Lexington"], "US");
}

// A part of a place ("North Dallas") and a name ending with a kind of place ("Dallas County") are no
// person's names: the city's own mentions stay.
TEST(GeoparserQuality, APartOrAKindOfAPlaceErasesNoMentionOfIt) {
    const std::string text = "Mosquitoes\nOfficials in Dallas County asked for planes to spray most of North Dallas. "
                             "With the concerns in Dallas, the city is spraying twice a week.\n";
    const Extraction x = extract_places(text, data().resources);
    const FoundPlace* dallas = nullptr;
    for (const auto& p : x.places)
        if (p.entry->name == "Dallas") dallas = &p;
    ASSERT_NE(dallas, nullptr);
    EXPECT_EQ(dallas->entry->country, "US");
    EXPECT_GE(dallas->mentions.size(), 1u);
}
