// The article reader's stages on a fake gazetteer: names found and told from people and common
// words, resolved near each other, journeys in travel order, and the draft story they make.
#include "core/geoparse/geoparser.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/geoparse/name_folding.hpp"
#include "core/geoparse/place_search.hpp"
#include "core/story/story_file.hpp"

using namespace storyplot;

namespace {

class FakeGazetteer final : public Gazetteer {
public:
    // `alternates`: other names an entry (by id) goes by, as GeoNames lists them.
    explicit FakeGazetteer(std::vector<GazetteerEntry> entries, std::vector<std::pair<std::string, std::int64_t>> alternates = {})
        : m_entries(std::move(entries)) {
        for (const auto& e : m_entries) m_by_name[fold_name(e.name)].push_back(&e);
        for (const auto& [name, id] : alternates)
            for (const auto& e : m_entries)
                if (e.id == id) m_by_name[fold_name(name)].push_back(&e);
    }
    std::vector<const GazetteerEntry*> find(const std::string& folded) const override {
        const auto it = m_by_name.find(folded);
        return it == m_by_name.end() ? std::vector<const GazetteerEntry*>{} : it->second;
    }

private:
    std::vector<GazetteerEntry> m_entries;
    std::map<std::string, std::vector<const GazetteerEntry*>> m_by_name;
};

const FakeGazetteer& gazetteer() {
    static const FakeGazetteer g({{1, "Pyongyang", {125.75, 39.03}, 3000000, "PPLC", "KP"},
                                  {2, "Vladivostok", {131.88, 43.11}, 600000, "PPLA", "RU"},
                                  {3, "Khasan", {130.65, 42.42}, 700, "PPL", "RU"},
                                  {4, "Kim", {-103.9, 37.25}, 70, "PPL", "US"},          // a village in Colorado
                                  {5, "Portland", {-122.68, 45.52}, 650000, "PPL", "US"},  // Oregon
                                  {6, "Portland", {-70.25, 43.66}, 68000, "PPL", "US"},    // Maine
                                  {7, "Augusta", {-69.78, 44.31}, 19000, "PPLA", "US"},
                                  {8, "Reading", {-0.97, 51.45}, 230000, "PPL", "GB"}});
    return g;
}

GeoparserResources resources() {
    GeoparserResources r;
    r.gazetteer = &gazetteer();
    r.countries = {{"russia", "RU"}, {"north korea", "KP"}, {"russian", "RU"}};
    r.common_words = {"reading", "the", "he", "after", "from"};
    return r;
}

const FoundPlace* found(const Extraction& e, const std::string& name) {
    for (const auto& p : e.places)
        if (p.entry->name == name) return &p;
    return nullptr;
}

// The names of a drafted route's stops, in order.
std::vector<std::string> stop_names(const Extraction& e, std::size_t route) {
    std::vector<std::string> names;
    for (std::size_t k : e.routes.at(route).stops) names.push_back(e.places[k].entry->name);
    return names;
}

const std::string train = "Leader takes the train to Russia\n"
                          "Kim Jong Un left Pyongyang by armoured train on Tuesday. He crossed into Russia at Khasan "
                          "and arrived in Vladivostok in the evening, reading his notes.\n";

}  // namespace

TEST(Geoparser, FindsThePlacesAndTellsThemFromPeopleAndWords) {
    const Extraction e = extract_places(train, resources());
    EXPECT_EQ(e.title, "Leader takes the train to Russia");
    ASSERT_NE(found(e, "Pyongyang"), nullptr);
    ASSERT_NE(found(e, "Khasan"), nullptr);  // a village, but after "at" in a country the text names
    ASSERT_NE(found(e, "Vladivostok"), nullptr);
    EXPECT_EQ(found(e, "Kim"), nullptr);      // a person's name
    EXPECT_EQ(found(e, "Reading"), nullptr);  // a common word, uncapitalised
    EXPECT_NE(std::find(e.countries.begin(), e.countries.end(), "RU"), e.countries.end());
    // Mentions point at the name in the text.
    const FoundPlace& vvo = *found(e, "Vladivostok");
    ASSERT_EQ(vvo.mentions.size(), 1u);
    EXPECT_EQ(train.substr(static_cast<std::size_t>(vvo.mentions[0].offset), static_cast<std::size_t>(vvo.mentions[0].length)), "Vladivostok");
    EXPECT_NE(vvo.mentions[0].sentence.find("arrived in Vladivostok"), std::string::npos);
    // In order of first mention.
    EXPECT_EQ(e.places[0].entry->name, "Pyongyang");
}

TEST(Geoparser, AJourneyRunsInTravelOrderByItsMode) {
    const Extraction e = extract_places(train, resources());
    ASSERT_FALSE(e.routes.empty());
    std::vector<std::string> stops;
    for (std::size_t k : e.routes[0].stops) stops.push_back(e.places[k].entry->name);
    EXPECT_EQ(stops, (std::vector<std::string>{"Pyongyang", "Khasan", "Vladivostok"}));
    EXPECT_EQ(e.routes[0].mode, TravelMode::train);
}

TEST(Geoparser, AnAmbiguousNameIsResolvedNearTheOthersWithItsRunnersUp) {
    const std::string text = "A ferry from Portland reached the harbour in Augusta on Friday.";
    const Extraction e = extract_places(text, resources());
    const FoundPlace* portland = found(e, "Portland");
    ASSERT_NE(portland, nullptr);
    EXPECT_EQ(portland->entry->id, 6);  // Maine's, next to Augusta, not Oregon's larger one
    ASSERT_EQ(portland->alternatives.size(), 1u);
    EXPECT_EQ(portland->alternatives[0]->id, 5);
    EXPECT_GT(portland->confidence, 0.5);
    EXPECT_LT(portland->confidence, 1.0);
}

TEST(Geoparser, TheDraftIsATypedStoryThatSavesAndReadsBack) {
    const Extraction e = extract_places(train, resources());
    const Story draft = draft_story(e, "train.txt");
    EXPECT_EQ(draft.title, "Leader takes the train to Russia");
    const Place* vvo = draft.place("vladivostok");
    ASSERT_NE(vvo, nullptr);
    EXPECT_EQ(vvo->geonames_id, 2);
    EXPECT_EQ(vvo->country, "RU");
    ASSERT_TRUE(vvo->confidence);
    EXPECT_GT(*vvo->confidence, 0.0);
    EXPECT_EQ(vvo->category, "city");
    EXPECT_EQ(draft.place("pyongyang")->category, "capital");
    ASSERT_EQ(draft.routes.size(), 1u);
    EXPECT_EQ(draft.routes[0].stops, (std::vector<std::string>{"pyongyang", "khasan", "vladivostok"}));
    const std::string saved = serialize_story(draft);
    EXPECT_NE(saved.find("\"file\": \"train.txt\""), std::string::npos);
    const Story again = parse_story(saved, "draft.story.json");
    EXPECT_EQ(again.place("vladivostok")->mentions, vvo->mentions);
    EXPECT_EQ(again.place("vladivostok")->geonames_id, 2);
    EXPECT_EQ(serialize_story(again), saved);
}

