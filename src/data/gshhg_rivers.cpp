#include "data/gshhg_rivers.hpp"

#include <netcdf.h>

#include <cstdint>
#include <string>

#include "core/files/input_error.hpp"
#include "core/geo/river_detail.hpp"

namespace storyplot {

namespace {

// An open netCDF file, closed when done; every failure is one InputError naming the file.
class NetcdfFile {
public:
    explicit NetcdfFile(const std::filesystem::path& path) : m_path(path.string()) {
        if (!std::filesystem::exists(path)) throw InputError(m_path, "GSHHG rivers not installed (run ./setup.sh)");
        check(nc_open(m_path.c_str(), NC_NOWRITE, &m_id), "cannot open");
    }
    ~NetcdfFile() { nc_close(m_id); }
    NetcdfFile(const NetcdfFile&) = delete;
    NetcdfFile& operator=(const NetcdfFile&) = delete;

    std::size_t dimension(const char* name) const {
        int dim = 0;
        std::size_t length = 0;
        check(nc_inq_dimid(m_id, name, &dim), name);
        check(nc_inq_dimlen(m_id, dim, &length), name);
        return length;
    }
    int scalar(const char* name) const {
        int value = 0;
        check(nc_get_var_int(m_id, variable(name), &value), name);
        return value;
    }
    std::vector<int> ints(const char* name, std::size_t count) const {
        std::vector<int> out(count);
        check(nc_get_var_int(m_id, variable(name), out.data()), name);
        return out;
    }
    std::vector<short> shorts(const char* name, std::size_t count) const {
        std::vector<short> out(count);
        check(nc_get_var_short(m_id, variable(name), out.data()), name);
        return out;
    }
    [[noreturn]] void fail(const std::string& what) const { throw InputError(m_path, "not a GSHHG river file: " + what); }

private:
    int variable(const char* name) const {
        int var = 0;
        check(nc_inq_varid(m_id, name, &var), name);
        return var;
    }
    void check(int status, const std::string& what) const {
        if (status != NC_NOERR) fail(what + " (" + nc_strerror(status) + ")");
    }

    std::string m_path;
    int m_id = -1;
};

}  // namespace

std::size_t RiverPaths::points() const {
    std::size_t n = 0;
    for (const auto* paths : {&major, &minor})
        for (const Path& p : *paths) n += p.size();
    return n;
}

RiverPaths read_gshhg_rivers(const std::filesystem::path& file, DetailLevel level) {
    const NetcdfFile nc(file);
    const std::size_t bins = nc.dimension("Dimension_of_bin_arrays");
    const std::size_t segments = nc.dimension("Dimension_of_segment_arrays");
    const std::size_t points = nc.dimension("Dimension_of_point_arrays");
    const int bin_minutes = nc.scalar("Bin_size_in_minutes");
    const int bins_across = nc.scalar("N_bins_in_360_longitude_range");
    if (bin_minutes <= 0 || bins_across <= 0 || bins_across * bin_minutes != 360 * 60 ||
        bins != static_cast<std::size_t>(bins_across) * static_cast<std::size_t>(bins_across) / 2)
        nc.fail("bins of " + std::to_string(bin_minutes) + " minutes, " + std::to_string(bins_across) + " across");

    const auto first_segment = nc.ints("Id_of_first_segment_in_a_bin", bins);
    const auto bin_segments = nc.shorts("N_segments_in_a_bin", bins);
    const auto segment_points = nc.shorts("N_points_for_a_segment", segments);
    const auto segment_class = nc.shorts("Hierarchial_level_of_a_segment", segments);
    const auto first_point = nc.ints("Id_of_first_point_in_a_segment", segments);
    const auto dx = nc.shorts("Relative_longitude_from_SW_corner_of_bin", points);
    const auto dy = nc.shorts("Relative_latitude_from_SW_corner_of_bin", points);

    const double bin_degrees = bin_minutes / 60.0;
    const double step = bin_degrees / 65535.0;  // a point's 16 bits span its bin
    RiverPaths out;
    for (std::size_t b = 0; b < bins; ++b) {
        if (bin_segments[b] <= 0) continue;
        const auto across = static_cast<std::size_t>(bins_across);
        double west = static_cast<double>(b % across) * bin_degrees;
        if (west >= 180) west -= 360;  // bins run 0..360: the western half comes back to -180..0
        const double south = 90.0 - static_cast<double>(b / across + 1) * bin_degrees;
        const auto first = static_cast<std::int64_t>(first_segment[b]);
        if (first < 0 || first + bin_segments[b] > static_cast<std::int64_t>(segments)) nc.fail("bin " + std::to_string(b) + "'s segments");
        for (std::int64_t s = first; s < first + bin_segments[b]; ++s) {
            const auto i = static_cast<std::size_t>(s);
            const RiverRank rank = river_rank(level, segment_class[i]);
            if (rank == RiverRank::none) continue;
            const std::int64_t start = first_point[i], count = segment_points[i];
            if (start < 0 || count < 0 || start + count > static_cast<std::int64_t>(points)) nc.fail("segment " + std::to_string(s) + "'s points");
            if (count < 2) continue;
            Path path;
            path.reserve(static_cast<std::size_t>(count));
            for (std::int64_t p = start; p < start + count; ++p) {
                const auto k = static_cast<std::size_t>(p);
                path.push_back({west + static_cast<std::uint16_t>(dx[k]) * step, south + static_cast<std::uint16_t>(dy[k]) * step});
            }
            (rank == RiverRank::major ? out.major : out.minor).push_back(std::move(path));
        }
    }
    return out;
}

}  // namespace storyplot
