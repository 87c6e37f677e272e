#include "core/story/story_time.hpp"

#include <charconv>
#include <cstdio>

namespace storyplot {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > s.size()) return false;
    for (std::size_t i = pos; i < pos + count; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    std::from_chars(s.data() + pos, s.data() + pos + count, out);
    return true;
}

}  // namespace

// After H. Hinnant.
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

namespace {

void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<int>(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp + (mp < 10 ? 3 : -9);
    y = static_cast<int>(yoe + era * 400) + (m <= 2);
}

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

}  // namespace

std::optional<int> parse_utc_offset(std::string_view s) {
    if (s == "Z") return 0;
    int h = 0, m = 0;
    if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' || !digits(s, 1, 2, h) || !digits(s, 4, 2, m) || h > 14 ||
        m > 59)
        return std::nullopt;
    return (s[0] == '-' ? -1 : 1) * (h * 60 + m);
}

std::optional<StoryTime> parse_story_time(std::string_view s, int default_offset_minutes) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' || !digits(s, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
    std::size_t pos = 10;
    if (pos < s.size()) {
        if (s[pos] != 'T' || !digits(s, pos + 1, 2, hour) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, minute))
            return std::nullopt;
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!digits(s, pos + 1, 2, second)) return std::nullopt;
            pos += 3;
        }
        if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    }
    int offset = default_offset_minutes;
    if (pos < s.size()) {
        const auto parsed = parse_utc_offset(s.substr(pos));
        if (!parsed) return std::nullopt;
        offset = *parsed;
    }
    const std::int64_t local = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return StoryTime{local - offset * 60, offset};
}

CivilTime civil_time(const StoryTime& time) {
    const std::int64_t local = time.utc_seconds + time.offset_minutes * 60;
    std::int64_t days = local / 86400;
    std::int64_t secs = local % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    CivilTime c{};
    civil_from_days(days, c.year, c.month, c.day);
    c.hour = static_cast<int>(secs / 3600);
    c.minute = static_cast<int>(secs / 60 % 60);
    c.second = static_cast<int>(secs % 60);
    c.weekday = static_cast<int>(((days + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
    return c;
}

std::string format_story_time(const StoryTime& time, bool with_zone) {
    const CivilTime c = civil_time(time);
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour, c.minute);
    std::string out = text;
    if (with_zone) {
        out += ' ';
        out += format_utc_offset(time.offset_minutes);
    }
    return out;
}

std::string iso_story_time(const StoryTime& time) {
    std::string out = format_story_time(time);
    out[10] = 'T';
    out += format_utc_offset(time.offset_minutes);
    return out;
}

std::string format_utc_offset(int minutes) {
    char text[16];
    std::snprintf(text, sizeof text, "%c%02d:%02d", minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
    return text;
}

std::optional<StoryMoment> parse_story_moment(std::string_view text, int default_offset_minutes) {
    const auto t = parse_story_time(text, default_offset_minutes);
    if (!t) return std::nullopt;
    return StoryMoment{std::string(text), *t};
}

}  // namespace storyplot
