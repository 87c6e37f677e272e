#include "core/geo/projection.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>
#include <vector>

#include "core/geo/mercator.hpp"

namespace storyplot {

namespace {

constexpr double pi = std::numbers::pi;
constexpr double deg = pi / 180.0;
constexpr double R = mercator::earth_radius;

// Equal Earth's polynomial (Šavrič, Patterson and Jenny 2018).
constexpr double ee_a1 = 1.340264, ee_a2 = -0.081106, ee_a3 = 0.000893, ee_a4 = 0.003796;
const double ee_m = std::sqrt(3.0) / 2.0;

// Longitude from the central meridian, in (-pi, pi].
double relative_lon(double lon_deg, double lon0_deg) { return std::remainder((lon_deg - lon0_deg) * deg, 2 * pi); }

ConicConstants lambert(const Projection& p) {
    const double f1 = p.lat1 * deg, f2 = p.lat2 * deg, f0 = p.lat0 * deg;
    ConicConstants k;
    k.n = std::abs(f1 - f2) < 1e-10 ? std::sin(f1)
                                     : std::log(std::cos(f1) / std::cos(f2)) / std::log(std::tan(pi / 4 + f2 / 2) / std::tan(pi / 4 + f1 / 2));
    k.f_or_c = std::cos(f1) * std::pow(std::tan(pi / 4 + f1 / 2), k.n) / k.n;
    k.rho0 = R * k.f_or_c / std::pow(std::tan(pi / 4 + f0 / 2), k.n);
    return k;
}

ConicConstants albers(const Projection& p) {
    const double f1 = p.lat1 * deg, f2 = p.lat2 * deg, f0 = p.lat0 * deg;
    ConicConstants k;
    k.n = (std::sin(f1) + std::sin(f2)) / 2;
    k.f_or_c = std::cos(f1) * std::cos(f1) + 2 * k.n * std::sin(f1);
    k.rho0 = R * std::sqrt(std::max(0.0, k.f_or_c - 2 * k.n * std::sin(f0))) / k.n;
    return k;
}

// Degrees of arc between two points on the sphere.
double arc_degrees(double lon_a, double lat_a, double lon_b, double lat_b) {
    const double c = std::sin(lat_a * deg) * std::sin(lat_b * deg) + std::cos(lat_a * deg) * std::cos(lat_b * deg) * std::cos((lon_a - lon_b) * deg);
    return std::acos(std::clamp(c, -1.0, 1.0)) / deg;
}

bool azimuthal(ProjectionKind k) {
    return k == ProjectionKind::azimuthal_equidistant || k == ProjectionKind::orthographic || k == ProjectionKind::azimuthal_equal_area ||
           k == ProjectionKind::stereographic;
}

// A tenth of a degree, without a trailing ".0".
std::string tenths(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10) / 10 + 0.0);
    std::string s = buf;
    if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
    return s == "-0" ? "0" : s;
}

std::string degrees(double v, char pos, char neg) {
    const std::string t = tenths(std::abs(v));
    return t + "°" + (t == "0" ? "" : std::string(1, v < 0 ? neg : pos));
}

std::string parallel(double v) { return tenths(v) + "°"; }

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string centre_text(const Projection& p) { return " centred on " + degrees(p.lat0, 'N', 'S') + " " + degrees(p.lon0, 'E', 'W'); }

}  // namespace

ConicConstants conic_constants(const Projection& p) {
    if (p.kind == ProjectionKind::conformal_conic) return lambert(p);
    if (p.kind == ProjectionKind::equal_area_conic) return albers(p);
    return {};
}

bool Projection::has_seam() const { return !azimuthal(kind) && kind != ProjectionKind::transverse_mercator; }

double Projection::reach_degrees() const {
    switch (kind) {
    case ProjectionKind::orthographic: return 90;
    case ProjectionKind::azimuthal_equidistant:
    case ProjectionKind::azimuthal_equal_area: return 175;
    case ProjectionKind::stereographic: return 150;
    default: return 180;
    }
}

