#pragma once
// "Find a place" (Ctrl+F): a search box over the gazetteer, results as you type with their
// country and population; Enter or a click goes there, "Add" puts the place in the story.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/geoparse/geoparser.hpp"

namespace storyplot {

struct PlaceSearchState {
    bool open = false;
    bool focus = false;  // put the cursor in the box on the next frame
    std::string query;
    std::string searched;  // the query `results` are for
    std::vector<const GazetteerEntry*> results;
};

struct PlaceSearchAction {
    const GazetteerEntry* entry = nullptr;
    bool add = false;  // into the story (else: go there)
};

// `search` ranks the gazetteer's matches for a query; null while the gazetteer is loading.
std::optional<PlaceSearchAction> draw_place_search(PlaceSearchState& state,
                                                   const std::function<std::vector<const GazetteerEntry*>(const std::string&)>& search,
                                                   bool can_add);

}  // namespace storyplot
