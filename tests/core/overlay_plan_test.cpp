// The overlay decided without GL: markers, labels and their priorities, arrows, vehicles and
// captions, measured with a fixed-width fake font.
#include "core/labels/overlay_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/geo/geodesic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/geo/mercator.hpp"
#include "core/story/story_file.hpp"
#include "core/mesh/story_meshes.hpp"

using namespace storyplot;

namespace {

// 7 px a byte, 14 px a line; wrapped text takes as many lines as it needs.
class FixedWidthText final : public TextMeasure {
public:
    Vec2 size(TextStyle style, std::string_view text, float wrap) const override {
        const double w = 7.0 * static_cast<double>(text.size()) * (style == TextStyle::label_bold ? 1.2 : 1.0);
        if (wrap > 0 && w > wrap) return {wrap, 14.0 * std::ceil(w / wrap)};
        return {w, 14.0};
    }
    float font_size(TextStyle) const override { return 14.0f; }
};

const std::string story_text = R"({"type": "FeatureCollection", "story": {"title": "A test", "timezone": "+00:00"}, "features": [
  {"type": "Feature", "id": "west", "geometry": {"type": "Point", "coordinates": [10.0, 10.0]},
   "properties": {"kind": "place", "name": "Westport", "category": "capital", "local_name": "Вестпорт"}},
  {"type": "Feature", "id": "east", "geometry": {"type": "Point", "coordinates": [20.0, 10.0]},
   "properties": {"kind": "place", "name": "Eastham", "category": "station"}},
  {"type": "Feature", "id": "north", "geometry": {"type": "Point", "coordinates": [15.0, 14.0]},
   "properties": {"kind": "place", "name": "Northby", "category": "venue"}},
  {"type": "Feature", "id": "road", "geometry": null, "properties": {"kind": "route", "name": "The road", "mode": "car",
   "color": "#1f77b4", "stops": ["west", "east"], "times": ["2020-01-01T00:00+00:00", "2020-01-01T10:00+00:00"]}}]})";

class OverlayPlanTest : public ::testing::Test {
protected:
    Story story = parse_story(story_text, "test.story.json");
    Camera camera = Camera::fit(mercator::forward(8, 6, 22, 16), 800, 600);
    FixedWidthText measure;

    OverlayPlan plan(const OverlayOptions& options = {}, const ContextLabels* context = nullptr) const {
        return plan_overlay(&story, context, camera, options, measure);
    }
    static const OverlayPlan::Marker* marker(const OverlayPlan& p, const std::string& id) {
        for (const auto& m : p.markers)
            if (m.id == id) return &m;
        return nullptr;
    }
    static const LabelRecord* record(const OverlayPlan& p, const std::string& text) {
        for (const auto& r : p.label_records)
            if (r.text == text) return &r;
        return nullptr;
    }
};

bool overlap(const Box& a, const Box& b) { return a.min_x < b.max_x && a.max_x > b.min_x && a.min_y < b.max_y && a.max_y > b.min_y; }

}  // namespace

TEST_F(OverlayPlanTest, MarkersSitOnTheirPlacesShapedByCategoryAndColouredByTheirRoute) {
    const OverlayPlan p = plan();
    ASSERT_EQ(p.markers.size(), 3u);
    const auto* west = marker(p, "west");
    ASSERT_NE(west, nullptr);
    const Vec2 expected = camera.world_to_screen(mercator::forward(LonLat{10, 10}));
    EXPECT_NEAR(west->px.x, expected.x, 1e-9);
    EXPECT_NEAR(west->px.y, expected.y, 1e-9);
    EXPECT_EQ(west->shape, MarkerShape::capital);
    EXPECT_EQ(marker(p, "east")->shape, MarkerShape::station);
    EXPECT_EQ(marker(p, "north")->shape, MarkerShape::venue);
    // Stops take their route's colour; a place no route passes stays ink.
    EXPECT_EQ(west->fill, to_rgba8(route_color(story.routes[0])));
    EXPECT_EQ(marker(p, "north")->fill, overlay_ink::text);
    // A place off screen (with its margin) has no marker.
    const Camera far = Camera::fit(mercator::forward(100, 40, 110, 50), 800, 600);
    EXPECT_TRUE(plan_overlay(&story, nullptr, far, {}, measure).markers.empty());
}

