#version 330 core
uniform vec4 u_color;
uniform float u_half_width;
uniform float u_opacity;  // thinner than a pixel: drawn one pixel wide, fainter
uniform vec2 u_dash;      // pixels on, pixels off; (0, 0) is a solid line
uniform float u_progress; // metres along the path travelled so far; < 0: no split
uniform float u_trail;    // metres of fading trail behind the vehicle; 0: the whole way travelled is strong
uniform float u_ahead;    // opacity of the way still ahead
in float v_across;
in float v_along_px;
in float v_along_m;
out vec4 frag_color;
void main() {
    float coverage = clamp(u_half_width + 0.5 - abs(v_across), 0.0, 1.0);
    if (u_dash.x > 0.0) {
        float phase = mod(v_along_px, u_dash.x + u_dash.y);
        // Soft dash ends, one pixel wide, so dashes are antialiased along the line too.
        coverage *= clamp(min(phase, u_dash.x - phase) + 0.5, 0.0, 1.0);
    }
    float strength = 1.0;
    if (u_progress >= 0.0) {
        if (v_along_m > u_progress) {
            strength = u_ahead;
        } else if (u_trail > 0.0) {
            strength = mix(u_ahead, 1.0, clamp(1.0 - (u_progress - v_along_m) / u_trail, 0.0, 1.0));
        }
    }
    frag_color = vec4(u_color.rgb, u_color.a * coverage * u_opacity * strength);
}
