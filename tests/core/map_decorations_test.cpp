// The decorations' layout, decided without GL: corners, stacking, the window's panels, and what is
// left out when there is no room.
#include "core/labels/map_decorations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/geo/mercator.hpp"

using namespace storyplot;

namespace {

class FixedWidthText final : public TextMeasure {
public:
    Vec2 size(TextStyle, std::string_view text, float wrap) const override {
        const double w = 7.0 * static_cast<double>(text.size());
        if (wrap > 0 && w > wrap) return {wrap, 14.0 * std::ceil(w / wrap)};
        return {w, 14.0};
    }
    float font_size(TextStyle) const override { return 14.0f; }
};

bool inside(const Box& inner, const Box& outer) {
    return inner.min_x >= outer.min_x && inner.min_y >= outer.min_y && inner.max_x <= outer.max_x && inner.max_y <= outer.max_y;
}
bool overlap(const Box& a, const Box& b) { return a.min_x < b.max_x && a.max_x > b.min_x && a.min_y < b.max_y && a.max_y > b.min_y; }

ExportDecorations everything() {
    ExportDecorations d;
    d.title = "Kim Jong Un's train to Vladivostok";
    d.date = "24 April 2019";
    d.legend = {{"Armoured train", {0.8f, 0.1f, 0.1f, 1}, TravelMode::train}, {"Motorcade", {0.1f, 0.3f, 0.8f, 1}, TravelMode::car}};
    d.credits = map_credits(true, true);
    return d;
}

}  // namespace

TEST(MapDecorations, EachInItsCornerInsideTheImageWithoutOverlapping) {
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 1600, 1000);
    const FixedWidthText text;
    const DecorationLayout layout = layout_decorations(camera, 1.0f, everything(), text);
    const Box image = Box::of(0, 0, 1600, 1000);
    const auto boxes = layout.boxes();
    ASSERT_EQ(boxes.size(), 5u);  // title, legend, inset, scale bar, credits
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        EXPECT_TRUE(inside(boxes[i], image)) << i;
        for (std::size_t j = i + 1; j < boxes.size(); ++j) EXPECT_FALSE(overlap(boxes[i], boxes[j])) << i << " " << j;
    }
    EXPECT_LT(layout.title.max_y, 200);         // top left
    EXPECT_LT(layout.title.min_x, 50);
    EXPECT_GT(layout.credits.min_x, 800);       // bottom right
    EXPECT_GT(layout.credits.min_y, 900);
    EXPECT_LT(layout.scale_bar.max_x, 400);     // bottom left, the legend stacked above it
    EXPECT_GT(layout.scale_bar.min_y, 900);
    EXPECT_LT(layout.legend.max_y, layout.scale_bar.min_y);
    EXPECT_LT(layout.inset.max_y, layout.credits.min_y);  // above the credits
    // The title's box holds its text and the date's line.
    EXPECT_GE(layout.title.width(), 7.0 * static_cast<double>(everything().title.size()));
    EXPECT_GE(layout.title.height(), 28.0);
}

TEST(MapDecorations, OnlyWhatIsAskedForAndTheWindowsPanelsKeptClear) {
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 1600, 1000);
    const FixedWidthText text;
    ExportDecorations d = everything();
    d.show = DecorationSet::on_screen();
    const DecorationInsets panels{400, 0, 60};
    const DecorationLayout layout = layout_decorations(camera, 1.0f, d, text, panels);
    EXPECT_TRUE(layout.title.empty());
    EXPECT_TRUE(layout.legend.empty());
    EXPECT_TRUE(layout.inset.empty());
    ASSERT_FALSE(layout.scale_bar.empty());
    ASSERT_FALSE(layout.credits.empty());
    EXPECT_GE(layout.scale_bar.min_x, 400);
    EXPECT_LE(layout.scale_bar.max_y, 1000 - 60);
    EXPECT_LE(layout.credits.max_y, 1000 - 60);
}