TEST(PlaceSearch, ItsOwnNameFirstThenRankThenSize) {
    const GazetteerEntry big{1, "Springfield", {-89.6, 39.8}, 114000, "PPLA", "US"};
    const GazetteerEntry small{2, "Springfield", {-72.6, 42.1}, 155000, "PPL", "US"};
    const GazetteerEntry longer{3, "Springfield Gardens", {-73.8, 40.7}, 3000000, "PPL", "US"};
    const GazetteerEntry alias{4, "Bigtown", {0, 0}, 9000000, "PPL", "US"};  // found by an alternate name "Springfield…"
    const auto ranked = rank_search_results("springfield", {&longer, &alias, &small, &big});
    ASSERT_EQ(ranked.size(), 4u);
    EXPECT_EQ(ranked[0], &big);     // its own name, and a state seat
    EXPECT_EQ(ranked[1], &small);   // its own name
    EXPECT_EQ(ranked[2], &longer);  // its own name begins so
    EXPECT_EQ(ranked[3], &alias);   // only an alternate name matches, however big
    EXPECT_EQ(rank_search_results("springfield", {&longer, &alias, &small, &big}, 2).size(), 2u);
    EXPECT_EQ(describe_search_result(small), "Springfield, US \xC2\xB7 155,000 people");
}

TEST(Geoparser, CountriesAreFoundByNameShortFormAndAdjectiveAfterTheTownsAndAreNoJourneysStops) {
    GeoparserResources r = resources();
    r.countries.emplace("u s", "US");
    r.countries.emplace("americans", "US");
    r.adjectives = {"russian", "americans"};
    r.country_entries = {{"RU", {0, "Russia", {100, 60}, 0, "PCLI", "RU"}}, {"US", {0, "United States", {-97, 38}, 0, "PCLI", "US"}},
                         {"KP", {0, "North Korea", {127, 40}, 0, "PCLI", "KP"}}};
    const std::string text = "Talks\nRussian guards met the train from Pyongyang at Khasan. The U.S. watched; Americans in Russia said little.\n";
    const Extraction e = extract_places(text, r);
    // Towns first, in order of mention; then the countries.
    ASSERT_GE(e.places.size(), 4u);
    EXPECT_EQ(e.places[0].entry->name, "Pyongyang");
    const FoundPlace* russia = found(e, "Russia");
    const FoundPlace* us = found(e, "United States");
    ASSERT_NE(russia, nullptr);
    ASSERT_NE(us, nullptr);
    EXPECT_EQ(found(e, "North Korea"), nullptr);  // named by no word of the text
    auto said = [&](const Mention& m) { return text.substr(static_cast<std::size_t>(m.offset), static_cast<std::size_t>(m.length)); };
    ASSERT_EQ(russia->mentions.size(), 2u);
    EXPECT_EQ(said(russia->mentions[0]), "Russian");
    EXPECT_TRUE(russia->mentions[0].adjectival);
    EXPECT_EQ(said(russia->mentions[1]), "Russia");
    EXPECT_FALSE(russia->mentions[1].adjectival);
    ASSERT_EQ(us->mentions.size(), 2u);
    EXPECT_EQ(said(us->mentions[0]), "U.S.");  // the short form to its last dot
    EXPECT_TRUE(us->mentions[1].adjectival);
    for (const auto& route : e.routes)
        for (std::size_t k : route.stops) EXPECT_NE(e.places[k].entry->feature_code, "PCLI");
    // In the draft a country is a place of category "country", its adjectival mentions marked, and no GeoNames id.
    const Story draft = draft_story(e, "talks.txt");
    const Place* country = draft.place("russia");
    ASSERT_NE(country, nullptr);
    EXPECT_EQ(country->category, "country");
    EXPECT_FALSE(country->geonames_id);
    const Story again = parse_story(serialize_story(draft), "draft.story.json");
    EXPECT_EQ(again.place("russia")->mentions, country->mentions);
    EXPECT_TRUE(again.place("russia")->mentions[0].adjectival);
}

TEST(Geoparser, AContinentIsARegionOfTheDraftAndNoCountryOfTheText) {
    GeoparserResources r = resources();
    r.countries.emplace("asia", "@Asia");
    r.country_entries = {{"@Asia", {0, "Asia", {74, 27.75}, 0, "CONT", ""}}};
    const std::string text = "Trade\nThe train left Pyongyang for Vladivostok, the busiest port of northeast Asia.\n";
    const Extraction e = extract_places(text, r);
    const FoundPlace* asia = found(e, "Asia");
    ASSERT_NE(asia, nullptr);
    ASSERT_EQ(asia->mentions.size(), 1u);
    EXPECT_EQ(text.substr(static_cast<std::size_t>(asia->mentions[0].offset), 4), "Asia");
    EXPECT_TRUE(e.countries.empty());  // towns are not weighed towards a continent as towards a country
    const Story draft = draft_story(e, "trade.txt");
    ASSERT_NE(draft.place("asia"), nullptr);
    EXPECT_EQ(draft.place("asia")->category, "region");
    EXPECT_TRUE(draft.place("asia")->country.empty());
}

TEST(Geoparser, ADatelineBeforeItsAgencyIsAPlaceAndANewspaperNamedForATownIsNot) {
    const std::string dateline = "Talks\nPYONGYANG (Reuters) - The train left on Tuesday.\n";
    const FoundPlace* pyongyang = found(extract_places(dateline, resources()), "Pyongyang");
    ASSERT_NE(pyongyang, nullptr);
    const std::string paper = "Talks\nThe train left, the Vladivostok Times reported on Tuesday.\n";
    EXPECT_EQ(found(extract_places(paper, resources()), "Vladivostok"), nullptr);
}

