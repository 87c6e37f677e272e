#include "data/projected_parts.hpp"

#include <algorithm>
#include <cmath>

#include "core/geo/geodesic.hpp"
#include "core/geo/mercator.hpp"
#include "core/labels/context_labels.hpp"

namespace storyplot {

namespace {

ProjectedPart project_part(const OGRPolygon& poly, int max_points) {
    ProjectedPart part;
    for (const auto* ring : poly) {
        Ring r;
        const int step = max_points > 0 ? std::max(1, ring->getNumPoints() / max_points) : 1;
        for (int i = 0; i < ring->getNumPoints(); i += step) r.push_back(LonLat{ring->getX(i), ring->getY(i)});
        part.rings.push_back(mercator::project_ring(r));
    }
    if (!part.rings.empty() && !part.rings[0].empty()) {
        const auto& outer = part.rings[0];
        for (std::size_t i = 0, j = outer.size() - 1; i < outer.size(); j = i++) part.area += outer[j].x * outer[i].y - outer[i].x * outer[j].y;
        part.area = std::abs(part.area) / 2;
    }
    return part;
}

}  // namespace

std::vector<ProjectedPart> projected_parts(const OGRGeometry& geom, int max_points) {
    std::vector<ProjectedPart> parts;
    const auto type = wkbFlatten(geom.getGeometryType());
    if (type == wkbPolygon) parts.push_back(project_part(*geom.toPolygon(), max_points));
    if (type == wkbMultiPolygon)
        for (const auto* poly : *geom.toMultiPolygon()) parts.push_back(project_part(*poly, max_points));
    return parts;
}

const ProjectedPart* largest_part(const std::vector<ProjectedPart>& parts) {
    const ProjectedPart* best = nullptr;
    for (const auto& part : parts)
        if (part.area > (best ? best->area : 0.0)) best = &part;
    return best;
}

LonLat part_anchor(const ProjectedPart& part) {
    LonLat anchor = mercator::inverse(label_point(part.rings));
    if (anchor.lon > 180) anchor.lon -= 360;
    if (anchor.lon < -180) anchor.lon += 360;
    return anchor;
}

LonLat part_centre(const ProjectedPart& part) {
    if (part.rings.empty()) return part_anchor(part);
    Ring outer;
    outer.reserve(part.rings[0].size());
    for (Vec2 p : part.rings[0]) outer.push_back(mercator::inverse(p));
    const auto centre = area_centroid(outer);
    if (!centre) return part_anchor(part);
    // Inside the part: its outer ring and none of its holes, tested in Web Mercator where the part is.
    // (The ring may run past +-180 degrees: the centre is taken to the same copy of the world.)
    const double lon = centre->lon + 360.0 * std::round((outer.front().lon - centre->lon) / 360.0);
    const Vec2 c = mercator::forward(LonLat{lon, centre->lat});
    return inside(c, part.rings) ? *centre : part_anchor(part);
}

}  // namespace storyplot
