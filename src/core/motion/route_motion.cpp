#include "core/motion/route_motion.hpp"

#include <algorithm>
#include <cmath>

#include "core/geo/geodesic.hpp"
#include "core/geo/mercator.hpp"

namespace storyplot {

Path route_geometry(const Story& story, const Route& route) {
    if (!route.path.empty()) return route_path(story, route);
    Path path;
    for (const auto& id : route.stops) {
        const Place* p = story.place(id);
        if (!p) continue;
        if (path.empty()) {
            path.push_back(p->position);
            continue;
        }
        // Continue from where the previous leg ended, which may lie past +-180 degrees.
        const LonLat from = path.back();
        LonLat to = p->position;
        to.lon += std::round((from.lon - to.lon) / 360.0) * 360.0;
        Path leg = great_circle(LonLat{from.lon, from.lat}, to);
        path.insert(path.end(), leg.begin() + 1, leg.end());
    }
    return path;
}

namespace {
double squared_distance(LonLat a, LonLat b) {
    const double dlon = std::remainder(a.lon - b.lon, 360.0) * std::cos(a.lat * 3.14159265358979 / 180);
    const double dlat = a.lat - b.lat;
    return dlon * dlon + dlat * dlat;
}
}  // namespace

RouteMotion::RouteMotion(const Story& story, const Route& route) : m_route_id(route.id), m_path(route_geometry(story, route)) {
    m_cumulative.assign(m_path.size(), 0.0);
    m_projected.assign(m_path.size(), 0.0);
    for (std::size_t i = 1; i < m_path.size(); ++i) {
        m_cumulative[i] = m_cumulative[i - 1] + geodesic_distance(m_path[i - 1], m_path[i]);
        m_projected[i] = m_projected[i - 1] + length(mercator::forward(m_path[i]) - mercator::forward(m_path[i - 1]));
    }

    // Each stop is at the path vertex nearest to it, searching forward from the previous stop's.
    std::size_t from = 0;
    for (std::size_t s = 0; s < route.stops.size(); ++s) {
        const Place* place = story.place(route.stops[s]);
        std::size_t best = from;
        if (place) {
            double best_d = 1e300;
            const std::size_t last = s + 1 == route.stops.size() ? m_path.size() : m_path.size() - (route.stops.size() - s - 1);
            for (std::size_t i = from; i < std::max(last, from + 1) && i < m_path.size(); ++i) {
                const double d = squared_distance(m_path[i], place->position);
                if (d < best_d) {
                    best_d = d;
                    best = i;
                }
            }
        }
        if (s == 0) best = 0;
        if (s + 1 == route.stops.size() && !m_path.empty()) best = m_path.size() - 1;
        m_stop_vertex.push_back(best);
        from = best;
    }

    for (std::size_t s = 0; s < route.times.size() && s < m_stop_vertex.size(); ++s) {
        const double d = m_path.empty() ? 0 : m_cumulative[m_stop_vertex[s]];
        for (const auto* moment : {&route.times[s].arrive, &route.times[s].depart})
            if (*moment) m_knots.push_back({(*moment)->utc(), d, static_cast<int>(s)});
    }
}

MotionState RouteMotion::at_distance(double distance) const {
    MotionState state;
    if (m_path.empty()) return state;
    distance = std::clamp(distance, 0.0, length_m());
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), distance);
    std::size_t i = it == m_cumulative.begin() ? 0 : static_cast<std::size_t>(it - m_cumulative.begin()) - 1;
    if (i + 1 >= m_path.size()) i = m_path.size() >= 2 ? m_path.size() - 2 : 0;
    const double seg = m_path.size() >= 2 ? m_cumulative[i + 1] - m_cumulative[i] : 0;
    const double f = seg > 0 ? std::clamp((distance - m_cumulative[i]) / seg, 0.0, 1.0) : 0.0;
    const LonLat a = m_path[i];
    const LonLat b = m_path.size() >= 2 ? m_path[i + 1] : a;
    state.position = {a.lon + (b.lon - a.lon) * f, a.lat + (b.lat - a.lat) * f};
    state.segment = i;
    state.fraction = f;
    state.distance_m = distance;
    state.progress = length_m() > 0 ? distance / length_m() : 0;
    return state;
}

std::optional<double> RouteMotion::time_at_distance(double d) const {
    if (m_knots.size() < 2) return std::nullopt;
    if (d <= m_knots.front().distance) return m_knots.front().time;
    for (std::size_t i = 0; i + 1 < m_knots.size(); ++i) {
        const Knot& a = m_knots[i];
        const Knot& b = m_knots[i + 1];
        if (d <= b.distance && b.distance > a.distance)
            return a.time + (b.time - a.time) * (d - a.distance) / (b.distance - a.distance);
    }
    return m_knots.back().time;
}

double RouteMotion::projected_distance(const MotionState& state) const {
    if (m_path.size() < 2) return 0;
    const std::size_t i = std::min(state.segment, m_path.size() - 2);
    return m_projected[i] + state.fraction * (m_projected[i + 1] - m_projected[i]);
}

MotionState RouteMotion::at(double t) const {
    if (m_knots.empty()) return at_distance(0);
    if (t <= m_knots.front().time) {
        MotionState s = at_distance(m_knots.front().distance);
        s.before_start = t < m_knots.front().time;
        s.leg = s.before_start ? -1 : m_knots.front().stop;
        s.waiting = !s.before_start;
        return s;
    }
    if (t >= m_knots.back().time) {
        MotionState s = at_distance(m_knots.back().distance);
        s.finished = true;
        s.leg = m_knots.back().stop;
        return s;
    }
    const auto next = std::upper_bound(m_knots.begin(), m_knots.end(), t, [](double v, const Knot& k) { return v < k.time; });
    const Knot& b = *next;
    const Knot& a = *(next - 1);
    const double span = b.time - a.time;
    const double f = span > 0 ? (t - a.time) / span : 1.0;
    MotionState s = at_distance(a.distance + (b.distance - a.distance) * f);
    s.leg = a.stop;
    s.waiting = a.distance == b.distance;
    return s;
}

}  // namespace storyplot