TEST_F(OverlayPlanTest, AViewWiderThanTheWorldMarksEachPlaceInEveryCopyItShows) {
    // Two and a half worlds across: every place shows in two or three copies, a world apart.
    const Camera wide(Vec2{0, 0}, 2.5 * mercator::world_width / 1500, 1500, 500);
    const OverlayPlan p = plan_overlay(&story, nullptr, wide, {}, measure);
    std::vector<double> west;
    for (const auto& m : p.markers)
        if (m.id == "west") west.push_back(m.px.x);
    ASSERT_GE(west.size(), 2u);
    std::sort(west.begin(), west.end());
    EXPECT_NEAR(west[1] - west[0], 1500 / 2.5, 1e-6);
    EXPECT_EQ(p.markers.size(), 3 * west.size());
    // A view inside one world: one marker a place.
    EXPECT_EQ(plan().markers.size(), 3u);
}

TEST_F(OverlayPlanTest, NothingOfTheMainMapIsPlannedUnderTheInsetsOwnMap) {
    // The inset over Westport and half the road: its marker, the arrows there and the car go.
    const Vec2 west = camera.world_to_screen(mercator::forward(LonLat{10, 10}));
    OverlayOptions options;
    options.covered.push_back(Box::of(0, 0, west.x + 200, camera.height()));
    const OverlayPlan open = plan();
    const OverlayPlan p = plan(options);
    EXPECT_EQ(marker(p, "west"), nullptr);
    EXPECT_NE(marker(p, "east"), nullptr);
    EXPECT_GT(open.arrows.size(), p.arrows.size());
    for (const auto& a : p.arrows) EXPECT_GT(a.tip.x, west.x + 200);
}

TEST_F(OverlayPlanTest, EveryPlaceIsLabelledBesideItsMarkerAndNoLabelCoversAMarker) {
    const OverlayPlan p = plan();
    for (const char* name : {"Westport", "Eastham", "Northby"}) {
        const auto* r = record(p, name);
        ASSERT_NE(r, nullptr) << name;
        ASSERT_TRUE(r->placed) << name;
        for (const auto& m : p.markers) {
            const Box hit = Box::of(m.px.x - m.hit_radius, m.px.y - m.hit_radius, m.px.x + m.hit_radius, m.px.y + m.hit_radius);
            EXPECT_FALSE(overlap(*r->placed, hit)) << name << " over " << m.id;
        }
    }
    // The text is drawn one pixel into its box.
    const auto* r = record(p, "Westport");
    const auto drawn = std::find_if(p.labels.begin(), p.labels.end(), [](const auto& l) { return l.text == "Westport"; });
    ASSERT_NE(drawn, p.labels.end());
    EXPECT_DOUBLE_EQ(drawn->at.x, r->placed->min_x + 1);
    EXPECT_EQ(drawn->style, TextStyle::label_bold);
}

