#include "data/gshhg.hpp"

#include <netcdf.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/files/input_error.hpp"
#include "core/geo/water_detail.hpp"

namespace storyplot {

namespace {

// An open netCDF file, closed when done; every failure is one InputError naming the file.
class NetcdfFile {
public:
    // `kind`: "river" or "shoreline", for the messages.
    NetcdfFile(const std::filesystem::path& path, std::string kind) : m_path(path.string()), m_kind(std::move(kind)) {
        if (!std::filesystem::exists(path)) throw InputError(m_path, "GSHHG " + m_kind + "s not installed (run ./setup.sh)");
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
        check(nc_get_var_int(m_id, variable(name, 1), &value), name);
        return value;
    }
    std::vector<int> ints(const char* name, std::size_t count) const {
        std::vector<int> out(count);
        check(nc_get_var_int(m_id, variable(name, count), out.data()), name);
        return out;
    }
    std::vector<double> doubles(const char* name, std::size_t count) const {
        std::vector<double> out(count);
        check(nc_get_var_double(m_id, variable(name, count), out.data()), name);
        return out;
    }
    std::vector<short> shorts(const char* name, std::size_t count) const {
        std::vector<short> out(count);
        check(nc_get_var_short(m_id, variable(name, count), out.data()), name);
        return out;
    }
    [[noreturn]] void fail(const std::string& what) const { throw InputError(m_path, "not a GSHHG " + m_kind + " file: " + what); }

private:
    // The variable, which must hold exactly `count` values (netCDF writes them all into the buffer).
    int variable(const char* name, std::size_t count) const {
        int var = 0, dims = 0;
        check(nc_inq_varid(m_id, name, &var), name);
        check(nc_inq_varndims(m_id, var, &dims), name);
        int ids[NC_MAX_VAR_DIMS] = {};
        if (dims < 0 || dims > NC_MAX_VAR_DIMS) fail(name);
        check(nc_inq_vardimid(m_id, var, ids), name);
        std::size_t values = 1;
        for (int d = 0; d < dims; ++d) {
            std::size_t length = 0;
            check(nc_inq_dimlen(m_id, ids[d], &length), name);
            values *= length;
        }
        if (values != count) fail(std::string(name) + " holds " + std::to_string(values) + " values, not " + std::to_string(count));
        return var;
    }
    void check(int status, const std::string& what) const {
        if (status != NC_NOERR) fail(what + " (" + nc_strerror(status) + ")");
    }

    std::string m_path;
    std::string m_kind;
    int m_id = -1;
};

// The bins: 360 degrees across in bins of whole minutes, half as many down from 90N; bin b's points
// are 16-bit steps across it from its south-west corner.
struct BinGrid {
    std::size_t bins = 0, across = 0;
    double degrees = 0;

    explicit BinGrid(const NetcdfFile& nc) {
        bins = nc.dimension("Dimension_of_bin_arrays");
        const int minutes = nc.scalar("Bin_size_in_minutes");
        const int count = nc.scalar("N_bins_in_360_longitude_range");
        if (minutes <= 0 || count <= 0 || count * minutes != 360 * 60 ||
            bins != static_cast<std::size_t>(count) * static_cast<std::size_t>(count) / 2)
            nc.fail("bins of " + std::to_string(minutes) + " minutes, " + std::to_string(count) + " across");
        across = static_cast<std::size_t>(count);
        degrees = minutes / 60.0;
    }
    // Bins run 0..360: the western half comes back to -180..0.
    double west(std::size_t b) const {
        const double w = static_cast<double>(b % across) * degrees;
        return w >= 180 ? w - 360 : w;
    }
    double south(std::size_t b) const { return 90.0 - static_cast<double>(b / across + 1) * degrees; }
    LonLat point(std::size_t b, short dx, short dy) const {
        const double step = degrees / 65535.0;
        return {west(b) + static_cast<std::uint16_t>(dx) * step, south(b) + static_cast<std::uint16_t>(dy) * step};
    }
};

// What river and shoreline files share: the bins, each bin's run of segments, each segment's first
// point, and the points; every index checked before it is followed.
class BinnedFile {
public:
    BinnedFile(const std::filesystem::path& path, std::string kind)
        : nc(path, std::move(kind)),
          grid(nc),
          segments(nc.dimension("Dimension_of_segment_arrays")),
          m_points(nc.dimension("Dimension_of_point_arrays")),
          m_first_segment(nc.ints("Id_of_first_segment_in_a_bin", grid.bins)),
          m_bin_segments(nc.shorts("N_segments_in_a_bin", grid.bins)),
          m_first_point(nc.ints("Id_of_first_point_in_a_segment", segments)),
          m_dx(nc.shorts("Relative_longitude_from_SW_corner_of_bin", m_points)),
          m_dy(nc.shorts("Relative_latitude_from_SW_corner_of_bin", m_points)) {}

