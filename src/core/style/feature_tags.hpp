#pragma once
// A feature's attributes as tags (key = value), as OpenStreetMap writes them and as GDAL reads any
// file's fields: what styles and travel modes are decided on.
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace storyplot {

using Tags = std::map<std::string, std::string, std::less<>>;

// OGR's OSM driver keeps the keys it has no column for in one field, `"key"=>"value","k2"=>"v2"`
// (backslash escapes inside quotes); adds them to `tags` without replacing a key already there.
void add_hstore_tags(std::string_view text, Tags& tags);

}  // namespace storyplot