TEST(MapDecorations, ScaleMakesEverythingBiggerAndASmallImageHasNoInset) {
    const FixedWidthText text;
    const Camera big = Camera::fit(mercator::forward(124, 37, 136, 46), 800, 500);
    const DecorationLayout one = layout_decorations(big, 1.0f, everything(), text);
    const DecorationLayout two = layout_decorations(big, 2.0f, everything(), text);
    EXPECT_GT(two.scale_bar.height(), one.scale_bar.height() * 1.5);
    EXPECT_GT(two.inset.width(), one.inset.width());
    const Camera small = Camera::fit(mercator::forward(124, 37, 136, 46), 240, 160);
    EXPECT_TRUE(layout_decorations(small, 1.0f, everything(), text).inset.empty());
}

TEST(MapDecorations, TheInsetShowsTheViewsSurroundings) {
    const Camera camera = Camera::fit(mercator::forward(130, 42, 133, 44), 1200, 800);
    const Box inset = Box::of(900, 500, 1180, 700);
    const Camera around = inset_camera(camera, inset);
    EXPECT_EQ(around.width(), 280);
    EXPECT_EQ(around.height(), 200);
    // Centred on the view, to within half of one of its own pixels.
    EXPECT_LE(std::abs(around.center().x - camera.center().x), around.resolution() / 2);
    EXPECT_LE(std::abs(around.center().y - camera.center().y), around.resolution() / 2);
    EXPECT_GT(around.resolution(), camera.resolution() * 4);
    const Box seen = around.visible_box();
    const Box view = camera.visible_box();
    EXPECT_TRUE(inside(view, seen));
    // The view's box on the inset is its true projection, well inside.
    const Box box = inset_view_box(camera, around);
    const Vec2 nw = around.world_to_screen({view.min_x, view.max_y});
    EXPECT_NEAR(box.min_x, nw.x, 1e-6);
    EXPECT_NEAR(box.min_y, nw.y, 1e-6);
    EXPECT_GT(box.min_x, 1);
    EXPECT_LT(box.max_x, 279);
}

TEST(MapDecorations, TheInsetOfAPanningViewMovesByWholePixelsAtOneScale) {
    // A camera following a vehicle: the view moves a pixel a frame at one scale. The inset keeps
    // exactly its scale, and its centre moves by whole inset pixels or not at all, so its base is
    // moved rather than drawn again.
    const Box inset = Box::of(900, 500, 1180, 700);
    const Camera start = Camera::fit(mercator::forward(130, 42, 133, 44), 1200, 800);
    const Camera first = inset_camera(start, inset);
    int moves = 0;
    Vec2 last = first.center();
    for (int k = 1; k <= 200; ++k) {
        const Camera view(start.center() + Vec2{k * start.resolution(), 0.37 * k * start.resolution()}, start.resolution(), 1200, 800);
        const Camera around = inset_camera(view, inset);
        ASSERT_EQ(around.resolution(), first.resolution()) << "frame " << k;
        const double dx = (around.center().x - first.center().x) / around.resolution();
        const double dy = (around.center().y - first.center().y) / around.resolution();
        EXPECT_NEAR(dx, std::round(dx), 1e-6) << "frame " << k;
        EXPECT_NEAR(dy, std::round(dy), 1e-6) << "frame " << k;
        if (!(around.center() == last)) ++moves;
        last = around.center();
    }
    // 200 pixels of the view are about 200 / 18.9 pixels of the inset (its scale is 8 x the view's span).
    EXPECT_GT(moves, 5);
    EXPECT_LT(moves, 40);
}

TEST(MapDecorations, AViewWiderThanTheWorldIsFramedAcrossTheWholeInset) {
    // The story's whole span at a small size: the main view is wider than the world, and the
    // inset (the world at most) cannot show its sides. Its box runs from edge to edge, inside.
    const Camera camera(Vec2{0, 0}, 3 * mercator::world_width / 1200, 1200, 800);
    const Box inset = Box::of(900, 500, 1180, 700);
    const Camera around = inset_camera(camera, inset);
    const Box box = inset_view_box(camera, around);
    EXPECT_DOUBLE_EQ(box.min_x, 1);
    EXPECT_DOUBLE_EQ(box.max_x, 279);
    EXPECT_GE(box.min_y, 1);
    EXPECT_LE(box.max_y, 199);
    EXPECT_LT(box.min_y, box.max_y);
}

