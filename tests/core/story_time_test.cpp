#include "core/story/story_time.hpp"

#include <gtest/gtest.h>

using namespace storyplot;

TEST(StoryTime, ParsesIsoTimesWithTheirOffsetOrTheStorysOwn) {
    const auto t = parse_story_time("2019-04-24T18:00+10:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->utc_seconds, 1556092800);  // 08:00 UTC
    EXPECT_EQ(t->offset_minutes, 600);
    EXPECT_EQ(parse_story_time("2019-04-24T08:00Z")->utc_seconds, 1556092800);
    EXPECT_EQ(parse_story_time("2019-04-24T18:00", 600)->utc_seconds, 1556092800);  // the story's zone
    EXPECT_EQ(parse_story_time("2019-04-24T18:00:30+10:00")->utc_seconds, 1556092830);
    EXPECT_EQ(parse_story_time("2019-04-24", 0)->utc_seconds, 1556064000);
    EXPECT_EQ(format_story_time(*t, true), "2019-04-24 18:00 +10:00");
}

TEST(StoryTime, RefusesWhatIsNotATime) {
    for (const char* text : {"", "24 April", "2019-02-29T10:00Z", "2019-13-01", "2019-04-31", "2019-04-24T24:00Z", "2019-04-24T10:60Z",
                             "2019-04-24T10:00+25:00", "2019-04-24 10:00", "99999-01-01", "2019-4-24", "2019-04-24T10:00+10:00junk"})
        EXPECT_FALSE(parse_story_time(text)) << text;
    EXPECT_TRUE(parse_story_time("2020-02-29T10:00Z"));  // a leap day
}

TEST(StoryTime, OffsetsAndCivilTimesRoundTrip) {
    EXPECT_EQ(parse_utc_offset("+10:00"), 600);
    EXPECT_EQ(parse_utc_offset("-03:30"), -210);
    EXPECT_EQ(parse_utc_offset("Z"), 0);
    EXPECT_FALSE(parse_utc_offset("10:00"));
    const CivilTime c = civil_time(*parse_story_time("1969-12-31T23:59-00:00"));
    EXPECT_EQ(c.year, 1969);
    EXPECT_EQ(c.day, 31);
    EXPECT_EQ(c.minute, 59);
}
