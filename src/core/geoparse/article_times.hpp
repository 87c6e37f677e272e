#pragma once
// When an article says its journeys happen: the date it is written from ("April 24, 2019"), and
// in a clause about a stop the day ("on Wednesday", "the next morning", "two days later"), the
// part of the day ("in the evening") or the clock ("at 10:40 a.m."), turned into story times.
#include <optional>
#include <string>
#include <string_view>

#include "core/story/story_time.hpp"

namespace storyplot {

struct CalendarDate {
    int year = 0, month = 0, day = 0;
    friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// The first whole date the text writes: "April 24, 2019", "Apr. 24, 2019", "24 April 2019",
// "2019-04-24". Nothing when it writes none.
std::optional<CalendarDate> article_date(std::string_view text);

// The year a word writes ("2019"; 1800 to 2100), else 0.
int year_of(std::string_view word);

// "2019-04-24"; nothing for anything else.
std::optional<CalendarDate> parse_calendar_date(std::string_view text);

// What a clause says of when: a weekday, a date, a day counted from the stop before ("the next
// day", "three days later", "after a two-day journey"), the part of the day or the clock.
struct TimeHint {
    std::optional<int> weekday;        // 0 Monday … 6 Sunday
    std::optional<CalendarDate> date;  // year 0 when the clause gives none
    int days_after = 0;                // from the stop before
    int hours_after = 0;               // from the stop before ("hours later", "a two-day journey")
    std::optional<int> minutes;        // into the day, local
    bool clock = false;                // the clause gave the clock: not approximate
    bool relative() const { return days_after > 0 || hours_after > 0; }
};

// Nothing when the clause says nothing of when.
std::optional<TimeHint> time_hint(std::string_view clause);

// The time a hint names in a zone `offset_minutes` east of UTC: a weekday is the one nearest the
// article's date (a Thursday summit in a Wednesday's article is the next day), a day counted from
// the stop before needs that stop's time. Nothing when it cannot be told.
std::optional<StoryTime> resolve_time_hint(const TimeHint& hint, std::optional<CalendarDate> article, std::optional<StoryTime> before,
                                           int offset_minutes);

}  // namespace storyplot
