#pragma once
// The map projections storyplot draws, on the sphere of radius 6378137 m (Web Mercator's): each a
// forward and inverse between lon/lat and projected metres, written out here so the CPU (labels,
// markers, framing, hit tests) and the GPU (the vertex shaders' `project`, shaders/projection.glsl)
// compute the same thing. Web Mercator stays the default; the others are fitted to a view: a conic
// to its latitudes, an azimuthal or the globe to its centre.
//
// A PROJ string names one of these by its `+proj` (merc, eqc, lcc, aea, aeqd, ortho, laea, stere,
// eqearth, tmerc) with its parameters; an EPSG code is turned into such a string by PROJ itself
// (data/projection_lookup). The ellipsoid of a PROJ definition is replaced by the sphere: a picture
// and its GeoTIFF georeferencing (written with this sphere, proj_string()) agree exactly.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/geo/geometry.hpp"

namespace storyplot {

enum class ProjectionKind {
    web_mercator,           // EPSG:3857, the default
    equirectangular,        // plate carrée, true along its standard parallel
    conformal_conic,        // Lambert conformal conic, two standard parallels
    equal_area_conic,       // Albers, two standard parallels
    azimuthal_equidistant,  // true distances from its centre
    orthographic,           // the globe: the hemisphere facing the viewer
    azimuthal_equal_area,   // Lambert azimuthal equal-area
    stereographic,
    equal_earth,            // an equal-area world map (Šavrič, Patterson, Jenny 2018)
    transverse_mercator,
};
constexpr std::size_t projection_kind_count = 10;  // the last kind's value plus one
static_assert(static_cast<std::size_t>(ProjectionKind::transverse_mercator) + 1 == projection_kind_count);

struct Projection {
    ProjectionKind kind = ProjectionKind::web_mercator;
    double lon0 = 0;  // central meridian, degrees
    double lat0 = 0;  // latitude of origin (the centre for azimuthals), degrees
    double lat1 = 0;  // standard parallels (conics; lat1 is the equirectangular's true parallel)
    double lat2 = 0;
    double k0 = 1;    // scale factor at the origin (transverse Mercator, stereographic)
    double x0 = 0;    // false easting and northing, metres
    double y0 = 0;

    bool operator==(const Projection&) const = default;
    bool is_mercator() const { return kind == ProjectionKind::web_mercator && lon0 == 0 && k0 == 1 && x0 == 0 && y0 == 0; }
    // Cylindrical and conic projections cut the world at the meridian opposite lon0; the azimuthals
    // have no cut but reach only part of it (the globe a hemisphere).
    bool has_seam() const;
    // The angular distance from the centre an azimuthal projection draws up to, degrees (180: all).
    double reach_degrees() const;
    // Whether all of a lon/lat box (longitudes counted from lon0, degrees) lies beyond that reach,
    // behind the globe: tested by the circle round the box's middle that holds its corners.
    bool beyond_reach(const Box& relative_lonlat) const;

    // Projected metres. A point the projection cannot show (behind the globe, the antipode of an
    // azimuthal, a pole of a conformal conic) is nullopt.
    std::optional<Vec2> forward(LonLat p) const;
    std::optional<LonLat> inverse(Vec2 xy) const;

    // Metres on the ground per projected metre at a point: along its parallel (a scale bar's, level
    // on a map's central meridian), or the geometric mean of that and the meridian's; 1 where the
    // projection is true.
    double ground_scale(LonLat p, bool along_parallel = true) const;

    // For a person: "Lambert conformal conic (standard parallels 40° and 50°)".
    std::string name() const;
    // The PROJ definition of exactly what is drawn (on the sphere), for georeferencing.
    std::string proj_string() const;
};

// A conic's constants besides its parameters (what the vertex shader needs too): the cone's n,
// Lambert's F or Albers' C, and rho0, the origin's radius in metres. Zero for other kinds.
struct ConicConstants {
    double n = 0, f_or_c = 0, rho0 = 0;
};
ConicConstants conic_constants(const Projection& p);

// Fitted projections for a view of `bounds` (lon/lat degrees; west may exceed east across 180°):
// a conic's standard parallels at one sixth and five sixths of its latitudes, its central meridian
// and origin at the middle; an azimuthal or the globe centred there.
Projection fitted_projection(ProjectionKind kind, const Box& lonlat_bounds);

// The projection a map of `bounds` reads best in, by its size: Web Mercator for an area up to about
// 3,000 km across, a conformal conic for a continent (an equal-area world map near the equator),
// and the given world projection (Equal Earth for stills, the globe for the window) beyond.
Projection automatic_projection(const Box& lonlat_bounds, ProjectionKind world = ProjectionKind::equal_earth);

// A projection from its name on the command line or in a menu: "mercator", "equirectangular",
// "lcc", "albers", "aeqd", "globe", "laea", "stereographic", "equal-earth", "auto" (nullopt kind),
// or a PROJ string ("+proj=lcc +lat_1=40 ..."). `error` says what is wrong when the result is empty.
struct ProjectionChoice {
    std::optional<ProjectionKind> kind;    // a named kind, fitted to the view later; none with `automatic`
    std::optional<Projection> exact;       // a PROJ string, used as given
    bool automatic = false;
};
std::optional<ProjectionChoice> parse_projection_name(std::string_view text, std::string& error);

// The projection a choice gives for a view of `lonlat_bounds`: the exact one, the named kind fitted
// to it, or the automatic one (with `world` for a view of the world).
Projection chosen_projection(const ProjectionChoice& choice, const Box& lonlat_bounds, ProjectionKind world = ProjectionKind::equal_earth);

// The box, in projected metres, of a lon/lat box in `p`: from points sampled along its edges and
// inside (the points it cannot show left out).
Box projected_bounds(const Projection& p, const Box& lonlat_bounds);

// The lon/lat box of a region whose west edge may lie east of its east edge (across 180°) made
// continuous: east runs on past 180.
Box unwrapped_lonlat(const Box& lonlat_bounds);

}  // namespace storyplot
