#pragma once
// The names a first-level region (state, province, oblast, krai…) goes by in English text, from the
// forms a gazetteer records: "Primorskiy Kray" is read as "Primorsky", "Departement de l'Ariege" as
// "Ariege", "Homs (Hims)" as "Homs" and "Hims", "Kyoto-fu" as "Kyoto".
#include <string>
#include <string_view>
#include <vector>

namespace storyplot {

// Folded forms (see fold_name), each once, the whole name first: the name without its parenthesis
// and the parenthesis alone; without the administrative word before or after it (in the languages
// gazetteers record: Provincia, Oblast', Sheng, -ken…), with or without an article ("al"); and with
// a Russian adjective's "-iy" as English writes it ("-y"). Forms under four letters are left out.
std::vector<std::string> region_name_forms(std::string_view name);

// Whether a folded word names a kind of region ("province", "state", "krai", "oblast", "county"…):
// after a region's name in English text it confirms the region ("Alberta province").
bool is_region_word(std::string_view folded);

struct RegionAbbreviation {
    std::string_view written;  // as news text writes it after a town and a comma, lower case: "ky.", "n.j."
    std::string_view name;     // the region's folded name
    std::string_view country;  // ISO alpha-2
};
// The abbreviations of US states (AP style) and Canadian provinces that newspapers write after a
// town ("Louisville, Ky.", "Regina, Sask."). States of a single short word are not abbreviated.
const std::vector<RegionAbbreviation>& region_abbreviations();
// The postal codes of US states (USPS), Canadian provinces and territories (Canada Post) and
// Australia's states and territories, as news writes them in capitals after a town and a comma
// ("Lexington, KY", "Nelson, BC", "Perth, WA"); `written` is the code itself, in capitals. A code
// two countries use (WA, NT) stands for both: the town before it chooses.
const std::vector<RegionAbbreviation>& region_postal_codes();

}  // namespace storyplot
