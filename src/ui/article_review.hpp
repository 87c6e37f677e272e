#pragma once
// Reviewing a story drafted from an article: the article beside the map with every mention
// highlighted (hover to light its marker, click to fly to it), and each candidate place with its
// confidence, to accept, reject, or replace by one of the gazetteer's runners-up. Moving a
// candidate is dragging its marker, as for any place.
#include <optional>
#include <set>
#include <string>

#include "ui/fonts.hpp"
#include "core/story/story.hpp"

namespace storyplot {

struct ArticleReview {
    std::string article_path;  // empty for pasted text
    std::string text;
    std::set<std::string> accepted;  // place ids
};

struct ReviewActions {
    std::optional<std::string> hovered;   // place id under the pointer in the text
    std::optional<std::string> fly_to;    // place id clicked
    std::optional<std::string> reject;
    struct Replacement {
        std::string id, name;
        LonLat position;
        std::int64_t geonames_id = 0;
    };
    std::optional<Replacement> replace;
    bool close = false;
};

inline float review_panel_width() { return 400.0f * ui_scale(); }

ReviewActions draw_article_review(ArticleReview& review, const Story& story, float top_inset, float bottom_inset);

}  // namespace storyplot
