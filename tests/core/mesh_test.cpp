#include <gtest/gtest.h>

#include "core/mesh/mesh.hpp"
#include "core/geo/mercator.hpp"

using namespace storyplot;

TEST(Mesh, PolylineMakesAQuadPerSegmentRelativeToItsChunk) {
    MeshBuilder builder(line_vertex_floats, regional_cell);
    append_polyline(builder, {{1.0e7, 5.0e6}, {1.0e7 + 1000, 5.0e6}, {1.0e7 + 1000, 5.0e6 + 1000}});
    const Mesh mesh = builder.finish();
    ASSERT_EQ(mesh.chunks.size(), 1u);
    EXPECT_EQ(mesh.vertex_count(), 8u);
    EXPECT_EQ(mesh.index_count(), 12u);
    const MeshChunk& chunk = mesh.chunks.front();
    // Stored offsets are small: the origin carries the large part in double precision.
    for (std::size_t i = 0; i < chunk.vertices.size(); i += line_vertex_floats) {
        EXPECT_LT(std::abs(chunk.vertices[i]), regional_cell);
        EXPECT_LT(std::abs(chunk.vertices[i + 1]), regional_cell);
        EXPECT_GE(chunk.origin.x + chunk.vertices[i], chunk.bounds.min_x - 1e-3);
        EXPECT_LE(chunk.origin.x + chunk.vertices[i], chunk.bounds.max_x + 1e-3);
    }
    EXPECT_NEAR(chunk.origin.x + chunk.vertices[0], 1.0e7, 1e-3);
    // First segment points east.
    EXPECT_FLOAT_EQ(chunk.vertices[2], 1.0f);
    EXPECT_FLOAT_EQ(chunk.vertices[3], 0.0f);
}

TEST(Mesh, RouteLinesCarryTheDistanceAlong) {
    MeshBuilder builder(route_line_vertex_floats, regional_cell);
    append_polyline(builder, {{0, 0}, {300, 400}, {300, 1400}});
    const Mesh mesh = builder.finish();
    const auto& v = mesh.chunks.front().vertices;
    ASSERT_EQ(v.size(), 8u * route_line_vertex_floats);
    EXPECT_FLOAT_EQ(v[6], 0.0f);                               // first segment starts at 0
    EXPECT_FLOAT_EQ(v[2 * route_line_vertex_floats + 6], 500.0f);  // and ends 500 m on
    EXPECT_FLOAT_EQ(v[7 * route_line_vertex_floats + 6], 1500.0f); // the second ends at 1500 m
}

TEST(Mesh, ZeroLengthSegmentsAreSkipped) {
    MeshBuilder builder(line_vertex_floats, regional_cell);
    append_polyline(builder, {{0, 0}, {0, 0}, {10, 0}});
    EXPECT_EQ(builder.finish().index_count(), 6u);
}

TEST(Mesh, LongSegmentsAreCutForProjectionsButNotThoseBeyondTheWorld) {
    MeshBuilder builder(line_vertex_floats, whole_world_cell);
    append_polyline(builder, {{0, 0}, {10 * projection_cell, 0}});
    EXPECT_EQ(builder.finish().index_count(), 10u * 6u);
    // A broken file's coordinates: one quad, not 1e290 of them (nor a cast past int).
    MeshBuilder beyond(line_vertex_floats, whole_world_cell);
    append_polyline(beyond, {{0, 0}, {1e300, 0}});
    EXPECT_EQ(beyond.finish().index_count(), 6u);
}

TEST(Mesh, FarApartPrimitivesGoToDifferentChunks) {
    MeshBuilder builder(2, regional_cell);
    append_triangles(builder, {{0, 0}, {10, 0}, {0, 10}, {5e6, 5e6}, {5e6 + 10, 5e6}, {5e6, 5e6 + 10}});
    const Mesh mesh = builder.finish();
    EXPECT_EQ(mesh.chunks.size(), 2u);
    EXPECT_EQ(mesh.vertex_count(), 6u);
    EXPECT_NEAR(mesh.bounds().max_x, 5e6 + 10, 1e-9);
}

TEST(Mesh, PointsAreQuads) {
    MeshBuilder builder(point_vertex_floats, whole_world_cell);
    append_point(builder, {100, 200});
    append_point(builder, {-1e7, 3e6});
    const Mesh mesh = builder.finish();
    EXPECT_EQ(mesh.chunks.size(), 1u);  // one chunk for the whole world
    EXPECT_EQ(mesh.vertex_count(), 8u);
    EXPECT_EQ(mesh.index_count(), 12u);
}

TEST(MeshCopies, AChunkIsKeptWhenAnyCopyOfItReachesTheView) {
    const double w = mercator::world_width;
    const Box view = Box::of(-1e6, -1e6, 1e6, 1e6);
    auto chunk = [](double x0, double y0, double x1, double y1) {
        MeshChunk c;
        c.bounds = Box::of(x0, y0, x1, y1);
        return c;
    };
    Mesh mesh;
    mesh.chunks = {chunk(0, 0, 5e5, 5e5),                          // in view
                   chunk(3e6, 0, 4e6, 5e5),                        // east of it
                   chunk(0, 2e6, 5e5, 3e6),                        // north of it
                   chunk(w - 5e5, 0, w + 5e5, 5e5),                // one world east: its copy west reaches it
                   chunk(-w - 5e5, 0, -w + 2e5, 5e5)};             // one world west
    EXPECT_EQ(world_copies(mesh.chunks[0].bounds, view).first, 0);
    EXPECT_EQ(world_copies(mesh.chunks[0].bounds, view).last, 0);
    EXPECT_GT(world_copies(mesh.chunks[1].bounds, view).first, world_copies(mesh.chunks[1].bounds, view).last);
    EXPECT_GT(world_copies(mesh.chunks[2].bounds, view).first, world_copies(mesh.chunks[2].bounds, view).last);
    EXPECT_EQ(world_copies(mesh.chunks[3].bounds, view).first, -1);
    EXPECT_EQ(world_copies(mesh.chunks[4].bounds, view).last, 1);
    const Mesh kept = chunks_in_view(mesh, view);
    ASSERT_EQ(kept.chunks.size(), 3u);
    EXPECT_EQ(kept.chunks[0].bounds.min_x, 0);
    EXPECT_EQ(kept.chunks[1].bounds.min_x, w - 5e5);
    EXPECT_EQ(kept.chunks[2].bounds.min_x, -w - 5e5);
}