TEST_F(OverlayPlanTest, ArrowsRunTheWayTheRouteRunsEvery150Pixels) {
    const OverlayPlan p = plan();
    const Vec2 a = camera.world_to_screen(mercator::forward(LonLat{10, 10}));
    const Vec2 b = camera.world_to_screen(mercator::forward(LonLat{20, 10}));
    const double length_px = std::abs(b.x - a.x);
    ASSERT_FALSE(p.arrows.empty());
    EXPECT_EQ(p.arrows.size(), static_cast<std::size_t>(std::floor(length_px / 150.0 + 0.5)));
    // On the route as drawn: the geodesic between the stops, which bows north of the parallel.
    std::vector<Vec2> drawn;
    for (LonLat q : great_circle({10, 10}, {20, 10})) drawn.push_back(camera.world_to_screen(mercator::forward(q)));
    for (const auto& arrow : p.arrows) {
        EXPECT_GT(arrow.tip.x, arrow.left.x);  // west to east: pointing right
        EXPECT_LE(arrow.tip.y, a.y + 0.5);    // not south of the parallel
        double nearest = 1e9;
        for (std::size_t i = 1; i < drawn.size(); ++i) {
            const Vec2 d = drawn[i] - drawn[i - 1];
            const double t = std::clamp(((arrow.tip.x - drawn[i - 1].x) * d.x + (arrow.tip.y - drawn[i - 1].y) * d.y) / (d.x * d.x + d.y * d.y), 0.0, 1.0);
            nearest = std::min(nearest, std::hypot(arrow.tip.x - drawn[i - 1].x - t * d.x, arrow.tip.y - drawn[i - 1].y - t * d.y));
        }
        EXPECT_LT(nearest, 1.0);
    }
    // The route's name is asked for, in italics and its colour.
    const auto* name = record(p, "The road");
    ASSERT_NE(name, nullptr);
    EXPECT_DOUBLE_EQ(name->request.priority, 900);
}

TEST_F(OverlayPlanTest, AHiddenRouteHasNoArrowsNoNameAndGivesNoColour) {
    OverlayOptions options;
    options.hidden_routes = {"road"};
    const OverlayPlan p = plan(options);
    EXPECT_TRUE(p.arrows.empty());
    EXPECT_EQ(record(p, "The road"), nullptr);
    EXPECT_EQ(marker(p, "west")->fill, overlay_ink::text);
}

TEST_F(OverlayPlanTest, TheSelectedAndHoveredPlacesAreLitAndWinTheirPlace) {
    OverlayOptions options;
    options.selected = "east";
    options.hovered = "north";
    const OverlayPlan p = plan(options);
    const auto* east = marker(p, "east");
    EXPECT_TRUE(east->selected);
    EXPECT_EQ(east->ring, overlay_ink::highlight);
    EXPECT_FLOAT_EQ(east->radius, 5.0f * 1.3f);
    EXPECT_EQ(marker(p, "north")->ring, overlay_ink::highlight);
    EXPECT_FALSE(marker(p, "north")->selected);
    EXPECT_EQ(marker(p, "west")->ring, overlay_ink::text);
    EXPECT_GT(record(p, "Eastham")->request.priority, record(p, "Northby")->request.priority);
    EXPECT_GT(record(p, "Northby")->request.priority, record(p, "Westport")->request.priority);
    // What the pointer hits: the nearest marker within a few pixels, nothing farther.
    EXPECT_EQ(p.place_at(east->px + Vec2{3, 2}).value_or(""), "east");
    EXPECT_FALSE(p.place_at(east->px + Vec2{40, 0}));
}

TEST_F(OverlayPlanTest, TownsGiveWayToTheStoryAndAreThinnedBySpace) {
    ContextLabels context;
    // A town right beside Westport's marker is left out; one in open country is labelled with its dot.
    context.towns = {{"Besideton", "", {10.05, 10.02}, 900000, "XX"}, {"Openfield", "", {15.0, 7.5}, 800000, "XX"}};
    context.countries = {{"Testland", {12.0, 12.0}, 1e13, {}}};
    const OverlayPlan p = plan({}, &context);
    EXPECT_EQ(record(p, "Besideton"), nullptr);
    const auto* open = record(p, "Openfield");
    ASSERT_NE(open, nullptr);
    EXPECT_TRUE(open->placed);
    ASSERT_EQ(p.town_dots.size(), 1u);
    EXPECT_NEAR(p.town_dots[0].x, camera.world_to_screen(mercator::forward(LonLat{15.0, 7.5})).x, 1e-9);
    // Countries are upper case, centred, and rank between towns and the story.
    const auto* country = record(p, "TESTLAND");
    ASSERT_NE(country, nullptr);
    EXPECT_TRUE(country->request.centered);
    EXPECT_GT(country->request.priority, open->request.priority);
    EXPECT_LT(country->request.priority, record(p, "Westport")->request.priority);
    // Without context labels, none of them.
    OverlayOptions off;
    off.context_labels = false;
    const OverlayPlan bare = plan(off, &context);
    EXPECT_EQ(record(bare, "Openfield"), nullptr);
    EXPECT_EQ(record(bare, "TESTLAND"), nullptr);
}

