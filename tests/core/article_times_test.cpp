// When an article's journeys happen: its date, what a clause says of when, and the story times
// that makes.
#include "core/geoparse/article_times.hpp"

#include <gtest/gtest.h>

using namespace storyplot;

namespace {
std::string at(const TimeHint& h, std::optional<CalendarDate> article, std::optional<StoryTime> before = std::nullopt, int zone = 600) {
    const auto t = resolve_time_hint(h, article, before, zone);
    return t ? iso_story_time(*t) : "none";
}
const CalendarDate wednesday{2019, 4, 24};
}  // namespace

TEST(ArticleTimes, TheArticlesDate) {
    EXPECT_EQ(article_date("SEOUL, April 24, 2019 (Reuters) - The train left."), (CalendarDate{2019, 4, 24}));
    EXPECT_EQ(article_date("Published 24 April 2019. The train left."), (CalendarDate{2019, 4, 24}));
    EXPECT_EQ(article_date("Updated Apr. 24, 2019"), (CalendarDate{2019, 4, 24}));
    EXPECT_EQ(article_date("Posted 2019-04-24 at noon"), (CalendarDate{2019, 4, 24}));
    EXPECT_FALSE(article_date("On April 24 the train left."));  // no year: not the article's date
    EXPECT_FALSE(article_date("He may come in March."));
    EXPECT_EQ(parse_calendar_date("2019-04-24"), (CalendarDate{2019, 4, 24}));
    EXPECT_FALSE(parse_calendar_date("2019-04-24T10:00"));
    EXPECT_FALSE(parse_calendar_date("24/04/2019"));
}

TEST(ArticleTimes, WhatAClauseSaysOfWhen) {
    const auto tuesday_evening = time_hint("left Pyongyang by train on Tuesday evening");
    ASSERT_TRUE(tuesday_evening);
    EXPECT_EQ(tuesday_evening->weekday, 1);
    EXPECT_EQ(tuesday_evening->minutes, 19 * 60);
    EXPECT_FALSE(tuesday_evening->clock);
    const auto clock = time_hint("reached Khasan at 10:40 a.m. the next day");
    ASSERT_TRUE(clock);
    EXPECT_EQ(clock->minutes, 10 * 60 + 40);
    EXPECT_TRUE(clock->clock);
    EXPECT_EQ(clock->days_after, 1);
    EXPECT_EQ(time_hint("arrived at 6 p.m.")->minutes, 18 * 60);
    EXPECT_EQ(time_hint("arrived after a two-day journey")->hours_after, 48);
    EXPECT_EQ(time_hint("arrived three days later")->days_after, 3);
    EXPECT_EQ(time_hint("on April 25")->date, (CalendarDate{0, 4, 25}));
    EXPECT_FALSE(time_hint("crossed the border into Russia"));
    EXPECT_FALSE(time_hint("the 2 men at the station"));  // a number is no clock
}

TEST(ArticleTimes, StoryTimesFromTheArticlesDateAndTheStopBefore) {
    // A weekday is the nearest to the article's date: Tuesday the day before, Thursday the day after.
    EXPECT_EQ(at(*time_hint("on Tuesday evening"), wednesday), "2019-04-23T19:00+10:00");
    EXPECT_EQ(at(*time_hint("on Thursday"), wednesday), "2019-04-25T12:00+10:00");
    EXPECT_EQ(at(*time_hint("on Sunday"), wednesday), "2019-04-21T12:00+10:00");
    EXPECT_EQ(at(*time_hint("on April 26 at 15:30"), wednesday), "2019-04-26T15:30+10:00");
    EXPECT_EQ(at(*time_hint("yesterday"), wednesday), "2019-04-23T12:00+10:00");
    EXPECT_EQ(at(*time_hint("on Tuesday"), std::nullopt), "none");  // no date to count from
    // From the stop before.
    const StoryTime tuesday = *resolve_time_hint(*time_hint("on Tuesday evening"), wednesday, std::nullopt, 600);
    EXPECT_EQ(at(*time_hint("at 10:40 the next day"), wednesday, tuesday), "2019-04-24T10:40+10:00");
    EXPECT_EQ(at(*time_hint("after a two-day journey"), wednesday, tuesday), "2019-04-25T19:00+10:00");
    EXPECT_EQ(at(*time_hint("in the morning"), wednesday, tuesday), "2019-04-24T09:00+10:00");  // the next morning
    EXPECT_EQ(at(*time_hint("the next day"), std::nullopt, std::nullopt), "none");
}
