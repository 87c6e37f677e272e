#include "core/geoparse/geoparser.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/geo/geodesic.hpp"
#include "core/geoparse/local_names.hpp"
#include "core/geoparse/name_folding.hpp"
#include "core/geoparse/region_names.hpp"
#include "core/story/story_file.hpp"

namespace storyplot {

namespace {

struct Token {
    std::size_t begin, end;  // bytes
    std::string text;
    std::string folded;
    bool capitalised = false;
    bool all_caps = false;
    int sentence = 0;
    bool organisation = false;  // a word of an organisation's name ("Hospital", "Ministry"), looked up once
    bool possessive = false;    // written with "'s", which the word leaves out ("Kim's" is "Kim")
};

// An acronym: letters in capitals ("MLA", "CTV", "DMV"), not a number or a currency.
bool is_acronym(const Token& t) { return t.all_caps && std::isalpha(static_cast<unsigned char>(t.text[0])); }

bool is_upper_start(std::string_view word) {
    const auto cps = utf8_code_points(word.substr(0, std::min<std::size_t>(word.size(), 4)));
    if (cps.empty()) return false;
    const char32_t c = cps[0];
    if (c >= 'A' && c <= 'Z') return true;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
    if ((c >= 0x100 && c <= 0x17F) || (c >= 0x1E00 && c <= 0x1EFF)) return c % 2 == 0;
    return false;
}

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    int sentence = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '.' || c == '!' || c == '?' || (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n')) {
            // "U.S." and "St." do not end sentences: a single letter or a two-letter word not all in
            // capitals before the dot. "UK." and "EU." do: a short name written so ends its sentence.
            // A sentence ends once: the paragraph break after its full stop, or "...", ends no other.
            const bool abbreviation = c == '.' && !tokens.empty() && tokens.back().end == i &&
                                      (tokens.back().text.size() == 1 || (tokens.back().text.size() == 2 && !tokens.back().all_caps));
            const bool open = !tokens.empty() && tokens.back().sentence == sentence;
            if (!abbreviation && open) ++sentence;
            ++i;
            continue;
        }
        // Curly quotes and other punctuation outside ASCII are not word bytes.
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            const unsigned char d = static_cast<unsigned char>(text[i + 2]);
            if (d == 0x99 && !tokens.empty() && tokens.back().end == i) {  // ’ inside a word
                i += 3;
                continue;
            }
            i += 3;
            continue;
        }
        if (!word_byte(c)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size()) {
            const unsigned char d = static_cast<unsigned char>(text[j]);
            if (word_byte(d)) {
                if (d == 0xE2 && j + 2 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0x80) break;
                ++j;
            } else if ((d == '-' || d == '\'') && j + 1 < text.size() && word_byte(static_cast<unsigned char>(text[j + 1]))) {
                ++j;
            } else {
                break;
            }
        }
        // "Pennsylvania-based", "US-led": a name with lower-case words hyphened after it ends at the
        // hyphen ("Stratford-upon-Avon", a name throughout, does not).
        if (text.substr(i, j - i).find('-') != std::string_view::npos && is_upper_start(text.substr(i, j - i)))
            for (std::size_t h = i + 1; h + 1 < j; ++h) {
                if (text[h] != '-' || !std::islower(static_cast<unsigned char>(text[h + 1]))) continue;
                if (std::none_of(text.begin() + static_cast<std::ptrdiff_t>(h), text.begin() + static_cast<std::ptrdiff_t>(j),
                                 [](char ch) { return std::isupper(static_cast<unsigned char>(ch)); }))
                    j = h;
                break;
            }
        std::string word(text.substr(i, j - i));
        // A possessive ("Kim's") names the same thing.
        const bool possessive = word.size() > 2 && (word.ends_with("'s") || word.ends_with("'S"));
        if (possessive) word.resize(word.size() - 2);
        // A currency's country code ("US$", "A$", "HK$") is no name.
        const bool currency = j < text.size() && text[j] == '$';
        Token t{i, i + word.size(), word, fold_name(word), is_upper_start(word) && !currency, false, sentence};
        t.possessive = possessive;
        t.all_caps = !currency && word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char ch) { return !std::islower(static_cast<unsigned char>(ch)); });
        tokens.push_back(std::move(t));
        i = j;
    }
    return tokens;
}

const std::set<std::string> connectors{"on", "upon", "de", "del", "la", "le", "les", "am", "an", "der", "sur", "al", "el", "da", "do", "dos", "of", "the", "and"};
const std::set<std::string> calendar{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                                     "february", "march", "april", "may", "june", "july", "august", "september", "october",
                                     "november", "december"};
const std::set<std::string> titles{"president", "mr", "mrs", "ms", "dr", "leader", "chairman", "minister", "king", "queen", "pope",
                                   "general", "senator", "governor", "mayor", "prince", "princess", "sir", "lady", "chancellor",
                                   "premier", "secretary", "ambassador", "envoy", "spokesman", "spokeswoman", "captain", "colonel",
                                   "sheikh", "emperor", "saint"};
const std::set<std::string> organisation_words{"university", "ministry", "agency", "company", "corporation", "corp", "bank", "party",
                                               "council", "committee", "house", "office", "times", "post", "news", "guardian", "reuters",
                                               "afp", "ap", "bbc", "cnn", "xinhua", "kcna", "tass", "press", "institute", "association",
                                               "foundation", "group", "airlines", "airways", "railways", "federation", "union",
                                               "department", "army", "navy", "command", "court", "parliament", "assembly", "journal",
                                               "telegraph", "herald", "tribune", "daily", "weekly", "magazine", "television", "radio",
                                               "club", "fc", "inc", "ltd", "museum", "hospital", "school", "college", "church", "cathedral",
                                               "airport", "station", "hotel", "palace", "stadium", "summit", "forum", "conference", "street"};
const std::set<std::string> feature_words{"island", "islands", "river", "bay", "sea", "lake", "mountain", "mountains", "peninsula", "strait",
                                          "gulf", "valley", "bridge", "region", "province", "krai", "oblast", "county", "state", "district"};
const std::set<std::string> place_cues{"in", "at", "to", "from", "near", "via", "into", "towards", "toward", "outside", "across", "through",
                                       "between", "reached", "reaching", "visited", "visiting", "left", "leaving", "for", "around"};
// Lower-case nouns a place's name qualifies ("the Houston area", "the Benghazi hospital").
const std::set<std::string> place_nouns{"area", "region", "city", "town", "province", "state", "county", "district", "border",
                                        "coast", "outskirts", "suburbs", "countryside", "airport", "port", "hospital", "metro"};
