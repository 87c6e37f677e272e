#pragma once
// Where a route's vehicle is at a moment of the story's clock. Between two stops it moves along the
// route's real path, its distance in proportion to the time elapsed; between an arrival and a
// departure at a stop it waits there. Distances are geodesic (WGS84).
#include <optional>
#include <string>
#include <vector>

#include "core/story/story.hpp"

namespace storyplot {

// The path a route is drawn and animated along: its LineString, else its stops joined by geodesics
// (the shortest way on the earth, whatever the mode: the one line that is the same in every
// projection), densified, longitudes continuous across the antimeridian.
Path route_geometry(const Story& story, const Route& route);

struct MotionState {
    LonLat position;
    std::size_t segment = 0;   // the path segment it is on (its start vertex)
    double fraction = 0;       // along that segment
    double distance_m = 0;     // from the path's start
    double progress = 0;       // of the whole route, 0..1 by distance
    int leg = -1;              // index of the last stop reached (-1 before the first departure)
    bool waiting = false;      // at a stop, between its arrival and departure
    bool before_start = false; // the clock is before the first time
    bool finished = false;     // the clock is after the last time
};

class RouteMotion {
public:
    RouteMotion(const Story& story, const Route& route);

    const std::string& route_id() const { return m_route_id; }
    const Path& path() const { return m_path; }
    double length_m() const { return m_cumulative.empty() ? 0 : m_cumulative.back(); }
    // False when the route has fewer than two times: it is drawn, but nothing moves along it.
    bool timed() const { return m_knots.size() >= 2; }
    double start_time() const { return m_knots.empty() ? 0 : m_knots.front().time; }
    double end_time() const { return m_knots.empty() ? 0 : m_knots.back().time; }

    MotionState at(double utc_seconds) const;
    // Projected (Web Mercator) metres from the path's start to the state's position: the measure
    // the route's line mesh carries, for drawing the way travelled.
    double projected_distance(const MotionState& state) const;
    // When the vehicle passes `distance_m` along the path (at a stop where it waits: its arrival).
    // Nothing for an untimed route.
    std::optional<double> time_at_distance(double distance_m) const;
    double distance_at_vertex(std::size_t i) const { return m_cumulative.at(i); }

    // The path vertex each stop is at.
    const std::vector<std::size_t>& stop_vertices() const { return m_stop_vertex; }

private:
    struct Knot {
        double time;      // UTC seconds
        double distance;  // metres along the path
        int stop;         // stop index
    };
    MotionState at_distance(double distance) const;

    std::string m_route_id;
    Path m_path;
    std::vector<double> m_cumulative;  // metres from the start to each vertex
    std::vector<double> m_projected;   // the same in projected metres
    std::vector<std::size_t> m_stop_vertex;
    std::vector<Knot> m_knots;
};

}  // namespace storyplot