TEST_F(OverlayPlanTest, AVehicleUnderWayHasACaptionCentredInTheMapAreaThatLabelsKeepClearOf) {
    const StoryMotion motion(story);
    const StoryClock clock(story);
    OverlayOptions options;
    options.motion = motion.at(static_cast<double>(parse_story_time("2020-01-01T05:00+00:00")->utc_seconds));
    options.clock = &clock;
    options.paths = &motion;
    options.caption_left = 200;
    const OverlayPlan p = plan(options);
    ASSERT_EQ(p.vehicles.size(), 1u);
    EXPECT_EQ(p.vehicles[0].mode, TravelMode::car);
    EXPECT_NEAR(p.vehicles[0].heading, 0.0f, 0.05f);  // heading east
    const Vec2 half = camera.world_to_screen(mercator::forward(LonLat{15, 10}));
    EXPECT_NEAR(p.vehicles[0].px.x, half.x, 20.0);
    ASSERT_EQ(p.captions.size(), 1u);
    const auto& caption = p.captions[0];
    EXPECT_NE(caption.text.find("Westport \xE2\x86\x92 Eastham"), std::string::npos) << caption.text;
    EXPECT_NE(caption.text.find("00:00"), std::string::npos) << caption.text;  // times from the clock
    ASSERT_TRUE(caption.dot);
    EXPECT_EQ(*caption.dot, to_rgba8(route_color(story.routes[0])));
    EXPECT_NEAR((caption.box.min_x + caption.box.max_x) / 2, 200 + (800 - 200) / 2.0, 0.5);
    EXPECT_NE(std::find_if(p.obstacles.begin(), p.obstacles.end(), [&](const Box& b) { return b.min_x == caption.box.min_x && b.max_y == caption.box.max_y; }),
              p.obstacles.end());
    for (const auto& r : p.label_records) {
        if (!r.placed) continue;
        EXPECT_FALSE(overlap(*r.placed, caption.box)) << r.text;
    }
    // Below a menu bar, the captions start below it.
    options.caption_top = 22;
    EXPECT_DOUBLE_EQ(plan(options).captions[0].box.min_y, caption.box.min_y + 22);
    options.caption_top = 0;
    // Before the start and after the end nothing moves and there is no caption.
    options.motion = motion.at(static_cast<double>(parse_story_time("2020-01-02T00:00+00:00")->utc_seconds));
    const OverlayPlan after = plan(options);
    EXPECT_TRUE(after.vehicles.empty());
    EXPECT_TRUE(after.captions.empty());
}

TEST_F(OverlayPlanTest, AScaleGrowsMarkersAndTheGapsBetweenArrows) {
    OverlayOptions options;
    options.scale = 2.0f;
    const OverlayPlan p = plan(options);
    EXPECT_FLOAT_EQ(marker(p, "east")->radius, 10.0f);
    EXPECT_FLOAT_EQ(marker(p, "west")->radius, 9.0f);
    const OverlayPlan one = plan();
    EXPECT_LT(p.arrows.size(), one.arrows.size());
}

TEST_F(OverlayPlanTest, LocalNamesWhereTheStoryHasThem) {
    OverlayOptions options;
    options.local_names = true;
    const OverlayPlan p = plan(options);
    EXPECT_NE(record(p, "Вестпорт"), nullptr);
    EXPECT_NE(record(p, "Eastham"), nullptr);  // none known: the name
    EXPECT_NE(local_name_glyphs(&story, nullptr, 0).find("Вестпорт"), std::string::npos);
    EXPECT_EQ(story_glyphs(&story).find("Вестпорт"), std::string::npos);  // only map labels draw local names
    EXPECT_NE(story_glyphs(&story).find("Eastham"), std::string::npos);
}