// Words that name no settlement on their own: geographic features, oceans, numbers.
// Words for a part of a place before its name ("North Dallas", "Greater Mumbai", "downtown Buffalo").
const std::set<std::string> place_parts{"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                                        "greater", "downtown", "upper", "lower", "inner", "outer", "metro", "metropolitan"};
const std::set<std::string> not_settlements{"lake", "island", "islands", "river", "bay", "sea", "ocean", "mount", "mountain", "mountains",
                                            "cape", "gulf", "strait", "valley", "desert", "forest", "atlantic", "pacific", "arctic",
                                            "antarctic", "indian", "mediterranean", "baltic", "caribbean", "north", "south", "east", "west",
                                            "northern", "southern", "eastern", "western", "central", "one", "two", "three", "four", "five",
                                            "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "hundred", "thousand", "million",
                                            "first", "second", "third", "new", "old", "great", "grand", "little", "upper", "lower"};
// Verbs of travel in their common forms.
const std::set<std::string> travel_words{
    "leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departing", "reach", "reaches", "reached", "reaching",
    "arrive", "arrives", "arrived", "arriving", "continue", "continues", "continued", "continuing", "cross", "crosses", "crossed",
    "crossing", "head", "heads", "headed", "heading", "travel", "travels", "travelled", "traveled", "travelling", "traveling", "fly",
    "flies", "flew", "flying", "sail", "sails", "sailed", "sailing", "drive", "drives", "drove", "driving", "run", "runs", "ran",
    "return", "returns", "returned", "returning", "stop", "stops", "stopped", "call", "calls", "called", "visit", "visits", "visited",
    "visiting", "onward", "onwards", "journey", "trip", "tour", "via", "through", "then"};
const std::set<std::string> origin_words{"from", "leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departing"};
const std::set<std::string> arrival_words{"arrive", "arrives", "arrived", "arriving", "landed", "lands", "stop", "stops", "stopped",
                                          "docked", "docks", "called", "calls", "stayed", "stays"};

TravelMode mode_of_sentence(const std::vector<Token>& tokens, std::size_t begin, std::size_t end, bool& found) {
    found = true;
    for (std::size_t i = begin; i < end; ++i) {
        const std::string& w = tokens[i].folded;
        if (w == "train" || w == "rail" || w == "railway" || w == "railroad" || w == "locomotive") return TravelMode::train;
        if (w == "flew" || w == "flight" || w == "flights" || w == "plane" || w == "jet" || w == "airliner" || w == "flying" || w == "landed")
            return TravelMode::plane;
        if (w == "ship" || w == "ferry" || w == "sailed" || w == "vessel" || w == "boat" || w == "cruise" || w == "voyage" || w == "sailing")
            return TravelMode::ship;
        if (w == "car" || w == "motorcade" || w == "drove" || w == "convoy" || w == "bus" || w == "road" || w == "limousine")
            return TravelMode::car;
        if (w == "walked" || w == "hiked" || w == "marched") return TravelMode::walk;
    }
    found = false;
    return TravelMode::car;
}

struct Candidate {
    std::size_t first, last;  // token range, inclusive
    std::string folded;
    bool cued = false;        // a place word comes before it
    std::string country;      // a country or demonym, not a settlement
    bool region = false;      // the name of a first-level region (and perhaps of towns too)
    bool region_word = false; // followed by a kind of region ("Alberta province"), which the mention takes in
    bool after_town = false;  // a region's abbreviation or postal code after a town and a comma ("Lexington, KY")
};

// The first-level regions a folded name names (none for another name).
std::vector<const GazetteerEntry*> regions_named_by(const GeoparserResources& r, const std::string& folded) {
    std::vector<const GazetteerEntry*> out;
    if (const auto it = r.regions.find(folded); it != r.regions.end())
        for (const auto& key : it->second)
            if (const auto e = r.country_entries.find(key); e != r.country_entries.end()) out.push_back(&e->second);
    return out;
}

// Whether a candidate names a unit of several regions ("Wales", "England"; keyed "UNIT:").
bool names_unit(const GeoparserResources& r, const Candidate& c) {
    if (!c.region) return false;
    const auto it = r.regions.find(c.folded);
    return it != r.regions.end() && std::any_of(it->second.begin(), it->second.end(), [](const std::string& key) { return key.starts_with("UNIT:"); });
}

// Whether a town lies in a region: in its country, and as near its point as a disc of its area
// reaches, and 50 km more (a region's point is its centre, its edge is ragged).
bool in_region(const GazetteerEntry& town, const GazetteerEntry& region) {
    return town.country == region.country &&
           geodesic_distance(town.position, region.position) <= 50e3 + 1.5e3 * std::sqrt(region.area_km2 / 3.14159);
}

}  // namespace

