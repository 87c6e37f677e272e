#include "data/gshhg.hpp"

#include <gtest/gtest.h>
#include <netcdf.h>

#include <algorithm>
#include <cmath>

#include "core/files/input_error.hpp"
#include "reader/data_paths.hpp"
#include "data/natural_earth.hpp"
#include "fixture_writer.hpp"

using namespace storyplot;

namespace {

// A river file as GSHHG lays it out, 2-degree bins (180 across, 90 down), with the segments given:
// each in the bin of its south-west corner, points as 16-bit steps of 2/65535 degree.
struct Segment {
    int bin;
    short river_class;
    std::vector<std::pair<unsigned short, unsigned short>> steps;
};

void write_river_file(const std::filesystem::path& path, const std::vector<Segment>& segments, int bin_minutes = 120) {
    const int across = 360 * 60 / bin_minutes;
    const std::size_t bins = static_cast<std::size_t>(across) * static_cast<std::size_t>(across) / 2;
    std::vector<int> first_segment(bins, 0);
    std::vector<short> bin_segments(bins, 0);
    std::vector<short> counts, classes, dx, dy;
    std::vector<int> first_point;
    int segment = 0;
    for (std::size_t b = 0; b < bins; ++b) {
        first_segment[b] = segment;
        for (const Segment& s : segments)
            if (s.bin == static_cast<int>(b)) {
                ++bin_segments[b];
                ++segment;
                first_point.push_back(static_cast<int>(dx.size()));
                counts.push_back(static_cast<short>(s.steps.size()));
                classes.push_back(s.river_class);
                for (auto [x, y] : s.steps) {
                    dx.push_back(static_cast<short>(x));
                    dy.push_back(static_cast<short>(y));
                }
            }
    }
    int nc = 0, scalar = 0, bin_dim = 0, seg_dim = 0, pt_dim = 0;
    ASSERT_EQ(nc_create(path.c_str(), NC_CLOBBER | NC_NETCDF4, &nc), NC_NOERR);
    nc_def_dim(nc, "Dimension_of_scalar", 1, &scalar);
    nc_def_dim(nc, "Dimension_of_bin_arrays", bins, &bin_dim);
    nc_def_dim(nc, "Dimension_of_segment_arrays", std::max<std::size_t>(counts.size(), 1), &seg_dim);
    nc_def_dim(nc, "Dimension_of_point_arrays", std::max<std::size_t>(dx.size(), 1), &pt_dim);
    int v_size, v_across, v_first_seg, v_bin_segs, v_counts, v_classes, v_first_pt, v_dx, v_dy;
    nc_def_var(nc, "Bin_size_in_minutes", NC_INT, 1, &scalar, &v_size);
    nc_def_var(nc, "N_bins_in_360_longitude_range", NC_INT, 1, &scalar, &v_across);
    nc_def_var(nc, "Id_of_first_segment_in_a_bin", NC_INT, 1, &bin_dim, &v_first_seg);
    nc_def_var(nc, "N_segments_in_a_bin", NC_SHORT, 1, &bin_dim, &v_bin_segs);
    nc_def_var(nc, "N_points_for_a_segment", NC_SHORT, 1, &seg_dim, &v_counts);
    nc_def_var(nc, "Hierarchial_level_of_a_segment", NC_SHORT, 1, &seg_dim, &v_classes);
    nc_def_var(nc, "Id_of_first_point_in_a_segment", NC_INT, 1, &seg_dim, &v_first_pt);
    nc_def_var(nc, "Relative_longitude_from_SW_corner_of_bin", NC_SHORT, 1, &pt_dim, &v_dx);
    nc_def_var(nc, "Relative_latitude_from_SW_corner_of_bin", NC_SHORT, 1, &pt_dim, &v_dy);
    nc_enddef(nc);
    nc_put_var_int(nc, v_size, &bin_minutes);
    nc_put_var_int(nc, v_across, &across);
    nc_put_var_int(nc, v_first_seg, first_segment.data());
    nc_put_var_short(nc, v_bin_segs, bin_segments.data());
    if (!counts.empty()) {
        nc_put_var_short(nc, v_counts, counts.data());
        nc_put_var_short(nc, v_classes, classes.data());
        nc_put_var_int(nc, v_first_pt, first_point.data());
        nc_put_var_short(nc, v_dx, dx.data());
        nc_put_var_short(nc, v_dy, dy.data());
    }
    ASSERT_EQ(nc_close(nc), NC_NOERR);
}


// A shoreline file as GSHHG lays it out, 2-degree bins: each piece of a polygon's shore in its bin,
// its polygon's id; the polygons' areas (km²) and parents.
struct ShorePiece {
    int bin;
    int hierarchy;  // 1 land, 2 lake, 3 island in a lake
    int id;
    std::vector<std::pair<unsigned short, unsigned short>> steps;
};

// A polygon's three pieces crossing from bin `west` into the bin east of it and back, as GSHHG
// stores one: its shore leaves the western bin at a quarter of its height, turns at the eastern
// bin's middle, and comes back at three quarters.
std::vector<ShorePiece> across_two_bins(int west, int hierarchy, int id) {
    constexpr unsigned short edge = 65535, half = 32768, quarter = 16384;
    return {{west, hierarchy, id, {{half, quarter}, {edge, quarter}}},
            {west + 1, hierarchy, id, {{0, quarter}, {half, half}, {0, 3 * quarter}}},
            {west, hierarchy, id, {{edge, 3 * quarter}, {half, quarter}}}};
}

void write_shore_file(const std::filesystem::path& path, const std::vector<ShorePiece>& pieces, const std::vector<double>& areas,
                      const std::vector<int>& parents) {
    const int minutes = 120, across = 180;
    const std::size_t bins = 180 * 90;
    std::vector<int> first_segment(bins, 0), info, first_point, owner;
    std::vector<short> bin_segments(bins, 0), dx, dy;
    int segment = 0;
    for (std::size_t b = 0; b < bins; ++b) {
        first_segment[b] = segment;
        for (const ShorePiece& piece : pieces)
            if (piece.bin == static_cast<int>(b)) {
                ++bin_segments[b];
                ++segment;
                first_point.push_back(static_cast<int>(dx.size()));
                info.push_back(static_cast<int>(piece.steps.size()) << 9 | piece.hierarchy << 6 | 4 << 3 | 4);
                owner.push_back(piece.id);
                for (auto [x, y] : piece.steps) {
                    dx.push_back(static_cast<short>(x));
                    dy.push_back(static_cast<short>(y));
                }
            }
    }
    int nc = 0, scalar = 0, poly_dim = 0, bin_dim = 0, seg_dim = 0, pt_dim = 0;
    ASSERT_EQ(nc_create(path.c_str(), NC_CLOBBER | NC_NETCDF4, &nc), NC_NOERR);
    nc_def_dim(nc, "Dimension_of_scalar", 1, &scalar);
    nc_def_dim(nc, "Dimension_of_polygon_array", areas.size(), &poly_dim);
    nc_def_dim(nc, "Dimension_of_bin_arrays", bins, &bin_dim);
    nc_def_dim(nc, "Dimension_of_segment_arrays", info.size(), &seg_dim);
    nc_def_dim(nc, "Dimension_of_point_arrays", dx.size(), &pt_dim);
    int v_size, v_across, v_area, v_parent, v_first_seg, v_bin_segs, v_info, v_first_pt, v_owner, v_dx, v_dy;
    nc_def_var(nc, "Bin_size_in_minutes", NC_INT, 1, &scalar, &v_size);
    nc_def_var(nc, "N_bins_in_360_longitude_range", NC_INT, 1, &scalar, &v_across);
    nc_def_var(nc, "The_km_squared_area_of_polygons", NC_DOUBLE, 1, &poly_dim, &v_area);
    nc_def_var(nc, "Id_of_parent_polygons", NC_INT, 1, &poly_dim, &v_parent);
    nc_def_var(nc, "Id_of_first_segment_in_a_bin", NC_INT, 1, &bin_dim, &v_first_seg);
    nc_def_var(nc, "N_segments_in_a_bin", NC_SHORT, 1, &bin_dim, &v_bin_segs);
    nc_def_var(nc, "Embedded_npts_levels_exit_entry_for_a_segment", NC_INT, 1, &seg_dim, &v_info);
    nc_def_var(nc, "Id_of_first_point_in_a_segment", NC_INT, 1, &seg_dim, &v_first_pt);
    nc_def_var(nc, "Id_of_GSHHS_ID", NC_INT, 1, &seg_dim, &v_owner);
    nc_def_var(nc, "Relative_longitude_from_SW_corner_of_bin", NC_SHORT, 1, &pt_dim, &v_dx);
    nc_def_var(nc, "Relative_latitude_from_SW_corner_of_bin", NC_SHORT, 1, &pt_dim, &v_dy);
    nc_enddef(nc);
    nc_put_var_int(nc, v_size, &minutes);
    nc_put_var_int(nc, v_across, &across);
    nc_put_var_double(nc, v_area, areas.data());
    nc_put_var_int(nc, v_parent, parents.data());
    nc_put_var_int(nc, v_first_seg, first_segment.data());
    nc_put_var_short(nc, v_bin_segs, bin_segments.data());
    nc_put_var_int(nc, v_info, info.data());
    nc_put_var_int(nc, v_first_pt, first_point.data());
    nc_put_var_int(nc, v_owner, owner.data());
    nc_put_var_short(nc, v_dx, dx.data());
    nc_put_var_short(nc, v_dy, dy.data());
    ASSERT_EQ(nc_close(nc), NC_NOERR);
}

// Whether `p` is inside any of the lakes' polygons (odd crossings over all rings: holes count).
bool in_lake(const LakePolygons& lakes, LonLat p) {
    for (const Polygon& lake : lakes.lakes) {
        bool inside = false;
        for (const Ring& ring : lake.rings)
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
                if ((ring[i].lat > p.lat) != (ring[j].lat > p.lat) &&
                    p.lon < (ring[j].lon - ring[i].lon) * (p.lat - ring[i].lat) / (ring[j].lat - ring[i].lat) + ring[i].lon)
                    inside = !inside;
        if (inside) return true;
    }
    return false;
}

}  // namespace