// First-level regions: by name, with their kind ("Primorsky Krai") or abbreviation ("Ky."), resolved
// against the towns of the same name, one place per region, after the towns and no journey's stop.
TEST(Geoparser, RegionsAgainstTownsOfTheSameName) {
    static const FakeGazetteer towns({{10, "Québec", {-71.21, 46.81}, 531902, "PPLA", "CA"},
                                      {11, "New York", {-74.01, 40.71}, 8804190, "PPL", "US"},
                                      {12, "Louisville", {-85.76, 38.25}, 600000, "PPL", "US"},
                                      {13, "Winnipeg", {-97.14, 49.88}, 749534, "PPLA", "CA"},
                                      {14, "Vladivostok", {131.88, 43.11}, 600000, "PPLA", "RU"},
                                      {15, "Ussuriysk", {131.95, 43.8}, 170000, "PPL", "RU"}});
    GeoparserResources r;
    r.gazetteer = &towns;
    r.common_words = {"the", "on", "in"};
    r.regions = {{"quebec", {"qc"}}, {"new york", {"ny"}}, {"texas", {"tx"}}, {"kentucky", {"ky"}}, {"ky.", {"ky"}}, {"manitoba", {"mb"}}, {"primorsky", {"pk"}}};
    r.country_entries = {{"qc", {0, "Québec", {-72.77, 51.91}, 0, "ADM1", "CA", 1.5e6}}, {"ny", {0, "New York", {-75.09, 43.26}, 0, "ADM1", "US", 1.4e5}},
                         {"ky", {0, "Kentucky", {-85.3, 37.5}, 0, "ADM1", "US", 1.05e5}},  {"mb", {0, "Manitoba", {-98.0, 54.9}, 0, "ADM1", "CA", 6.5e5}},
                         {"pk", {0, "Primor'ye", {135.36, 45.73}, 0, "ADM1", "RU", 1.65e5}}, {"tx", {0, "Texas", {-98.4, 31.1}, 0, "ADM1", "US", 6.9e5}}};
    const std::string text =
        "Storms\nThe storm crossed Texas and New York before it reached Louisville, Ky., and the rest of Kentucky. "
        "Manitoba Underdogs Rescue took in a dog near Winnipeg. The train ran from Vladivostok to Ussuriysk in Primorsky Krai.\n";
    const Extraction e = extract_places(text, r);
    auto said = [&](const Mention& m) { return text.substr(static_cast<std::size_t>(m.offset), static_cast<std::size_t>(m.length)); };
    // The name alone is the region, unless a town of that name is a city of millions, or one of its
    // own (the region is named after it); with its kind after it, it is the region.
    const FoundPlace* texas = found(e, "Texas");
    ASSERT_NE(texas, nullptr);
    EXPECT_EQ(texas->entry->feature_code, "ADM1");
    const Extraction city = extract_places("Snow\nIt snowed in Quebec on Monday.\n", r);
    ASSERT_EQ(city.places.size(), 1u);
    EXPECT_EQ(city.places[0].entry->id, 10);
    const Extraction province = extract_places("Snow\nIt snowed in Quebec province on Monday.\n", r);
    ASSERT_EQ(province.places.size(), 1u);
    EXPECT_EQ(province.places[0].entry->feature_code, "ADM1");
    ASSERT_FALSE(province.places[0].alternatives.empty());
    EXPECT_EQ(province.places[0].alternatives[0]->id, 10);  // the city, runner-up
    // Decided per mention: the kind settles its own mention, not the name's others.
    const Extraction both = extract_places("Snow\nIt snowed across Quebec province, and in Quebec the schools closed.\n", r);
    ASSERT_EQ(both.places.size(), 2u);
    EXPECT_EQ(both.places[0].entry->id, 10);  // the town first, then the region
    EXPECT_EQ(both.places[1].entry->feature_code, "ADM1");
    const FoundPlace* new_york = found(e, "New York");
    ASSERT_NE(new_york, nullptr);
    EXPECT_EQ(new_york->entry->feature_code, "PPL");
    // One place for "Ky." and "Kentucky", each mention as written.
    const FoundPlace* kentucky = found(e, "Kentucky");
    ASSERT_NE(kentucky, nullptr);
    ASSERT_EQ(kentucky->mentions.size(), 2u);
    EXPECT_EQ(said(kentucky->mentions[0]), "Ky");
    EXPECT_EQ(said(kentucky->mentions[1]), "Kentucky");
    // A region's name opening an organisation's is no person's, so the region stays.
    const FoundPlace* manitoba = found(e, "Manitoba");
    ASSERT_NE(manitoba, nullptr);
    // The kind of region is part of the mention.
    const FoundPlace* primorye = found(e, "Primor'ye");
    ASSERT_NE(primorye, nullptr);
    ASSERT_EQ(primorye->mentions.size(), 1u);
    EXPECT_EQ(said(primorye->mentions[0]), "Primorsky Krai");
    // Towns first; regions after them, never a journey's stop.
    bool region_seen = false;
    for (const auto& p : e.places) {
        const bool region = p.entry->feature_code == "ADM1";
        EXPECT_TRUE(region || !region_seen) << p.entry->name << " after a region";
        region_seen |= region;
    }
    ASSERT_EQ(e.routes.size(), 1u);
    for (std::size_t k : e.routes[0].stops) EXPECT_NE(e.places[k].entry->feature_code, "ADM1");
    const Story draft = draft_story(e, "storms.txt");
    ASSERT_NE(draft.place("kentucky"), nullptr);
    EXPECT_EQ(draft.place("kentucky")->category, "region");
    EXPECT_EQ(draft.place("kentucky")->country, "US");
}

// Who is a person: the words after a title or an acronym inside a run, not the place before them;
// a place followed by ordinary words names an organisation, not a person.
TEST(Geoparser, APlaceBeforeATitleOrBeforeOrdinaryWordsIsNoPersonsName) {
    GeoparserResources r = resources();
    r.common_words.insert({"health", "fire", "rescue", "service"});
    const std::string text = "Talks\nVladivostok Health Minister Ivan Petrov thanked the crews in Khasan Fire Rescue on Tuesday.\n";
    const Extraction e = extract_places(text, r);
    EXPECT_NE(found(e, "Vladivostok"), nullptr);
    EXPECT_NE(found(e, "Khasan"), nullptr);
    // Not so a first name and a surname: "Kim Jong" stays a person (Kim is a village in Colorado).
    const Extraction person = extract_places("Talks\nKim Jong said little. Kim left on Tuesday.\n", r);
    EXPECT_EQ(found(person, "Kim"), nullptr);
}

// Decided per mention: a place alone after an acronym is an organisation's branch ("CTV Vladivostok"),
// itself a mention of the place, not a person's name that would erase the place's other mentions.
// (A part of a place, "North Dallas", and a kind of place, "Dallas County": GeoparserQuality.)
TEST(Geoparser, AnOrganisationsBranchIsNoPersonsName) {
    GeoparserResources r = resources();
    r.common_words.insert({"told", "then", "drove", "later", "crews", "from", "went"});
    const std::string text = "Talks\nThe mayor told CTV Vladivostok on Tuesday. He then drove to Vladivostok.\n";
    const Extraction e = extract_places(text, r);
    const FoundPlace* vladivostok = found(e, "Vladivostok");
    ASSERT_NE(vladivostok, nullptr);
    EXPECT_EQ(vladivostok->mentions.size(), 2u);
    // A person still: two names after an acronym ("CTV Kim Jong"; Kim is a village in Colorado).
    const Extraction person = extract_places("Talks\nThe mayor told CTV Kim Jong on Tuesday that Kim was late.\n", r);
    EXPECT_EQ(found(person, "Kim"), nullptr);
}