TEST(NearestTown, TheClosestPopulousEnoughWithinReach) {
    const std::vector<Town> towns = {{"Big", "", {10.0, 10.0}, 500000, ""}, {"Small", "", {10.01, 10.0}, 6000, ""}, {"Tiny", "", {10.0, 10.0}, 100, ""}};
    EXPECT_EQ(nearest_town(towns, {10.011, 10.0}, 40.0)->name, "Small");
    EXPECT_EQ(nearest_town(towns, {10.011, 10.0}, 40.0, 10000)->name, "Big");
    EXPECT_EQ(nearest_town(towns, {12.0, 10.0}, 40.0), nullptr);
}

TEST_F(OverlayPlanTest, TheRulerShowsItsLengthAndBearingAndLabelsKeepClear) {
    OverlayOptions options;
    options.ruler = {{10, 10}, {20, 10}};
    const OverlayPlan p = plan(options);
    ASSERT_TRUE(p.ruler);
    ASSERT_EQ(p.ruler->px.size(), 2u);
    EXPECT_NE(p.ruler->text.find("km"), std::string::npos) << p.ruler->text;
    EXPECT_NE(p.ruler->text.find("08"), std::string::npos) << p.ruler->text;  // about east (88°), not north
    EXPECT_EQ(p.ruler->text.substr(0, 5), "1,096") << p.ruler->text;          // 10° of longitude at 10°N
    const Box text_box = p.obstacles.back();
    for (const auto& r : p.label_records) {
        if (!r.placed) continue;
        EXPECT_FALSE(overlap(*r.placed, text_box)) << r.text;
    }
    EXPECT_FALSE(plan().ruler);
    EXPECT_EQ(format_distance(850), "850 m");
    EXPECT_EQ(format_distance(12345), "12.3 km");
    EXPECT_EQ(format_distance(1234567), "1,235 km");
}

// A border just east of Westport: its label, which would go right of the marker, goes to the
// anchor's own side; without the border it goes right.
TEST_F(OverlayPlanTest, APlaceLabelStaysOnItsOwnSideOfABorder) {
    const Vec2 west = mercator::forward(LonLat{10.0, 10.0});
    const double x = west.x + 12 * camera.resolution();  // 12 px east of the marker
    const SegmentIndex border({{{x, west.y - 1e6}, {x, west.y + 1e6}}}, 200e3);
    OverlayOptions options;
    const OverlayPlan without = plan(options);
    const auto free = record(without, "Westport");
    ASSERT_TRUE(free && free->placed);
    const Vec2 anchor = camera.world_to_screen(west);
    EXPECT_GT(free->placed->min_x, anchor.x);  // right of the marker, across where the border will be

    options.sides = &border;
    const OverlayPlan with = plan(options);
    const auto kept = record(with, "Westport");
    ASSERT_TRUE(kept && kept->placed);
    const double border_px = camera.world_to_screen({x, west.y}).x;
    EXPECT_LT(kept->placed->max_x, border_px);  // wholly on the marker's side
}

// A named line (a river) is named along its longest stretch on screen, reading left to right; a
// line shorter on screen than its name is not named.
TEST_F(OverlayPlanTest, ALineIsNamedAlongItsLongestStretchReadingLeftToRight) {
    ContextLabels context;
    // Drawn east to west and rising to the west: its name must not read upside down.
    context.lines.push_back({"Long River", {{21.0, 7.0}, {20.5, 7.2}, {9.0, 11.0}}, 50});
    context.lines.push_back({"Short Creek", {{12.0, 15.0}, {12.05, 15.0}}, 10});
    const OverlayPlan p = plan({}, &context);
    const auto river = std::find_if(p.labels.begin(), p.labels.end(), [](const auto& l) { return l.text == "Long River"; });
    ASSERT_NE(river, p.labels.end());
    const Vec2 west = camera.world_to_screen(mercator::forward(LonLat{9.0, 11.0}));
    const Vec2 east = camera.world_to_screen(mercator::forward(LonLat{20.5, 7.2}));
    EXPECT_NEAR(river->angle, std::atan2(east.y - west.y, east.x - west.x), 1e-6);
    EXPECT_LT(std::abs(river->angle), 1.5708);
    EXPECT_EQ(river->style, TextStyle::italic);
    // Its turned box is centred on the middle of the long stretch.
    const auto* r = record(p, "Long River");
    ASSERT_TRUE(r && r->placed);
    EXPECT_NEAR(r->placed->center().x, (west.x + east.x) / 2, 1.0);
    EXPECT_NEAR(r->placed->center().y, (west.y + east.y) / 2, 1.0);
    EXPECT_EQ(record(p, "Short Creek"), nullptr);
}

