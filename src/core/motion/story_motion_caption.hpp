#pragma once
// The template part of story_motion.hpp: a route's current leg in words.
#include <string>

namespace storyplot {

template <typename Format>
std::string leg_caption(const Story& story, const Route& route, const MotionState& s, Format&& format) {
    auto name = [&](int stop) -> std::string {
        if (stop < 0 || stop >= static_cast<int>(route.stops.size())) return "?";
        const Place* p = story.place(route.stops[static_cast<std::size_t>(stop)]);
        return p ? p->name : route.stops[static_cast<std::size_t>(stop)];
    };
    auto time_of = [&](int stop, bool depart) -> std::string {
        if (stop < 0 || stop >= static_cast<int>(route.times.size())) return {};
        const StopTime& t = route.times[static_cast<std::size_t>(stop)];
        const auto& moment = depart ? (t.depart ? t.depart : t.arrive) : (t.arrive ? t.arrive : t.depart);
        if (!moment) return {};
        std::string out = t.approximate ? "about " : "";  // the story marks the time approximate
        out += format(moment->utc());
        return out;
    };
    const int last = static_cast<int>(route.stops.size()) - 1;
    if (s.before_start) return "at " + name(0) + ", leaves " + time_of(0, true);
    if (s.finished) return "arrived at " + name(last) + ", " + time_of(last, false);
    if (s.waiting) {
        const std::string until = time_of(s.leg, true);
        return "at " + name(s.leg) + (until.empty() ? "" : " until " + until);
    }
    return name(s.leg) + " \xE2\x86\x92 " + name(s.leg + 1) + " \xC2\xB7 " + time_of(s.leg, true) + " \xE2\x86\x92 " + time_of(s.leg + 1, false);
}

}  // namespace storyplot