Extraction extract_places(std::string_view text, const GeoparserResources& r) {
    Extraction out;
    out.date = article_date(text);
    // A short first line with more text after it is a headline; a one-line article is all body.
    const auto nl = text.find('\n');
    const bool has_body = nl != std::string_view::npos && text.find_first_not_of(" \t\r\n", nl) != std::string_view::npos;
    const std::string_view first_line = text.substr(0, nl == std::string_view::npos ? text.size() : nl);
    if (!first_line.empty() && first_line.size() < 200) out.title = std::string(first_line);
    std::vector<Token> tokens = tokenize(text);
    for (Token& t : tokens) t.organisation = t.capitalised && organisation_words.count(t.folded) > 0;
    const std::size_t title_end = has_body && first_line.size() < 200 ? nl : 0;
    // The headline is a sentence of its own, even without a full stop: its last word and a dateline
    // ("Talks\nLONDON (Reuters)") are no one name.
    if (title_end)
        for (Token& t : tokens)
            if (t.begin > title_end) ++t.sentence;

    // People: the words of a person's name, learnt from titles and from full names in the text.
    std::set<std::string> person_words;
    // Whether the gazetteer has a name, remembered: a text that repeats a run of capitalised words
    // asks the same few names millions of times (bounded, so memory stays linear at worst).
    std::unordered_map<std::string, bool> in_gazetteer;
    auto gazetteer_has = [&](const std::string& folded) {
        if (const auto it = in_gazetteer.find(folded); it != in_gazetteer.end()) return it->second;
        if (in_gazetteer.size() > 200000) in_gazetteer.clear();
        return in_gazetteer[folded] = !r.gazetteer->find(folded).empty();
    };
    auto known = [&](const std::string& folded) { return r.countries.count(folded) || r.regions.count(folded) || gazetteer_has(folded); };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].capitalised) continue;
        // A capitalised ordinary word opening a sentence ("From", "After") is not part of a name.
        const bool sentence_start = i == 0 || tokens[i - 1].sentence != tokens[i].sentence;
        if (sentence_start && r.common_words.count(tokens[i].folded)) continue;
        // (A day or a month ends the name: "in Toronto Saturday" names no one.)
        std::size_t j = i;
        while (j + 1 < tokens.size() && tokens[j + 1].capitalised && tokens[j + 1].sentence == tokens[i].sentence && tokens[j + 1].begin - tokens[j].end <= 1 &&
               !calendar.count(tokens[j + 1].folded))
            ++j;
        const bool titled = i > 0 && titles.count(tokens[i - 1].folded);
        bool organisation = false, feature = false;
        for (std::size_t k = i; k <= j; ++k) {
            organisation |= tokens[k].organisation;
            feature |= feature_words.count(tokens[k].folded) > 0;
        }
        std::string whole;
        for (std::size_t k = i; k <= j; ++k) whole += (k > i ? " " : "") + tokens[k].folded;
        // A run that is a place as a whole, or begins with a country or a region that no town shares
        // its name with ("Russian Navy", "Manitoba Underdogs Rescue"; not "Vladimir Putin"), or with
        // any place followed by ordinary words only ("Cornwall Fire", "Missouri Cattlemen"), is no person.
        auto area = [&](const std::string& folded) { return r.countries.count(folded) || (r.regions.count(folded) && !gazetteer_has(folded)); };
        bool ordinary_rest = j > i;
        for (std::size_t k = i + 1; k <= j && ordinary_rest; ++k) ordinary_rest = r.common_words.count(tokens[k].folded) > 0;
        // After a title, a name and ordinary words are a person's ("Dr. Lamont Sweet").
        // Nor is a known place after a word for a part of it ("North Dallas", "Greater Mumbai").
        std::string rest;
        for (std::size_t k = i + 1; k <= j; ++k) rest += (k > i + 1 ? " " : "") + tokens[k].folded;
        const bool part_of_place = j > i && place_parts.count(tokens[i].folded) && known(rest);
        const bool place_run = known(whole) || (j > i && (area(tokens[i].folded) || area(tokens[i].folded + " " + tokens[i + 1].folded))) ||
                               (ordinary_rest && !titled && known(tokens[i].folded)) || part_of_place;
        // A title or an acronym inside the run ends what qualifies the person ("Quebec Health Minister
        // Gaetan Barrette", "Calgary MLA Sandra Jansen", "the California DMV"): only the words after it
        // are a person's.
        // A known place alone after an acronym is the organisation's branch or bureau, no person ("CTV
        // Winnipeg", "CDC Atlanta").
        std::size_t person_from = i;
        bool after_acronym = false;
        for (std::size_t k = i; k <= j; ++k)
            if ((k > i && titles.count(tokens[k].folded)) || is_acronym(tokens[k])) {
                person_from = k + 1;
                after_acronym = !titles.count(tokens[k].folded);
            }
        const bool branch = after_acronym && person_from == j && known(tokens[j].folded);
        // Nor is a name that ends with a kind of place ("Dallas County", "Kowloon City").
        const bool kind_of_place = j > i && place_nouns.count(tokens[j].folded) > 0;
        if (!organisation && !feature && !place_run && !branch && !kind_of_place && (titled || (j > i && tokens[i].begin >= title_end)))
            for (std::size_t k = person_from; k <= j; ++k) person_words.insert(tokens[k].folded);
        if (titled && i == j) person_words.insert(tokens[i].folded);
        i = j;
    }

    // Candidates: the longest gazetteer or country match at each position of a capitalised run.
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].capitalised || tokens[i].begin < title_end) continue;
        const Token& t = tokens[i];
        if (calendar.count(t.folded)) continue;
        bool matched = false;
        // "Louisville, Ky.", "Newark, N.J.": a region's abbreviation after a town and a comma, as written
        // (a dateline may drop the last dot: "EDMONTON, Ky (WBKO)"); or its postal code, in capitals
        // ("Lexington, KY", "Perth, WA").
        if (i > 0 && tokens[i - 1].capitalised && text.substr(tokens[i - 1].end, t.begin - tokens[i - 1].end) == ", ") {
            std::size_t e = t.begin;
            std::string written, code;
            while (e < text.size() && e - t.begin < 7 && (std::isalpha(static_cast<unsigned char>(text[e])) || text[e] == '.')) {
                code += text[e];
                written += static_cast<char>(std::tolower(static_cast<unsigned char>(text[e++])));
            }
            if (code.ends_with('.')) code.pop_back();  // the sentence's full stop: "… of Austin, TX."
            const bool capitals = std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
            // (Not where a capitalised word follows: "Paris, La Défense" names no Louisiana.)
            std::size_t after = e;
            while (after < text.size() && text[after] == ' ') ++after;
            const bool name_follows = after > e && after < text.size() && std::isupper(static_cast<unsigned char>(text[after]));
            if (!written.ends_with('.') && written.size() >= 2 && !name_follows && r.regions.count(written + ".")) written += '.';
            if (capitals && code.size() >= 2 && !name_follows && r.regions.count(code)) written = code;
            if ((written.ends_with('.') || written == code) && r.regions.count(written)) {
                std::size_t last = i;
                while (last + 1 < tokens.size() && tokens[last + 1].begin < e) ++last;
                Candidate c{i, last, written, false, {}};
                c.region = true;
                c.after_town = true;
                candidates.push_back(c);
                matched = true;
            }
        }
        for (std::size_t n = 5; n >= 1 && !matched; --n) {
            if (i + n > tokens.size()) continue;
            // The name as the words read, and where a word inside it is possessive, as written too
            // ("People's Republic of China" is "peoples republic of china"; "Russia's" is Russia).
            std::string name;
            bool ok = true, possessive_inside = false;
            for (std::size_t k = i; k < i + n; ++k) {
                const Token& w = tokens[k];
                if (w.sentence != t.sentence) ok = false;
                if (k > i && !w.capitalised && !(k + 1 < i + n && connectors.count(w.folded))) ok = false;
                if (k > i && w.begin - tokens[k - 1].end > (tokens[k - 1].possessive ? 4u : 2u)) ok = false;
                name += (k > i ? " " : "") + w.folded;
                possessive_inside |= w.possessive && k + 1 < i + n;
            }
            if (!ok) continue;
            if (possessive_inside) {
                std::string written;
                for (std::size_t k = i; k < i + n; ++k) written += (k > i ? " " : "") + tokens[k].folded + (tokens[k].possessive && k + 1 < i + n ? "s" : "");
                if (!(r.countries.count(written) || r.regions.count(written) || gazetteer_has(written))) continue;  // "Russia's Far East" is no one name
                name = std::move(written);
            }
            // "Trinidad and Tobago" is one country, "Australia and New Zealand" two.
            if (const auto and_at = name.find(" and "); and_at != std::string::npos && r.countries.count(name.substr(0, and_at)) &&
                                                        r.countries.count(name.substr(and_at + 5)))
                continue;
            Candidate c{i, i + n - 1, name, i > 0 && place_cues.count(tokens[i - 1].folded), {}};
            if (const auto it = r.countries.find(name); it != r.countries.end()) {
                c.country = it->second;
                candidates.push_back(c);
                matched = true;
            } else if (r.regions.count(name) || gazetteer_has(name)) {
                c.region = r.regions.count(name) > 0;
                // "Primorsky Krai", "Alberta province": the kind of region is part of the mention.
                const std::size_t next = i + n;
                if (c.region && next < tokens.size() && tokens[next].sentence == t.sentence && tokens[next].begin - tokens[next - 1].end <= 1 &&
                    is_region_word(tokens[next].folded)) {
                    c.region_word = true;
                    c.last = next;
                }
                candidates.push_back(c);
                matched = true;
            }
        }
        if (matched) i = candidates.back().last;
    }
    // A place word cues the list it begins: "to Munich and Shanghai", "in Perth, Darwin or Cairns".
    for (std::size_t k = 1; k < candidates.size(); ++k) {
        const Candidate& before = candidates[k - 1];
        Candidate& c = candidates[k];
        if (c.cued || !before.cued || tokens[before.last].sentence != tokens[c.first].sentence) continue;
        const std::string_view between = std::string_view(text).substr(tokens[before.last].end, tokens[c.first].begin - tokens[before.last].end);
        c.cued = between == " and " || between == ", " || between == " or " || between == ", and " || between == ", or ";
    }

    // A name that is a country's and another country's region ("Georgia"): the region where the text
    // speaks more of the region's country than of the country — first-level regions of the same
    // country ("Alabama", "Fla."), towns that lie in the region ("Atlanta") — and the country where
    // it names the country's towns ("Tbilisi"), adjectives or other names, or as much of each.
    // (Weighed once per name, however often the text repeats it.)
    std::map<std::string, bool> homonym_is_region;
    auto weigh_homonym = [&](const Candidate& c) {
        std::vector<const GazetteerEntry*> regions = regions_named_by(r, c.folded);
        std::erase_if(regions, [&](const GazetteerEntry* e) { return e->country == c.country; });
        if (regions.empty()) return false;
        const std::string region_country = regions.front()->country;
        int for_region = 0, for_country = 0;
        std::set<std::string> weighed;
        for (const auto& o : candidates) {
            if (o.folded == c.folded || !weighed.insert(o.folded).second) continue;
            if (!o.country.empty()) {
                for_country += o.country == c.country;
                continue;
            }
            bool in_region_country = false, inside_region = false, in_country = false;
            if (o.region)
                for (const auto* e : regions_named_by(r, o.folded)) in_region_country |= e->country == region_country;
            for (const auto* e : r.gazetteer->find(o.folded)) {
                in_country |= e->country == c.country;
                for (const auto* region : regions) inside_region |= in_region(*e, *region);
            }
            for_region += in_region_country || inside_region;
            for_country += in_country;
        }
        return for_region > for_country;
    };
    for (auto& c : candidates) {
        if (c.country.empty() || c.country.front() == '@') continue;
        auto it = homonym_is_region.find(c.folded);
        if (it == homonym_is_region.end()) it = homonym_is_region.emplace(c.folded, weigh_homonym(c)).first;
        if (it->second) {
            c.country.clear();
            c.region = true;
        }
    }

    // Countries named, for context.
    std::set<std::string> countries;
    for (const auto& c : candidates)
        if (!c.country.empty() && c.country.front() != '@') countries.insert(c.country);  // not continents
        else if (names_unit(r, c))  // "Scotland" speaks of the United Kingdom
            for (const auto* e : regions_named_by(r, c.folded)) countries.insert(e->country);
    out.countries.assign(countries.begin(), countries.end());

    // "London, Ky.", "Paris, Texas", "Cordoba, Spain": a town followed by a comma and a region or a
    // country is that one's town. The entries of its name that lie in the region (within its reach) or
    // the country are the qualified ones.
    std::set<std::pair<std::string, const GazetteerEntry*>> qualified;
    std::set<std::size_t> qualified_at;  // the first tokens of the names so qualified
    {
        std::map<std::size_t, const Candidate*> starting_at;
        for (const auto& c : candidates) starting_at.emplace(c.first, &c);
        for (const auto& c : candidates) {
            if (!c.country.empty()) continue;
            const std::size_t next = c.last + 1;
            if (next >= tokens.size() || tokens[next].sentence != tokens[c.last].sentence ||
                text.substr(tokens[c.last].end, tokens[next].begin - tokens[c.last].end) != ", ")
                continue;
            const auto q = starting_at.find(next);
            if (q == starting_at.end()) continue;
            const Candidate& by = *q->second;
            const std::string& country = by.country;
            const std::vector<const GazetteerEntry*> regions = by.region ? regions_named_by(r, by.folded) : std::vector<const GazetteerEntry*>{};
            if (country.empty() && regions.empty()) continue;
            for (const auto* e : r.gazetteer->find(c.folded)) {
                bool in = !country.empty() && country.front() != '@' && e->country == country;
                for (const auto* region : regions) in |= in_region(*e, *region);
                if (in) {
                    qualified.emplace(c.folded, e);
                    qualified_at.insert(c.first);
                }
            }
        }
    }

    // Filter what is not a settlement mention.
    std::vector<Candidate> kept;
    for (const auto& c : candidates) {
        if (!c.country.empty()) continue;
        const Token& first = tokens[c.first];
        const bool single = c.first == c.last;
        const bool preceded_by_the = c.first > 0 && tokens[c.first - 1].folded == "the";
        // "Washington Post", not "LONDON (Reuters)": the organisation's word must follow in the same name.
        // So does "Shady Grove Adventist Hospital": an organisation's word ends the capitalised run it
        // begins, a few words on.
        bool followed_by_feature_or_org = false;
        for (std::size_t k = c.last + 1; k < tokens.size() && k <= c.last + 3 && tokens[k].capitalised && tokens[k].sentence == first.sentence &&
                                         tokens[k].begin - tokens[k - 1].end <= 1;
             ++k)
            if (tokens[k].organisation) {
                followed_by_feature_or_org = true;
                break;
            }
        if (single && first.all_caps && first.text.size() <= 5 && !c.after_town) continue;  // AFP, UN, KCNA; not "Lexington, KY"
        if (single && not_settlements.count(c.folded)) continue;                              // Lake, Atlantic, Seven
        if (single && person_words.count(c.folded)) continue;                                 // Kim, Putin
        // "the Guardian", not "the Pittsburgh, Pa. company" nor "the Houston area".
        const bool qualifies_a_place = c.last + 1 < tokens.size() && tokens[c.last + 1].sentence == first.sentence &&
                                       !tokens[c.last + 1].capitalised && place_nouns.count(tokens[c.last + 1].folded);
        if (preceded_by_the && single && !qualified_at.count(c.first) && !qualifies_a_place) continue;
        if (followed_by_feature_or_org) continue;                                            // Washington Post
        // Nice, Reading, Mobile; not Wales, nor "Midland, Michigan" (a town of that name in the region after it)
        if (single && r.common_words.count(c.folded) && !c.cued && !names_unit(r, c) && !qualified_at.count(c.first)) continue;
        // The second word of an unknown name ("Donald Trump"); not after an ordinary word that is
        // capitalised only because it opens the sentence ("In Vladivostok", "A Kentucky firm").
        const bool after_opening_word = c.first > 0 && (c.first == 1 || tokens[c.first - 2].sentence != tokens[c.first - 1].sentence) &&
                                        r.common_words.count(tokens[c.first - 1].folded);
        // (After an acronym it is the organisation's branch, a place: "CTV Winnipeg".)
        if (single && c.first > 0 && tokens[c.first - 1].capitalised && tokens[c.first - 1].sentence == first.sentence &&
            tokens[c.first].begin - tokens[c.first - 1].end <= 1 && !known(tokens[c.first - 1].folded) && !after_opening_word &&
            !is_acronym(tokens[c.first - 1]))
            continue;
        kept.push_back(c);
    }

    // Resolve: score every entry of every name, twice (the second time near the first's answers).
    struct Scored {
        const GazetteerEntry* entry;
        double score;
    };
    // A name the text follows with a kind of region ("Khabarovsk Krai") is decided on its own, apart
    // from the same name alone ("reached Khabarovsk"): its own key, the name and a mark.
    const std::string kind_mark = "\x01kind";
    for (auto& c : kept)
        if (c.region_word) c.folded += kind_mark;
    auto name_of = [&](const std::string& key) { return key.ends_with(kind_mark) ? key.substr(0, key.size() - kind_mark.size()) : key; };
    // Regions named after a town of their own ("Irkutsk", "Paris", "Perth and Kinross"): the bare name
    // is the town.
    std::set<const GazetteerEntry*> eponymous;
    // What speaks for an entry before nearness: its size, its rank, a country the text names. A
    // first-level region counts as a town of some 8 million: the name alone is the region ("Texas",
    // "Alberta"), unless a town inside it has that name ("Irkutsk", "New York") or a town of that
    // name elsewhere is a capital or a seat of a million ("Victoria" is the Seychelles' before a
    // text names Australia or its towns); a kind of region after it settles its mention ("Irkutsk
    // Oblast").
    auto base_score = [&](const std::string& name, const GazetteerEntry& e) {
        if (e.feature_code == "ADM1")
            return (eponymous.count(&e) ? 4.0 : 6.9) + (countries.count(e.country) ? 2.0 : 0.0) + (name.ends_with(kind_mark) ? 5.0 : 0.0);
        double s = std::log10(static_cast<double>(e.population) + 10.0);
        // A town that goes by the name itself before one that lists it among its other names ("New
        // Delhi" is the capital, not Delhi, which GeoNames also calls so).
        if (fold_name(e.name) == name_of(name)) s += 0.5;
        if (e.feature_code == "PPLC") s += 2.5;
        else if (e.feature_code == "PPLA") s += 1.0;
        else if (e.feature_code == "PPLA2") s += 0.4;
        if (countries.count(e.country)) s += 2.0;
        if (qualified.count({name, &e})) s += 8.0;  // "London, Ky."
        return s;
    };
    std::map<std::string, std::vector<Scored>> options;
    for (const auto& c : kept) {
        if (options.count(c.folded)) continue;
        auto& list = options[c.folded];
        const std::string name = name_of(c.folded);
        for (const auto* e : r.gazetteer->find(name)) list.push_back({e, base_score(c.folded, *e)});
        if (c.region)
            for (const auto* e : regions_named_by(r, name)) list.push_back({e, base_score(c.folded, *e)});
        if (list.empty()) {
            options.erase(c.folded);
            continue;
        }
        for (const auto& region : list) {
            if (region.entry->feature_code != "ADM1") continue;
            // (A town by its own name: Yuma's gazetteer entry also goes by "Arizona", which makes no
            // region of that name eponymous.)
            for (const auto& town : list)
                if (town.entry->feature_code != "ADM1" && fold_name(town.entry->name) == name && in_region(*town.entry, *region.entry))
                    eponymous.insert(region.entry);
        }
        for (auto& scored : list) scored.score = base_score(c.folded, *scored.entry);
    }
    std::map<std::string, const GazetteerEntry*> best;
    for (auto& [name, list] : options) {
        std::sort(list.begin(), list.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
        best[name] = list.front().entry;
    }
    // The context a name is resolved near: the best answers of the most mentioned other names (at
    // most 64, so a text naming thousands of places stays linear in its length).
    std::map<std::string, int> mention_count;
    for (const auto& c : kept) ++mention_count[c.folded];
    std::vector<std::string> context_names;
    for (const auto& [name, list] : options) context_names.push_back(name);
    std::stable_sort(context_names.begin(), context_names.end(),
                     [&](const std::string& a, const std::string& b) { return mention_count[a] > mention_count[b]; });
    if (context_names.size() > 64) context_names.resize(64);
    for (int pass = 0; pass < 2; ++pass) {
        for (auto& [name, list] : options) {
            std::vector<LonLat> others;
            // The first-level regions the text names otherwise: a town in one of them is the one it
            // means ("Edmonton" beside "Queensland"), as a town in a country it names is.
            std::vector<const GazetteerEntry*> regions_named;
            for (const auto& other : context_names) {
                if (name_of(other) == name_of(name)) continue;  // not the same name with its kind
                others.push_back(best[other]->position);
                if (best[other]->feature_code == "ADM1") regions_named.push_back(best[other]);
            }
            if (others.empty()) continue;
            // (Not for a name that is also a region's: "California" is the state, not the town of
            // that name in Pennsylvania beside it.)
            if (std::any_of(list.begin(), list.end(), [](const Scored& s) { return s.entry->feature_code == "ADM1"; })) regions_named.clear();
            for (auto& s : list) {
                // Near the nearest other place: a story's places cluster, even when it also names far ones.
                double nearest = 1e9;
                for (LonLat p : others) nearest = std::min(nearest, geodesic_distance(s.entry->position, p) / 1000.0);
                // A region reaches some way from its point: as far as a disc of its area would.
                nearest = std::max(0.0, nearest - std::sqrt(s.entry->area_km2 / 3.14159));
                const double near = 3.0 * std::exp(-nearest / 300.0);
                bool in_named_region = false;
                if (s.entry->feature_code != "ADM1")
                    for (const GazetteerEntry* region : regions_named) in_named_region = in_named_region || in_region(*s.entry, *region);
                s.score = base_score(name, *s.entry) + near + (in_named_region ? 2.0 : 0.0);
            }
            std::sort(list.begin(), list.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
            best[name] = list.front().entry;
        }
    }

    // A weakly attested place — one word, no place word before it, a small town, in no country the
    // text names — is more likely a name than a place: left out. (A region the text names does not
    // attest its small towns: in a state's news, its towns' names are also its people's first names.)
    std::map<std::string, std::size_t> index;
    std::set<std::string> cued_names;
    for (const auto& c : kept)
        if (c.cued) cued_names.insert(c.folded);
    // A mention: its offsets and the sentence around it, for the reviewer, looked for within 300
    // bytes each side (a text without full stops must not make each mention scan the whole text).
    auto mention_of = [&](const Candidate& c, bool adjectival) {
        const Token& a = tokens[c.first];
        const Token& b = tokens[c.last];
        // A dotted short form ends at its last dot ("U.S.", "D.C.").
        const std::size_t end = b.text.size() == 1 && b.end < text.size() && text[b.end] == '.' && c.last > c.first ? b.end + 1 : b.end;
        const std::size_t reach = 300;
        const std::size_t lo = a.begin > reach ? a.begin - reach : 0;
        const std::size_t before = text.substr(lo, a.begin - lo).find_last_of(".!?\n");
        std::size_t s0 = before == std::string_view::npos ? lo : lo + before + 1;
        while (s0 < a.begin && (static_cast<unsigned char>(text[s0]) & 0xC0) == 0x80) ++s0;  // whole characters
        const std::size_t after_in = text.substr(b.end, reach).find_first_of(".!?\n");
        std::size_t s1 = after_in == std::string_view::npos ? std::min(text.size(), b.end + reach) : b.end + after_in + 1;
        while (s1 > b.end && s1 < text.size() && (static_cast<unsigned char>(text[s1]) & 0xC0) == 0x80) --s1;
        std::string sentence(text.substr(s0, s1 - s0));
        while (!sentence.empty() && std::isspace(static_cast<unsigned char>(sentence.front()))) sentence.erase(sentence.begin());
        return Mention{static_cast<int>(a.begin), static_cast<int>(end - a.begin), std::move(sentence), adjectival};
    };
    // A mention of a resolved name: the place made on its first, with its confidence and runners-up.
    auto add_mention = [&](auto& places_by, const auto& key, const Candidate& c, const std::vector<Scored>& list) {
        auto [it, inserted] = places_by.try_emplace(key, out.places.size());
        if (inserted) {
            FoundPlace place;
            place.entry = list.front().entry;
            double total = 0;
            for (const auto& s : list) total += std::exp(s.score - list.front().score);
            place.confidence = 1.0 / total;
            for (std::size_t k = 1; k < list.size() && k <= 3; ++k) place.alternatives.push_back(list[k].entry);
            out.places.push_back(std::move(place));
        }
        // The first mentions of a place are enough to review it: a long text naming it thousands of
        // times keeps its draft (and memory) small.
        if (out.places[it->second].mentions.size() < 200) out.places[it->second].mentions.push_back(mention_of(c, false));
    };
    std::vector<Candidate> regions_named;
    for (const auto& c : kept) {
        const auto it_options = options.find(c.folded);
        if (it_options == options.end()) continue;
        const GazetteerEntry* e = it_options->second.front().entry;
        const bool cued = cued_names.count(c.folded) > 0;
        const bool region = e->feature_code == "ADM1";
        if (c.first == c.last && !cued && !region && e->population < 100000 && !countries.count(e->country) && e->feature_code != "PPLC" &&
            !qualified.count({c.folded, e}))
            continue;
        // A region is no stop of a journey: it waits until the towns are placed.
        if (region) {
            regions_named.push_back(c);
            continue;
        }
        // Two names of one town ("Bombay", "Mumbai") make one place.
        if (!index.count(c.folded))
            for (const auto& [other, at] : index)
                if (out.places[at].entry == e) {
                    index.emplace(c.folded, at);
                    break;
                }
        add_mention(index, c.folded, c, it_options->second);
    }
    // One place per region, whichever of its names ("Kentucky", "Ky.") the text used.
    std::map<const GazetteerEntry*, std::size_t> region_index;
    for (const auto& c : regions_named) {
        const auto& list = options.at(c.folded);
        add_mention(region_index, list.front().entry, c, list);
    }
    // The countries named, after the towns and regions (the journeys below index the towns): by name, short form
    // ("U.S.", "DPRK") or adjective ("Russian", marked so). A country's name that is also a town's
    // ("Georgia", "Mexico") keeps the towns as runners-up and a lower confidence.
    std::map<std::string, std::size_t> country_index;
    for (const auto& c : candidates) {
        if (c.country.empty()) continue;
        const auto entry = r.country_entries.find(c.country);
        if (entry == r.country_entries.end()) continue;
        auto [it, inserted] = country_index.try_emplace(c.country, out.places.size());
        if (inserted) {
            FoundPlace place;
            place.entry = &entry->second;
            place.confidence = 1.0;
            for (const auto* town : r.gazetteer->find(c.folded)) {
                if (place.alternatives.size() >= 3) break;
                place.alternatives.push_back(town);
                place.confidence = 0.8;
            }
            out.places.push_back(std::move(place));
        }
        if (out.places[it->second].mentions.size() >= 200) continue;
        out.places[it->second].mentions.push_back(mention_of(c, r.adjectives.count(c.folded) > 0));
    }

    // Journeys: sentences that travel ("from X to Y", "via", "then on to", "flew to"…), chained
    // while they follow one another, with the mode their words name.
    struct Stop {
        std::size_t place;
        bool origin;
        bool last;  // "before arriving in X": X ends the sentence's stops
        std::size_t token = 0;  // where its name begins
        std::optional<TimeHint> when;
        bool arrived = false;   // "docked in X", "arrived in X": where a journey ends, whatever the order told
    };
    std::vector<std::vector<Stop>> journeys;
    std::vector<int> journey_end_sentence;  // the sentence of each journey's last stop
    // Sentences that arrive at a time but name no place ("He arrived by train on Wednesday"): the
    // time of a journey's end that its own clause does not tell.
    std::vector<std::pair<int, TimeHint>> placeless_arrivals;
    std::vector<TravelMode> modes;
    std::vector<bool> mode_known;
    int last_travel_sentence = -10;
    bool last_travel_past = false;
    // The latest year the text names: a sentence naming an earlier one, or saying "once", tells of
    // another trip ("his father once travelled to Moscow"), which the story's journey does not join.
    int latest_year = 0;
    for (const Token& t : tokens) latest_year = std::max(latest_year, year_of(t.text));
    // The mode the whole text names most ("train" ten times): a journey whose sentences name none
    // goes by it.
    std::map<TravelMode, int> mode_words;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        bool found = false;
        const TravelMode m = mode_of_sentence(tokens, i, i + 1, found);
        if (found) ++mode_words[m];
    }
    std::optional<TravelMode> text_mode;
    int most = 1;  // named twice at least
    for (const auto& [m, n] : mode_words)
        if (n > most) {
            most = n;
            text_mode = m;
        }
    // Tokens come in sentence order, and so do the kept candidates: one walk over each.
    std::size_t next_token = 0, next_candidate = 0;
    while (next_token < tokens.size()) {
        const int s = tokens[next_token].sentence;
        const std::size_t begin = next_token;
        std::size_t end = begin;
        while (end < tokens.size() && tokens[end].sentence == s) ++end;
        next_token = end;
        while (next_candidate < kept.size() && kept[next_candidate].first < begin) ++next_candidate;
        std::size_t candidates_end = next_candidate;
        while (candidates_end < kept.size() && kept[candidates_end].first < end) ++candidates_end;
        std::vector<Stop> stops;
        bool travel_verb = false, past = false;
        for (std::size_t i = begin; i < end; ++i) {
            travel_verb |= travel_words.count(tokens[i].folded) > 0;
            const int year = year_of(tokens[i].text);
            past |= tokens[i].folded == "once" || tokens[i].folded == "previously" || tokens[i].folded == "formerly" ||
                    (year > 0 && year < latest_year);
        }
        bool mode_found = false;
        const TravelMode mode = mode_of_sentence(tokens, begin, end, mode_found);
        // A sentence travels when it has a verb of travel or a mode of transport, or when it follows
        // closely on one that did.
        const bool travels = travel_verb || mode_found || s - last_travel_sentence <= 1;
        // Where the sentence first travels (a verb of travel or a mode's word): "in X" after it is a
        // stop ("arrived by train in X"), before it is not ("remarks in X, where he wanted to visit…").
        std::size_t first_travel = begin;
        for (bool mode_word = false; first_travel < end; ++first_travel) {
            mode_of_sentence(tokens, first_travel, first_travel + 1, mode_word);
            if (mode_word || travel_words.count(tokens[first_travel].folded)) break;
        }
        for (std::size_t ci = next_candidate; travels && ci < candidates_end; ++ci) {
            const Candidate& c = kept[ci];
            const auto it = index.find(c.folded);
            if (it == index.end()) continue;
            // The words just before the name say what role it plays in the journey.
            const std::string w1 = c.first > begin ? tokens[c.first - 1].folded : "";
            const std::string w2 = c.first > begin + 1 ? tokens[c.first - 2].folded : "";
            const std::string w3 = c.first > begin + 2 ? tokens[c.first - 3].folded : "";
            const bool origin = origin_words.count(w1) > 0;
            // "Before arriving in Vladivostok, Kim stopped at Khasan": the place arrived at comes after.
            const bool last = w2 == "before" || w3 == "before";
            // A name right after another stop of the same sentence continues a list ("Tianjin, Wuhan and Changsha").
            const bool listed = !stops.empty() && c.first > begin && tokens[c.first - 1].capitalised &&
                                tokens[c.first - 1].end < tokens[c.first].begin &&
                                text.substr(tokens[c.first - 1].end, tokens[c.first].begin - tokens[c.first - 1].end).find(',') != std::string_view::npos;
            // "the port of Odessa", "the border station of Dong Dang"
            const bool place_of = w1 == "of" && (w2 == "port" || w2 == "station" || w2 == "town" || w2 == "city" || w2 == "village" ||
                                                 w2 == "capital" || w2 == "harbour" || w2 == "harbor" || w2 == "island");
            const bool stop = listed || place_of || w1 == "to" || w1 == "via" || w1 == "through" || w1 == "into" || w1 == "at" || w1 == "reached" ||
                              w1 == "reaches" || w1 == "reaching" || w1 == "visited" || w1 == "visiting" || w1 == "then" ||
                              (w1 == "in" && (arrival_words.count(w2) || first_travel < c.first)) ||
                              (w1 == "for" && (origin_words.count(w2) || w2 == "headed" || w2 == "bound" || (!stops.empty() && stops.back().origin))) ||
                              ((w1 == "and" || w1 == ",") && !stops.empty());
            if (origin || stop) stops.push_back({it->second, origin, last, c.first, std::nullopt, (w1 == "in" || w1 == "at") && arrival_words.count(w2) > 0});
        }
        if (next_candidate == candidates_end) {
            bool arrives = false;
            for (std::size_t i = begin; i < end; ++i) arrives |= arrival_words.count(tokens[i].folded) > 0;
            if (arrives)
                if (auto hint = time_hint(text.substr(tokens[begin].begin, tokens[end - 1].end - tokens[begin].begin)); hint && !hint->relative())
                    placeless_arrivals.emplace_back(s, *hint);
        }
        if (stops.empty()) continue;
        // When: said in the clause from a stop's name to the next stop's ("left Pyongyang on Tuesday
        // and reached Khasan on Wednesday"), or, for the first, before it ("On Wednesday he reached…").
        bool first_timed_before = false;  // the first stop's time was said before its name
        for (std::size_t k = 0; k < stops.size(); ++k) {
            const std::size_t from = tokens[stops[k].token].begin;
            const std::size_t to = k + 1 < stops.size() ? tokens[stops[k + 1].token].begin : tokens[end - 1].end;
            stops[k].when = time_hint(text.substr(from, to - from));
            if (!stops[k].when && k == 0) {
                stops[k].when = time_hint(text.substr(tokens[begin].begin, from - tokens[begin].begin));
                first_timed_before = stops[k].when.has_value();
            }
        }
        // "The train left at 7:12 a.m. and stopped in Lyon": a time said of leaving before the sentence's
        // first stop, which is no origin, is when the journey left the stop before (applied below).
        std::optional<TimeHint> departure;
        const Stop first_told = stops.front();  // before the origins are put first
        if (first_timed_before && !first_told.origin &&
            std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin), tokens.begin() + static_cast<std::ptrdiff_t>(first_told.token),
                        [](const Token& t) { return origin_words.count(t.folded) > 0; }))
            departure = first_told.when;
        // An origin leads its sentence's stops; a place arrived at "before" the others ends them.
        std::stable_partition(stops.begin(), stops.end(), [](const Stop& st) { return st.origin; });
        std::stable_partition(stops.begin(), stops.end(), [](const Stop& st) { return !st.last; });
        // Another trip (an earlier one) is a journey of its own, and nothing continues it but itself.
        const bool continues = !journeys.empty() && s - last_travel_sentence <= 2 && past == last_travel_past &&
                               !(stops.front().origin && journeys.back().size() >= 2 && journeys.back().back().place != stops.front().place);
        // A journey that goes on by another means ("flew to Rzeszów; from there a motorcade took him to
        // Przemyśl") is a new route from where the last one ended, each by its own mode.
        const bool changes_mode = continues && mode_found && mode_known.back() && mode != modes.back() && !journeys.back().empty();
        if (!continues || changes_mode) {
            std::optional<Stop> from;
            if (changes_mode) from = journeys.back().back();
            journeys.emplace_back();
            if (from && stops.front().place != from->place) {
                from->origin = true;
                if (from->when) from->when->clock = false;  // it leaves about when the earlier route arrived
                journeys.back().push_back(*from);
            }
            journey_end_sentence.push_back(s);
            modes.push_back(mode);
            mode_known.push_back(mode_found);
        } else if (!mode_known.back() && mode_found) {
            modes.back() = mode;
            mode_known.back() = true;
        }
        if (departure && !journeys.back().empty() && journeys.back().back().place != first_told.place) {
            // Its day from what was said of that stop, its clock from this sentence.
            Stop& left = journeys.back().back();
            TimeHint when = *departure;
            if (left.when && !when.weekday && !when.date && !when.relative()) {
                const auto clock = when.minutes;
                const bool exact = when.clock;
                when = *left.when;
                if (clock) when.minutes = clock;
                when.clock = exact;
            }
            left.when = when;
            left.origin = true;
            for (Stop& st : stops)
                if (st.token == first_told.token) st.when.reset();
        }
        for (const auto& st : stops)
            if (journeys.back().empty() || journeys.back().back().place != st.place) journeys.back().push_back(st);
            else if (!journeys.back().back().when) journeys.back().back().when = st.when;  // "sailed to X … reached X on Monday"
        last_travel_sentence = s;
        last_travel_past = past;
        journey_end_sentence.back() = s;
    }
    // A journey's end untimed by its own clause takes the time of the nearest sentence that arrives
    // somewhere unnamed (a news lead tells when, the paragraphs after it how).
    for (std::size_t j = 0; j < journeys.size(); ++j) {
        if (journeys[j].empty() || journeys[j].back().when) continue;
        int nearest = std::numeric_limits<int>::max();
        for (const auto& [sentence, hint] : placeless_arrivals)
            if (std::abs(sentence - journey_end_sentence[j]) < nearest) {
                nearest = std::abs(sentence - journey_end_sentence[j]);
                journeys[j].back().when = hint;
            }
    }
    // A news lead tells where a journey ended ("docked in Catania on Monday") before the paragraphs
    // that tell it: a journey's first stop arrived at, and reached again later, is its end only.
    for (auto& journey : journeys)
        if (journey.size() > 2 && journey.front().arrived && !journey.front().origin &&
            std::any_of(journey.begin() + 2, journey.end(), [&](const Stop& st) { return st.place == journey.front().place; }))
            journey.erase(journey.begin());
    for (std::size_t j = 0; j < journeys.size(); ++j) {
        FoundRoute route;
        for (const auto& st : journeys[j]) {
            route.stops.push_back(st.place);
            route.when.push_back(st.when);
            route.departs.push_back(st.origin);
        }
        if (route.stops.size() < 2) continue;
        route.mode = modes[j];
        if (!mode_known[j] && text_mode) {
            route.mode = *text_mode;
        } else if (!mode_known[j]) {
            // No mode word anywhere: a long hop is a flight, a short one a road.
            double longest = 0;
            for (std::size_t k = 1; k < route.stops.size(); ++k)
                longest = std::max(longest, geodesic_distance(out.places[route.stops[k - 1]].entry->position,
                                                              out.places[route.stops[k]].entry->position));
            route.mode = longest > 800e3 ? TravelMode::plane : TravelMode::car;
        }
        out.routes.push_back(std::move(route));
    }
    return out;
}

