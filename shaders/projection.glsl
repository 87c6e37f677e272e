// The map projection, shared by the vertex shaders (it leads each of them, after the #version line
// and PROJECTED and PROJ_KIND, which the renderer adds): Web Mercator metres (the meshes'
// coordinates) to the camera's projection, relative to the camera's centre. The formulas are
// core/geo/projection.cpp's, on the same sphere. Each shader is built once per projection drawn:
// without PROJECTED for Web Mercator (offsets added in exact small floats, nothing else), with it and
// the projection's kind for every other, so that only that kind's formulas are left (llvmpipe pays
// for the code a uniform branch skips).
//
// Projected, u_offset is the chunk's origin in Mercator metres, and three clip distances cut what
// the projection cannot show: [0] and [1] the meridian opposite the centre (a cylinder's or cone's
// cut; the renderer draws a chunk once per side it reaches, u_proj_shift), [2] the horizon of the
// globe, an azimuthal's far limit or a conic's far pole.
uniform vec2 u_offset;
uniform vec2 u_y_limits;     // Web Mercator: its square world's edges from the camera's centre

#if PROJECTED
uniform vec4 u_proj_a;       // lon0 (rad), sin lat0, cos lat0, lat0 (rad)
uniform vec4 u_proj_b;       // conics: n, F (Lambert) or C (Albers), rho0; equirectangular: cos of its true parallel; w: cos of an azimuthal's reach
uniform vec3 u_proj_c;       // k0, false easting, false northing
uniform vec2 u_proj_center;  // the camera's centre in projected metres
uniform float u_proj_shift;  // radians added to longitude: which side of the cut this draw is
out float gl_ClipDistance[3];

const float R = 6378137.0;
const float PI = 3.14159265358979;

vec2 project_lonlat(float lam, float phi) {
    // lam: longitude from the central meridian, radians, unwrapped; phi: latitude, radians.
    const int kind = PROJ_KIND;  // ProjectionKind + 1, fixed when the program is built
    float k0 = u_proj_c.x;
    vec2 xy = vec2(0.0);
    bool cut = false;  // the kinds that cut the world at the meridian opposite the centre
    float reach = 1.0;
    if (kind == 1) {
        xy = vec2(R * lam, R * log(tan(PI / 4.0 + clamp(phi, -1.4844, 1.4844) / 2.0)));
        cut = true;
    } else if (kind == 2) {
        xy = vec2(R * lam * u_proj_b.x, R * (phi - u_proj_a.w));
        cut = true;
    } else if (kind == 3) {
        float n = u_proj_b.x;
        float p = clamp(phi, -1.5533, 1.5533);  // 89 degrees: the pole opposite the apex is at infinity
        float rho = R * u_proj_b.y / pow(tan(PI / 4.0 + p / 2.0), n);
        xy = vec2(rho * sin(n * lam), u_proj_b.z - rho * cos(n * lam));
        reach = sign(n) * phi + 1.4835;  // cut 85 degrees from the far pole
        cut = true;
    } else if (kind == 4) {
        float n = u_proj_b.x;
        float rho = R * sqrt(max(0.0, u_proj_b.y - 2.0 * n * sin(phi))) / n;
        xy = vec2(rho * sin(n * lam), u_proj_b.z - rho * cos(n * lam));
        cut = true;
    } else if (kind == 9) {
        float theta = asin(0.8660254 * sin(phi));
        float t2 = theta * theta;
        float t6 = t2 * t2 * t2;
        xy = vec2(R * lam * cos(theta) / (0.8660254 * (1.340264 + 3.0 * -0.081106 * t2 + t6 * (7.0 * 0.000893 + 9.0 * 0.003796 * t2))),
                  R * theta * (1.340264 + -0.081106 * t2 + t6 * (0.000893 + 0.003796 * t2)));
        cut = true;
    } else if (kind == 10) {
        float b = cos(phi) * sin(lam);
        float bc = clamp(b, -0.995, 0.995);
        xy = vec2(R * 0.5 * log((1.0 + bc) / (1.0 - bc)), R * (atan(tan(phi), cos(lam)) - u_proj_a.w));
        reach = 0.98 - abs(b);
    } else {
        float cos_c = u_proj_a.y * sin(phi) + u_proj_a.z * cos(phi) * cos(lam);
        float c = acos(clamp(cos_c, -1.0, 1.0));
        float k = 1.0;
        if (kind == 5) k = c < 1e-4 ? 1.0 : c / sin(c);
        else if (kind == 7) k = sqrt(2.0 / max(1.0 + cos_c, 1e-6));
        else if (kind == 8) k = 2.0 / max(1.0 + cos_c, 1e-6);
        xy = R * k * vec2(cos(phi) * sin(lam), u_proj_a.z * sin(phi) - u_proj_a.y * cos(phi) * cos(lam));
        reach = cos_c - u_proj_b.w;
    }
    gl_ClipDistance[0] = cut ? PI - lam : 1.0;
    gl_ClipDistance[1] = cut ? lam + PI : 1.0;
    gl_ClipDistance[2] = reach;
    return xy * k0 + u_proj_c.yz;
}

// A mesh vertex (float offset from its chunk's origin) to projected metres from the camera's centre.
vec2 map_position(vec2 local) {
    vec2 m = local + u_offset;
    float lam = m.x / R + u_proj_shift - u_proj_a.x;
    // Latitudes clamped to the edge of Mercator's square world (Natural Earth's Antarctica reaches
    // the pole) go back to the pole; a route's beyond the edge (mercator::project_path) keep theirs.
    float phi = abs(abs(m.y) - 20037508.0) < 6.0 ? sign(m.y) * PI / 2.0 : 2.0 * atan(exp(m.y / R)) - PI / 2.0;
    return project_lonlat(lam, phi) - u_proj_center;
}

#else
// Web Mercator: the vertex's offset from the camera. A route beyond 85 degrees (over the pole) runs
// along the square world's edge.
vec2 map_position(vec2 local) {
    vec2 p = local + u_offset;
    return vec2(p.x, clamp(p.y, u_y_limits.x, u_y_limits.y));
}
#endif
