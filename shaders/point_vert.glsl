// Follows shaders/projection.glsl (u_offset and map_position).
// Points as screen-aligned quads, drawn as antialiased discs with a light ring.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_corner;  // +-1, +-1
uniform vec2 u_scale;
uniform vec2 u_px_to_clip;
uniform float u_radius;  // pixels
out vec2 v_px;
void main() {
    float extent = u_radius + 1.0;
    gl_Position = vec4(map_position(a_pos) * u_scale + a_corner * extent * u_px_to_clip, 0.0, 1.0);
    v_px = a_corner * extent;
}