// Journeys as told: the place arrived at "before" the others comes after them; an earlier trip
// ("once", an earlier year) is not part of the story's; with no mode word near it, a journey goes
// by the mode the text names most.
TEST(Geoparser, JourneysInTheOrderTravelledApartFromEarlierTripsByTheTextsMode) {
    const std::string text =
        "Summit\nThe leader's train is his only way to travel, and the train is slow. In 2001 his father once went from Pyongyang to Moscow. "
        "Before arriving in Vladivostok in 2019, he stopped at Khasan.\n";
    const Extraction e = extract_places(text, resources());
    ASSERT_EQ(e.routes.size(), 1u);
    std::vector<std::string> stops;
    for (std::size_t k : e.routes[0].stops) stops.push_back(e.places[k].entry->name);
    EXPECT_EQ(stops, (std::vector<std::string>{"Khasan", "Vladivostok"}));
    EXPECT_EQ(e.routes[0].mode, TravelMode::train);
}

// A journey whose clauses say when gets times in the draft, from the date the article writes or the
// one given; untold ends at the mode's usual speed, approximate; a clock time exact.
TEST(Geoparser, AJourneyTimedByItsClausesPlaysAtOnce) {
    const std::string text = "Summit\nPYONGYANG, April 23, 2019 - The leader left Pyongyang by train on Tuesday evening. "
                             "He reached Khasan at 10:40 a.m. the next day and went on to Vladivostok.\n";
    const Extraction e = extract_places(text, resources());
    ASSERT_TRUE(e.date);
    const Story draft = draft_story(e, "summit.txt");
    ASSERT_EQ(draft.routes.size(), 1u);
    const Route& route = draft.routes[0];
    ASSERT_EQ(route.times.size(), 3u);
    EXPECT_EQ(draft.timezone, "+08:00");  // Pyongyang's sun: 125.75 E
    ASSERT_TRUE(route.times[0].depart);
    EXPECT_EQ(route.times[0].depart->text, "2019-04-23T19:00+08:00");
    EXPECT_TRUE(route.times[0].approximate);
    ASSERT_TRUE(route.times[1].arrive);
    EXPECT_EQ(route.times[1].arrive->text, "2019-04-24T10:40+08:00");
    EXPECT_FALSE(route.times[1].approximate);
    ASSERT_TRUE(route.times[2].arrive);  // about 120 km at 50 km/h: two and a half hours on
    EXPECT_NEAR(route.times[2].arrive->utc() - route.times[1].arrive->utc(), 2.4 * 3600, 0.3 * 3600);
    EXPECT_TRUE(route.times[2].approximate);
    // It saves and reads back as a valid story.
    const Story again = parse_story(serialize_story(draft), "draft.story.json");
    EXPECT_EQ(again.routes[0].times.size(), 3u);
    // Without a date nothing tells the days: no times.
    const Extraction undated = extract_places("Summit\nThe leader left Pyongyang by train on Tuesday and reached Khasan.\n", resources());
    ASSERT_EQ(undated.routes.size(), 1u);
    EXPECT_TRUE(draft_story(undated, "summit.txt").routes[0].times.empty());
    EXPECT_FALSE(draft_story(undated, "summit.txt", CalendarDate{2019, 4, 24}).routes[0].times.empty());
}

// "London, Ky.": a town with its region (or country) after a comma is that region's town, however
// small beside a capital of the same name, and kept though the text names neither its country nor
// a place word before it; the region is a place of its own.
TEST(Geoparser, ATownFollowedByItsRegionIsThatRegionsTown) {
    static const FakeGazetteer towns({{20, "London", {-0.13, 51.51}, 8900000, "PPLC", "GB"},
                                      {21, "London", {-84.08, 37.13}, 8000, "PPL", "US"},
                                      {22, "London", {-81.23, 42.98}, 350000, "PPL", "CA"}});
    GeoparserResources r;
    r.gazetteer = &towns;
    r.common_words = {"the", "on", "in", "police", "two", "said"};
    r.regions = {{"kentucky", {"ky"}}, {"ky.", {"ky"}}};
    r.country_entries = {{"ky", {0, "Kentucky", {-85.3, 37.5}, 0, "ADM1", "US", 1.05e5}}};
    const std::string text = "Arrests\nPolice said two men were held in London, Ky., on Monday. London had seen a string of thefts.\n";
    const Extraction e = extract_places(text, r);
    const FoundPlace* london = found(e, "London");
    ASSERT_NE(london, nullptr);
    EXPECT_EQ(london->entry->id, 21);
    EXPECT_EQ(london->mentions.size(), 2u);  // the name's every mention
    ASSERT_NE(found(e, "Kentucky"), nullptr);
    // A dateline may drop the abbreviation's dot.
    const Extraction dateline = extract_places("Arrests\nLONDON, Ky (WKYT) - Police said two men were held on Monday.\n", r);
    ASSERT_NE(found(dateline, "London"), nullptr);
    EXPECT_EQ(found(dateline, "London")->entry->id, 21);
    EXPECT_NE(found(dateline, "Kentucky"), nullptr);
    // Without the region it is the capital.
    const Extraction alone = extract_places("Arrests\nPolice said two men were held in London on Monday.\n", r);
    const FoundPlace* plain = found(alone, "London");
    ASSERT_NE(plain, nullptr);
    EXPECT_EQ(plain->entry->id, 20);
}

// A day or a month after a name ends it: "in Vladivostok Saturday" is Vladivostok, not a person
// "Vladivostok Saturday" whose name would erase the city's other mentions.
TEST(Geoparser, ADayAfterAPlaceEndsItsName) {
    GeoparserResources r = resources();
    r.common_words.insert({"hundreds", "rallied", "to", "demand", "action", "on", "said", "police", "two", "men", "were", "held"});
    const Extraction e = extract_places("Rally\nHundreds rallied in Vladivostok Saturday to demand action. Police in Vladivostok said two men were held.\n", r);
    const FoundPlace* city = found(e, "Vladivostok");
    ASSERT_NE(city, nullptr);
    EXPECT_EQ(city->mentions.size(), 2u);
    EXPECT_NE(found(extract_places("Rally\nVladivostok March was cold.\n", r), "Vladivostok"), nullptr);
}

// A place word cues the list it begins: "to Augusta and Reading" is two towns, though Reading is an
// ordinary word; without the place word before the list it stays the word.
TEST(Geoparser, APlaceWordCuesTheListItBegins) {
    GeoparserResources r = resources();
    r.common_words.insert({"they", "flew", "and", "or", "liked", "on", "monday"});
    const Extraction e = extract_places("Trip\nThey flew to Augusta and Reading on Monday.\n", r);
    EXPECT_NE(found(e, "Augusta"), nullptr);
    EXPECT_NE(found(e, "Reading"), nullptr);
    EXPECT_NE(found(extract_places("Trip\nThey flew to Vladivostok, Augusta or Reading on Monday.\n", r), "Reading"), nullptr);
    EXPECT_EQ(found(extract_places("Trip\nThey liked Augusta and Reading on Monday.\n", r), "Reading"), nullptr);
}

