#pragma once
// ISO 8601 times as stories write them: "2019-04-24T18:00+10:00", with optional seconds, "Z" for
// UTC, or a bare date "2019-04-24" (midnight in the story's zone).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storyplot {

// Seconds since 1970-01-01T00:00Z, and the offset the text gave (or the default).
struct StoryTime {
    std::int64_t utc_seconds = 0;
    int offset_minutes = 0;
    friend auto operator<=>(const StoryTime& a, const StoryTime& b) { return a.utc_seconds <=> b.utc_seconds; }
    friend bool operator==(const StoryTime& a, const StoryTime& b) { return a.utc_seconds == b.utc_seconds; }
};

// A time in a story: as written (saved back unchanged) and the instant it names, parsed once, when
// the story is read.
struct StoryMoment {
    std::string text;  // "2019-04-24T18:00+10:00"
    StoryTime time;
    double utc() const { return static_cast<double>(time.utc_seconds); }
};

// `default_offset_minutes` applies when the text has no zone. Nothing for text that is not a time.
std::optional<StoryTime> parse_story_time(std::string_view text, int default_offset_minutes = 0);
std::optional<StoryMoment> parse_story_moment(std::string_view text, int default_offset_minutes = 0);

// Days from 1970-01-01 to a civil date (proleptic Gregorian).
std::int64_t days_from_civil(int year, int month, int day);

// "+10:00" -> 600; nothing for anything else.
std::optional<int> parse_utc_offset(std::string_view text);
// 600 -> "+10:00", -90 -> "-01:30".
std::string format_utc_offset(int minutes);

// The calendar date and clock time of a time in its own offset; weekday 0 is Monday.
struct CivilTime {
    int year, month, day, hour, minute, second, weekday;
};
CivilTime civil_time(const StoryTime& time);

// "2019-04-24 18:00" in the time's own offset; "2019-04-24 18:00 +10:00" with `with_zone`.
std::string format_story_time(const StoryTime& time, bool with_zone = false);

// As a story file writes it: "2019-04-24T18:00+10:00".
std::string iso_story_time(const StoryTime& time);

}  // namespace storyplot