    // visit(bin, segment) for every segment, bin by bin.
    template <typename Visit>
    void each_segment(Visit&& visit) const {
        for (std::size_t b = 0; b < grid.bins; ++b) {
            if (m_bin_segments[b] <= 0) continue;
            const auto first = static_cast<std::int64_t>(m_first_segment[b]);
            if (first < 0 || first + m_bin_segments[b] > static_cast<std::int64_t>(segments)) nc.fail("bin " + std::to_string(b) + "'s segments");
            for (std::int64_t s = first; s < first + m_bin_segments[b]; ++s) visit(b, static_cast<std::size_t>(s));
        }
    }
    // The segment's `count` points in lon/lat.
    Path points(std::size_t bin, std::size_t segment, std::int64_t count) const {
        const std::int64_t start = m_first_point[segment];
        if (start < 0 || count < 0 || start + count > static_cast<std::int64_t>(m_points)) nc.fail("segment " + std::to_string(segment) + "'s points");
        Path path;
        path.reserve(static_cast<std::size_t>(count));
        for (auto k = static_cast<std::size_t>(start); k < static_cast<std::size_t>(start + count); ++k) path.push_back(grid.point(bin, m_dx[k], m_dy[k]));
        return path;
    }

    const NetcdfFile nc;
    const BinGrid grid;
    const std::size_t segments;

private:
    std::size_t m_points;
    std::vector<int> m_first_segment;
    std::vector<short> m_bin_segments;
    std::vector<int> m_first_point;
    std::vector<short> m_dx, m_dy;
};

std::size_t point_count(const std::vector<Polygon>& polygons) {
    std::size_t n = 0;
    for (const Polygon& p : polygons)
        for (const Ring& r : p.rings) n += r.size();
    return n;
}

}  // namespace

std::size_t RiverPaths::points() const {
    std::size_t n = 0;
    for (const auto* paths : {&major, &minor})
        for (const Path& p : *paths) n += p.size();
    return n;
}

RiverPaths read_gshhg_rivers(const std::filesystem::path& file, DetailLevel level) {
    const BinnedFile binned(file, "river");
    const auto segment_points = binned.nc.shorts("N_points_for_a_segment", binned.segments);
    const auto segment_class = binned.nc.shorts("Hierarchial_level_of_a_segment", binned.segments);
    RiverPaths out;
    binned.each_segment([&](std::size_t bin, std::size_t s) {
        const RiverRank rank = river_rank(level, segment_class[s]);
        if (rank == RiverRank::none) return;
        Path path = binned.points(bin, s, segment_points[s]);
        if (path.size() >= 2) (rank == RiverRank::major ? out.major : out.minor).push_back(std::move(path));
    });
    return out;
}

namespace {

// A point's place on a bin edge, the same from the bins on either side of it (the antimeridian's
// two longitudes included): microdegrees.
std::pair<std::int64_t, std::int64_t> join_key(LonLat p) {
    double lon = std::fmod(p.lon, 360.0);
    if (lon < 0) lon += 360;
    return {std::llround(lon * 1e6) % 360000000, std::llround(p.lat * 1e6)};
}

struct KeyHash {
    std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& k) const {
        return std::hash<std::int64_t>{}(k.first * 1000003 ^ k.second);
    }
};

// One polygon's pieces (a piece ends where the shore leaves a bin, the next begins there) chained
// into closed rings; a chain that does not close is counted and left out.
std::vector<Ring> chain_pieces(std::vector<Path>& pieces, std::size_t& open_rings) {
    std::vector<Ring> rings;
    std::unordered_multimap<std::pair<std::int64_t, std::int64_t>, std::size_t, KeyHash> by_start;
    for (std::size_t i = 0; i < pieces.size(); ++i) by_start.emplace(join_key(pieces[i].front()), i);
    std::vector<bool> used(pieces.size(), false);
    for (std::size_t first = 0; first < pieces.size(); ++first) {
        if (used[first]) continue;
        used[first] = true;
        Ring ring = pieces[first];
        const auto start_key = join_key(ring.front());
        bool closed = join_key(ring.back()) == start_key;
        while (!closed) {
            std::size_t next = pieces.size();
            for (auto [it, end] = by_start.equal_range(join_key(ring.back())); it != end; ++it)
                if (!used[it->second]) {
                    next = it->second;
                    break;
                }
            if (next == pieces.size()) break;
            used[next] = true;
            // Longitudes run on across the antimeridian.
            const double shift = 360.0 * std::round((ring.back().lon - pieces[next].front().lon) / 360.0);
            for (std::size_t k = 1; k < pieces[next].size(); ++k) ring.push_back({pieces[next][k].lon + shift, pieces[next][k].lat});
            closed = join_key(ring.back()) == start_key;
        }
        if (!closed || ring.size() < 4) {
            ++open_rings;
            continue;
        }
        ring.pop_back();  // the first point again
        rings.push_back(std::move(ring));
    }
    return rings;
}

}  // namespace

