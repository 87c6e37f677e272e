#include "core/motion/tour.hpp"

#include <algorithm>
#include <cctype>

#include "core/motion/fly_to.hpp"
#include "core/story/story_camera.hpp"

namespace storyplot {

int count_words(std::string_view text) {
    int words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        const bool space = std::isspace(c) != 0;
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

Tour::Tour(const Story& story, const StoryMotion* routes, int width, int height, const TourOptions& o) {
    double t = 0;
    std::optional<Camera> previous;
    for (int i = 0; i < static_cast<int>(story.chapters.size()); ++i) {
        const Chapter& chapter = story.chapters[static_cast<std::size_t>(i)];
        TourChapter c;
        c.chapter = i;
        c.view = chapter_camera(story, chapter, width, height, routes);
        c.from = previous.value_or(c.view);
        c.start = t;
        // The first chapter opens on its view; later ones fly there.
        const double fly = previous ? std::clamp(FlyTo(c.from, c.view).duration_seconds() * o.fly_scale, 1.0, 5.0) : 0.0;
        c.arrive = t + fly;
        double hold = std::clamp((count_words(chapter.title) + count_words(chapter.text)) / o.words_per_second, o.hold_min, o.hold_max);
        if (chapter.time) {
            c.clock_from = chapter.time->utc();
            // The clock runs on to the next chapter's time when it is later and near enough to watch.
            for (std::size_t j = static_cast<std::size_t>(i) + 1; j < story.chapters.size(); ++j) {
                const auto& next = story.chapters[j].time;
                if (!next) continue;
                if (next->utc() > *c.clock_from && next->utc() - *c.clock_from <= o.max_clock_span) {
                    c.clock_to = next->utc();
                    hold = std::max(hold, o.clock_seconds_min);
                }
                break;
            }
        }
        c.end = c.arrive + hold;
        t = c.end;
        previous = c.view;
        m_chapters.push_back(c);
    }
}

int Tour::index_at(double t) const {
    if (m_chapters.empty()) return -1;
    const auto it = std::upper_bound(m_chapters.begin(), m_chapters.end(), t, [](double v, const TourChapter& c) { return v < c.end; });
    return it == m_chapters.end() ? static_cast<int>(m_chapters.size()) - 1 : static_cast<int>(it - m_chapters.begin());
}

TourFrame Tour::at(double t, int index) const {
    TourFrame f;
    if (m_chapters.empty()) return f;
    index = std::clamp(index, 0, static_cast<int>(m_chapters.size()) - 1);
    const TourChapter& c = m_chapters[static_cast<std::size_t>(index)];
    f.chapter = c.chapter;
    t = std::clamp(t, c.start, c.end);
    if (t < c.arrive) {
        f.camera = FlyTo(c.from, c.view).at(ease_in_out((t - c.start) / (c.arrive - c.start)));
    } else {
        f.camera = c.view;
    }
    // The card fades in over the half second after arrival.
    f.card = std::clamp((t - c.arrive) / 0.5, 0.0, 1.0);
    // The clock: the chapter's time during its flight and over its hold, running on to the next
    // chapter's time when it does; an untimed chapter keeps the time of the one before.
    for (int i = index; i >= 0 && !f.time; --i) {
        const TourChapter& k = m_chapters[static_cast<std::size_t>(i)];
        if (!k.clock_from) continue;
        if (i != index) {
            f.time = k.clock_to.value_or(*k.clock_from);
        } else if (k.clock_to && t > k.arrive) {
            const double u = std::clamp((t - k.arrive) / (k.end - k.arrive), 0.0, 1.0);
            f.time = *k.clock_from + (*k.clock_to - *k.clock_from) * u;
        } else {
            f.time = k.clock_from;
        }
    }
    return f;
}

}  // namespace storyplot
