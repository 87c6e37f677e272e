#include "data/tessellate.hpp"

#include "core/mesh/mesh.hpp"

#include <GL/glu.h>

#include <algorithm>
#include <array>
#include <deque>
#include <cmath>
#include <memory>
#include <optional>

namespace storyplot {

namespace {

using Vertex = std::array<GLdouble, 3>;

struct TessState {
    std::deque<Vertex> vertices;  // stable addresses: GLU keeps pointers to them
    std::vector<Vec2> triangles;
};

#ifndef CALLBACK
#define CALLBACK
#endif

extern "C" {
void CALLBACK on_vertex(void* vertex, void* state) {
    const auto* v = static_cast<const Vertex*>(vertex);
    static_cast<TessState*>(state)->triangles.push_back({(*v)[0], (*v)[1]});
}
// Registering an edge-flag callback makes GLU emit independent triangles only (no fans or strips).
void CALLBACK on_edge_flag(GLboolean, void*) {}
void CALLBACK on_combine(GLdouble coords[3], void*[4], GLfloat[4], void** out, void* state) {
    auto& s = *static_cast<TessState*>(state);
    s.vertices.push_back({coords[0], coords[1], 0.0});
    *out = &s.vertices.back();
}
void CALLBACK on_error(GLenum, void*) {}
}

struct TessDeleter {
    void operator()(GLUtesselator* t) const { gluDeleteTess(t); }
};

}  // namespace

namespace {

std::vector<Vec2> tessellate_piece(const std::vector<std::vector<Vec2>>& rings);

// Keeps the part of `ring` on one side of the line axis = cut (Sutherland-Hodgman against a
// half-plane). A concave ring may come out with zero-width bridges along the cut; under the odd
// winding rule they cancel, so the fill of the pieces is exactly the fill of the whole.
std::vector<Vec2> clip_ring(const std::vector<Vec2>& ring, bool along_x, double cut, bool keep_below) {
    auto coord = [&](Vec2 p) { return along_x ? p.x : p.y; };
    auto inside = [&](Vec2 p) { return keep_below ? coord(p) <= cut : coord(p) >= cut; };
    std::vector<Vec2> out;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Vec2 a = ring[i];
        const Vec2 b = ring[(i + 1) % ring.size()];
        const bool a_in = inside(a);
        const bool b_in = inside(b);
        if (a_in) out.push_back(a);
        if (a_in != b_in) {
            const double t = (cut - coord(a)) / (coord(b) - coord(a));
            Vec2 p = a + (b - a) * t;
            (along_x ? p.x : p.y) = cut;  // exactly on the cut, so both halves share the points
            out.push_back(p);
        }
    }
    return out;
}

constexpr std::size_t max_piece_vertices = 3000;

// The grid line (a multiple of `cell`) nearest the middle of [lo, hi], strictly inside it; or none.
std::optional<double> grid_cut(double lo, double hi, double cell) {
    const double mid = std::round((lo + hi) / 2 / cell) * cell;
    for (double c : {mid, mid - cell, mid + cell})
        if (c > lo && c < hi) return c;
    return std::nullopt;
}

std::vector<Vec2> tessellate_split(const std::vector<std::vector<Vec2>>& rings, double cell, int depth) {
    std::size_t count = 0;
    Box box;
    for (const auto& ring : rings) {
        count += ring.size();
        for (Vec2 p : ring) box.add(p);
    }
    if (box.empty()) return tessellate_piece(rings);
    // A piece wider than a cell is cut on the grid, so pieces of neighbouring cells share their
    // points and no triangle is longer than a cell.
    std::optional<double> grid;
    bool along_x = box.width() >= box.height();
    if (cell > 0 && depth < 40) {
        grid = grid_cut(along_x ? box.min_x : box.min_y, along_x ? box.max_x : box.max_y, cell);
        if (!grid) {
            along_x = !along_x;
            grid = grid_cut(along_x ? box.min_x : box.min_y, along_x ? box.max_x : box.max_y, cell);
        }
    }
    if (!grid && (count <= max_piece_vertices || depth >= 40)) return tessellate_piece(rings);
    if (!grid) along_x = box.width() >= box.height();
    const double cut = grid ? *grid : along_x ? box.center().x : box.center().y;
    std::vector<Vec2> triangles;
    for (bool below : {true, false}) {
        std::vector<std::vector<Vec2>> half;
        for (const auto& ring : rings) {
            auto clipped = clip_ring(ring, along_x, cut, below);
            if (clipped.size() >= 3) half.push_back(std::move(clipped));
        }
        auto part = tessellate_split(half, cell, depth + 1);
        triangles.insert(triangles.end(), part.begin(), part.end());
    }
    return triangles;
}

}  // namespace

std::vector<Vec2> tessellate(const std::vector<std::vector<Vec2>>& rings, double cell) {
    // Rings reaching far beyond the world (a broken file's coordinates) are not cut on the grid:
    // cutting them would make pieces without end.
    Box box;
    for (const auto& ring : rings)
        for (Vec2 p : ring) box.add(p);
    if (!box.empty() && !(std::max(box.width(), box.height()) <= cell * max_projection_cells)) cell = 0;
    return tessellate_split(rings, cell, 0);
}

namespace {

std::vector<Vec2> tessellate_piece(const std::vector<std::vector<Vec2>>& rings) {
    // GLU's tessellator is not thread-safe per object; each call has its own.
    std::unique_ptr<GLUtesselator, TessDeleter> tess(gluNewTess());
    using Fn = void(CALLBACK*)();
    gluTessCallback(tess.get(), GLU_TESS_VERTEX_DATA, reinterpret_cast<Fn>(&on_vertex));
    gluTessCallback(tess.get(), GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Fn>(&on_edge_flag));
    gluTessCallback(tess.get(), GLU_TESS_COMBINE_DATA, reinterpret_cast<Fn>(&on_combine));
    gluTessCallback(tess.get(), GLU_TESS_ERROR_DATA, reinterpret_cast<Fn>(&on_error));
    gluTessProperty(tess.get(), GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    gluTessNormal(tess.get(), 0, 0, 1);

    TessState state;
    gluTessBeginPolygon(tess.get(), &state);
    for (const auto& ring : rings) {
        if (ring.size() < 3) continue;
        gluTessBeginContour(tess.get());
        for (const Vec2& p : ring) {
            state.vertices.push_back({p.x, p.y, 0.0});
            gluTessVertex(tess.get(), state.vertices.back().data(), &state.vertices.back());
        }
        gluTessEndContour(tess.get());
    }
    gluTessEndPolygon(tess.get());
    if (state.triangles.size() % 3 != 0) state.triangles.resize(state.triangles.size() / 3 * 3);
    return std::move(state.triangles);
}

}  // namespace

}  // namespace storyplot
