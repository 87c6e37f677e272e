#version 330 core
// Each pixel of the globe from the picture of the flat world. The level of detail is biased one
// finer: at the globe's centre the picture has one to two texels a pixel, and its finest level,
// filtered linearly, keeps lines a pixel wide as sharp as the meshes draw them; the coarser levels
// serve where the sphere turns away, towards the rim. The sphere's rows at the poles lie on the
// picture's edges (Web Mercator's square ends at 85 degrees): the sea in the north, Antarctica's
// land in the south.
uniform sampler2D u_world;
in vec2 v_picture;
out vec4 frag_color;
void main() {
    frag_color = vec4(texture(u_world, v_picture, -0.5).rgb, 1.0);
}
