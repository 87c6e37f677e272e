#include "core/motion/story_motion.hpp"

#include <algorithm>
#include <cmath>

#include "core/geo/mercator.hpp"
#include "core/labels/number_format.hpp"

namespace storyplot {

StoryMotion::StoryMotion(const Story& story) : m_story(&story) {
    for (const auto& route : story.routes) m_motions.emplace_back(story, route);
}

std::vector<RouteAt> StoryMotion::at(double t) const {
    std::vector<RouteAt> out;
    for (std::size_t i = 0; i < m_motions.size(); ++i) {
        const RouteMotion& m = m_motions[i];
        if (!m.timed()) continue;
        RouteAt r;
        r.route = &m_story->routes[i];
        r.motion = &m;
        r.state = m.at(t);
        r.projected_m = m.projected_distance(r.state);
        out.push_back(r);
    }
    return out;
}

bool StoryMotion::any_timed() const {
    return std::any_of(m_motions.begin(), m_motions.end(), [](const RouteMotion& m) { return m.timed(); });
}

const RouteMotion* StoryMotion::motion(const std::string& route_id) const {
    for (const auto& m : m_motions)
        if (m.route_id() == route_id) return &m;
    return nullptr;
}

namespace {

// The resolution at which the leg from stop `from` to stop `from + 1` fits the view, with a margin.
double leg_resolution(const RouteMotion& m, int from, int width, int height) {
    const auto& stops = m.stop_vertices();
    if (from < 0 || from + 1 >= static_cast<int>(stops.size())) return -1;
    Box box;
    for (std::size_t i = stops[static_cast<std::size_t>(from)]; i <= stops[static_cast<std::size_t>(from) + 1]; ++i)
        box.add(mercator::forward(m.path()[i]));
    const double w = std::max(box.width(), 20000.0) * 1.3;
    const double h = std::max(box.height(), 20000.0) * 1.3;
    return std::max(w / std::max(width, 1), h / std::max(height, 1));
}

}  // namespace

std::optional<Camera> StoryMotion::follow_camera(double t, int width, int height) const {
    for (const auto& r : at(t)) {
        const MotionState& s = r.state;
        if (s.before_start || s.finished) continue;
        double res = leg_resolution(*r.motion, s.leg, width, height);
        if (s.waiting) {
            // Ease from the leg that arrived here to the leg that leaves, over the wait.
            const double before = leg_resolution(*r.motion, s.leg - 1, width, height);
            const double after = leg_resolution(*r.motion, s.leg, width, height);
            const StopTime& st = r.route->times[static_cast<std::size_t>(s.leg)];
            auto seconds = [](const std::optional<StoryMoment>& moment) { return moment ? moment->utc() : std::nan(""); };
            const double arrive = seconds(st.arrive), depart = seconds(st.depart);
            const double f = depart > arrive ? std::clamp((t - arrive) / (depart - arrive), 0.0, 1.0) : 1.0;  // false for NaN
            if (before > 0 && after > 0) res = std::exp(std::log(before) + (std::log(after) - std::log(before)) * f);
            else res = after > 0 ? after : before;
        }
        if (res <= 0) continue;
        // The centre on whole pixels: from frame to frame the map moves by whole pixels, and the
        // base drawn before is moved rather than drawn again (render/base_copy).
        const Vec2 at = mercator::forward(s.position);
        return Camera(Vec2{std::round(at.x / res) * res, std::round(at.y / res) * res}, res, width, height);
    }
    return std::nullopt;
}

std::string describe_route(const RouteMotion& motion) {
    const double km = motion.length_m() / 1000.0;
    std::string text = km < 10 ? std::to_string(static_cast<int>(std::lround(km * 10))) : group_thousands(std::lround(km));
    if (km < 10) text.insert(text.size() - 1, ".");
    if (km < 1) text = "0" + text;
    text += " km";
    if (!motion.timed()) return text;
    const double hours = (motion.end_time() - motion.start_time()) / 3600.0;
    const long minutes = std::lround(hours * 60);
    text += " \xC2\xB7 ";
    if (minutes >= 48 * 60) text += group_thousands(std::lround(hours / 24)) + " days";
    else if (minutes >= 60) text += std::to_string(minutes / 60) + " h" + (minutes % 60 ? " " + std::to_string(minutes % 60) + " min" : "");
    else text += std::to_string(minutes) + " min";
    if (hours > 0) text += " \xC2\xB7 " + group_thousands(std::lround(km / hours)) + " km/h";
    return text;
}

}  // namespace storyplot