TEST(MapDecorations, ScaleBarIsARoundLengthTrueAtTheCentre) {
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 1600, 1000);
    const ScaleBar bar = choose_scale_bar(camera, 140);
    EXPECT_LE(bar.pixels, 140);
    EXPECT_GT(bar.pixels, 140 / 2.5 - 1);
    const double mantissa = bar.metres / std::pow(10.0, std::floor(std::log10(bar.metres)));
    EXPECT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9) << bar.metres;
    EXPECT_NEAR(bar.pixels * camera.ground_resolution(), bar.metres, 1e-6);
    EXPECT_NE(bar.label.find("km"), std::string::npos);
    EXPECT_EQ(map_credits(true, false), "Map data: Natural Earth \xC2\xB7 GSHHG");
    EXPECT_EQ(map_credits(false, false), "Map data: Natural Earth");  // no lakes, rivers or close shores drawn
    EXPECT_NE(map_credits(true, true).find("GeoNames"), std::string::npos);
    EXPECT_EQ(map_credits(true, false, {"\xC2\xA9 OpenStreetMap contributors (ODbL)"}),
              "Map data: Natural Earth \xC2\xB7 GSHHG \xC2\xB7 \xC2\xA9 OpenStreetMap contributors (ODbL)");
}

TEST(MapDecorations, ASmallPictureWrapsItsCreditsAndLeavesOutALegendThatWouldCoverTheTitle) {
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 360, 160);
    const FixedWidthText text;
    ExportDecorations d = everything();
    d.credits += "\nProjection: Lambert conformal conic, standard parallels 27.3° and 52.3°";
    const DecorationLayout layout = layout_decorations(camera, 1.0f, d, text);
    const Box image = Box::of(0, 0, 360, 160);
    EXPECT_TRUE(inside(layout.credits, image));
    EXPECT_GT(layout.credits.height(), 2 * 14.0);  // more lines than the text's two
    EXPECT_FALSE(layout.title.empty());
    EXPECT_TRUE(layout.legend.empty());
    const auto boxes = layout.boxes();
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j) EXPECT_FALSE(overlap(boxes[i], boxes[j])) << i << " " << j;
}

TEST(MapDecorations, AMenuBarAboveKeepsTheTitleBelowIt) {
    const Camera camera = Camera::fit(mercator::forward(124, 37, 136, 46), 1600, 1000);
    const FixedWidthText text;
    DecorationInsets menu;
    menu.top = 22;
    const DecorationLayout plain = layout_decorations(camera, 1.0f, everything(), text);
    const DecorationLayout below = layout_decorations(camera, 1.0f, everything(), text, menu);
    EXPECT_DOUBLE_EQ(below.title.min_y, plain.title.min_y + 22);
    EXPECT_EQ(below.credits.min_y, plain.credits.min_y);  // the bottom is where it was
}

