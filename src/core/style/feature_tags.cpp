#include "core/style/feature_tags.hpp"

namespace storyplot {

void add_hstore_tags(std::string_view text, Tags& tags) {
    std::size_t i = 0;
    // One quoted string from text[i] (at its opening quote); false when there is none.
    auto quoted = [&](std::string& out) {
        while (i < text.size() && text[i] == ' ') ++i;
        if (i >= text.size() || text[i] != '"') return false;
        ++i;
        out.clear();
        while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\' && i + 1 < text.size()) ++i;
            out.push_back(text[i++]);
        }
        if (i >= text.size()) return false;
        ++i;
        return true;
    };
    std::string key, value;
    while (i < text.size()) {
        if (!quoted(key)) return;
        while (i < text.size() && text[i] == ' ') ++i;
        if (text.substr(i, 2) != "=>") return;
        i += 2;
        if (!quoted(value)) return;
        tags.emplace(key, value);
        while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    }
}

}  // namespace storyplot
