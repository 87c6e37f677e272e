// PMTiles' plain parts: tile ids as the format's reference library numbers them (values from the
// specification's own tests), the header, and directories with runs, leaves and offsets that follow
// one another or jump back (shared tiles).
#include "core/files/pmtiles_directory.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

using namespace storyplot::pmtiles;

TEST(PmTiles, TileIdsFollowEachZoomsHilbertCurve) {
    EXPECT_EQ(tile_id({0, 0, 0}), 0u);
    // Zoom 1 turns along the curve: (0,0) (0,1) (1,1) (1,0), not row by row.
    EXPECT_EQ(tile_id({1, 0, 0}), 1u);
    EXPECT_EQ(tile_id({1, 0, 1}), 2u);
    EXPECT_EQ(tile_id({1, 1, 1}), 3u);
    EXPECT_EQ(tile_id({1, 1, 0}), 4u);
    EXPECT_EQ(tile_id({2, 0, 0}), 5u);
    EXPECT_EQ(tile_id({2, 1, 0}), 6u);
    EXPECT_EQ(tile_id({2, 1, 1}), 7u);
    EXPECT_EQ(tile_id({2, 0, 1}), 8u);
    EXPECT_EQ(tile_id({3, 0, 0}), 21u);
    EXPECT_EQ(tile_id({3, 5, 2}), 76u);
    EXPECT_EQ(tile_id({3, 7, 0}), 84u);
    EXPECT_EQ(tile_id({14, 11763, 7384}), 308347428u);
    EXPECT_EQ(tile_id({20, 0, 0}), 366503875925u);
    for (const TileAddress t : {TileAddress{5, 17, 9}, TileAddress{12, 2683, 1700}, TileAddress{15, 21437, 13615}, TileAddress{26, (1u << 26) - 1, 12345}})
        EXPECT_EQ(tile_address(tile_id(t)), t);
    // Every tile of zoom 4 has its own id, in zoom 4's range.
    std::vector<bool> seen(256);
    for (std::uint32_t x = 0; x < 16; ++x)
        for (std::uint32_t y = 0; y < 16; ++y) {
            const std::uint64_t id = tile_id({4, x, y});
            ASSERT_GE(id, 85u);
            ASSERT_LT(id, 85u + 256u);
            EXPECT_FALSE(seen[id - 85]);
            seen[id - 85] = true;
        }
    EXPECT_THROW(tile_id({1, 2, 0}), std::out_of_range);
}

TEST(PmTiles, DirectoriesKeepRunsLeavesAndSharedTiles) {
    const std::vector<Entry> entries = {
        {5, 0, 100, 1},    // a tile
        {6, 100, 40, 3},   // three tiles sharing these bytes (ids 6, 7, 8): its offset follows the last
        {20, 0, 100, 1},   // the first tile's bytes again: an offset that jumps back
        {30, 5000, 77, 0}, // a leaf directory from id 30
    };
    const std::string bytes = encode_directory(entries);
    EXPECT_EQ(decode_directory(bytes), entries);
    // Four entries, ids as deltas (5, 1, 14, 10), run lengths, lengths, offsets (1 = 0 + 1; 0 = follows).
    EXPECT_EQ(bytes.substr(0, 5), std::string("\x04\x05\x01\x0e\x0a", 5));

    EXPECT_FALSE(find_entry(entries, 4));
    EXPECT_EQ(find_entry(entries, 5)->offset, 0u);
    EXPECT_EQ(find_entry(entries, 8)->offset, 100u);
    EXPECT_FALSE(find_entry(entries, 9)) << "past the run: no tile";
    EXPECT_EQ(find_entry(entries, 20)->length, 100u);
    EXPECT_EQ(find_entry(entries, 1000)->run_length, 0u) << "in the leaf's range";

    EXPECT_THROW(decode_directory(std::string("\x02\x05", 2)), std::runtime_error);
    EXPECT_THROW(decode_directory(std::string("\x00", 1)), std::runtime_error);
    EXPECT_THROW(decode_directory(std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11)), std::runtime_error);
}

TEST(PmTiles, HeaderSaysWhereEachPartLies) {
    std::string h(header_size, '\0');
    h.replace(0, 8, std::string("PMTiles\x03", 8));
    auto put = [&](std::size_t at, std::uint64_t v, int width) {
        for (int i = 0; i < width; ++i) h[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
    };
    put(8, 127, 8);
    put(16, 40, 8);
    put(56, 4096, 8);
    h[97] = 2, h[98] = 2, h[99] = 1, h[100] = 0, h[101] = 14;
    put(102, static_cast<std::uint32_t>(static_cast<std::int32_t>(-1800000000)), 4);
    put(114, 850511287, 4);
    const Header header = parse_header(h);
    EXPECT_EQ(header.root_offset, 127u);
    EXPECT_EQ(header.root_length, 40u);
    EXPECT_EQ(header.data_offset, 4096u);
    EXPECT_EQ(header.internal_compression, Compression::gzip);
    EXPECT_EQ(header.tile_type, TileType::mvt);
    EXPECT_EQ(header.max_zoom, 14);
    EXPECT_DOUBLE_EQ(header.west, -180.0);
    EXPECT_NEAR(header.north, 85.0511287, 1e-9);

    h[7] = 2;
    EXPECT_THROW(parse_header(h), std::runtime_error);
    EXPECT_THROW(parse_header("PMTiles"), std::runtime_error);
}
