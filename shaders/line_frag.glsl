#version 330 core
uniform vec4 u_color;
uniform float u_half_width;
uniform float u_opacity;  // thinner than a pixel: drawn one pixel wide, fainter
uniform vec2 u_dash;      // pixels on, pixels off; (0, 0) is a solid line
in float v_across;
in float v_along_px;
out vec4 frag_color;
void main() {
    float coverage = clamp(u_half_width + 0.5 - abs(v_across), 0.0, 1.0);
    if (u_dash.x > 0.0) {
        float phase = mod(v_along_px, u_dash.x + u_dash.y);
        // Soft dash ends, one pixel wide, so dashes are antialiased along the line too.
        coverage *= clamp(min(phase, u_dash.x - phase) + 0.5, 0.0, 1.0);
    }
    frag_color = vec4(u_color.rgb, u_color.a * coverage * u_opacity);
}