std::size_t LakePolygons::points() const { return point_count(lakes); }

LakePolygons read_gshhg_lakes(const std::filesystem::path& file, DetailLevel level) {
    const BinnedFile binned(file, "shoreline");
    const std::size_t polygons = binned.nc.dimension("Dimension_of_polygon_array");
    // Per segment: points << 9 | level << 6 | entry side << 3 | exit side (side 4: inside its bin).
    const auto info = binned.nc.ints("Embedded_npts_levels_exit_entry_for_a_segment", binned.segments);
    const auto owner = binned.nc.ints("Id_of_GSHHS_ID", binned.segments);
    const auto area = binned.nc.doubles("The_km_squared_area_of_polygons", polygons);  // river-lakes negative
    const auto parent = binned.nc.ints("Id_of_parent_polygons", polygons);

    const double min_area = lake_min_km2(level);
    auto large = [&](int id) { return id >= 0 && static_cast<std::size_t>(id) < polygons && std::abs(area[static_cast<std::size_t>(id)]) >= min_area; };
    std::map<int, std::vector<Path>> lake_pieces, island_pieces;  // by id: the same order every run
    binned.each_segment([&](std::size_t bin, std::size_t s) {
        const int hierarchy = (info[s] >> 6) & 7;
        if (hierarchy != 2 && hierarchy != 3) return;  // lakes, islands in them
        const int id = owner[s];
        if (!large(id)) return;
        if (hierarchy == 3 && !large(parent[static_cast<std::size_t>(id)])) return;
        Path piece = binned.points(bin, s, info[s] >> 9);
        if (piece.size() >= 2) (hierarchy == 2 ? lake_pieces : island_pieces)[id].push_back(std::move(piece));
    });
    LakePolygons out;
    std::unordered_map<int, std::size_t> lake_index;
    for (auto& [id, pieces] : lake_pieces) {
        std::vector<Ring> rings = chain_pieces(pieces, out.open_rings);
        if (rings.empty()) continue;
        lake_index.emplace(id, out.lakes.size());
        out.lakes.push_back(Polygon{std::move(rings)});
    }
    for (auto& [id, pieces] : island_pieces) {
        const auto lake = lake_index.find(parent[static_cast<std::size_t>(id)]);
        if (lake == lake_index.end()) continue;
        for (Ring& hole : chain_pieces(pieces, out.open_rings)) out.lakes[lake->second].rings.push_back(std::move(hole));
    }
    return out;
}

std::size_t LandPolygons::points() const { return point_count(land); }

LandPolygons read_gshhg_land(const std::filesystem::path& file) {
    const BinnedFile binned(file, "shoreline");
    const auto info = binned.nc.ints("Embedded_npts_levels_exit_entry_for_a_segment", binned.segments);
    const auto owner = binned.nc.ints("Id_of_GSHHS_ID", binned.segments);
    std::map<int, std::vector<Path>> pieces;  // by id: the same order every run
    binned.each_segment([&](std::size_t bin, std::size_t s) {
        const int hierarchy = (info[s] >> 6) & 7;
        if (hierarchy != 1 && hierarchy != 6) return;
        Path piece = binned.points(bin, s, info[s] >> 9);
        if (piece.size() >= 2) pieces[owner[s]].push_back(std::move(piece));
    });
    LandPolygons out;
    for (auto& [id, parts] : pieces)
        for (Ring& ring : chain_pieces(parts, out.open_rings)) out.land.push_back(Polygon{{std::move(ring)}});
    return out;
}

}  // namespace storyplot
