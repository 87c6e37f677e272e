#include "data/gshhg_rivers.hpp"

#include <gtest/gtest.h>
#include <netcdf.h>

#include <cmath>

#include "core/files/input_error.hpp"
#include "data/data_paths.hpp"
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
