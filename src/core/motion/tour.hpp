#pragma once
// A presentation of the story chapter by chapter, as a plan in seconds: for each chapter a flight
// from the view before to its own, then a hold long enough to read its text while the story's
// clock runs on to the next chapter's time (when that is near enough to watch). The window's
// presentation mode and `animate --tour` both play this plan, so what is presented is what is
// exported, frame for frame. Pure: no clock of its own; frames are asked for by time.
#include <optional>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/story/story.hpp"

namespace storyplot {

class StoryMotion;

struct TourOptions {
    double hold_min = 4.0;             // seconds a chapter stays on screen, at least
    double hold_max = 20.0;            // and at most
    double words_per_second = 3.0;     // reading speed: the hold covers the chapter's text
    double clock_seconds_min = 6.0;    // a chapter whose clock runs holds this long at least
    double max_clock_span = 3 * 86400.0;  // the clock runs to the next chapter's time when it is this near
    double fly_scale = 1.5;            // a flight takes this times FlyTo's duration, from 1 to 5 s
};

struct TourChapter {
    int chapter = 0;
    double start = 0;   // the flight begins (the tour's seconds)
    double arrive = 0;  // at the chapter's view
    double end = 0;     // the next chapter's flight begins
    Camera from;        // the view the flight leaves
    Camera view;
    std::optional<double> clock_from, clock_to;  // the story's clock over the hold (UTC seconds)
};

// What the tour shows at one moment.
struct TourFrame {
    int chapter = -1;
    Camera camera;
    std::optional<double> time;  // the story's clock; none for an untimed chapter of an untimed story
    double card = 0;             // how far the chapter's text card has faded in, 0 to 1
};

class Tour {
public:
    // A tour of the story's chapters in a window of this size; `routes` is the story's motion
    // (built once per revision by its holder). A story without chapters has an empty tour.
    Tour(const Story& story, const StoryMotion* routes, int width, int height, const TourOptions& options = {});

    bool empty() const { return m_chapters.empty(); }
    double duration() const { return m_chapters.empty() ? 0.0 : m_chapters.back().end; }
    const std::vector<TourChapter>& chapters() const { return m_chapters; }
    // The tour's chapter at `t` (clamped to the tour), by index into chapters().
    int index_at(double t) const;
    TourFrame at(double t) const { return at(t, index_at(t)); }
    // The frame of the tour's chapter `index` at `t`, clamped to that chapter's span (a tour that
    // waits at a chapter's end shows that chapter, not the next one's first frame).
    TourFrame at(double t, int index) const;

private:
    std::vector<TourChapter> m_chapters;
};

// The words a chapter's text holds (for its reading time).
int count_words(std::string_view text);

}  // namespace storyplot
