#pragma once
// Rivers for the basemap from GSHHG's binned WDBII river files (Debian's gmt-gshhg-low and
// gmt-gshhg-high: binned_river_<c|l|i|h|f>.nc), read with netCDF as GMT stores them: the world in
// square bins, each holding line segments whose points are 16-bit steps from the bin's south-west
// corner, each segment ranked by its river class (core/geo/water_detail.hpp).
#include <filesystem>
#include <vector>

#include "core/geo/geometry.hpp"
#include "core/geo/level_of_detail.hpp"

namespace storyplot {

struct RiverPaths {
    std::vector<Path> major;  // drawn at the level
    std::vector<Path> minor;  // drawn only close in (minor_rivers_below)
    std::size_t points() const;
};

// The rivers `level` draws (river_rank), in lon/lat within -180..180; a river crossing bins comes in
// one piece per bin. Throws InputError naming the file when it is missing or not such a file.
RiverPaths read_gshhg_rivers(const std::filesystem::path& file, DetailLevel level);

struct LakePolygons {
    std::vector<Polygon> lakes;  // each its shore, then the islands in it (holes)
    std::size_t open_rings = 0;  // polygons whose pieces did not close (left out)
    std::size_t points() const;
};

// The lakes `level` draws (lake_min_km2), river-lakes included, each put together from its pieces
// in the bins it crosses (a piece ends where the shore leaves its bin, and the next begins there).
// Longitudes run on across the antimeridian within a ring. Throws InputError as above.
LakePolygons read_gshhg_lakes(const std::filesystem::path& file, DetailLevel level);

// The land (close_h's): GSHHG's level 1 polygons (the sea's shores, islands included) and
// Antarctica's (its grounding line, level 6), each put together from its pieces as lakes are, in
// lon/lat. Lakes are not cut out of it: the basemap draws them over the land. Throws InputError as
// above.
struct LandPolygons {
    std::vector<Polygon> land;
    std::size_t open_rings = 0;  // polygons whose pieces did not close (left out)
    std::size_t points() const;
};
LandPolygons read_gshhg_land(const std::filesystem::path& file);

}  // namespace storyplot
