#include "data/natural_earth.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/geo/mercator.hpp"
#include "reader/data_paths.hpp"

using namespace storyplot;

TEST(NaturalEarth, DataIsInstalled) {
    for (DetailLevel level : all_detail_levels)
        EXPECT_TRUE(std::filesystem::exists(natural_earth_countries(level))) << natural_earth_countries(level);
}

TEST(NaturalEarth, CoarseWorldHasLandCoastAndBorders) {
    const BasemapMeshes world = load_natural_earth(DetailLevel::coarse_110m);
    EXPECT_EQ(world.level, DetailLevel::coarse_110m);
    EXPECT_GT(world.land.index_count(), 10000u);
    EXPECT_GT(world.coast.index_count(), 10000u);
    EXPECT_GT(world.borders.index_count(), 1000u);
    EXPECT_EQ(world.land.chunks.size(), 1u);  // the coarse world draws in one call
    const Box b = world.land.bounds();
    // Rings crossing the antimeridian are unwrapped, so the land may reach a little past +-180.
    EXPECT_LT(b.min_x, -0.99 * mercator::half_world);
    EXPECT_GT(b.max_x, 0.99 * mercator::half_world);
    EXPECT_LT(b.max_x, 1.1 * mercator::half_world);
}

TEST(NaturalEarth, FineLevelIsChunked) {
    const BasemapMeshes fine = load_natural_earth(DetailLevel::fine_10m);
    EXPECT_GT(fine.land.chunks.size(), 50u);
    EXPECT_GT(fine.coast.vertex_count(), 10 * load_natural_earth(DetailLevel::coarse_110m).coast.vertex_count());
}

// Close in: GSHHG's shores (the land and the coast), 1:10m's countries for the borders, the same
// rivers and lakes as 1:10m. Read for the part of the world around the Tumen's mouth.
TEST(NaturalEarth, CloseInTheShoresAreGshhgsAndTheBordersOneToTenMillions) {
    const Box part = mercator::forward(129.5, 41.5, 132.5, 43.5);
    const BasemapMeshes close = load_natural_earth(DetailLevel::close_h, &part);
    const BasemapMeshes fine = load_natural_earth(DetailLevel::fine_10m, &part);
    EXPECT_EQ(close.level, DetailLevel::close_h);
    EXPECT_EQ(close.tolerance, 0.0);
    // Counted where both hold all there is: the coarser cells of 1:10m reach further beyond the part.
    const Box inner = mercator::forward(130, 42, 132, 43);
    auto inside_inner = [&](const Mesh& lines) {
        const auto segments = line_segments(lines);
        return std::count_if(segments.begin(), segments.end(), [&](const auto& s) { return inner.contains((s.first + s.second) * 0.5); });
    };
    EXPECT_GT(inside_inner(close.coast), 3 * inside_inner(fine.coast));
    EXPECT_FALSE(close.land.empty());
    // The borders and rivers are 1:10m's: the same segments (a border's end run on into the sea is
    // cut at GSHHG's shore, its last segment shortened).
    EXPECT_GT(inside_inner(fine.borders), 10);
    EXPECT_EQ(inside_inner(close.borders), inside_inner(fine.borders));
    EXPECT_GT(inside_inner(fine.rivers), 10);
    EXPECT_EQ(inside_inner(close.rivers), inside_inner(fine.rivers));
}

#include <sys/stat.h>

#include <fstream>

#include "data/mesh_cache.hpp"
#include "fixture_writer.hpp"

TEST(MeshCache, RoundTripsAndRefusesStaleOrBrokenFiles) {
    test_support::TempDir dir;
    const BasemapMeshes world = load_natural_earth(DetailLevel::coarse_110m);
    const MeshCacheKey key{1234, 0};
    const auto file = dir.path() / "countries-110m.mesh";
    ASSERT_TRUE(write_mesh_cache(file, key, world));
    const auto back = read_mesh_cache(file, key);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->land.chunks.size(), world.land.chunks.size());
    EXPECT_EQ(back->land.chunks[0].vertices, world.land.chunks[0].vertices);
    EXPECT_EQ(back->coast.chunks[0].indices, world.coast.chunks[0].indices);
    EXPECT_EQ(back->borders.vertex_count(), world.borders.vertex_count());
    EXPECT_DOUBLE_EQ(back->land.chunks[0].bounds.max_x, world.land.chunks[0].bounds.max_x);
    // The lakes in their size classes, each class kept (the world's own level has several).
    std::size_t classes_with_lakes = 0;
    for (std::size_t c = 0; c < lake_size_classes; ++c) {
        EXPECT_EQ(back->lakes[c].vertex_count(), world.lakes[c].vertex_count());
        EXPECT_EQ(back->lake_shores[c].vertex_count(), world.lake_shores[c].vertex_count());
        classes_with_lakes += world.lakes[c].vertex_count() > 0;
    }
    EXPECT_GE(classes_with_lakes, 3u);
    // Another source content, another level, a truncated or foreign file: not used.
    EXPECT_FALSE(read_mesh_cache(file, MeshCacheKey{1235, 0}));
    EXPECT_FALSE(read_mesh_cache(file, MeshCacheKey{1234, 2}));
    std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);
    EXPECT_FALSE(read_mesh_cache(file, key));
    test_support::write_text(file.string(), "not a cache");
    EXPECT_FALSE(read_mesh_cache(file, key));
    EXPECT_FALSE(read_mesh_cache(dir.path() / "missing.mesh", key));
}

