#pragma once
// CPU meshes ready to upload: plain float vertices and 32-bit indices, in chunks.
//
// Geometry stays in double precision until here. Each chunk stores its vertices as float offsets
// from the chunk's own origin (the centre of a grid cell), and the renderer adds origin - camera in
// double precision, so deep zoom does not jitter. A primitive goes to the cell of its first vertex.
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "core/geo/geometry.hpp"

namespace storyplot {

struct MeshChunk {
    Vec2 origin;
    Box bounds;  // projected metres, of everything in the chunk
    std::vector<float> vertices;
    std::vector<std::uint32_t> indices;
};

struct Mesh {
    int floats_per_vertex = 2;
    std::vector<MeshChunk> chunks;

    std::size_t vertex_count() const;
    std::size_t index_count() const;
    std::size_t byte_size() const;
    bool empty() const { return index_count() == 0; }
    Box bounds() const;
};

// The world repeats east and west: the copies of a chunk (shifts by whole world widths, `first`
// to `last`, at most nine) that reach `view`; none (first > last) when it is out of view north or south.
struct WorldCopies {
    long first = 0, last = -1;
};
WorldCopies world_copies(const Box& chunk, const Box& view);

// Only the chunks some copy of which reaches `view` (a still's basemap: the rest is never drawn).
Mesh chunks_in_view(Mesh mesh, const Box& view);

class MeshBuilder {
public:
    MeshBuilder(int floats_per_vertex, double cell_size);
    int floats_per_vertex() const { return m_floats_per_vertex; }

    // The chunk for a primitive starting at `first` (projected metres); the caller appends to it.
    MeshChunk& chunk_at(Vec2 first);
    // Appends a vertex: `p` in projected metres followed by extra attributes.
    static std::uint32_t add_vertex(MeshChunk& chunk, Vec2 p, std::initializer_list<float> extra);

    Mesh finish();

private:
    int m_floats_per_vertex;
    double m_cell_size;
    std::map<std::pair<long, long>, std::size_t> m_cells;
    Mesh m_mesh;
};

// The longest a fill's triangle (data/tessellate's grid) or a line's segment may be, so the vertex
// shader's projection bends them enough: five degrees of longitude, in Web Mercator metres.
inline constexpr double projection_cell = 556597.45;
// More cells than any piece of the Earth spans (its width is 72 cells): geometry beyond it is not cut.
inline constexpr double max_projection_cells = 1024;

// Grid cell sizes: one chunk for the coarse world, finer grids where there are many vertices.
inline constexpr double whole_world_cell = 1e9;
inline constexpr double regional_cell = 1.0e6;

// Fill: vertex = position (2 floats). `triangles` holds three projected points per triangle.
void append_triangles(MeshBuilder& builder, const std::vector<Vec2>& triangles);

// Lines: each segment is a quad the vertex shader widens in pixels.
// vertex = position (2), unit direction (2), side across (+-1), end along (-1 start, +1 end),
// and, for story routes and dashed layer lines only, the distance from the path's start in
// projected metres (for dashes and the way travelled). Basemap lines leave it out: a seventh of
// their memory and vertex fetch.
inline constexpr int line_vertex_floats = 6;
inline constexpr int route_line_vertex_floats = 7;
// Writes the distance along when the builder's vertices have room for it. Segments longer than
// projection_cell are drawn in equal pieces: a projection other than Mercator bends a line only at
// its vertices.
void append_polyline(MeshBuilder& builder, const std::vector<Vec2>& path);
// The segments a line mesh draws, back in projected metres (its quads' ends).
std::vector<std::pair<Vec2, Vec2>> line_segments(const Mesh& lines);

// Points: a quad per point the shader draws as a disc. vertex = position (2), corner (2).
inline constexpr int point_vertex_floats = 4;
void append_point(MeshBuilder& builder, Vec2 p);

}  // namespace storyplot
