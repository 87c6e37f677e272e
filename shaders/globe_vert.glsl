// Follows shaders/projection.glsl (u_offset and map_position).
// The globe from its picture of the flat world (core/geo/globe_picture.hpp): the sphere's cells
// (core/mesh/world_meshes' sphere_fill_mesh, in Web Mercator metres) projected like any fill and cut
// at the horizon, each vertex carrying its place in the square Web Mercator picture.
layout(location = 0) in vec2 a_pos;
uniform vec2 u_scale;
out vec2 v_picture;
void main() {
    v_picture = (a_pos + u_offset) / (2.0 * PI * R) + 0.5;  // R and PI: projection.glsl's
    gl_Position = vec4(map_position(a_pos) * u_scale, 0.0, 1.0);
}