bool Projection::beyond_reach(const Box& b) const {
    const double reach = reach_degrees();
    if (reach >= 180 || b.empty() || b.width() >= 180) return false;
    const double mid_lon = (b.min_x + b.max_x) / 2, mid_lat = (b.min_y + b.max_y) / 2;
    double radius = 0;
    for (double lon : {b.min_x, mid_lon, b.max_x})
        for (double lat : {b.min_y, b.max_y}) radius = std::max(radius, arc_degrees(mid_lon, mid_lat, lon, lat));
    return arc_degrees(0, lat0, mid_lon, mid_lat) - radius > reach + 1;
}

std::optional<Vec2> Projection::forward(LonLat ll) const {
    const double phi = std::clamp(ll.lat, -90.0, 90.0) * deg;
    const double dl = relative_lon(ll.lon, lon0);
    Vec2 out;
    switch (kind) {
    case ProjectionKind::web_mercator: {
        const double lat = std::clamp(ll.lat, -mercator::max_latitude, mercator::max_latitude) * deg;
        out = {R * dl, R * std::log(std::tan(pi / 4 + lat / 2))};
        break;
    }
    case ProjectionKind::equirectangular: out = {R * dl * std::cos(lat1 * deg), R * (phi - lat0 * deg)}; break;
    case ProjectionKind::conformal_conic: {
        const ConicConstants c = lambert(*this);
        const double t = std::tan(pi / 4 + phi / 2);
        if ((c.n > 0 && ll.lat < -89.5) || (c.n < 0 && ll.lat > 89.5)) return std::nullopt;
        const double rho = R * c.f_or_c / std::pow(t, c.n);
        out = {rho * std::sin(c.n * dl), c.rho0 - rho * std::cos(c.n * dl)};
        break;
    }
    case ProjectionKind::equal_area_conic: {
        const ConicConstants c = albers(*this);
        const double rho = R * std::sqrt(std::max(0.0, c.f_or_c - 2 * c.n * std::sin(phi))) / c.n;
        out = {rho * std::sin(c.n * dl), c.rho0 - rho * std::cos(c.n * dl)};
        break;
    }
    case ProjectionKind::equal_earth: {
        const double theta = std::asin(ee_m * std::sin(phi));
        const double t2 = theta * theta, t6 = t2 * t2 * t2;
        out = {R * dl * std::cos(theta) / (ee_m * (ee_a1 + 3 * ee_a2 * t2 + t6 * (7 * ee_a3 + 9 * ee_a4 * t2))),
               R * theta * (ee_a1 + ee_a2 * t2 + t6 * (ee_a3 + ee_a4 * t2))};
        break;
    }
    case ProjectionKind::transverse_mercator: {
        const double b = std::cos(phi) * std::sin(dl);
        if (std::abs(b) > 0.99) return std::nullopt;
        out = {R * 0.5 * std::log((1 + b) / (1 - b)), R * (std::atan2(std::tan(phi), std::cos(dl)) - lat0 * deg)};
        break;
    }
    default: {  // the azimuthals
        const double f0 = lat0 * deg;
        const double cos_c = std::sin(f0) * std::sin(phi) + std::cos(f0) * std::cos(phi) * std::cos(dl);
        const double c = std::acos(std::clamp(cos_c, -1.0, 1.0));
        if (c > reach_degrees() * deg + 1e-12) return std::nullopt;
        double k = 1;
        if (kind == ProjectionKind::azimuthal_equidistant) k = c < 1e-9 ? 1 : c / std::sin(c);
        else if (kind == ProjectionKind::azimuthal_equal_area) k = std::sqrt(2 / (1 + cos_c));
        else if (kind == ProjectionKind::stereographic) k = 2 / (1 + cos_c);
        out = {R * k * std::cos(phi) * std::sin(dl), R * k * (std::cos(f0) * std::sin(phi) - std::sin(f0) * std::cos(phi) * std::cos(dl))};
    }
    }
    return Vec2{out.x * k0 + x0, out.y * k0 + y0};
}