// A town whose name is an ordinary word is a place where its region follows it after a comma
// ("Reading, Pennsylvania"), with no place word before it; alone it stays the word.
TEST(Geoparser, ATownNamedAsAWordIsKeptBeforeItsRegion) {
    static const FakeGazetteer towns({{40, "Reading", {-0.97, 51.45}, 230000, "PPL", "GB"}, {41, "Reading", {-75.93, 40.34}, 88000, "PPL", "US"}});
    GeoparserResources r;
    r.gazetteer = &towns;
    r.common_words = {"reading", "a", "the", "was", "shut", "after", "office", "newspaper", "is", "hard"};
    r.regions = {{"pennsylvania", {"pa"}}};
    r.country_entries = {{"pa", {0, "Pennsylvania", {-77.6, 40.9}, 0, "ADM1", "US", 1.19e5}}};
    const Extraction e = extract_places("Mail\nA Reading, Pennsylvania newspaper office was shut after a letter came.\n", r);
    const FoundPlace* reading = found(e, "Reading");
    ASSERT_NE(reading, nullptr);
    EXPECT_EQ(reading->entry->id, 41);
    EXPECT_EQ(found(extract_places("Mail\nReading is hard after a letter came.\n", r), "Reading"), nullptr);
}

// "London, KY", "Perth, WA": a region's postal code in capitals after a town and a comma is the
// region, and the town is that region's, as with "Ky."; a code two countries use ("WA": Washington
// and Western Australia) is the one that holds the town. Alone, or in small letters, or before a
// name ("Perth, WA Health said"), a code is no place.
TEST(Geoparser, APostalCodeAfterATownIsItsRegion) {
    static const FakeGazetteer towns({{20, "London", {-0.13, 51.51}, 8900000, "PPLC", "GB"},
                                      {21, "London", {-84.08, 37.13}, 8000, "PPL", "US"},
                                      {30, "Perth", {115.86, -31.95}, 2000000, "PPLA", "AU"},
                                      {31, "Perth", {-3.43, 56.40}, 47000, "PPL", "GB"}});
    GeoparserResources r;
    r.gazetteer = &towns;
    r.common_words = {"the", "on", "in", "police", "two", "said", "were", "held", "and", "health"};
    r.regions = {{"kentucky", {"ky"}}, {"KY", {"ky"}}, {"WA", {"wa-us", "wa-au"}}};
    r.country_entries = {{"ky", {0, "Kentucky", {-85.3, 37.5}, 0, "ADM1", "US", 1.05e5}},
                         {"wa-us", {0, "Washington", {-120.5, 47.4}, 0, "ADM1", "US", 1.85e5}},
                         {"wa-au", {0, "Western Australia", {122.3, -25.4}, 0, "ADM1", "AU", 2.5e6}}};
    const std::string text = "Arrests\nPolice said two men were held in London, KY, and in Perth, WA on Monday.\n";
    const Extraction e = extract_places(text, r);
    const FoundPlace* london = found(e, "London");
    ASSERT_NE(london, nullptr);
    EXPECT_EQ(london->entry->id, 21);
    const FoundPlace* kentucky = found(e, "Kentucky");
    ASSERT_NE(kentucky, nullptr);
    EXPECT_EQ(text.substr(static_cast<std::size_t>(kentucky->mentions[0].offset), 2), "KY");
    const FoundPlace* perth = found(e, "Perth");
    ASSERT_NE(perth, nullptr);
    EXPECT_EQ(perth->entry->id, 30);
    EXPECT_NE(found(e, "Western Australia"), nullptr);
    EXPECT_EQ(found(e, "Washington"), nullptr);
    // The code at the sentence's end, and in a dateline.
    EXPECT_NE(found(extract_places("Arrests\nTwo men were held in London, KY.\n", r), "Kentucky"), nullptr);
    const Extraction dateline = extract_places("Arrests\nLONDON, KY - Police said two men were held on Monday.\n", r);
    ASSERT_NE(found(dateline, "London"), nullptr);
    EXPECT_EQ(found(dateline, "London")->entry->id, 21);
    // Alone, in small letters, or before a name: no region.
    EXPECT_EQ(found(extract_places("Arrests\nThe KY office said two men were held.\n", r), "Kentucky"), nullptr);
    EXPECT_EQ(found(extract_places("Arrests\nTwo men were held in Perth, Wa on Monday.\n", r), "Western Australia"), nullptr);
    EXPECT_EQ(found(extract_places("Arrests\nIn Perth, WA Health said two men were held.\n", r), "Western Australia"), nullptr);
}

// A town in a first-level region the text names is the one it means, as a town in a country it
// names is: the smaller Ashford in the region the article is about before the larger one elsewhere.
// A name that is also a region's stays the region's.
TEST(Geoparser, ATownInARegionTheTextNamesIsTheOneItMeans) {
    static const FakeGazetteer towns({{40, "Ashford", {0.87, 51.15}, 83000, "PPL", "GB"},
                                      {41, "Ashford", {145.5, -16.9}, 9000, "PPL", "AU"},
                                      {42, "Townsville", {146.8, -19.26}, 180000, "PPL", "AU"},
                                      {43, "Columbia", {-81.03, 34.0}, 130000, "PPLA", "US"}});
    GeoparserResources r;
    r.gazetteer = &towns;
    r.common_words = {"the", "on", "in", "a", "was", "flooded", "storm", "hit", "struck", "near"};
    r.regions = {{"tropica", {"tp"}}, {"columbia", {"cb"}}};
    r.country_entries = {{"tp", {0, "Tropica", {144.5, -20.5}, 0, "ADM1", "AU", 1.7e6}},
                         {"cb", {0, "Columbia", {-123.0, 53.7}, 0, "ADM1", "CA", 9.4e5}}};
    const Extraction e = extract_places("Storm\nThe storm hit Tropica on Monday. Homes in Ashford were flooded.\n", r);
    ASSERT_NE(found(e, "Ashford"), nullptr);
    EXPECT_EQ(found(e, "Ashford")->entry->id, 41);
    // Without the region, the larger town (and only where a word before it makes it a place).
    const Extraction alone = extract_places("Storm\nThe storm hit on Monday. Homes in Ashford were flooded.\n", r);
    ASSERT_NE(found(alone, "Ashford"), nullptr);
    EXPECT_EQ(found(alone, "Ashford")->entry->id, 40);
    // A region's own name is not taken for a town in another region the text names.
    const Extraction both = extract_places("Storm\nThe storm hit Tropica and Columbia on Monday.\n", r);
    ASSERT_NE(found(both, "Columbia"), nullptr);
    EXPECT_EQ(found(both, "Columbia")->entry->feature_code, "ADM1");
}

