// A chapter's text with basic formatting: what is read as bold, italic, a bullet or a paragraph,
// what stays text, and how the words are laid out in a width.
#include "core/labels/rich_text.hpp"

#include <gtest/gtest.h>

using namespace storyplot;

namespace {

class FixedWidthText final : public TextMeasure {
public:
    Vec2 size(TextStyle style, std::string_view text, float) const override {
        return {(style == TextStyle::label_bold ? 8.0 : 7.0) * static_cast<double>(text.size()), 14.0};
    }
    float font_size(TextStyle) const override { return 14.0f; }
};

}  // namespace

TEST(RichText, BoldItalicBulletsAndParagraphs) {
    const auto blocks = parse_rich_text("The train **crossed** the *Tumen*\nat dawn.\n\n- Khasan\n- _Ussuriysk_\n\nLast.");
    ASSERT_EQ(blocks.size(), 4u);
    EXPECT_FALSE(blocks[0].bullet);
    EXPECT_EQ(blocks[0].spans, (std::vector<TextSpan>{{"The train ", SpanStyle::regular},
                                                      {"crossed", SpanStyle::bold},
                                                      {" the ", SpanStyle::regular},
                                                      {"Tumen", SpanStyle::italic},
                                                      {" at dawn.", SpanStyle::regular}}));
    EXPECT_TRUE(blocks[1].bullet);
    EXPECT_EQ(blocks[2].spans, (std::vector<TextSpan>{{"Ussuriysk", SpanStyle::italic}}));
    EXPECT_EQ(blocks[3].spans.front().text, "Last.");
}

TEST(RichText, MarkersWithoutTheirPairStayText) {
    EXPECT_EQ(parse_rich_text("2 * 3 = 6")[0].spans, (std::vector<TextSpan>{{"2 * 3 = 6", SpanStyle::regular}}));
    EXPECT_EQ(parse_rich_text("a **half")[0].spans, (std::vector<TextSpan>{{"a **half", SpanStyle::regular}}));
    EXPECT_EQ(parse_rich_text("file_name_here")[0].spans, (std::vector<TextSpan>{{"file_name_here", SpanStyle::regular}}));
    EXPECT_TRUE(parse_rich_text("\n\n  \n").empty());
    EXPECT_EQ(plain_text("**A** and *b*\n- c"), "A and b\n• c");
}

TEST(RichText, WordsWrapInTheWidthAndKeepTheirSpaces) {
    const FixedWidthText measure;
    // "Kim **arrived** at" : the space before the bold word belongs to the span before it.
    const RichLayout one = layout_rich_text(parse_rich_text("Kim **arrived** at"), measure, {}, 1000);
    ASSERT_EQ(one.pieces.size(), 3u);
    EXPECT_EQ(one.pieces[1].text, "arrived");
    EXPECT_EQ(one.pieces[1].style, TextStyle::label_bold);
    EXPECT_DOUBLE_EQ(one.pieces[1].at.x, 3 * 7 + 7);
    EXPECT_DOUBLE_EQ(one.pieces[2].at.x, 3 * 7 + 7 + 7 * 8 + 7);
    // "**Kim**'s": no space, no gap.
    const RichLayout joined = layout_rich_text(parse_rich_text("**Kim**'s train"), measure, {}, 1000);
    EXPECT_DOUBLE_EQ(joined.pieces[1].at.x, 3 * 8);
    // Ten words of 4 letters in 100 px: three a line (4*7 + space 7 = 35 each).
    const RichLayout wrapped = layout_rich_text(parse_rich_text("abcd abcd abcd abcd abcd abcd abcd abcd abcd abcd"), measure, {}, 100);
    ASSERT_EQ(wrapped.pieces.size(), 10u);
    EXPECT_EQ(wrapped.pieces[2].at.y, 0.0);
    EXPECT_GT(wrapped.pieces[3].at.y, 0.0);
    EXPECT_EQ(wrapped.pieces[3].at.x, 0.0);
    EXPECT_LE(wrapped.size.x, 100.0);
    EXPECT_NEAR(wrapped.size.y, 4 * 14 * 1.25, 1e-9);
    // A bullet hangs: its wrapped lines start under the text, not the bullet.
    const RichLayout bullet = layout_rich_text(parse_rich_text("- abcd abcd abcd abcd"), measure, {}, 90);
    EXPECT_EQ(bullet.pieces[0].text, "•");
    EXPECT_GT(bullet.pieces.back().at.y, 0.0);
    EXPECT_EQ(bullet.pieces.back().at.x, bullet.pieces[1].at.x);
}