std::optional<LonLat> Projection::inverse(Vec2 xy) const {
    const double x = (xy.x - x0) / k0, y = (xy.y - y0) / k0;
    double phi = 0, dl = 0;
    switch (kind) {
    case ProjectionKind::web_mercator:
        dl = x / R;
        phi = 2 * std::atan(std::exp(y / R)) - pi / 2;
        break;
    case ProjectionKind::equirectangular:
        dl = x / (R * std::cos(lat1 * deg));
        phi = y / R + lat0 * deg;
        break;
    case ProjectionKind::conformal_conic:
    case ProjectionKind::equal_area_conic: {
        const bool lcc = kind == ProjectionKind::conformal_conic;
        const ConicConstants c = lcc ? lambert(*this) : albers(*this);
        const double sign = c.n < 0 ? -1 : 1;
        const double rho = sign * std::hypot(x, c.rho0 - y);
        const double theta = std::atan2(sign * x, sign * (c.rho0 - y));
        dl = theta / c.n;
        if (lcc) {
            phi = rho == 0 ? sign * pi / 2 : 2 * std::atan(std::pow(R * c.f_or_c / rho, 1 / c.n)) - pi / 2;
        } else {
            const double s = (c.f_or_c - (rho * c.n / R) * (rho * c.n / R)) / (2 * c.n);
            if (std::abs(s) > 1 + 1e-9) return std::nullopt;
            phi = std::asin(std::clamp(s, -1.0, 1.0));
        }
        break;
    }
    case ProjectionKind::equal_earth: {
        double theta = y / (R * ee_a1);
        for (int i = 0; i < 12; ++i) {  // Newton's method on y(theta)
            const double t2 = theta * theta, t6 = t2 * t2 * t2;
            const double f = R * theta * (ee_a1 + ee_a2 * t2 + t6 * (ee_a3 + ee_a4 * t2)) - y;
            const double df = R * (ee_a1 + 3 * ee_a2 * t2 + t6 * (7 * ee_a3 + 9 * ee_a4 * t2));
            theta -= f / df;
            if (std::abs(f) < 1e-6) break;
        }
        const double s = std::sin(theta) / ee_m;
        if (std::abs(s) > 1 + 1e-9) return std::nullopt;
        phi = std::asin(std::clamp(s, -1.0, 1.0));
        const double t2 = theta * theta, t6 = t2 * t2 * t2;
        dl = x * ee_m * (ee_a1 + 3 * ee_a2 * t2 + t6 * (7 * ee_a3 + 9 * ee_a4 * t2)) / (R * std::cos(theta));
        break;
    }
    case ProjectionKind::transverse_mercator: {
        const double d = y / R + lat0 * deg;
        phi = std::asin(std::clamp(std::sin(d) / std::cosh(x / R), -1.0, 1.0));
        dl = std::atan2(std::sinh(x / R), std::cos(d));
        break;
    }
    default: {
        const double rho = std::hypot(x, y);
        double c = 0;
        if (kind == ProjectionKind::orthographic) {
            if (rho > R * (1 + 1e-12)) return std::nullopt;
            c = std::asin(std::min(1.0, rho / R));
        } else if (kind == ProjectionKind::azimuthal_equidistant) {
            c = rho / R;
        } else if (kind == ProjectionKind::azimuthal_equal_area) {
            if (rho > 2 * R) return std::nullopt;
            c = 2 * std::asin(std::min(1.0, rho / (2 * R)));
        } else {
            c = 2 * std::atan(rho / (2 * R));
        }
        if (c > pi + 1e-12) return std::nullopt;
        const double f0 = lat0 * deg;
        if (rho < 1e-9) {
            phi = f0;
            dl = 0;
        } else {
            phi = std::asin(std::clamp(std::cos(c) * std::sin(f0) + y * std::sin(c) * std::cos(f0) / rho, -1.0, 1.0));
            dl = std::atan2(x * std::sin(c), rho * std::cos(f0) * std::cos(c) - y * std::sin(f0) * std::sin(c));
        }
    }
    }
    if (has_seam() && std::abs(dl) > pi + 1e-9) return std::nullopt;  // beyond the map's cut
    const double lon = std::remainder(lon0 + dl / deg, 360.0);
    return LonLat{lon == -180 ? 180 : lon, phi / deg};
}