// A region is named after a town of its own only when the town goes by that name itself: a town
// that merely lists the region's name among its alternates (as GeoNames lists "Arizona" for Yuma)
// leaves the region the region.
TEST(Geoparser, ATownsAlternateNameMakesNoRegionEponymous) {
    static const FakeGazetteer towns({{30, "Yuma", {-114.62, 32.73}, 93000, "PPLA2", "US"}, {31, "Phoenix", {-112.07, 33.45}, 1600000, "PPLA", "US"}},
                                     {{"Arizona", 30}});
    GeoparserResources r;
    r.gazetteer = &towns;
    r.common_words = {"the", "on", "in", "heat"};
    r.regions = {{"arizona", {"az"}}};
    r.country_entries = {{"az", {0, "Arizona", {-111.7, 34.3}, 0, "ADM1", "US", 2.95e5}}};
    const Extraction e = extract_places("Heat\nThe heat wave reached Arizona on Monday.\n", r);
    const FoundPlace* arizona = found(e, "Arizona");
    ASSERT_NE(arizona, nullptr);
    EXPECT_EQ(arizona->entry->feature_code, "ADM1");
    EXPECT_EQ(found(e, "Yuma"), nullptr);
}

// "Kentucky-based", "Khasan-bound": a name with lower-case words hyphened after it is the name alone,
// while a name hyphened throughout ("Stratford-upon-Avon") stays whole; "the London, Ky., firm" is
// the town, though "the" comes before it.
TEST(Geoparser, ANameEndsWhereLowerCaseWordsAreHyphenedToIt) {
    static const FakeGazetteer towns({{40, "Stratford-upon-Avon", {-1.71, 52.19}, 30000, "PPL", "GB"},
                                      {41, "Stratford", {-73.13, 41.18}, 52000, "PPL", "US"},
                                      {42, "London", {-84.08, 37.13}, 8000, "PPL", "US"},
                                      {43, "London", {-0.13, 51.51}, 8900000, "PPLC", "GB"}});
    GeoparserResources r;
    r.gazetteer = &towns;
    r.common_words = {"the", "on", "in", "a", "firm"};
    r.regions = {{"kentucky", {"ky"}}, {"ky.", {"ky"}}};
    r.country_entries = {{"ky", {0, "Kentucky", {-85.3, 37.5}, 0, "ADM1", "US", 1.05e5}}};
    const std::string text = "Trade\nA Kentucky-based firm, the London, Ky., maker of tools, sold a plant in Stratford-upon-Avon.\n";
    const Extraction e = extract_places(text, r);
    auto said = [&](const Mention& m) { return text.substr(static_cast<std::size_t>(m.offset), static_cast<std::size_t>(m.length)); };
    const FoundPlace* kentucky = found(e, "Kentucky");
    ASSERT_NE(kentucky, nullptr);
    ASSERT_FALSE(kentucky->mentions.empty());
    EXPECT_EQ(said(kentucky->mentions[0]), "Kentucky");
    const FoundPlace* london = found(e, "London");
    ASSERT_NE(london, nullptr);
    EXPECT_EQ(london->entry->id, 42);
    const FoundPlace* stratford = found(e, "Stratford-upon-Avon");
    ASSERT_NE(stratford, nullptr);
    EXPECT_EQ(said(stratford->mentions[0]), "Stratford-upon-Avon");
    EXPECT_EQ(found(e, "Stratford"), nullptr);
}

// An ordinary word that opens a sentence is no first name: "In Vladivostok" is the city, as "Vladimir
// Vladivostok" would not be.
TEST(Geoparser, ANameAfterTheWordThatOpensItsSentence) {
    GeoparserResources r = resources();
    r.common_words.insert("in");
    const Extraction e = extract_places("Talks\nIn Vladivostok the talks began on Thursday.\n", r);
    EXPECT_NE(found(e, "Vladivostok"), nullptr);
    const Extraction person = extract_places("Talks\nThe talks began on Thursday, said Vladimir Vladivostok.\n", r);
    EXPECT_EQ(found(person, "Vladivostok"), nullptr);
}

// A name that begins an organisation's ("Portland Adventist Hospital", its word a few words on) is
// no mention of the town; the town named alone still is.
TEST(Geoparser, ANameInsideAnOrganisationsNameIsNoPlace) {
    GeoparserResources r = resources();
    r.common_words.insert({"patients", "at", "were", "moved", "to"});
    const Extraction e = extract_places("Care\nPatients at Portland Adventist Hospital were moved to Augusta.\n", r);
    EXPECT_EQ(found(e, "Portland"), nullptr);
    EXPECT_NE(found(e, "Augusta"), nullptr);
    const Extraction alone = extract_places("Care\nPatients in Portland were moved to Augusta.\n", r);
    EXPECT_NE(found(alone, "Portland"), nullptr);
}

// The word list: looked up by binary search, over words it owns or words lying elsewhere.
TEST(WordSet, OwnedAndViewedWords) {
    WordSet set{"reading", "nice", "the"};
    set.insert("mobile");
    set.insert("the");
    EXPECT_EQ(set.size(), 4u);
    EXPECT_EQ(set.count("nice"), 1u);
    EXPECT_EQ(set.count("Nice"), 0u);
    EXPECT_EQ(set.count("nic"), 0u);
    EXPECT_TRUE(std::is_sorted(set.words().begin(), set.words().end()));
    const WordSet copy = set;  // shares the words it owns
    set.insert("zebra");
    EXPECT_EQ(copy.count("mobile"), 1u);
    EXPECT_EQ(copy.count("zebra"), 0u);
    auto text = std::make_shared<std::string>("alpha\nbeta\ngamma");
    const WordSet viewed = WordSet::over({std::string_view(*text).substr(0, 5), std::string_view(*text).substr(6, 4)}, text);
    text.reset();  // the set keeps it
    EXPECT_EQ(viewed.count("beta"), 1u);
    EXPECT_EQ(viewed.count("gamma"), 0u);
}

