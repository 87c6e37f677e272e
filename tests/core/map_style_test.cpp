#include "core/style/map_style.hpp"

#include <gtest/gtest.h>

#include "core/files/input_error.hpp"

using namespace storyplot;

namespace {

std::string error_for(const std::string& text) {
    try {
        parse_map_style(text, "s.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

const char* style = R"({"name": "t", "rules": [
  {"name": "rail", "geometry": "line", "match": {"railway": ["rail", "narrow_gauge"]}, "zoom": [6, 30],
   "strokes": [{"color": "#ffffff", "width": 4}, {"color": "#707070", "width": 2.5}, {"color": "#ffffff", "width": 1, "dash": [6, 6]}]},
  {"name": "any building", "geometry": "area", "match": {"building": "*"}, "fill": "#d8cfc8", "outline": {"color": "#c4b6ab", "width": 0.5}},
  {"name": "water", "geometry": "area", "match": {"natural": "water"}, "fill": "#b9d3e0"},
  {"name": "towns", "geometry": "point", "match": {"place": ["town"]}, "label": true, "rank": 10000}]})";

}  // namespace

TEST(MapStyle, RulesAreReadAndMatchedByTagsAndGeometry) {
    const MapStyle s = parse_map_style(style, "s.json");
    ASSERT_EQ(s.rules.size(), 4u);
    const StyleRule& rail = s.rules[0];
    EXPECT_EQ(rail.geometry, GeometryKind::line);
    ASSERT_EQ(rail.paint.strokes.size(), 3u);
    EXPECT_FLOAT_EQ(rail.paint.strokes[1].width_px, 2.5f);
    EXPECT_FLOAT_EQ(rail.paint.strokes[2].dash_on, 6);
    EXPECT_FALSE(rail.paint.shown_at(5.9));
    EXPECT_TRUE(rail.paint.shown_at(6));

    EXPECT_EQ(s.rule_for(GeometryKind::line, {{"railway", "narrow_gauge"}}), 0);
    EXPECT_EQ(s.rule_for(GeometryKind::line, {{"railway", "abandoned"}}), -1);
    EXPECT_EQ(s.rule_for(GeometryKind::polygon, {{"railway", "rail"}}), -1);  // rail rules are for lines
    EXPECT_EQ(s.rule_for(GeometryKind::polygon, {{"building", "yes"}}), 1);  // "*": any value
    EXPECT_EQ(s.rule_for(GeometryKind::polygon, {{"building", ""}}), -1);
    EXPECT_EQ(s.rule_for(GeometryKind::polygon, {{"natural", "water"}, {"name", "Lake"}}), 2);
    EXPECT_EQ(s.rule_for(GeometryKind::point, {{"place", "town"}}), 3);
    EXPECT_TRUE(s.rules[3].label);
    EXPECT_EQ(s.rules[3].label_rank, 10000);
    EXPECT_EQ(s.keys(), (std::vector<std::string>{"railway", "building", "natural", "place"}));
}

TEST(MapStyle, AStyleItCannotUseIsOneLineNamingTheFileAndRule) {
    EXPECT_EQ(error_for("{\"rules\": [\n  {\"geometry\": \"line\",}\n]}"), "s.json:2:23: JSON syntax error while parsing object key - unexpected '}'; expected string literal");
    EXPECT_EQ(error_for("[]"), "s.json: a style is an object with a list of \"rules\"");
    EXPECT_EQ(error_for(R"({"rules": [{"name": "rail", "geometry": "line", "match": {"railway": "rail"}, "strokes": [{"color": "grey"}]}]})"),
              "s.json: rule 1 (rail): strokes[0].color: \"grey\" is not a colour \"#rrggbb\" or \"#rrggbbaa\"");
    EXPECT_EQ(error_for(R"({"rules": [{"geometry": "polygon", "match": {"a": "b"}, "fill": "#ffffff"}]})"),
              "s.json: rule 1: geometry must be \"area\", \"line\" or \"point\"");
    EXPECT_EQ(error_for(R"({"rules": [{"geometry": [3, 1]}]})"), "s.json: rule 1: geometry must be \"area\", \"line\" or \"point\"");
    EXPECT_EQ(error_for(R"({"rules": [1e999]})"), "s.json: JSON number overflow parsing '1e999'");
    EXPECT_EQ(error_for(R"({"rules": [{"geometry": "area", "match": {}, "fill": "#ffffff"}]})"),
              "s.json: rule 1: match must be an object of tags, e.g. {\"railway\": [\"rail\"]}");
    EXPECT_EQ(error_for(R"({"rules": [{"geometry": "line", "match": {"a": "b"}}]})"), "s.json: rule 1: a line rule needs strokes");
    EXPECT_EQ(error_for(R"({"rules": [{"geometry": "area", "match": {"a": "b"}, "fill": "#ffffff", "colour": "#000000"}]})"),
              "s.json: rule 1: unknown member \"colour\"");
    EXPECT_EQ(error_for(R"({"rules": [{"geometry": "area", "match": {"a": "b"}, "fill": "#ffffff", "zoom": [12, 3]}]})"),
              "s.json: rule 1: zoom: from is past to");
    EXPECT_EQ(error_for(R"({"rules": [{"geometry": "line", "match": {"a": "b"}, "strokes": [{"color": "#000000", "width": -1}]}]})"),
              "s.json: rule 1: strokes[0].width must be a number from 0.1 to 64");
}

TEST(MapStyle, TheShippedStyleIsValidAndDrawsTheMainOsmClasses) {
    const MapStyle s = read_map_style(std::string(STORYPLOT_TEST_DIR) + "/../assets/styles/osm.json");
    for (const char* railway : {"rail", "narrow_gauge"}) EXPECT_GE(s.rule_for(GeometryKind::line, {{"railway", railway}}), 0) << railway;
    for (const char* highway : {"motorway", "trunk", "primary", "secondary", "tertiary", "residential", "track", "footway"})
        EXPECT_GE(s.rule_for(GeometryKind::line, {{"highway", highway}}), 0) << highway;
    EXPECT_GE(s.rule_for(GeometryKind::line, {{"waterway", "river"}}), 0);
    EXPECT_GE(s.rule_for(GeometryKind::polygon, {{"natural", "water"}}), 0);
    EXPECT_GE(s.rule_for(GeometryKind::polygon, {{"landuse", "residential"}}), 0);
    for (const char* place : {"city", "town", "village"}) {
        const int rule = s.rule_for(GeometryKind::point, {{"place", place}});
        ASSERT_GE(rule, 0) << place;
        EXPECT_TRUE(s.rules[static_cast<std::size_t>(rule)].label) << place;
    }
    EXPECT_GE(s.rule_for(GeometryKind::point, {{"railway", "station"}}), 0);
    EXPECT_EQ(s.rule_for(GeometryKind::line, {{"barrier", "fence"}}), -1);  // not drawn
    // Railways are cased and ticked: three strokes, the last dashed.
    const StyleRule& rail = s.rules[static_cast<std::size_t>(s.rule_for(GeometryKind::line, {{"railway", "rail"}}))];
    ASSERT_EQ(rail.paint.strokes.size(), 3u);
    EXPECT_GT(rail.paint.strokes[2].dash_on, 0);
}