namespace {

Story long_route_story(double lon_a, double lon_b, double lon_c) {
    char text[1400];
    std::snprintf(text, sizeof text, R"({"type": "FeatureCollection", "story": {"title": "Far", "timezone": "+00:00"}, "features": [
  {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [%g, 10.0]}, "properties": {"kind": "place", "name": "A"}},
  {"type": "Feature", "id": "b", "geometry": {"type": "Point", "coordinates": [%g, 10.0]}, "properties": {"kind": "place", "name": "B"}},
  {"type": "Feature", "id": "c", "geometry": {"type": "Point", "coordinates": [%g, 10.0]}, "properties": {"kind": "place", "name": "C"}},
  {"type": "Feature", "id": "ship", "geometry": null, "properties": {"kind": "route", "name": "The voyage", "mode": "ship",
   "stops": ["a", "b", "c"], "times": ["2020-01-01T00:00+00:00", "2020-01-05T00:00+00:00", "2020-01-09T00:00+00:00"]}}]})",
                  lon_a, lon_b, lon_c);
    return parse_story(text, "far.story.json");
}

}  // namespace

TEST(OverlayPlanWorldCopies, ARouteWhoseEndsLieHalfAWorldFromTheCameraDoesNotJumpAcrossTheMap) {
    // Camera over the Atlantic; the route runs east from 30 E to 150 E, whose copy nearest the
    // camera's centre (40 W) lies west of the view: placed point by point, the last leg would jump
    // back across the whole map with arrows along it.
    const Story story = long_route_story(30, 100, 150);
    const Camera camera = Camera::fit(mercator::forward(-130, -10, 50, 30), 1200, 400);
    FixedWidthText measure;
    const OverlayPlan p = plan_overlay(&story, nullptr, camera, {}, measure);
    const double start = camera.world_to_screen(mercator::forward(LonLat{30, 10})).x;
    ASSERT_FALSE(p.arrows.empty());  // the route's first degrees are in view
    for (const auto& arrow : p.arrows) {
        EXPECT_GT(arrow.tip.x, start - 10) << "an arrow west of where the route begins";
        EXPECT_GT(arrow.tip.x, arrow.left.x);  // still pointing east
    }
}

TEST(OverlayPlanWorldCopies, ARouteAcrossTheAntimeridianHasItsArrowsAndNameOnItsOwnLine) {
    const Story story = long_route_story(165, 178, -170);  // eastward over 180
    const Camera camera = Camera::fit(mercator::forward(160, 0, 200, 20), 800, 600);
    FixedWidthText measure;
    const OverlayPlan p = plan_overlay(&story, nullptr, camera, {}, measure);
    const double west = camera.world_to_screen(mercator::forward(LonLat{165, 10})).x;
    const double east = camera.world_to_screen(mercator::forward(LonLat{190, 10})).x;
    ASSERT_GT(east - west, 300);
    EXPECT_EQ(p.arrows.size(), static_cast<std::size_t>(std::floor((east - west) / 150.0 + 0.5)));
    for (const auto& arrow : p.arrows) {
        EXPECT_GT(arrow.tip.x, west);
        EXPECT_LT(arrow.tip.x, east);
        EXPECT_GT(arrow.tip.x, arrow.left.x);
    }
    bool named = false;
    for (const auto& r : p.label_records) named |= r.text == "The voyage";
    EXPECT_TRUE(named);
}

