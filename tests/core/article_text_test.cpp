#include "core/geoparse/article_text.hpp"

#include <gtest/gtest.h>

#include "core/files/input_error.hpp"

using storyplot::check_article_text;

namespace {

std::string error_of(const std::string& text) {
    try {
        check_article_text("a.txt", text);
    } catch (const storyplot::InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(ArticleText, AcceptsUtf8InEveryLength) {
    EXPECT_EQ(error_of("Vladivostok, Владивосток, 블라디보스토크, 海参崴 \xF0\x9F\x9A\x82\n"), "");
}

TEST(ArticleText, RefusesWhatIsNotStrictUtf8WithItsLineAndByte) {
    EXPECT_EQ(error_of("   \n\t"), "a.txt: the file is empty");
    EXPECT_EQ(error_of(std::string("a\0b", 3)), "a.txt: looks like a binary file, not text");
    EXPECT_EQ(error_of("ok\nth\xF5\xB0\x99\x99"), "a.txt:2: not UTF-8 text (byte 6)");      // past U+10FFFF
    EXPECT_EQ(error_of("\xC0\xAF"), "a.txt:1: not UTF-8 text (byte 1)");                     // overlong '/'
    EXPECT_EQ(error_of("x\xED\xA0\x80"), "a.txt:1: not UTF-8 text (byte 2)");                // a surrogate
    EXPECT_EQ(error_of("x\xE0\x80\xAF"), "a.txt:1: not UTF-8 text (byte 2)");                // overlong
    EXPECT_EQ(error_of("cut \xE2\x80"), "a.txt:1: not UTF-8 text (byte 5)");                 // cut short
    EXPECT_EQ(error_of("\xF4\x90\x80\x80"), "a.txt:1: not UTF-8 text (byte 1)");             // U+110000
}
