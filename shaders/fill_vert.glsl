// Follows shaders/projection.glsl (u_offset and map_position).
// Filled polygons. Positions are float offsets from their chunk's origin; in Web Mercator u_offset
// is (origin - camera centre) computed in double on the CPU, so the sum stays small and exact.
layout(location = 0) in vec2 a_pos;
uniform vec2 u_scale;  // projected metres to clip space
void main() {
    gl_Position = vec4(map_position(a_pos) * u_scale, 0.0, 1.0);
}