TEST_F(OverlayPlanTest, ACountryWhoseAnchorIsOutOfViewIsNamedInsideThePartTheViewShows) {
    // The view (8..22 E, 6..16 N) shows the north of a country whose label point lies far south.
    ContextLabels context;
    CountryLabel country{"Southland", LonLat{15, -30}, 1e13, {}};
    std::vector<Vec2> ring;
    for (LonLat p : {LonLat{0, -40}, LonLat{30, -40}, LonLat{30, 12}, LonLat{0, 12}}) ring.push_back(mercator::forward(p));
    country.parts.push_back({ring});
    context.countries.push_back(country);
    const OverlayPlan p = plan({}, &context);
    const auto* name = record(p, "SOUTHLAND");
    ASSERT_NE(name, nullptr);
    ASSERT_TRUE(name->placed);
    const double border_y = camera.world_to_screen(mercator::forward(LonLat{15, 12})).y;
    EXPECT_GT(name->placed->min_y, border_y) << "inside the country, south of its northern edge";
    EXPECT_LE(name->placed->max_y, 600);
    // With no part in view, or a part too small to hold the name, it is not named.
    context.countries[0].parts[0][0] = {mercator::forward(LonLat{0, -40}), mercator::forward(LonLat{30, -40}), mercator::forward(LonLat{30, 5.9}),
                                        mercator::forward(LonLat{0, 5.9})};
    EXPECT_EQ(record(plan({}, &context), "SOUTHLAND"), nullptr);
}

TEST(OverlayPlanWorldCopies, TownsOnBothSidesOfTheAntimeridianAreNamedAndTheRestOfTheWorldIsNot) {
    ContextLabels context;
    context.towns = {{"Anadyr West", "", LonLat{179.5, 64.7}, 300000, "RU"},
                     {"Provideniya East", "", LonLat{-179.5, 64.4}, 250000, "RU"},
                     {"Far Away", "", LonLat{0, 64.5}, 200000, "NO"}};
    const Camera camera = Camera::fit(mercator::forward(176, 62, 184, 67), 800, 600);
    FixedWidthText measure;
    const OverlayPlan p = plan_overlay(nullptr, &context, camera, {}, measure);
    std::vector<std::string> named;
    for (const auto& r : p.label_records)
        if (r.placed) named.push_back(r.text);
    std::sort(named.begin(), named.end());
    EXPECT_EQ(named, (std::vector<std::string>{"Anadyr West", "Provideniya East"}));
}

