#include "core/geoparse/region_names.hpp"

#include <algorithm>
#include <array>

#include "core/geoparse/name_folding.hpp"

namespace storyplot {

namespace {

// Administrative words that come before a region's own name, as gazetteers write them.
constexpr std::array<std::string_view, 40> leading_words{
    "provincia", "province", "provincie", "provinsi", "departamento", "departement", "department", "muhafazat", "estado", "state",
    "changwat", "tinh", "region", "judetul", "wilaya", "wilayat", "raionul", "ostan", "parish", "komuna", "gouvernorat", "governorate",
    "concelho", "prefecture", "khett", "kanton", "canton", "oblast", "wojewodztwo", "respublika", "republic", "county", "gobolka",
    "obcina", "opstina", "land", "freistaat", "union territory", "territory", "autonomous"};
// Words between such a word and the name ("Provincia de", "State of").
constexpr std::array<std::string_view, 14> linking_words{"de", "du", "del", "des", "della", "di", "do", "da", "of", "the", "la", "el", "le", "les"};
// Administrative words that follow a region's own name.
constexpr std::array<std::string_view, 46> trailing_words{
    "district", "region", "province", "novads", "oblast", "state", "rayon", "municipality", "avtonomnyy okrug", "autonomous okrug",
    "okrug", "laen", "division", "sheng", "shi", "zizhiqu", "kraj", "kray", "krai", "aymag", "kanton", "canton", "dzongkhag", "zone",
    "prefecture", "territory", "oblysy", "apskritis", "marz", "fylke", "megye", "zupanija", "county", "governorate", "ken", "fu", "to",
    "do", "autonomous region", "autonomous republic", "republic", "voivodeship", "department", "emirate", "vilayati", "wilayah"};
// Kinds of region as English text names them after a region's name.
constexpr std::array<std::string_view, 16> english_kinds{"province", "state", "region", "krai", "kray", "oblast", "prefecture", "governorate",
                                                         "county", "district", "territory", "department", "canton", "emirate", "republic",
                                                         "voivodeship"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

// "de l'Ariège" -> "de Ariège": an elided article is no part of the name.
std::string without_elisions(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const bool word_start = i == 0 || name[i - 1] == ' ';
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
        if (word_start && (c == 'l' || c == 'd') && i + 1 < name.size() && name[i + 1] == '\'') {
            ++i;
            continue;
        }
        out += name[i];
    }
    return out;
}

bool starts_with_words(std::string_view s, std::string_view words) {
    return s.size() > words.size() && s.substr(0, words.size()) == words && s[words.size()] == ' ';
}
bool ends_with_words(std::string_view s, std::string_view words) {
    return s.size() > words.size() && s.substr(s.size() - words.size()) == words && s[s.size() - words.size() - 1] == ' ';
}

// The name without one administrative word before it (and the linking words after that), or after it.
void strip_once(const std::string& s, std::vector<std::string>& out) {
    for (std::string_view w : leading_words) {
        if (!starts_with_words(s, w)) continue;
        std::string rest = s.substr(w.size() + 1);
        for (bool again = true; again;) {
            again = false;
            for (std::string_view l : linking_words)
                if (starts_with_words(rest, l)) {
                    rest = rest.substr(l.size() + 1);
                    again = true;
                }
        }
        out.push_back(rest);
    }
    for (std::string_view w : trailing_words)
        if (ends_with_words(s, w)) out.push_back(s.substr(0, s.size() - w.size() - 1));
}

}  // namespace

std::vector<std::string> region_name_forms(std::string_view name) {
    std::vector<std::string> forms;
    auto add = [&forms](std::string form) {
        if (form.size() >= 4 && std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
    };
    std::vector<std::string> pending;
    const std::string plain = without_elisions(name);
    if (const auto open = plain.find('('); open != std::string::npos) {
        const auto close = plain.find(')', open);
        pending.push_back(fold_name(plain.substr(0, open) + (close == std::string::npos ? "" : plain.substr(close + 1))));
        if (close != std::string::npos) pending.push_back(fold_name(plain.substr(open + 1, close - open - 1)));
    } else {
        pending.push_back(fold_name(plain));
    }
    // Every form the administrative words leave, and each with its article dropped ("al hasakah").
    for (std::size_t i = 0; i < pending.size() && i < 32; ++i) {
        const std::string s = pending[i];
        add(s);
        std::vector<std::string> shorter;
        strip_once(s, shorter);
        for (std::string_view article : {"al", "an", "ar", "as", "ad", "el", "the"})
            if (starts_with_words(s, article)) shorter.push_back(s.substr(article.size() + 1));
        for (auto& f : shorter)
            if (std::find(pending.begin(), pending.end(), f) == pending.end()) pending.push_back(std::move(f));
    }
    // A Russian adjective's ending as English news writes it: Primorskiy -> Primorsky.
    const std::size_t n = forms.size();
    for (std::size_t i = 0; i < n; ++i) {
        std::string s = forms[i];
        bool changed = false;
        for (std::size_t at = s.find("iy"); at != std::string::npos; at = s.find("iy", at + 1))
            if (at + 2 == s.size() || s[at + 2] == ' ') {
                s.erase(at, 1);
                changed = true;
            }
        if (changed) add(s);
    }
    return forms;
}

bool is_region_word(std::string_view folded) { return one_of(english_kinds, folded); }

const std::vector<RegionAbbreviation>& region_abbreviations() {
    static const std::vector<RegionAbbreviation> list{
        {"ala.", "alabama", "US"},        {"ariz.", "arizona", "US"},       {"ark.", "arkansas", "US"},
        {"calif.", "california", "US"},   {"colo.", "colorado", "US"},      {"conn.", "connecticut", "US"},
        {"del.", "delaware", "US"},       {"fla.", "florida", "US"},        {"ga.", "georgia", "US"},
        {"ill.", "illinois", "US"},       {"ind.", "indiana", "US"},        {"kan.", "kansas", "US"},
        {"ky.", "kentucky", "US"},        {"la.", "louisiana", "US"},       {"md.", "maryland", "US"},
        {"mass.", "massachusetts", "US"}, {"mich.", "michigan", "US"},      {"minn.", "minnesota", "US"},
        {"miss.", "mississippi", "US"},   {"mo.", "missouri", "US"},        {"mont.", "montana", "US"},
        {"neb.", "nebraska", "US"},       {"nev.", "nevada", "US"},         {"n.h.", "new hampshire", "US"},
        {"n.j.", "new jersey", "US"},     {"n.m.", "new mexico", "US"},     {"n.y.", "new york", "US"},
        {"n.c.", "north carolina", "US"}, {"n.d.", "north dakota", "US"},   {"okla.", "oklahoma", "US"},
        {"ore.", "oregon", "US"},         {"pa.", "pennsylvania", "US"},    {"r.i.", "rhode island", "US"},
        {"s.c.", "south carolina", "US"}, {"s.d.", "south dakota", "US"},   {"tenn.", "tennessee", "US"},
        {"tex.", "texas", "US"},          {"vt.", "vermont", "US"},         {"va.", "virginia", "US"},
        {"wash.", "washington", "US"},    {"w.va.", "west virginia", "US"}, {"wis.", "wisconsin", "US"},
        {"wyo.", "wyoming", "US"},        {"d.c.", "district of columbia", "US"},
        {"alta.", "alberta", "CA"},       {"b.c.", "british columbia", "CA"}, {"man.", "manitoba", "CA"},
        {"n.b.", "new brunswick", "CA"},  {"nfld.", "newfoundland and labrador", "CA"}, {"n.s.", "nova scotia", "CA"},
        {"ont.", "ontario", "CA"},        {"p.e.i.", "prince edward island", "CA"}, {"que.", "quebec", "CA"},
        {"sask.", "saskatchewan", "CA"}};
    return list;
}

const std::vector<RegionAbbreviation>& region_postal_codes() {
    static const std::vector<RegionAbbreviation> list{
        {"AL", "alabama", "US"},        {"AK", "alaska", "US"},           {"AZ", "arizona", "US"},         {"AR", "arkansas", "US"},
        {"CA", "california", "US"},     {"CO", "colorado", "US"},         {"CT", "connecticut", "US"},     {"DE", "delaware", "US"},
        {"FL", "florida", "US"},        {"GA", "georgia", "US"},          {"HI", "hawaii", "US"},          {"ID", "idaho", "US"},
        {"IL", "illinois", "US"},       {"IN", "indiana", "US"},          {"IA", "iowa", "US"},            {"KS", "kansas", "US"},
        {"KY", "kentucky", "US"},       {"LA", "louisiana", "US"},        {"ME", "maine", "US"},           {"MD", "maryland", "US"},
        {"MA", "massachusetts", "US"},  {"MI", "michigan", "US"},         {"MN", "minnesota", "US"},       {"MS", "mississippi", "US"},
        {"MO", "missouri", "US"},       {"MT", "montana", "US"},          {"NE", "nebraska", "US"},        {"NV", "nevada", "US"},
        {"NH", "new hampshire", "US"},  {"NJ", "new jersey", "US"},       {"NM", "new mexico", "US"},      {"NY", "new york", "US"},
        {"NC", "north carolina", "US"}, {"ND", "north dakota", "US"},     {"OH", "ohio", "US"},            {"OK", "oklahoma", "US"},
        {"OR", "oregon", "US"},         {"PA", "pennsylvania", "US"},     {"RI", "rhode island", "US"},    {"SC", "south carolina", "US"},
        {"SD", "south dakota", "US"},   {"TN", "tennessee", "US"},        {"TX", "texas", "US"},           {"UT", "utah", "US"},
        {"VT", "vermont", "US"},        {"VA", "virginia", "US"},         {"WA", "washington", "US"},      {"WV", "west virginia", "US"},
        {"WI", "wisconsin", "US"},      {"WY", "wyoming", "US"},          {"DC", "district of columbia", "US"},
        {"AB", "alberta", "CA"},        {"BC", "british columbia", "CA"}, {"MB", "manitoba", "CA"},        {"NB", "new brunswick", "CA"},
        {"NL", "newfoundland and labrador", "CA"}, {"NS", "nova scotia", "CA"}, {"NT", "northwest territories", "CA"},
        {"NU", "nunavut", "CA"},        {"ON", "ontario", "CA"},          {"PE", "prince edward island", "CA"}, {"QC", "quebec", "CA"},
        {"SK", "saskatchewan", "CA"},   {"YT", "yukon", "CA"},
        {"NSW", "new south wales", "AU"}, {"VIC", "victoria", "AU"},      {"QLD", "queensland", "AU"},     {"WA", "western australia", "AU"},
        {"SA", "south australia", "AU"}, {"TAS", "tasmania", "AU"},       {"NT", "northern territory", "AU"},
        {"ACT", "australian capital territory", "AU"}};
    return list;
}

}  // namespace storyplot