TEST(GshhgRivers, PointsAreStepsFromTheirBinsSouthWestCorner) {
    test_support::TempDir dir;
    const auto file = dir.path() / "binned_river_t.nc";
    // Bin 0 is 0..2E, 88..90N. Row 23 (42..44N), column 65 (130..132E) holds a major river; column 125
    // (250..252E, that is 110..108W) a minor one; an intermittent one is left out.
    write_river_file(file, {{23 * 180 + 65, 2, {{0, 0}, {65535, 32767}, {32768, 65535}}},
                            {23 * 180 + 125, 4, {{0, 65535}, {65535, 0}}},
                            {23 * 180 + 65, 6, {{0, 0}, {1, 1}}}});
    const RiverPaths rivers = read_gshhg_rivers(file, DetailLevel::fine_10m);
    ASSERT_EQ(rivers.major.size(), 1u);
    ASSERT_EQ(rivers.minor.size(), 1u);
    const Path& major = rivers.major[0];
    ASSERT_EQ(major.size(), 3u);
    EXPECT_DOUBLE_EQ(major[0].lon, 130.0);
    EXPECT_DOUBLE_EQ(major[0].lat, 42.0);
    EXPECT_DOUBLE_EQ(major[1].lon, 132.0);
    EXPECT_NEAR(major[1].lat, 42.0 + 2.0 * 32767 / 65535, 1e-12);
    EXPECT_NEAR(major[2].lon, 130.0 + 2.0 * 32768 / 65535, 1e-12);
    EXPECT_DOUBLE_EQ(major[2].lat, 44.0);
    const Path& minor = rivers.minor[0];
    EXPECT_DOUBLE_EQ(minor[0].lon, -110.0);
    EXPECT_DOUBLE_EQ(minor[0].lat, 44.0);
    EXPECT_DOUBLE_EQ(minor[1].lon, -108.0);
    EXPECT_EQ(rivers.points(), 5u);
    // At the world's level only permanent major rivers (class 1) are drawn: none here.
    EXPECT_EQ(read_gshhg_rivers(file, DetailLevel::coarse_110m).points(), 0u);
}