double Projection::ground_scale(LonLat p, bool along_parallel_only) const {
    constexpr double step = 1e-4;  // degrees
    const double lat = std::clamp(p.lat, -89.0, 89.0);
    const auto a = forward({p.lon, lat});
    const auto b = forward({p.lon + step, lat});
    const auto c = forward({p.lon, lat + step});
    if (!a || !b || !c) return 1;
    const double along_parallel = R * std::cos(lat * deg) * step * deg / length(*b - *a);
    const double along_meridian = R * step * deg / length(*c - *a);
    return along_parallel_only ? along_parallel : std::sqrt(along_parallel * along_meridian);
}

std::string Projection::name() const {
    switch (kind) {
    case ProjectionKind::web_mercator: return is_mercator() ? "Web Mercator" : "Mercator";
    case ProjectionKind::equirectangular: return "Equirectangular";
    case ProjectionKind::conformal_conic: return "Lambert conformal conic, standard parallels " + parallel(lat1) + " and " + parallel(lat2);
    case ProjectionKind::equal_area_conic: return "Albers equal-area conic, standard parallels " + parallel(lat1) + " and " + parallel(lat2);
    case ProjectionKind::azimuthal_equidistant: return "Azimuthal equidistant" + centre_text(*this);
    case ProjectionKind::orthographic: return "Orthographic globe" + centre_text(*this);
    case ProjectionKind::azimuthal_equal_area: return "Lambert azimuthal equal-area" + centre_text(*this);
    case ProjectionKind::stereographic: return "Stereographic" + centre_text(*this);
    case ProjectionKind::equal_earth: return "Equal Earth";
    case ProjectionKind::transverse_mercator: return "Transverse Mercator, central meridian " + degrees(lon0, 'E', 'W');
    }
    return "";
}

std::string Projection::proj_string() const {
    static const std::map<ProjectionKind, std::string> names = {
        {ProjectionKind::web_mercator, "merc"},          {ProjectionKind::equirectangular, "eqc"},
        {ProjectionKind::conformal_conic, "lcc"},        {ProjectionKind::equal_area_conic, "aea"},
        {ProjectionKind::azimuthal_equidistant, "aeqd"}, {ProjectionKind::orthographic, "ortho"},
        {ProjectionKind::azimuthal_equal_area, "laea"},  {ProjectionKind::stereographic, "stere"},
        {ProjectionKind::equal_earth, "eqearth"},        {ProjectionKind::transverse_mercator, "tmerc"}};
    std::string s = "+proj=" + names.at(kind) + " +lon_0=" + number(lon0);
    if (kind != ProjectionKind::web_mercator && kind != ProjectionKind::equal_earth) s += " +lat_0=" + number(lat0);
    if (kind == ProjectionKind::conformal_conic || kind == ProjectionKind::equal_area_conic)
        s += " +lat_1=" + number(lat1) + " +lat_2=" + number(lat2);
    if (kind == ProjectionKind::equirectangular) s += " +lat_ts=" + number(lat1);
    if (k0 != 1) s += " +k_0=" + number(k0);
    s += " +x_0=" + number(x0) + " +y_0=" + number(y0) + " +R=6378137 +units=m +no_defs";
    return s;
}

Box unwrapped_lonlat(const Box& b) {
    Box out = b;
    if (b.min_x > b.max_x && b.min_y <= b.max_y && std::isfinite(b.min_x)) out.max_x += 360;
    return out;
}

Projection fitted_projection(ProjectionKind kind, const Box& lonlat_bounds) {
    const Box b = unwrapped_lonlat(lonlat_bounds);
    Projection p;
    p.kind = kind;
    if (kind == ProjectionKind::web_mercator) return p;
    const double south = std::clamp(b.min_y, -89.0, 89.0), north = std::clamp(b.max_y, -89.0, 89.0);
    const double mid_lat = (south + north) / 2;
    p.lon0 = std::remainder((b.min_x + b.max_x) / 2, 360.0);
    switch (kind) {
    case ProjectionKind::conformal_conic:
    case ProjectionKind::equal_area_conic: {
        p.lat0 = mid_lat;
        p.lat1 = south + (north - south) / 6;
        p.lat2 = north - (north - south) / 6;
        // Parallels either side of the equator make a cone of no slope: lean it to the view's side.
        if (std::abs(p.lat1 + p.lat2) < 4) {
            const double side = mid_lat < 0 ? -1 : 1;
            p.lat1 = side * std::max(std::abs(mid_lat), 2.0);
            p.lat2 = side * std::max(std::abs(north - south) / 3, std::abs(p.lat1) + 10);
        }
        break;
    }
    case ProjectionKind::equirectangular: p.lat1 = std::abs(mid_lat) < 60 ? mid_lat : 0; break;
    case ProjectionKind::equal_earth: break;
    default: p.lat0 = mid_lat; break;
    }
    return p;
}

