#include "core/geoparse/article_times.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace storyplot {

namespace {

struct Word {
    std::string text;  // lower case; digits and ':' kept ("10:40")
    std::size_t end;   // byte after it in the clause
};

std::vector<Word> words_of(std::string_view s) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (!std::isalnum(c)) {
            ++i;
            continue;
        }
        std::string w;
        while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || (s[i] == ':' && !w.empty() && std::isdigit(static_cast<unsigned char>(w.back())) &&
                                                                                    i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))))) {
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
            ++i;
        }
        out.push_back({std::move(w), i});
    }
    return out;
}

constexpr std::array<std::string_view, 7> weekdays{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 12> months{"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november", "december"};

// 1-12 for a month's name or its abbreviation ("apr", "sept"); 0 otherwise.
int month_of(const std::string& w) {
    for (std::size_t m = 0; m < months.size(); ++m) {
        if (w == months[m]) return static_cast<int>(m) + 1;
        if (m != 4 && w.size() >= 3 && w.size() <= 4 && months[m].substr(0, w.size()) == w) return static_cast<int>(m) + 1;
    }
    return 0;
}

int number_of(const std::string& w) {
    static constexpr std::array<std::string_view, 11> names{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    for (std::size_t n = 0; n < names.size(); ++n)
        if (w == names[n]) return static_cast<int>(n);
    if (w == "a" || w == "an") return 1;
    if (!w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) return std::atoi(w.c_str());
    return -1;
}

bool all_digits(const std::string& w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

int day_number(const std::string& w) {
    // "24", "24th", "1st"
    std::size_t n = 0;
    while (n < w.size() && std::isdigit(static_cast<unsigned char>(w[n]))) ++n;
    if (n == 0 || n > 2) return 0;
    const std::string rest = w.substr(n);
    if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
    const int d = std::atoi(w.substr(0, n).c_str());
    return d >= 1 && d <= 31 ? d : 0;
}

// A date at word k: "april 24 2019", "24 april 2019" (the year optional), or "2019-04-24" (three words).
std::optional<CalendarDate> date_at(const std::vector<Word>& w, std::size_t k, std::size_t& used) {
    if (const int m = month_of(w[k].text); m && k + 1 < w.size()) {
        if (const int d = day_number(w[k + 1].text)) {
            const int y = k + 2 < w.size() ? year_of(w[k + 2].text) : 0;
            used = y ? 3 : 2;
            return CalendarDate{y, m, d};
        }
    }
    if (const int d = day_number(w[k].text); d && k + 1 < w.size()) {
        if (const int m = month_of(w[k + 1].text)) {
            const int y = k + 2 < w.size() ? year_of(w[k + 2].text) : 0;
            used = y ? 3 : 2;
            return CalendarDate{y, m, d};
        }
    }
    if (const int y = year_of(w[k].text); y && k + 2 < w.size() && w[k + 1].text.size() == 2 && w[k + 2].text.size() == 2 &&
                                              all_digits(w[k + 1].text) && all_digits(w[k + 2].text)) {
        const int m = std::atoi(w[k + 1].text.c_str()), d = std::atoi(w[k + 2].text.c_str());
        if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
            used = 3;
            return CalendarDate{y, m, d};
        }
    }
    return std::nullopt;
}

StoryTime at(CalendarDate d, int minutes, int offset_minutes) {
    const std::int64_t local = days_from_civil(d.year, d.month, d.day) * 86400 + minutes * 60;
    return StoryTime{local - offset_minutes * 60, offset_minutes};
}

}  // namespace

int year_of(std::string_view word) {
    const std::string w(word);
    if (w.size() != 4 || !all_digits(w)) return 0;
    const int y = std::atoi(w.c_str());
    return y >= 1800 && y <= 2100 ? y : 0;
}

std::optional<CalendarDate> article_date(std::string_view text) {
    const auto w = words_of(text.substr(0, std::min<std::size_t>(text.size(), 1 << 20)));
    for (std::size_t k = 0; k < w.size(); ++k) {
        std::size_t used = 0;
        if (const auto d = date_at(w, k, used); d && d->year) return d;
    }
    return std::nullopt;
}

std::optional<CalendarDate> parse_calendar_date(std::string_view text) {
    const auto t = parse_story_time(text);
    if (text.size() != 10 || !t) return std::nullopt;
    const CivilTime c = civil_time(*t);
    return CalendarDate{c.year, c.month, c.day};
}

std::optional<TimeHint> time_hint(std::string_view clause) {
    const auto w = words_of(clause);
    TimeHint h;
    bool any = false;
    for (std::size_t k = 0; k < w.size(); ++k) {
        const std::string& t = w[k].text;
        const std::string next = k + 1 < w.size() ? w[k + 1].text : "";
        const std::string prev = k > 0 ? w[k - 1].text : "";
        for (std::size_t d = 0; d < weekdays.size(); ++d)
            if (t == weekdays[d] && !h.weekday && !h.date) {
                h.weekday = static_cast<int>(d);
                any = true;
            }
        std::size_t used = 0;
        if (!h.date)
            if (const auto d = date_at(w, k, used)) {
                h.date = d;
                h.weekday.reset();
                any = true;
                k += used - 1;
                continue;
            }
        // The clock: "10:40", "10:40 a.m.", "6 p.m.", "noon", "midnight".
        if (!h.clock) {
            int hour = -1, minute = 0;
            if (const auto colon = t.find(':'); colon != std::string::npos && colon <= 2 && t.size() == colon + 3) {
                hour = std::atoi(t.substr(0, colon).c_str());
                minute = std::atoi(t.substr(colon + 1).c_str());
            } else if (all_digits(t) && t.size() <= 2 && (next == "am" || next == "pm" || next == "a" || next == "p")) {
                hour = std::atoi(t.c_str());
            }
            const bool pm = next == "pm" || (next == "p" && k + 2 < w.size() && w[k + 2].text == "m");
            const bool am = next == "am" || (next == "a" && k + 2 < w.size() && w[k + 2].text == "m");
            if (hour >= 0 && hour <= 23 && minute <= 59 && (t.find(':') != std::string::npos || am || pm)) {
                if (pm && hour < 12) hour += 12;
                if (am && hour == 12) hour = 0;
                h.minutes = hour * 60 + minute;
                h.clock = true;
                any = true;
                continue;
            }
            if (t == "noon" || t == "midday" || t == "midnight") {
                h.minutes = t == "midnight" ? 0 : 12 * 60;
                h.clock = true;
                any = true;
                continue;
            }
        }
        // The part of the day.
        if (!h.minutes) {
            const int part = t == "dawn" ? 6 : t == "morning" ? 9 : t == "afternoon" ? 15 : t == "evening" ? 19 : t == "night" || t == "overnight" ? 23 : -1;
            if (part >= 0) {
                h.minutes = part * 60;
                any = true;
            }
        }
        // Days and hours counted from the stop before.
        if ((t == "next" || t == "following") && (next == "day" || next == "morning" || next == "afternoon" || next == "evening")) {
            h.days_after = 1;
            any = true;
        } else if ((t == "later" || t == "after") && k >= 2 && (prev == "days" || prev == "day" || prev == "hours" || prev == "hour")) {
            const int n = number_of(w[k - 2].text);
            if (n > 0 && (prev == "days" || prev == "day")) h.days_after = n;
            if (n > 0 && (prev == "hours" || prev == "hour")) h.hours_after = n;
            any = any || n > 0;
        } else if (t == "hours" && next == "later" && (k == 0 || number_of(prev) < 0)) {
            h.hours_after = 3;  // "hours later": a few
            any = true;
        } else if ((t == "day" || t == "hour") && k >= 1 && k + 1 < w.size() &&
                   (next == "journey" || next == "trip" || next == "ride" || next == "drive" || next == "flight" || next == "voyage" || next == "run")) {
            // "after a two-day journey", "a 10-hour drive"
            const int n = number_of(prev);
            if (n > 0) {
                h.hours_after = t == "day" ? 24 * n : n;
                any = true;
            }
        } else if (t == "yesterday" || t == "today" || t == "tomorrow") {
            h.weekday.reset();
            h.date = CalendarDate{-1, t == "yesterday" ? -1 : t == "tomorrow" ? 1 : 0, 0};  // from the article's date
            any = true;
        }
    }
    if (!any) return std::nullopt;
    return h;
}

std::optional<StoryTime> resolve_time_hint(const TimeHint& hint, std::optional<CalendarDate> article, std::optional<StoryTime> before,
                                           int offset_minutes) {
    const int minutes = hint.minutes.value_or(12 * 60);
    if (hint.relative()) {
        if (!before) return std::nullopt;
        if (hint.days_after > 0) {
            CivilTime c = civil_time(StoryTime{before->utc_seconds + std::int64_t{86400} * hint.days_after, offset_minutes});
            return at({c.year, c.month, c.day}, hint.minutes ? minutes : c.hour * 60 + c.minute, offset_minutes);
        }
        return StoryTime{before->utc_seconds + std::int64_t{3600} * hint.hours_after, offset_minutes};
    }
    if (hint.date && hint.date->year == -1) {  // yesterday, today, tomorrow
        if (!article) return std::nullopt;
        const StoryTime day = at(*article, 0, offset_minutes);
        const CivilTime c = civil_time(StoryTime{day.utc_seconds + std::int64_t{86400} * hint.date->month, offset_minutes});
        return at({c.year, c.month, c.day}, minutes, offset_minutes);
    }
    if (hint.date) {
        CalendarDate d = *hint.date;
        if (d.year == 0) {
            if (!article) return std::nullopt;
            d.year = article->year;
        }
        return at(d, minutes, offset_minutes);
    }
    if (hint.weekday) {
        if (!article) return std::nullopt;
        const CivilTime c = civil_time(at(*article, 12 * 60, 0));
        int delta = *hint.weekday - c.weekday;  // the nearest such day, the earlier on a tie
        if (delta > 3) delta -= 7;
        if (delta < -3) delta += 7;
        const CivilTime d = civil_time(StoryTime{at(*article, 12 * 60, 0).utc_seconds + std::int64_t{86400} * delta, 0});
        return at({d.year, d.month, d.day}, minutes, offset_minutes);
    }
    if (hint.minutes && before) {  // "in the evening": the day of the stop before, or the next if that has passed
        const CivilTime c = civil_time(*before);
        StoryTime t = at({c.year, c.month, c.day}, minutes, offset_minutes);
        if (t.utc_seconds < before->utc_seconds) t.utc_seconds += 86400;
        return t;
    }
    return std::nullopt;
}

}  // namespace storyplot