namespace {

// Hours east of Greenwich at a longitude, as a story's zone: the sun's, not the law's, so approximate.
int zone_of(double lon) { return static_cast<int>(std::lround(lon / 15.0)) * 60; }

double usual_speed_kmh(TravelMode mode) {
    switch (mode) {
    case TravelMode::train: return 50;
    case TravelMode::car: return 60;
    case TravelMode::plane: return 700;
    case TravelMode::ship: return 25;
    case TravelMode::walk: return 5;
    }
    return 50;
}

// The first `count` stops' times: what the clauses say, in order (a time before the one before is
// dropped), and the first and last stops where untold at the mode's usual speed from the nearest
// told; nothing when no clause says when.
// `start`: when the route before, which ended where this one begins, arrived there (this one leaves
// then, unless its own clause says later); `end` gets this route's last time.
std::vector<StopTime> journey_times(const FoundRoute& route, const Extraction& extraction, std::size_t count, std::optional<CalendarDate> date,
                                    std::optional<StoryTime> start, std::optional<StoryTime>& end) {
    end.reset();
    const std::size_t n = std::min({count, route.stops.size(), route.when.size(), route.departs.size()});
    if (n < 2) return {};
    const int zone = zone_of(extraction.places[route.stops[0]].entry->position.lon);
    std::vector<std::optional<StoryTime>> at(n);
    std::vector<bool> exact(n, false);
    std::optional<StoryTime> before = start;
    for (std::size_t k = 0; k < n; ++k) {
        if (!route.when[k]) continue;
        const auto t = resolve_time_hint(*route.when[k], date, before, zone);
        if (!t || (before && t->utc_seconds < before->utc_seconds)) continue;
        at[k] = t;
        exact[k] = route.when[k]->clock;
        before = t;
    }
    if (start && !at[0]) at[0] = StoryTime{start->utc_seconds, zone};
    std::size_t first = n, last = 0;
    for (std::size_t k = 0; k < n; ++k)
        if (at[k]) {
            first = std::min(first, k);
            last = k;
        }
    if (first == n) return {};
    auto hours_between = [&](std::size_t a, std::size_t b) {
        const double km = geodesic_distance(extraction.places[route.stops[a]].entry->position, extraction.places[route.stops[b]].entry->position) / 1000.0;
        return km / usual_speed_kmh(route.mode) + (route.mode == TravelMode::plane ? 1.0 : 0.0);
    };
    for (std::size_t k = first; k-- > 0;) at[k] = StoryTime{at[k + 1]->utc_seconds - static_cast<std::int64_t>(hours_between(k, k + 1) * 3600), zone};
    for (std::size_t k = last + 1; k < n; ++k) at[k] = StoryTime{at[k - 1]->utc_seconds + static_cast<std::int64_t>(hours_between(k - 1, k) * 3600), zone};
    end = at[n - 1];
    std::vector<StopTime> times(n);
    for (std::size_t k = 0; k < n; ++k) {
        if (!at[k]) continue;  // passed at no time of its own
        const std::string text = iso_story_time(*at[k]);
        auto moment = parse_story_moment(text);
        if (route.departs[k] || k == 0) times[k].depart = moment;
        else times[k].arrive = moment;
        times[k].approximate = !exact[k];
    }
    return times;
}

}  // namespace

