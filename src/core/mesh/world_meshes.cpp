#include "core/mesh/world_meshes.hpp"

#include <cmath>

#include "core/geo/mercator.hpp"

namespace storyplot {

Mesh sphere_fill_mesh(double cell_deg) {
    MeshBuilder builder(2, whole_world_cell);
    std::vector<Vec2> triangles;
    const int columns = static_cast<int>(std::ceil(360.0 / cell_deg));
    const int rows = static_cast<int>(std::ceil(180.0 / cell_deg));
    for (int i = 0; i < columns; ++i)
        for (int j = 0; j < rows; ++j) {
            const double w = -180 + 360.0 * i / columns, e = -180 + 360.0 * (i + 1) / columns;
            const double s = -90 + 180.0 * j / rows, n = -90 + 180.0 * (j + 1) / rows;
            const Vec2 sw = mercator::forward({w, s}), se = mercator::forward({e, s});
            const Vec2 nw = mercator::forward({w, n}), ne = mercator::forward({e, n});
            triangles.insert(triangles.end(), {sw, se, ne, sw, ne, nw});
        }
    append_triangles(builder, triangles);
    return builder.finish();
}

Mesh graticule_mesh(double step_deg) {
    MeshBuilder builder(line_vertex_floats, whole_world_cell);
    for (double lon = -180; lon < 180 - 1e-9; lon += step_deg) {
        std::vector<Vec2> meridian;
        for (double lat = -85; lat <= 85 + 1e-9; lat += 1) meridian.push_back(mercator::forward({lon, lat}));
        append_polyline(builder, meridian);
    }
    for (double lat = -90 + step_deg; lat < 90 - 1e-9; lat += step_deg) {
        std::vector<Vec2> parallel;
        for (double lon = -180; lon <= 180 + 1e-9; lon += 1) parallel.push_back(mercator::forward({lon, lat}));
        append_polyline(builder, parallel);
    }
    return builder.finish();
}

}  // namespace storyplot
