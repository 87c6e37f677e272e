#include "core/motion/story_clock.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace storyplot {

StoryClock::StoryClock(const Story& story, double gap_cap_seconds) : m_cap(gap_cap_seconds), m_zone(story.timezone_minutes()) {
    auto add = [&](const std::optional<StoryMoment>& moment, ClockEvent::Kind kind, const std::string& id, const std::string& label,
                   int stop = -1) {
        if (moment) m_events.push_back({moment->utc(), kind, id, label, stop});
    };
    for (const auto& route : story.routes)
        for (std::size_t i = 0; i < route.times.size() && i < route.stops.size(); ++i) {
            const Place* p = story.place(route.stops[i]);
            const std::string name = p ? p->name : route.stops[i];
            add(route.times[i].arrive, ClockEvent::Kind::stop, route.id, name + " (arrive)", static_cast<int>(i));
            add(route.times[i].depart, ClockEvent::Kind::stop, route.id, name + " (depart)", static_cast<int>(i));
        }
    for (const auto& chapter : story.chapters) add(chapter.time, ClockEvent::Kind::chapter, chapter.id, chapter.title);
    for (const auto& place : story.places) add(place.time, ClockEvent::Kind::place, place.id, place.name);
    std::stable_sort(m_events.begin(), m_events.end(), [](const ClockEvent& a, const ClockEvent& b) { return a.time < b.time; });
    for (const auto& e : m_events)
        if (m_times.empty() || e.time > m_times.back()) m_times.push_back(e.time);
    if (m_times.empty()) return;
    m_start = m_times.front();
    m_end = m_times.back();
    m_shown.push_back(0);
    for (std::size_t i = 1; i < m_times.size(); ++i) m_shown.push_back(m_shown.back() + std::min(m_times[i] - m_times[i - 1], m_cap));
}

double StoryClock::to_slider(double time) const {
    if (m_times.size() < 2 || shown_seconds() <= 0) return 0;
    if (time <= m_start) return 0;
    if (time >= m_end) return 1;
    const auto it = std::upper_bound(m_times.begin(), m_times.end(), time);
    const std::size_t i = static_cast<std::size_t>(it - m_times.begin()) - 1;
    const double span = m_times[i + 1] - m_times[i];
    const double f = (time - m_times[i]) / span;
    return (m_shown[i] + f * (m_shown[i + 1] - m_shown[i])) / shown_seconds();
}

double StoryClock::from_slider(double u) const {
    if (m_times.size() < 2 || shown_seconds() <= 0) return m_start;
    u = std::clamp(u, 0.0, 1.0);
    const double shown = u * shown_seconds();
    const auto it = std::upper_bound(m_shown.begin(), m_shown.end(), shown);
    std::size_t i = it == m_shown.begin() ? 0 : static_cast<std::size_t>(it - m_shown.begin()) - 1;
    if (i + 1 >= m_times.size()) return m_end;
    const double width = m_shown[i + 1] - m_shown[i];
    const double f = width > 0 ? (shown - m_shown[i]) / width : 0;
    return m_times[i] + f * (m_times[i + 1] - m_times[i]);
}

std::vector<std::pair<double, double>> StoryClock::compressed_gaps() const {
    std::vector<std::pair<double, double>> gaps;
    for (std::size_t i = 1; i < m_times.size(); ++i)
        if (m_times[i] - m_times[i - 1] > m_cap) gaps.emplace_back(m_shown[i - 1] / shown_seconds(), m_shown[i] / shown_seconds());
    return gaps;
}

std::optional<double> StoryClock::next_event(double time) const {
    const auto it = std::upper_bound(m_times.begin(), m_times.end(), time + 0.5);
    if (it == m_times.end()) return std::nullopt;
    return *it;
}

std::optional<double> StoryClock::previous_event(double time) const {
    const auto it = std::lower_bound(m_times.begin(), m_times.end(), time - 0.5);
    if (it == m_times.begin()) return std::nullopt;
    return *(it - 1);
}

std::string StoryClock::zone_name() const { return "UTC" + format_utc_offset(m_zone); }

std::string StoryClock::format(double time, bool with_year) const {
    const CivilTime c = civil_time(StoryTime{static_cast<std::int64_t>(std::floor(time)), m_zone});
    static const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[64];
    if (with_year)
        std::snprintf(text, sizeof text, "%s %d %s %04d %02d:%02d", days[c.weekday], c.day, months[c.month - 1], c.year, c.hour, c.minute);
    else
        std::snprintf(text, sizeof text, "%s %d %s %02d:%02d", days[c.weekday], c.day, months[c.month - 1], c.hour, c.minute);
    return text;
}

}  // namespace storyplot