Projection automatic_projection(const Box& lonlat_bounds, ProjectionKind world) {
    const Box b = unwrapped_lonlat(lonlat_bounds);
    const double lon_span = b.width(), lat_span = b.height();
    if (b.empty() || lon_span >= 150 || lat_span >= 90) return fitted_projection(world, b);
    const double mid_lat = (b.min_y + b.max_y) / 2;
    const double km_across = std::max(lon_span * std::cos(mid_lat * deg), lat_span) * 111.2;
    if (km_across <= 3000 || std::max(std::abs(b.min_y), std::abs(b.max_y)) <= 25) return {};  // Web Mercator
    if (b.min_y < -10 && b.max_y > 10) return fitted_projection(ProjectionKind::azimuthal_equal_area, b);
    return fitted_projection(ProjectionKind::conformal_conic, b);
}

namespace {

std::optional<Projection> parse_proj_string(std::string_view text, std::string& error) {
    static const std::map<std::string, ProjectionKind, std::less<>> kinds = {
        {"merc", ProjectionKind::web_mercator},          {"eqc", ProjectionKind::equirectangular},
        {"lcc", ProjectionKind::conformal_conic},        {"aea", ProjectionKind::equal_area_conic},
        {"aeqd", ProjectionKind::azimuthal_equidistant}, {"ortho", ProjectionKind::orthographic},
        {"laea", ProjectionKind::azimuthal_equal_area},  {"stere", ProjectionKind::stereographic},
        {"eqearth", ProjectionKind::equal_earth},        {"tmerc", ProjectionKind::transverse_mercator},
        {"utm", ProjectionKind::transverse_mercator}};
    std::map<std::string, std::string, std::less<>> params;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        std::string_view token = text.substr(i, j - i);
        i = j;
        if (token.empty()) continue;
        if (token.front() != '+') {
            error = "\"" + std::string(token) + "\" is not a PROJ parameter (+name=value)";
            return std::nullopt;
        }
        token.remove_prefix(1);
        const auto eq = token.find('=');
        params[std::string(token.substr(0, eq))] = eq == std::string_view::npos ? "" : std::string(token.substr(eq + 1));
    }
    const auto proj = params.find("proj");
    if (proj == params.end()) {
        error = "a PROJ string needs +proj=";
        return std::nullopt;
    }
    const auto kind = kinds.find(proj->second);
    if (kind == kinds.end()) {
        error = "+proj=" + proj->second + " is not a projection storyplot draws (it draws merc, eqc, lcc, aea, aeqd, ortho, laea, stere, eqearth, tmerc, utm)";
        return std::nullopt;
    }
    if (const auto units = params.find("units"); units != params.end() && units->second != "m") {
        error = "+units=" + units->second + ": storyplot draws in metres (+units=m)";
        return std::nullopt;
    }
    Projection p;
    p.kind = kind->second;
    auto value = [&](const char* key, double& out) -> bool {
        const auto it = params.find(key);
        if (it == params.end()) return true;
        const char* first = it->second.data();
        const char* last = first + it->second.size();
        const auto [end, ec] = std::from_chars(first, last, out);
        if (ec != std::errc() || end != last || !std::isfinite(out)) {
            error = "+" + std::string(key) + "=" + it->second + " is not a number";
            return false;
        }
        return true;
    };
    double lat_ts = 0, zone = 0;
    if (!value("lon_0", p.lon0) || !value("lat_0", p.lat0) || !value("lat_1", p.lat1) || !value("lat_2", p.lat2) || !value("k", p.k0) ||
        !value("k_0", p.k0) || !value("x_0", p.x0) || !value("y_0", p.y0) || !value("lat_ts", lat_ts) || !value("zone", zone))
        return std::nullopt;
    if (!params.contains("lat_2")) p.lat2 = p.lat1;
    if (proj->second == "utm") {
        if (zone < 1 || zone > 60) {
            error = "+proj=utm needs +zone= from 1 to 60";
            return std::nullopt;
        }
        p.lon0 = -183 + 6 * zone;
        p.k0 = 0.9996;
        p.x0 = 500000;
        if (params.contains("south")) p.y0 = 10000000;
    }
    if (p.kind == ProjectionKind::web_mercator && params.contains("lat_ts")) p.k0 = std::cos(lat_ts * deg);
    if (p.kind == ProjectionKind::equirectangular) p.lat1 = lat_ts;
    if (p.kind == ProjectionKind::stereographic && params.contains("lat_ts") && std::abs(std::abs(p.lat0) - 90) < 1e-9)
        p.k0 = (1 + std::abs(std::sin(lat_ts * deg))) / 2;
    if (std::abs(p.lat0) > 90 || std::abs(p.lat1) > 90 || std::abs(p.lat2) > 90 || !(p.k0 > 0)) {
        error = "latitudes must lie in [-90, 90] and the scale factor be positive";
        return std::nullopt;
    }
    const bool conic = p.kind == ProjectionKind::conformal_conic || p.kind == ProjectionKind::equal_area_conic;
    if (conic && (std::abs(p.lat1 + p.lat2) < 1e-6 || std::abs(p.lat1) == 90 || std::abs(p.lat2) == 90)) {
        error = "a conic needs standard parallels that are not opposite each other or at a pole";
        return std::nullopt;
    }
    return p;
}

}  // namespace