TEST(GshhgRivers, AMissingOrForeignFileIsOneLineNamingIt) {
    test_support::TempDir dir;
    const auto missing = dir.path() / "binned_river_x.nc";
    try {
        read_gshhg_rivers(missing, DetailLevel::fine_10m);
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("not installed"), std::string::npos) << e.what();
    }
    const auto foreign = dir.path() / "binned_river_y.nc";
    test_support::write_text(foreign.string(), "not netCDF at all");
    try {
        read_gshhg_rivers(foreign, DetailLevel::fine_10m);
        FAIL() << "no error";
    } catch (const InputError& e) {
        const std::string line = e.what();
        EXPECT_NE(line.find(foreign.string()), std::string::npos) << line;
        EXPECT_NE(line.find("not a GSHHG river file"), std::string::npos) << line;
        EXPECT_EQ(line.find('\n'), std::string::npos) << line;
    }
}

TEST(GshhgRivers, AVariableOfTheWrongSizeIsRefusedNotRead) {
    // netCDF writes a whole variable into the buffer it is given: one of another size than its
    // dimension says would run past it. Here the bins' segment counts hold one value, not 16,200.
    test_support::TempDir dir;
    const auto file = dir.path() / "binned_river_w.nc";
    int nc = 0, scalar = 0, bins = 0, one = 0;
    ASSERT_EQ(nc_create(file.c_str(), NC_CLOBBER | NC_NETCDF4, &nc), NC_NOERR);
    nc_def_dim(nc, "Dimension_of_scalar", 1, &scalar);
    nc_def_dim(nc, "Dimension_of_bin_arrays", 16200, &bins);
    nc_def_dim(nc, "Dimension_of_segment_arrays", 1, &one);
    nc_def_dim(nc, "Dimension_of_point_arrays", 1, &one);
    int v_size = 0, v_across = 0, v_first = 0, v_count = 0;
    nc_def_var(nc, "Bin_size_in_minutes", NC_INT, 1, &scalar, &v_size);
    nc_def_var(nc, "N_bins_in_360_longitude_range", NC_INT, 1, &scalar, &v_across);
    nc_def_var(nc, "Id_of_first_segment_in_a_bin", NC_INT, 1, &bins, &v_first);
    nc_def_var(nc, "N_segments_in_a_bin", NC_SHORT, 1, &one, &v_count);
    nc_enddef(nc);
    const int minutes = 120, across = 180;
    nc_put_var_int(nc, v_size, &minutes);
    nc_put_var_int(nc, v_across, &across);
    ASSERT_EQ(nc_close(nc), NC_NOERR);
    try {
        read_gshhg_rivers(file, DetailLevel::fine_10m);
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("N_segments_in_a_bin holds 1 values, not 16200"), std::string::npos) << e.what();
    }
}

