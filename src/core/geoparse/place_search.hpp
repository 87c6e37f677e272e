#pragma once
// Finding a place by name as the user types: the gazetteer's matches ranked as a reader expects,
// the place whose own name is the query before one that merely starts with it, then capitals and
// seats before villages, then by population.
#include <string>
#include <string_view>
#include <vector>

#include "core/geoparse/geoparser.hpp"

namespace storyplot {

// `candidates`: entries with a name that starts with the folded query (any of their names).
std::vector<const GazetteerEntry*> rank_search_results(std::string_view query, std::vector<const GazetteerEntry*> candidates,
                                                       std::size_t limit = 12);

// "Vladivostok, RU · 604,901 people"
std::string describe_search_result(const GazetteerEntry& entry);

}  // namespace storyplot