TEST(MapDecorations, AChapterCardTooTallForASmallPictureTakesTheLegendsRoomThenCutsItsText) {
    const FixedWidthText text;
    ExportDecorations d = everything();
    std::string words;
    for (int i = 0; i < 60; ++i) words += "word" + std::to_string(i) + " ";
    d.card = ChapterCard{"3 / 6", "Across the Tumen at Khasan", words, 1.0f};
    auto pieces_fit = [](const DecorationLayout& layout) {
        for (const PlacedText& p : layout.card_text.pieces)
            if (layout.card_text_at.y + p.at.y + 14.0 > layout.card.height() + 1e-6) return false;
        return true;
    };
    auto apart = [](const DecorationLayout& layout) {
        const auto boxes = layout.boxes();
        for (std::size_t i = 0; i < boxes.size(); ++i)
            for (std::size_t j = i + 1; j < boxes.size(); ++j)
                if (overlap(boxes[i], boxes[j])) return false;
        return true;
    };
    // A big picture: the whole card, with the legend and scale bar below it.
    const DecorationLayout big = layout_decorations(Camera::fit(mercator::forward(124, 37, 136, 46), 1600, 1000), 1.0f, d, text);
    EXPECT_FALSE(big.legend.empty());
    EXPECT_EQ(big.card_text.pieces.back().text.find("\u2026"), std::string::npos);
    EXPECT_TRUE(pieces_fit(big));
    EXPECT_TRUE(apart(big));
    // 640 x 360: the legend gives its room, the text ends where the card does, with an ellipsis,
    // and nothing covers anything else.
    const DecorationLayout small = layout_decorations(Camera::fit(mercator::forward(124, 37, 136, 46), 640, 360), 1.0f, d, text);
    EXPECT_TRUE(small.legend.empty());
    EXPECT_FALSE(small.title.empty());
    EXPECT_TRUE(inside(small.card, Box::of(0, 0, 640, 360)));
    ASSERT_FALSE(small.card_text.pieces.empty());
    EXPECT_LT(small.card_text.pieces.size(), big.card_text.pieces.size());
    EXPECT_NE(small.card_text.pieces.back().text.find("\u2026"), std::string::npos);
    EXPECT_TRUE(pieces_fit(small));
    EXPECT_TRUE(apart(small));
}

// In another projection the view's outline on the inset follows its edges back to the earth: a
// conic's is no box (its top edge bows), every point of it is a point of the view's edge; a globe
// seen whole is cut along its horizon.
TEST(MapDecorations, TheInsetOutlinesWhatAnotherProjectionShows) {
    const Camera mercator_view = Camera::fit(mercator::forward(60, 35, 140, 65), 1200, 800);
    const Box inset_px = Box::of(900, 500, 1180, 700);
    const std::vector<Vec2> box = inset_view_outline(mercator_view, inset_camera(mercator_view, inset_px));
    ASSERT_EQ(box.size(), 4u);  // Web Mercator: the box
    const Camera conic = Camera::fit_lonlat(fitted_projection(ProjectionKind::conformal_conic, Box::of(60, 35, 140, 65)), Box::of(60, 35, 140, 65), 1200, 800);
    const Camera around = inset_camera(conic, inset_px);
    const std::vector<Vec2> outline = inset_view_outline(conic, around);
    ASSERT_EQ(outline.size(), 96u);
    for (Vec2 p : outline) {
        const auto at = conic.lonlat_to_screen(mercator::inverse(around.screen_to_world(p)));
        ASSERT_TRUE(at);
        const double to_edge = std::min({std::abs(at->x), std::abs(at->x - 1200), std::abs(at->y), std::abs(at->y - 800)});
        EXPECT_LT(to_edge, 1.0);
    }
    // The top edge's middle lies north of its corners on the inset (smaller y): a conic's parallels bow.
    EXPECT_LT(outline[12].y, std::min(outline[0].y, outline[24].y) - 1.0);
    // The whole globe: every point on the earth, at most a quarter turn from the centre.
    const Projection globe = fitted_projection(ProjectionKind::orthographic, Box::of(60, 20, 120, 60));
    const Camera whole = Camera::fit_lonlat(globe, Box::of(-180, -90, 180, 90), 800, 800);
    const Camera globe_around = inset_camera(whole, Box::of(0, 0, 280, 200));
    const std::vector<Vec2> horizon = inset_view_outline(whole, globe_around);
    ASSERT_GE(horizon.size(), 90u);
    for (Vec2 p : horizon) {
        const LonLat q = mercator::inverse(globe_around.screen_to_world(p));
        const double cos_angle = std::sin(q.lat * std::numbers::pi / 180) * std::sin(globe.lat0 * std::numbers::pi / 180) +
                                 std::cos(q.lat * std::numbers::pi / 180) * std::cos(globe.lat0 * std::numbers::pi / 180) *
                                     std::cos((q.lon - globe.lon0) * std::numbers::pi / 180);
        EXPECT_GT(cos_angle, -0.02);
    }
}