Story draft_story(const Extraction& extraction, const std::string& source_name, std::optional<CalendarDate> date) {
    if (!date) date = extraction.date;
    Story story;
    story.title = extraction.title.empty() ? source_name : extraction.title;
    story.source_title = extraction.title;
    story.timezone = "+00:00";
    // The article's file is a member storyplot keeps but does not read.
    story.json = {{"type", "FeatureCollection"},
                  {"story", {{"title", story.title}, {"source", {{"title", extraction.title}, {"file", source_name}}}}}};
    std::vector<std::string> ids;
    std::set<std::string> taken;
    for (const auto& p : extraction.places) {
        if (ids.size() >= max_features / 2) break;  // half the story for places, the rest for journeys
        std::string id = fold_name(p.entry->name);
        for (char& c : id)
            if (c == ' ') c = '-';
        const std::string own = p.entry->id > 0 ? std::to_string(p.entry->id) : p.entry->country.empty() ? "region" : p.entry->country;
        if (id.empty() || !is_latin_name(fold_name(p.entry->name))) id = "place-" + own;
        while (taken.count(id)) {
            id += '-';
            id += own;
        }
        taken.insert(id);
        ids.push_back(id);
        Place place;
        place.id = id;
        place.name = p.entry->name;
        place.category = p.entry->feature_code == "PCLI"                                    ? "country"
                         : p.entry->feature_code == "CONT" || p.entry->feature_code == "RGN" || p.entry->feature_code == "ADM1" ? "region"
                         : p.entry->feature_code == "PPLC" ? "capital"
                         : p.entry->population >= 100000 ? "city"
                                                         : "town";
        place.position = p.entry->position;
        place.country = p.entry->country;
        if (p.entry->id > 0) place.geonames_id = p.entry->id;
        place.confidence = std::round(p.confidence * 1000) / 1000;
        place.mentions = p.mentions;
        for (const auto* a : p.alternatives) place.alternatives.push_back({a->name, a->id, a->country, a->position, a->population});
        story.places.push_back(std::move(place));
    }
    int n = 0;
    std::optional<std::pair<std::size_t, StoryTime>> arrived;  // where and when the route before ended
    for (const auto& route : extraction.routes) {
        if (story.places.size() + story.routes.size() >= max_features) break;  // the draft stays a story storyplot reads
        Route r;
        for (std::size_t k : route.stops) {
            if (k >= ids.size() || r.stops.size() >= max_route_stops) break;
            r.stops.push_back(ids[k]);
            r.name += (r.name.empty() ? "" : " \xE2\x80\x93 ") + extraction.places[k].entry->name;
        }
        if (r.stops.size() < 2) continue;
        r.id = "journey-" + std::to_string(++n);
        while (taken.count(r.id)) r.id += "-route";
        taken.insert(r.id);
        r.mode = route.mode;
        std::optional<StoryTime> start, end;
        if (arrived && arrived->first == route.stops.front()) start = arrived->second;
        r.times = journey_times(route, extraction, r.stops.size(), date, start, end);
        arrived.reset();
        if (end && r.stops.size() == route.stops.size()) arrived.emplace(route.stops.back(), *end);
        // The story's clock runs in the zone of its first timed journey.
        if (!r.times.empty() && story.timezone == "+00:00" && !std::any_of(story.routes.begin(), story.routes.end(), [](const Route& x) { return !x.times.empty(); }))
            story.timezone = format_utc_offset(zone_of(extraction.places[route.stops[0]].entry->position.lon));
        story.routes.push_back(std::move(r));
    }
    return story;
}

}  // namespace storyplot

