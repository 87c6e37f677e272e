#include "core/motion/animation_span.hpp"

#include <algorithm>

namespace storyplot {

AnimationSpan choose_animation(const Story& story, const StoryMotion& motion, const AnimationChoice& choice) {
    AnimationSpan span;
    auto take = [&](const RouteMotion& m) {
        span.from = m.start_time();
        span.to = m.end_time();
        span.focus = {m.route_id()};
    };
    if (choice.route) {
        const RouteMotion* m = motion.motion(*choice.route);
        if (!m) throw std::invalid_argument("the story has no route \"" + *choice.route + "\"");
        if (!m->timed()) throw std::invalid_argument("\"" + *choice.route + "\" has no times to animate");
        take(*m);
        return span;
    }
    if (choice.chapter) {
        span.chapter = story.chapter(*choice.chapter);
        if (!span.chapter) throw std::invalid_argument("the story has no chapter \"" + *choice.chapter + "\"");
        for (const auto& id : span.chapter->focus)
            if (const RouteMotion* m = motion.motion(id); m && m->timed()) {
                span.from = span.from ? std::min(*span.from, m->start_time()) : m->start_time();
                span.to = span.to ? std::max(*span.to, m->end_time()) : m->end_time();
            }
        if (!span.from) throw std::invalid_argument("\"" + *choice.chapter + "\" has no timed route in its focus");
        return span;
    }
    if (choice.now)
        for (const auto& r : motion.at(*choice.now))
            if (!r.state.before_start && !r.state.finished) {
                take(*r.motion);
                return span;
            }
    for (const auto& route : story.routes)
        if (const RouteMotion* m = motion.motion(route.id); m && m->timed()) {
            take(*m);
            return span;
        }
    return span;
}

}  // namespace storyplot