// A story place that is a country is drawn as its border lit (the context's outline of it), in the
// colour of a route that stops there, brighter when hovered; a country the context does not know
// keeps only its open ring.
TEST_F(OverlayPlanTest, ACountryInTheStoryIsItsBorderLitNotAPin) {
    Story s = parse_story(R"({"type": "FeatureCollection", "story": {"title": "Countries", "timezone": "+00:00"}, "features": [
      {"type": "Feature", "id": "mid", "geometry": {"type": "Point", "coordinates": [15.0, 11.0]},
       "properties": {"kind": "place", "name": "Midland", "category": "country"}},
      {"type": "Feature", "id": "nowhere", "geometry": {"type": "Point", "coordinates": [12.0, 8.0]},
       "properties": {"kind": "place", "name": "Nowhereland", "category": "country"}},
      {"type": "Feature", "id": "town", "geometry": {"type": "Point", "coordinates": [10.0, 10.0]},
       "properties": {"kind": "place", "name": "Westport", "category": "town"}},
      {"type": "Feature", "id": "road", "geometry": null, "properties": {"kind": "route", "name": "The road", "mode": "car",
       "color": "#1f77b4", "stops": ["town", "mid"], "times": ["2020-01-01T00:00+00:00", "2020-01-01T10:00+00:00"]}}]})",
                          "countries.story.json");
    ContextLabels context;
    const std::vector<Vec2> square{mercator::forward(LonLat{13, 9}), mercator::forward(LonLat{17, 9}), mercator::forward(LonLat{17, 13}),
                                   mercator::forward(LonLat{13, 13})};
    context.countries.push_back(CountryLabel{"MIDLAND", LonLat{15, 11}, 1e11, {{square}}});  // letter case aside
    OverlayOptions options;
    options.context_labels = false;
    const OverlayPlan p = plan_overlay(&s, &context, camera, options, measure);
    ASSERT_EQ(p.outlines.size(), 1u);
    const auto& outline = p.outlines[0];
    EXPECT_EQ(outline.id, "mid");
    EXPECT_FALSE(outline.lit);
    EXPECT_EQ(outline.colour, to_rgba8(route_color(s.routes[0])));
    // One closed line round the square, at its corners' pixels.
    ASSERT_EQ(outline.lines.size(), 1u);
    ASSERT_EQ(outline.lines[0].size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        const Vec2 expected = camera.world_to_screen(square[i % 4]);
        EXPECT_NEAR(outline.lines[0][i].x, expected.x, 1e-9);
        EXPECT_NEAR(outline.lines[0][i].y, expected.y, 1e-9);
    }
    // Both countries keep their open ring, where a pointer finds them.
    EXPECT_EQ(marker(p, "mid")->shape, MarkerShape::country);
    EXPECT_EQ(marker(p, "nowhere")->shape, MarkerShape::country);
    options.hovered = "mid";
    EXPECT_TRUE(plan_overlay(&s, &context, camera, options, measure).outlines.at(0).lit);
    // Out of view: nothing drawn.
    const Camera far = Camera::fit(mercator::forward(100, 40, 110, 50), 800, 600);
    EXPECT_TRUE(plan_overlay(&s, &context, far, options, measure).outlines.empty());
}

// The context labels are kept from one frame to the next (OverlayOptions::context_cache) while
// nothing they depend on changes: the same plan as one made afresh, and a plan made afresh again
// once the view, the scale, the story's markers or the measured text change.
TEST_F(OverlayPlanTest, ContextLabelsKeptBetweenFramesAreTheSameAsPlannedAfresh) {
    ContextLabels context;
    context.towns = {{"Midtown", "", LonLat{14, 9}, 300000, "XX"}, {"Lowfield", "", LonLat{12, 12}, 200000, "XX"},
                     {"Southgate", "", LonLat{18, 8}, 150000, "XX"}};
    auto texts = [](const OverlayPlan& p) {
        std::vector<std::string> out;
        for (const auto& l : p.labels) out.push_back(l.text + "@" + std::to_string(l.at.x) + "," + std::to_string(l.at.y));
        return out;
    };
    ContextPlanCache cache;
    OverlayOptions kept;
    kept.context_cache = &cache;
    const OverlayPlan fresh = plan({}, &context);
    EXPECT_EQ(texts(plan(kept, &context)), texts(fresh));
    ASSERT_TRUE(cache.valid);
    ASSERT_FALSE(cache.looks.empty());
    // The second frame takes what the first kept: marked here by a name of the same measure.
    const std::string name = cache.looks[0].text;
    cache.looks[0].text = std::string(name.size(), 'X');
    const auto second = texts(plan(kept, &context));
    EXPECT_NE(second, texts(fresh));
    EXPECT_TRUE(std::any_of(second.begin(), second.end(), [&](const std::string& t) { return t.starts_with(std::string(name.size(), 'X') + "@"); }));
    // A measure that differs for that name: planned afresh.
    cache.looks[0].text = name + "!";
    EXPECT_EQ(texts(plan(kept, &context)), texts(fresh));
    // Another view or scale: planned afresh for it.
    camera.pan_pixels(40, 10);
    const OverlayPlan panned = plan({}, &context);
    EXPECT_EQ(texts(plan(kept, &context)), texts(panned));
    OverlayOptions bigger = kept, bigger_fresh;
    bigger.scale = bigger_fresh.scale = 1.5f;
    EXPECT_EQ(texts(plan(bigger, &context)), texts(plan(bigger_fresh, &context)));
}
