#pragma once
// A line network as a graph, for putting journeys on real rails and roads. Nodes are the lines'
// vertices, one node where lines share a vertex (within the join tolerance); edges are the segments
// between them, weighted by their geodesic length and open to the travel modes the line's tags
// allow. A line's free end that stops within the tolerance of another line joins it there (a
// digitising gap). Lines that merely cross are not joined: as in OpenStreetMap, a bridge over a
// railway shares no vertex with it, and a train cannot turn onto the road.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/geo/geometry.hpp"
#include "core/network/travel_tags.hpp"

namespace storyplot {

struct NetworkLine {
    Path path;
    ModeSet modes = surface_modes;
};

// A point on the network: on a segment, a fraction of the way from its first node to its second.
struct NetworkPoint {
    std::uint32_t segment = 0;
    double fraction = 0;
    LonLat position;
    double distance_m = 0;  // from the point that was looked up
};

struct NetworkPath {
    Path path;  // from the first point to the second, through the nodes between
    double length_m = 0;
};

class LineNetwork {
public:
    explicit LineNetwork(const std::vector<NetworkLine>& lines, double join_tolerance_m = 5.0);

    std::size_t node_count() const { return m_nodes.size(); }
    std::size_t segment_count() const { return m_segments.size(); }
    // Segments added to close gaps between a line's end and another line.
    std::size_t joined_gaps() const { return m_joined_gaps; }
    ModeSet modes() const { return m_modes; }  // every mode some segment is open to

    // The nearest point of a segment open to any of `modes`, if one is within `max_distance_m`.
    std::optional<NetworkPoint> nearest(LonLat p, ModeSet modes, double max_distance_m) const;

    // The shortest way between two points along segments open to any of `modes`; nothing when they
    // are not connected. Dijkstra from both ends of the first point's segment, stopped once no
    // shorter way to the second can be found.
    std::optional<NetworkPath> shortest_path(const NetworkPoint& from, const NetworkPoint& to, ModeSet modes) const;

private:
    struct Segment {
        std::uint32_t a = 0;
        std::uint32_t b = 0;
        ModeSet modes = 0;
        double length_m = 0;
    };
    void build_index();
    std::optional<NetworkPoint> nearest_segment(LonLat p, ModeSet modes, double max_distance_m, std::uint32_t skip_node) const;
    void join_free_ends(double tolerance_m);

    std::vector<LonLat> m_nodes;
    std::vector<Segment> m_segments;
    std::vector<std::uint32_t> m_first_edge;  // per node, into m_edges (one past the last node: the end)
    std::vector<std::uint32_t> m_edges;       // segment indices, grouped by node
    ModeSet m_modes = 0;
    std::size_t m_joined_gaps = 0;

    // Segments by grid cell (degrees), for nearest().
    double m_cell_deg = 0.01;
    Box m_bounds;  // lon/lat of every node
    int m_columns = 0;
    int m_rows = 0;
    std::vector<std::uint32_t> m_cell_first;  // per cell, into m_cell_segments
    std::vector<std::uint32_t> m_cell_segments;
};

}  // namespace storyplot