namespace {

// XORs the byte at `at` of `file` with `bits`, in place.
void flip_bits(const std::filesystem::path& file, std::uintmax_t at, int bits) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(at));
    const char c = static_cast<char>(f.get() ^ bits);
    f.seekp(static_cast<std::streamoff>(at));
    f.put(c);
}

}  // namespace

TEST(MeshCache, RandomBytesInTheMiddleOrOneFlippedBitAreAMiss) {
    test_support::TempDir dir;
    const BasemapMeshes world = load_natural_earth(DetailLevel::coarse_110m);
    const MeshCacheKey key{99, 0};
    const auto file = dir.path() / "c.mesh";
    ASSERT_TRUE(write_mesh_cache(file, key, world));
    const auto size = std::filesystem::file_size(file);
    ASSERT_GT(size, 16384u);
    {
        // 4 KB of random bytes in the middle, the size unchanged.
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(size / 2));
        std::uint64_t x = 88172645463325252ull;
        for (int i = 0; i < 4096; ++i) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            f.put(static_cast<char>(x));
        }
    }
    EXPECT_EQ(std::filesystem::file_size(file), size);
    EXPECT_FALSE(read_mesh_cache(file, key));
    ASSERT_TRUE(write_mesh_cache(file, key, world));
    flip_bits(file, size - 100, 0x10);
    EXPECT_FALSE(read_mesh_cache(file, key));
}

// A still reads only the chunks its view reaches.
TEST(MeshCache, AViewReadsOnlyItsChunks) {
    test_support::TempDir dir;
    const BasemapMeshes fine = load_natural_earth(DetailLevel::fine_10m);
    const MeshCacheKey key{7, 2};
    const auto file = dir.path() / "fine.mesh";
    ASSERT_TRUE(write_mesh_cache(file, key, fine));
    const Box korea = mercator::forward(124, 37, 131, 43);
    const auto part = read_mesh_cache(file, key, &korea);
    ASSERT_TRUE(part);
    EXPECT_EQ(part->land.chunks.size(), chunks_in_view(fine.land, korea).chunks.size());
    EXPECT_EQ(part->coast.vertex_count(), chunks_in_view(fine.coast, korea).vertex_count());
    EXPECT_GT(part->land.chunks.size(), 0u);
    EXPECT_LT(part->land.chunks.size() * 10, fine.land.chunks.size());
    for (const MeshChunk& c : part->borders.chunks) EXPECT_LE(world_copies(c.bounds, korea).first, world_copies(c.bounds, korea).last);
}

// Each chunk carries its own checksum, checked when it is read: a flipped bit in a chunk a view
// takes is a miss; one in a chunk it passes over costs nothing (it is never used), and a whole read
// finds it.
TEST(MeshCache, EachChunkReadIsCheckedByItsOwnChecksum) {
    test_support::TempDir dir;
    const Box korea = mercator::forward(124, 37, 131, 43);
    BasemapMeshes meshes;
    auto chunk = [](double lon, double lat) {
        MeshChunk c;
        c.origin = mercator::forward(LonLat{lon, lat});
        c.bounds = Box::of(c.origin.x - 1000, c.origin.y - 1000, c.origin.x + 1000, c.origin.y + 1000);
        c.vertices = {0, 0, 1000, 0, 0, 1000};
        c.indices = {0, 1, 2};
        return c;
    };
    meshes.land.chunks = {chunk(127, 40), chunk(20, 0)};  // in Korea, in Africa
    const MeshCacheKey key{5, 2};
    const auto file = dir.path() / "two.mesh";
    // The payload: the land's vertex size and chunk count (12 bytes), then each chunk: origin and
    // bounds (48), its vertices and indices with their counts (8 + 24, 8 + 12), its checksum (8).
    constexpr std::uintmax_t header = 40, chunk_bytes = 48 + 32 + 20 + 8;
    const std::uintmax_t korea_vertex = header + 12 + 48 + 8, africa_vertex = korea_vertex + chunk_bytes;
    ASSERT_TRUE(write_mesh_cache(file, key, meshes));
    ASSERT_TRUE(read_mesh_cache(file, key, &korea));
    flip_bits(file, africa_vertex, 0x04);
    const auto part = read_mesh_cache(file, key, &korea);
    ASSERT_TRUE(part);
    ASSERT_EQ(part->land.chunks.size(), 1u);
    EXPECT_EQ(part->land.chunks[0].vertices, meshes.land.chunks[0].vertices);
    EXPECT_FALSE(read_mesh_cache(file, key));
    ASSERT_TRUE(write_mesh_cache(file, key, meshes));
    flip_bits(file, korea_vertex, 0x04);
    EXPECT_FALSE(read_mesh_cache(file, key, &korea));
}

TEST(MeshCache, AFifoInTheCachesPlaceIsRefusedNotRead) {
    test_support::TempDir dir;
    const auto file = dir.path() / "fifo.mesh";
    ASSERT_EQ(mkfifo(file.c_str(), 0600), 0);
    EXPECT_FALSE(read_mesh_cache(file, MeshCacheKey{1, 0}));  // returns at once: no writer, no block
    EXPECT_FALSE(write_mesh_cache(file, MeshCacheKey{1, 0}, BasemapMeshes{}) && !std::filesystem::is_regular_file(file));
}