// "Georgia", a country and an American state: the state where the text speaks of its country's
// regions and the towns in it, the country where it names the country's towns.
TEST(Geoparser, ACountryOrAnotherCountrysRegionOfTheSameNameByTheText) {
    static const FakeGazetteer towns({{50, "Atlanta", {-84.39, 33.75}, 500000, "PPLA", "US"}, {51, "Tbilisi", {44.79, 41.69}, 1100000, "PPLC", "GE"}});
    GeoparserResources r;
    r.gazetteer = &towns;
    r.common_words = {"the", "on", "in", "and", "from", "storms", "talks"};
    r.countries = {{"georgia", "GE"}};
    r.regions = {{"georgia", {"ga"}}, {"alabama", {"al"}}};
    r.country_entries = {{"GE", {0, "Georgia", {43.5, 42.2}, 0, "PCLI", "GE"}},
                         {"ga", {0, "Georgia", {-83.4, 32.7}, 0, "ADM1", "US", 1.53e5}},
                         {"al", {0, "Alabama", {-86.8, 32.8}, 0, "ADM1", "US", 1.35e5}}};
    const Extraction state = extract_places("Storms\nStorms crossed Alabama and Georgia, and Atlanta lost power.\n", r);
    const FoundPlace* us = found(state, "Georgia");
    ASSERT_NE(us, nullptr);
    EXPECT_EQ(us->entry->feature_code, "ADM1");
    EXPECT_TRUE(state.countries.empty());
    const Extraction country = extract_places("Talks\nThe talks in Tbilisi on Monday were the first in Georgia since June.\n", r);
    const FoundPlace* ge = found(country, "Georgia");
    ASSERT_NE(ge, nullptr);
    EXPECT_EQ(ge->entry->feature_code, "PCLI");
    // Named alone, it is the country.
    const Extraction alone = extract_places("Talks\nThe talks in Georgia began on Monday.\n", r);
    ASSERT_NE(found(alone, "Georgia"), nullptr);
    EXPECT_EQ(found(alone, "Georgia")->entry->feature_code, "PCLI");
}

// A town that goes by the name itself comes before a bigger one that lists it among its other
// names; two names of one town make one place.
TEST(Geoparser, OwnNamesFirstAndOnePlacePerTown) {
    static const FakeGazetteer towns({{60, "New Delhi", {77.23, 28.61}, 317797, "PPLC", "IN"}, {61, "Delhi", {77.22, 28.65}, 10927986, "PPLA", "IN"},
                                      {62, "Mumbai", {72.88, 19.07}, 12691836, "PPLA", "IN"}},
                                     {{"New Delhi", 61}, {"Bombay", 62}});
    GeoparserResources r;
    r.gazetteer = &towns;
    r.common_words = {"the", "on", "in", "he", "from", "to", "and", "then"};
    const std::string text = "Visit\nHe flew from New Delhi to Bombay on Monday, and then the port of Mumbai sent a ship.\n";
    const Extraction e = extract_places(text, r);
    const FoundPlace* capital = found(e, "New Delhi");
    ASSERT_NE(capital, nullptr);
    EXPECT_EQ(capital->entry->id, 60);
    const FoundPlace* mumbai = found(e, "Mumbai");
    ASSERT_NE(mumbai, nullptr);
    EXPECT_EQ(mumbai->mentions.size(), 2u);  // "Bombay" and "Mumbai"
    EXPECT_EQ(std::count_if(e.places.begin(), e.places.end(), [](const FoundPlace& p) { return p.entry->id == 62; }), 1);
}

// In a sentence that travels, "in" before a town makes it a stop whatever verb leads there ("changed
// engines in Khasan", "stopping briefly in Khasan").
TEST(Geoparser, InATravellingSentenceATownAfterInIsAStop) {
    const Extraction e = extract_places("Trip\nKim left Pyongyang by train on Tuesday. The train changed engines in Khasan on Wednesday "
                                        "and went on to Vladivostok.\n",
                                        resources());
    ASSERT_EQ(e.routes.size(), 1u);
    std::vector<std::string> stops;
    for (std::size_t k : e.routes[0].stops) stops.push_back(e.places[k].entry->name);
    EXPECT_EQ(stops, (std::vector<std::string>{"Pyongyang", "Khasan", "Vladivostok"}));
    EXPECT_EQ(e.routes[0].mode, TravelMode::train);
    // Not where the sentence tells of no journey.
    const Extraction still = extract_places("Trip\nOfficials in Khasan said the station was quiet on Tuesday.\n", resources());
    EXPECT_TRUE(still.routes.empty());
}

// Long official names are read whole: a possessive inside one ("People's Republic of Korea", folded
// "peoples…"), "of the" or "and" inside one ("Republic of the Isles"), and not their tails, but two
// countries joined by "and" are two; a unit of regions
// keyed "UNIT:" is a place even where its name is also an ordinary word ("Marches"), where a region
// so named is not.
TEST(Geoparser, OfficialNamesWholeAndUnitsThatAreAlsoWords) {
    GeoparserResources r = resources();
    r.common_words = {"the", "marches", "downs", "in", "and"};
    r.countries.emplace("peoples republic of korea", "KP");
    r.countries.emplace("republic of korea", "KR");
    r.countries.emplace("republic of the isles", "XI");
    r.countries.emplace("isles", "XJ");
    r.countries.emplace("skerries and stacks", "XS");
    r.countries.emplace("north korea and russia", "@NR");  // a part of a continent named for two countries
    r.regions = {{"marches", {"UNIT:XI:1"}}, {"downs", {"ADM1:XI:2"}}};
    r.country_entries = {{"KP", {0, "North Korea", {127, 40}, 0, "PCLI", "KP"}},
                         {"KR", {0, "South Korea", {128, 36}, 0, "PCLI", "KR"}},
                         {"XI", {0, "Isles", {-5, 55}, 0, "PCLI", "XI"}},
                         {"XJ", {0, "Other Isles", {-6, 56}, 0, "PCLI", "XJ"}},
                         {"UNIT:XI:1", {0, "Marches", {-4, 54}, 0, "ADM1", "XI", 2e4}},
                         {"ADM1:XI:2", {0, "Downs", {-4.5, 54.5}, 0, "ADM1", "XI", 2e4}},
                         {"XS", {0, "Skerries and Stacks", {-7, 57}, 0, "PCLI", "XS"}},
                         {"RU", {0, "Russia", {100, 60}, 0, "PCLI", "RU"}},
                         {"@NR", {0, "North Korea and Russia", {110, 50}, 0, "RGN", ""}}};
    const std::string text = "Talks\nEnvoys of the People's Republic of Korea met those of the Republic of the Isles. "
                             "Farmers of Downs and Marches listened. So did Skerries and Stacks, North Korea and Russia.\n";
    const Extraction e = extract_places(text, r);
    auto said = [&](const FoundPlace* p) {
        return p ? text.substr(static_cast<std::size_t>(p->mentions.at(0).offset), static_cast<std::size_t>(p->mentions.at(0).length)) : "";
    };
    EXPECT_EQ(said(found(e, "North Korea")), "People's Republic of Korea");
    EXPECT_EQ(found(e, "South Korea"), nullptr);  // not its tail
    EXPECT_EQ(said(found(e, "Isles")), "Republic of the Isles");
    EXPECT_EQ(found(e, "Other Isles"), nullptr);
    EXPECT_EQ(said(found(e, "Marches")), "Marches");
    EXPECT_EQ(found(e, "Downs"), nullptr);  // a region whose name is a word needs a cue ("in Downs")
    EXPECT_EQ(said(found(e, "Skerries and Stacks")), "Skerries and Stacks");
    EXPECT_EQ(found(e, "North Korea and Russia"), nullptr);  // two countries, each its own
    EXPECT_NE(found(e, "Russia"), nullptr);
    // A unit speaks of its country, as the country's name would: the towns are weighed towards it.
    EXPECT_EQ(extract_places("Storm\nThe storm hit Marches on Monday.\n", r).countries, std::vector<std::string>{"XI"});
}