std::optional<ProjectionChoice> parse_projection_name(std::string_view text, std::string& error) {
    static const std::map<std::string, ProjectionKind, std::less<>> names = {
        {"mercator", ProjectionKind::web_mercator},
        {"web-mercator", ProjectionKind::web_mercator},
        {"equirectangular", ProjectionKind::equirectangular},
        {"plate-carree", ProjectionKind::equirectangular},
        {"lcc", ProjectionKind::conformal_conic},
        {"conic", ProjectionKind::conformal_conic},
        {"albers", ProjectionKind::equal_area_conic},
        {"aeqd", ProjectionKind::azimuthal_equidistant},
        {"azimuthal-equidistant", ProjectionKind::azimuthal_equidistant},
        {"globe", ProjectionKind::orthographic},
        {"orthographic", ProjectionKind::orthographic},
        {"laea", ProjectionKind::azimuthal_equal_area},
        {"stereographic", ProjectionKind::stereographic},
        {"equal-earth", ProjectionKind::equal_earth},
    };
    ProjectionChoice choice;
    if (text == "auto") {
        choice.automatic = true;
        return choice;
    }
    if (const auto it = names.find(text); it != names.end()) {
        choice.kind = it->second;
        return choice;
    }
    if (!text.empty() && text.front() == '+') {
        choice.exact = parse_proj_string(text, error);
        if (!choice.exact) return std::nullopt;
        return choice;
    }
    error = "\"" + std::string(text) +
            "\" is not a projection (mercator, equirectangular, lcc, albers, aeqd, globe, laea, stereographic, equal-earth, auto, EPSG:code or a "
            "+proj= string)";
    return std::nullopt;
}

Projection chosen_projection(const ProjectionChoice& choice, const Box& lonlat_bounds, ProjectionKind world) {
    if (choice.exact) return *choice.exact;
    if (choice.kind) return fitted_projection(*choice.kind, lonlat_bounds);
    return automatic_projection(lonlat_bounds, world);
}

Box projected_bounds(const Projection& p, const Box& lonlat_bounds) {
    const Box b = unwrapped_lonlat(lonlat_bounds);
    Box out;
    constexpr int n = 32;
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= n; ++j) {
            const LonLat ll{b.min_x + b.width() * i / n, b.min_y + b.height() * j / n};
            if (const auto xy = p.forward(ll)) out.add(*xy);
        }
    return out;
}

}  // namespace storyplot