TEST(GshhgRivers, TheInstalledHighResolutionRiversHoldTheTumenAtKhasan) {
    const RiverPaths rivers = read_gshhg_rivers(gshhg_rivers_path('h'), DetailLevel::fine_10m);
    EXPECT_GT(rivers.major.size(), 5000u);
    EXPECT_GT(rivers.minor.size(), rivers.major.size());
    // The Tumen's last reach, the border the train crosses between Tumangang and Khasan: a major
    // river within 1.5 km of the bridge (42.42N, 130.64E by GeoNames' stations).
    double nearest_km = 1e9;
    for (const Path& path : rivers.major)
        for (LonLat p : path) {
            const double dx = (p.lon - 130.64) * 111.32 * std::cos(42.42 * M_PI / 180), dy = (p.lat - 42.42) * 110.57;
            nearest_km = std::min(nearest_km, std::hypot(dx, dy));
            EXPECT_TRUE(p.lon >= -180 && p.lon <= 180 && p.lat >= -90 && p.lat <= 90) << p.lon << "," << p.lat;
        }
    EXPECT_LT(nearest_km, 1.5);
}

TEST(GshhgRivers, TheBasemapDrawsMoreRiversCloserIn) {
    const BasemapMeshes world = load_natural_earth(DetailLevel::coarse_110m);
    const BasemapMeshes fine = load_natural_earth(DetailLevel::fine_10m);
    EXPECT_GT(world.rivers.vertex_count(), 1000u);
    EXPECT_TRUE(world.minor_rivers.empty());
    EXPECT_GT(fine.rivers.vertex_count(), 10 * world.rivers.vertex_count());
    EXPECT_GT(fine.minor_rivers.vertex_count(), fine.rivers.vertex_count());
}

