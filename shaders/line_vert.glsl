// Follows shaders/projection.glsl (u_offset and map_position).
// Lines as quads widened in pixels, with one pixel of feather for antialiasing in the fragment
// shader (Mesa's software GL draws wide or smooth GL lines slowly; triangles are fast).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_attr;  // direction xy, side across (+-1), end along (-1 start, +1 end)
layout(location = 2) in float a_along; // projected metres from the start of the path
uniform vec2 u_scale;
uniform vec2 u_px_to_clip;
uniform float u_half_width;  // pixels
uniform float u_metres_per_px;
uniform vec2 u_ground;       // x: 1 draws widths on the ground (a globe's picture, core/geo/globe_picture); y: the camera's Web Mercator northing
out float v_across;          // pixels from the centre line
out float v_along_px;        // pixels along the path, for dashes
out float v_along_m;         // projected metres along the path, for travelled / ahead
void main() {
    vec2 dir = a_attr.xy;
#if PROJECTED
    // The line's direction bends with the projection: the way a point 5 km along it goes. (Projected
    // first: the vertex's own projection, last, leaves its clip distances.)
    vec2 ahead = map_position(a_pos + dir * 5000.0);
    vec2 position = map_position(a_pos);
    vec2 way = ahead - position;
    if (dot(way, way) > 0.0) dir = normalize(way);
#else
    vec2 position = map_position(a_pos);
#endif
    vec2 center = position * u_scale;
    vec2 normal = vec2(-dir.y, dir.x);
    float extent = u_half_width + 1.0;
    vec2 offset_px = normal * a_attr.z * extent + dir * a_attr.w * u_half_width;
#if !PROJECTED
    // On the ground: Web Mercator stretches a metre by 1 / cos(latitude) = cosh(northing / R), and the
    // line with it (its feather too, a pixel where the globe shows it).
    offset_px *= mix(1.0, cosh((position.y + u_ground.y) / 6378137.0), u_ground.x);
#endif
    gl_Position = vec4(center + offset_px * u_px_to_clip, 0.0, 1.0);
    v_across = a_attr.z * extent;
    v_along_px = a_along / u_metres_per_px + a_attr.w * u_half_width;
    v_along_m = a_along;
}
