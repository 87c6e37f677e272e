#version 330 core
uniform vec4 u_color;
uniform float u_radius;
in vec2 v_px;
out vec4 frag_color;
void main() {
    float d = length(v_px);
    float outside = clamp(d - u_radius + 0.5, 0.0, 1.0);     // 0 inside the disc, 1 outside
    float ring = clamp(d - (u_radius - 1.5) + 0.5, 0.0, 1.0); // the outer 1.5 px are the ring
    vec3 rgb = mix(u_color.rgb, vec3(1.0), ring * 0.9);
    frag_color = vec4(rgb, u_color.a * (1.0 - outside));
}
