#pragma once
// Reading the article: the places English news text names, resolved to gazetteer entries, and the
// journeys it describes. Pure C++: the gazetteer and the word lists are given to it.
//
// Candidates are runs of capitalised words, matched against the gazetteer longest first. What is not
// a place is left out: people (titled, or named in full elsewhere in the text), organisations and
// media ("the Guardian", "AFP", anything named "... University"), days and months, and ordinary
// English words that are also town names somewhere, unless a place word ("in", "to", "near"…)
// comes before them. Each candidate is resolved to one entry by population, capital status, the
// countries the text mentions, and nearness to the other places found; its confidence and the
// runners-up are kept.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/geoparse/article_times.hpp"
#include "core/geoparse/word_set.hpp"
#include "core/story/story.hpp"

namespace storyplot {

struct GazetteerEntry {
    std::int64_t id = 0;
    std::string name;
    LonLat position;
    long population = 0;
    std::string feature_code;  // PPLC capital, PPLA first-order seat, PPL…
    std::string country;       // ISO 3166 alpha-2
    double area_km2 = 0;       // a region's (ADM1): the text's places are near it when near its edge
};

class Gazetteer {
public:
    virtual ~Gazetteer() = default;
    // Populated places whose name (any Latin form) folds to `folded`.
    virtual std::vector<const GazetteerEntry*> find(const std::string& folded) const = 0;
};

struct GeoparserResources {
    const Gazetteer* gazetteer = nullptr;
    // Folded country name, short form or demonym -> ISO alpha-2; a continent's name -> "@" and its name.
    std::unordered_map<std::string, std::string> countries;
    std::unordered_set<std::string> adjectives;              // those of `countries` that are demonyms ("north korean")
    // ISO alpha-2 (or "@Continent", or a region's key) -> the country (feature code PCLI), continent
    // (CONT) or first-level region (ADM1) as a place, id 0: an area the text names is a place of the
    // draft, as a town is.
    std::unordered_map<std::string, GazetteerEntry> country_entries;
    // Folded names of first-level regions (states, provinces, oblasts…) -> their keys in country_entries
    // (one name, several regions: "Punjab" in India and in Pakistan).
    std::unordered_map<std::string, std::vector<std::string>> regions;
    WordSet common_words;                                    // lower-case English words
};

struct FoundPlace {
    const GazetteerEntry* entry = nullptr;
    double confidence = 0;
    std::vector<const GazetteerEntry*> alternatives;  // the runners-up, best first
    std::vector<Mention> mentions;                    // offsets and lengths in bytes
};

struct FoundRoute {
    std::vector<std::size_t> stops;  // indices into Extraction::places, in travel order
    TravelMode mode = TravelMode::car;
    // Per stop: what its clause says of when ("arrived in Vladivostok on Wednesday evening"), and
    // whether the journey leaves from it ("left Pyongyang on Tuesday").
    std::vector<std::optional<TimeHint>> when;
    std::vector<bool> departs;
};

struct Extraction {
    std::string title;
    std::vector<FoundPlace> places;  // towns in order of first mention, then regions, then countries, each in theirs
    std::vector<FoundRoute> routes;
    std::vector<std::string> countries;  // ISO codes the text names
    std::optional<CalendarDate> date;    // the first whole date the text writes
};

Extraction extract_places(std::string_view text, const GeoparserResources& resources);

// The draft story: a place feature per resolved place (kind, name, geonames_id, confidence,
// mentions, alternatives), a route feature per journey, the article's title as the story's title.
// With a date (`date`, else the one the text writes), a journey whose clauses say when gets times:
// those they say, in the zone of its first stop's longitude (hours east of Greenwich), and its
// first and last stops, where untold, at the mode's usual speed; all approximate but a clock time.
Story draft_story(const Extraction& extraction, const std::string& source_name, std::optional<CalendarDate> date = std::nullopt);

}  // namespace storyplot