TEST(GshhgLakes, PiecesInNeighbouringBinsCloseIntoOneShoreWithItsIslands) {
    test_support::TempDir dir;
    const auto file = dir.path() / "binned_GSHHS_t.nc";
    const int row = 23 * 180;  // 42..44N
    constexpr unsigned short half = 32768, quarter = 16384;  // as across_two_bins places them
    // Lake 1 crosses from the bin at 130..132E into the one at 132..134E and back.
    std::vector<ShorePiece> pieces = across_two_bins(row + 65, 2, 1);
    // Its island, a hole.
    pieces.push_back({row + 65, 3, 2, {{50000, 30000}, {60000, 30000}, {55000, 40000}, {50000, 30000}}});
    // A pond of 1 km²: too small.
    pieces.push_back({row + 65, 2, 3, {{1000, 1000}, {2000, 1000}, {1500, 2000}, {1000, 1000}}});
    // Lake 4 crosses the antimeridian: 178..180E, then 180..178W, then back.
    for (ShorePiece& piece : across_two_bins(row + 89, 2, 4)) pieces.push_back(std::move(piece));
    write_shore_file(file, pieces, {1e6, 500, 60, 1, 300}, {-1, 0, 1, 0, 0});
    const LakePolygons lakes = read_gshhg_lakes(file, DetailLevel::fine_10m);
    EXPECT_EQ(lakes.open_rings, 0u);
    ASSERT_EQ(lakes.lakes.size(), 2u);
    const Polygon& lake = lakes.lakes[0];
    ASSERT_EQ(lake.rings.size(), 2u);  // the shore and the island
    const Ring& shore = lake.rings[0];
    ASSERT_EQ(shore.size(), 4u);
    const double step = 2.0 / 65535;
    EXPECT_NEAR(shore[0].lon, 130 + half * step, 1e-9);
    EXPECT_NEAR(shore[1].lon, 132, 1e-9);
    EXPECT_NEAR(shore[2].lon, 132 + half * step, 1e-9);
    EXPECT_NEAR(shore[2].lat, 42 + half * step, 1e-9);
    EXPECT_NEAR(shore[3].lon, 132, 1e-9);
    EXPECT_NEAR(shore[3].lat, 42 + 3 * quarter * step, 1e-9);
    EXPECT_EQ(lake.rings[1].size(), 3u);
    EXPECT_TRUE(in_lake(lakes, {131.7, 42.9}));
    EXPECT_FALSE(in_lake(lakes, {130 + 55000 * step, 42 + 33000 * step}));  // on the island
    EXPECT_TRUE(in_lake(lakes, {130 + 55000 * step, 42 + 28000 * step}));   // just south of it
    EXPECT_FALSE(in_lake(lakes, {130.05, 42.05}));                           // the pond
    // Across the antimeridian the longitudes run on: 179, 180, 181, 180.
    const Ring& far = lakes.lakes[1].rings[0];
    ASSERT_EQ(far.size(), 4u);
    EXPECT_NEAR(far[1].lon, 180, 1e-9);
    EXPECT_NEAR(far[2].lon, 180 + half * step, 1e-9);
    EXPECT_NEAR(far[3].lon, 180, 1e-9);
    // The world draws lakes of 1,000 km² or more: none here.
    EXPECT_TRUE(read_gshhg_lakes(file, DetailLevel::coarse_110m).lakes.empty());
}

TEST(GshhgLakes, AShoreThatDoesNotCloseIsLeftOutAndCounted) {
    test_support::TempDir dir;
    const auto file = dir.path() / "binned_GSHHS_u.nc";
    write_shore_file(file, {{23 * 180 + 65, 2, 1, {{100, 100}, {65535, 200}}}}, {1e6, 500}, {-1, 0});
    const LakePolygons lakes = read_gshhg_lakes(file, DetailLevel::fine_10m);
    EXPECT_TRUE(lakes.lakes.empty());
    EXPECT_EQ(lakes.open_rings, 1u);
}

