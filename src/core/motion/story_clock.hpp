#pragma once
// The story's clock: one timeline from the earliest to the latest time in the story (route stops,
// places, chapters), with its events. Long quiet gaps (a 2001 trip and a 2019 trip in one story)
// are compressed on the slider to a fixed width, so each journey gets room; playback moves evenly
// along the slider, so it hurries through the gaps.
#include <optional>
#include <string>
#include <vector>

#include "core/story/story.hpp"

namespace storyplot {

struct ClockEvent {
    enum class Kind { stop, chapter, place };
    double time;  // UTC seconds
    Kind kind;
    std::string id;     // route, chapter or place id
    std::string label;  // "Khasan (arrive)", "Across the Tumen at Khasan"
    int stop = -1;      // the stop index, for stops
};

class StoryClock {
public:
    // `gap_cap_seconds`: the longest stretch of quiet shown at full length.
    explicit StoryClock(const Story& story, double gap_cap_seconds = 12 * 3600.0);

    bool empty() const { return m_events.empty(); }
    double start() const { return m_start; }
    double end() const { return m_end; }
    int zone_minutes() const { return m_zone; }
    const std::vector<ClockEvent>& events() const { return m_events; }

    // Position on the slider, 0..1, and back: monotonic, continuous, exact at the ends.
    double to_slider(double time) const;
    double from_slider(double u) const;
    // Slider ranges that are compressed gaps (for drawing breaks).
    std::vector<std::pair<double, double>> compressed_gaps() const;
    // The length of the slider in "shown" seconds (gaps counted at their capped length).
    double shown_seconds() const { return m_shown.empty() ? 0 : m_shown.back(); }

    // The next / previous distinct event time strictly after / before `time`.
    std::optional<double> next_event(double time) const;
    std::optional<double> previous_event(double time) const;

    // "Wed 24 Apr 2019 10:40" in the story's zone; `with_year` false: "Wed 24 Apr 10:40".
    std::string format(double time, bool with_year = true) const;
    // "UTC+10:00"
    std::string zone_name() const;

private:
    std::vector<ClockEvent> m_events;
    std::vector<double> m_times;  // distinct event times, sorted
    std::vector<double> m_shown;  // shown seconds at each of m_times
    double m_cap;
    double m_start = 0, m_end = 0;
    int m_zone = 0;
};

}  // namespace storyplot