// A journey that goes on by other means is a route per means, each from where the one before ended;
// a paragraph break after a full stop ends one sentence, not two, so a journey told across paragraphs
// stays one; "in X" is a stop where the sentence has travelled before it, not where it travels after.
TEST(Geoparser, AJourneyChangesRouteWhereItChangesMeansAndRunsAcrossParagraphs) {
    const std::string text = "Summit\nThe leader flew from Pyongyang to Vladivostok on Tuesday.\n\n"
                             "From there a motorcade took him to Khasan, where he boarded a train.\n\n"
                             "After a long ride the train pulled into Augusta the next day.\n\n"
                             "During remarks in Portland, he said he wanted to visit Russia.\n";
    const Extraction e = extract_places(text, resources());
    ASSERT_EQ(e.routes.size(), 3u);
    auto stops = [&](const FoundRoute& route) {
        std::vector<std::string> names;
        for (std::size_t k : route.stops) names.push_back(e.places[k].entry->name);
        return names;
    };
    EXPECT_EQ(stops(e.routes[0]), (std::vector<std::string>{"Pyongyang", "Vladivostok"}));
    EXPECT_EQ(e.routes[0].mode, TravelMode::plane);
    EXPECT_EQ(stops(e.routes[1]), (std::vector<std::string>{"Vladivostok", "Khasan"}));
    EXPECT_EQ(e.routes[1].mode, TravelMode::car);
    EXPECT_EQ(stops(e.routes[2]), (std::vector<std::string>{"Khasan", "Augusta"}));  // not on to Portland
    EXPECT_EQ(e.routes[2].mode, TravelMode::train);
    // Timed from the date given: each route leaves about when the one before arrived, and "the next
    // day" counts from there.
    const Story draft = draft_story(e, "summit.txt", CalendarDate{2019, 4, 23});
    ASSERT_EQ(draft.routes.size(), 3u);
    for (const auto& route : draft.routes) ASSERT_EQ(route.times.size(), 2u) << route.id;
    auto at = [](const StopTime& t) { return t.arrive ? t.arrive->utc() : t.depart->utc(); };
    EXPECT_EQ(at(draft.routes[1].times[0]), at(draft.routes[0].times[1]));
    EXPECT_EQ(at(draft.routes[2].times[0]), at(draft.routes[1].times[1]));
    EXPECT_GE(at(draft.routes[2].times[1]) - at(draft.routes[2].times[0]), 20 * 3600);
}

// A currency's country code ("US$460 million", "A$5") names no place; a titled name followed by
// ordinary words ("Dr. Augusta Reading") is a person's, though its first word is a town's name.
TEST(Geoparser, CurrenciesAndTitledNamesAreNoPlaces) {
    GeoparserResources r = resources();
    r.countries.emplace("us", "US");
    r.country_entries.emplace("US", GazetteerEntry{0, "United States", {-98, 39}, 0, "PCLI", "US"});
    const Extraction e = extract_places("Deal\nThe deal brings US$460 million to Vladivostok, said Dr. Augusta Reading.\n", r);
    EXPECT_EQ(found(e, "United States"), nullptr);
    EXPECT_EQ(found(e, "Augusta"), nullptr);
    EXPECT_NE(found(e, "Vladivostok"), nullptr);
    // The code alone is still the country.
    EXPECT_NE(found(extract_places("Deal\nThe US will pay Vladivostok.\n", r), "United States"), nullptr);
}

// A name after "the" is no place on its own ("the Augusta", a paper or a ship), but it is when it
// qualifies a place's noun ("the Portland area", "the Vladivostok region").
TEST(Geoparser, TheNamesOfAPlacesNoun) {
    const Extraction e = extract_places("Storm\nEditors of the Augusta said floods hit the Portland area and the Vladivostok region.\n", resources());
    EXPECT_EQ(found(e, "Augusta"), nullptr);
    EXPECT_NE(found(e, "Portland"), nullptr);
    EXPECT_NE(found(e, "Vladivostok"), nullptr);
}

// A short name in capitals before a full stop ends its sentence ("... in the UK. During ..."), so
// the next sentence's "in Portland" is no stop of this one's journey; initials ("U.S.") and "St." do
// not end one.
TEST(Geoparser, AShortNameInCapitalsEndsItsSentence) {
    const std::string text = "Tour\nThe train left Khasan and pulled into Augusta, the end of his tour of the UK. "
                             "During remarks in Portland, he spoke of the U.S. and St. Petersburg.\n";
    const Extraction e = extract_places(text, resources());
    ASSERT_EQ(e.routes.size(), 1u);
    EXPECT_EQ(stop_names(e, 0), (std::vector<std::string>{"Khasan", "Augusta"}));
}

// A news lead tells where the journey ended before the paragraphs that tell it.
TEST(Geoparser, ALeadsArrivalIsTheJourneysEndNotItsStart) {
    const std::string text = "Ferry\nThe ferry docked in Vladivostok on Monday after three days at sea.\n\n"
                             "It had left Pyongyang on Friday and reached Vladivostok early on Monday.\n";
    const Extraction e = extract_places(text, resources());
    ASSERT_EQ(e.routes.size(), 1u);
    EXPECT_EQ(stop_names(e, 0), (std::vector<std::string>{"Pyongyang", "Vladivostok"}));
    EXPECT_EQ(e.routes[0].mode, TravelMode::ship);
}

// A clock said of leaving before a sentence's first stop is when the journey left the stop before,
// on the day said of that stop; the first stop is passed at no time of its own.
TEST(Geoparser, ALeavingTimeBelongsToTheStopLeft) {
    const std::string text = "Summit\nPYONGYANG, April 23, 2019 - The leader left Pyongyang by train on Tuesday morning. "
                             "His train left at 7:12 a.m., stopped at Khasan and reached Vladivostok at 10:30 p.m.\n";
    const Story draft = draft_story(extract_places(text, resources()), "summit.txt");
    ASSERT_EQ(draft.routes.size(), 1u);
    const Route& route = draft.routes[0];
    ASSERT_EQ(route.times.size(), 3u);
    ASSERT_TRUE(route.times[0].depart);
    EXPECT_EQ(route.times[0].depart->text, "2019-04-23T07:12+08:00");
    EXPECT_FALSE(route.times[0].approximate);
    EXPECT_FALSE(route.times[1].arrive || route.times[1].depart);
    ASSERT_TRUE(route.times[2].arrive);
    EXPECT_EQ(route.times[2].arrive->text, "2019-04-23T22:30+08:00");
}