TEST(GshhgLakes, TheInstalledShorelinesHoldTheGreatLakesAndKhanka) {
    const LakePolygons world = read_gshhg_lakes(gshhg_shores_path('c'), DetailLevel::coarse_110m);
    EXPECT_EQ(world.open_rings, 0u);
    EXPECT_TRUE(in_lake(world, {-87.5, 47.6}));   // Lake Superior
    EXPECT_TRUE(in_lake(world, {108.0, 53.3}));   // Baikal
    EXPECT_FALSE(in_lake(world, {-89.0, 43.0}));  // Wisconsin
    const LakePolygons close = read_gshhg_lakes(gshhg_shores_path('h'), DetailLevel::fine_10m);
    EXPECT_EQ(close.open_rings, 0u);
    EXPECT_GT(close.lakes.size(), 1000u);
    EXPECT_TRUE(in_lake(close, {132.4, 45.0}));   // Khanka, on the border north of Vladivostok
    EXPECT_FALSE(in_lake(close, {131.9, 43.1}));  // Vladivostok
}

// The land close in: the sea's shores (level 1) and Antarctica's grounding line (level 6), put
// together across bins as lakes are; lakes and islands in them are not land polygons.
TEST(GshhgLand, TheSeasShoresAndAntarcticaCloseAcrossBinsLakesDoNot) {
    test_support::TempDir dir;
    const auto file = dir.path() / "binned_GSHHS_v.nc";
    const int row = 23 * 180;  // 42..44N
    // Land crossing from the bin at 130..132E into the one at 132..134E and back.
    std::vector<ShorePiece> pieces = across_two_bins(row + 65, 1, 0);
    // A lake on it and an island in the lake: not land polygons.
    pieces.push_back({row + 65, 2, 1, {{50000, 30000}, {60000, 30000}, {55000, 40000}, {50000, 30000}}});
    pieces.push_back({row + 65, 3, 2, {{52000, 31000}, {53000, 31000}, {52500, 32000}, {52000, 31000}}});
    // Grounding line, far south.
    pieces.push_back({89 * 180 + 10, 6, 3, {{1000, 1000}, {2000, 1000}, {1500, 2000}, {1000, 1000}}});
    write_shore_file(file, pieces, {1e6, 500, 60, 1e7}, {-1, 0, 1, -1});
    const LandPolygons land = read_gshhg_land(file);
    EXPECT_EQ(land.open_rings, 0u);
    ASSERT_EQ(land.land.size(), 2u);
    ASSERT_EQ(land.land[0].rings.size(), 1u);
    EXPECT_EQ(land.land[0].rings[0].size(), 4u);  // the last point, the first again, dropped
    EXPECT_NEAR(land.land[0].rings[0][1].lon, 132, 1e-9);
    EXPECT_LT(land.land[1].rings[0][0].lat, -88);
    EXPECT_EQ(land.points(), 7u);
}

TEST(GshhgLand, TheInstalledHighResolutionShoresHoldVladivostokAndItsIslands) {
    const LandPolygons land = read_gshhg_land(gshhg_shores_path('h'));
    EXPECT_LE(land.open_rings, 10u);  // a few islets of a handful of points along bin edges
    EXPECT_GT(land.land.size(), 100000u);
    auto on_land = [&](LonLat p) {
        return std::any_of(land.land.begin(), land.land.end(), [&](const Polygon& polygon) { return inside(p, polygon); });
    };
    EXPECT_TRUE(on_land({131.9, 43.12}));   // Vladivostok
    EXPECT_TRUE(on_land({131.85, 43.0}));   // Russky Island, across the strait
    EXPECT_FALSE(on_land({131.9, 43.05}));  // the Eastern Bosphorus strait between them
    EXPECT_FALSE(on_land({131.5, 42.6}));   // Peter the Great Gulf
    EXPECT_TRUE(on_land({2.35, 48.86}));    // Paris, on the largest polygon
}
