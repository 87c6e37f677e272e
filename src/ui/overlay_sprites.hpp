#pragma once
// The overlay's small repeated shapes as textured quads from one texture, made once: a label's
// white halo and a town's dot. Under a software rasteriser every triangle costs, and these were most
// of a still frame's time.
//
// A halo is the text drawn four times 1.2 pixels off diagonally (white, alpha 215) under it. Four
// blends of one colour are one blend of their combined cover, so that cover is worked out once per
// glyph from the font atlas's pixels: a label costs two quads a glyph (halo and letter) where it
// cost five. A dot is ImGui's antialiased filled circle: a quad where the circle took 36 triangles.
//
// Sprites are made as they are first drawn and kept while the atlas stays; one the texture has no
// room for is drawn the old way, and the texture grows (or is emptied) before the next frame.
#include <imgui.h>

#include "render/gl_handle.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace storyplot {

class OverlaySprites {
public:
    OverlaySprites();  // a GL context must be current here, in the destructor and in upload()
    ~OverlaySprites();
    OverlaySprites(const OverlaySprites&) = delete;
    OverlaySprites& operator=(const OverlaySprites&) = delete;

    // The font atlas's cover, one byte a texel (ImGui's Alpha8 pixels), for a new atlas: the
    // sprites made before are forgotten.
    void set_atlas(const unsigned char* alpha, int width, int height);
    // Before a frame's drawing: a texture that filled up grows, up to largest_size, and is emptied,
    // to hold what is drawn now.
    void new_frame();

    // Whole pixels the copies lie off the text's start, each way (1 or 2; 0 to 3 taken).
    struct Offsets {
        int left = 1, right = 1, up = 1, down = 1;
    };
    struct Halo {
        ImVec2 uv0, uv1;  // in the halo texture
        float left = 1, right = 1, up = 1, down = 1;  // screen pixels the quad reaches beyond the glyph's
    };
    // The halo of a glyph of the atlas with its copies so far off, made now if it is new; null where
    // none can be.
    const Halo* find(const ImFontGlyph& glyph, const Offsets& offsets);

    // A filled disc of `radius` pixels as ImGui fills a circle of so many segments (antialiased), to
    // draw white or in a colour as one quad: centre ± `half` pixels. Null where none can be made.
    struct Disc {
        ImVec2 uv0, uv1;
        float half = 0;
    };
    const Disc* disc(float radius, int segments);

    ImTextureID texture() const;
    // Sends the sprites made since the last call to the texture: before the frame is rendered.
    void upload();

    int size() const { return m_size; }  // the texture's width and height
    static constexpr int first_size = 1024, largest_size = 4096;

private:
    bool place(int width, int height, int& x, int& y);  // room in the texture, marked to send
    void forget();

    std::vector<unsigned char> m_atlas;
    int m_atlas_w = 0, m_atlas_h = 0;
    int m_size = first_size;
    std::vector<unsigned char> m_pixels;  // the texture's, m_size x m_size; made with the first sprite
    std::unordered_map<std::uint64_t, Halo> m_made;  // by the glyph's place in the atlas and the offsets
    std::unordered_map<int, Disc> m_discs;            // by radius in 64ths of a pixel and segments
    int m_shelf_x = 0, m_shelf_y = 0, m_shelf_h = 0;  // where the next sprite goes
    bool m_full = false;                              // a sprite found no room
    int m_dirty_top = first_size, m_dirty_bottom = 0; // rows not yet sent
    gl::Texture m_texture;
    int m_sent_size = 0;  // the side of the texture's storage on the GPU (0: none yet)
};

// Texts with halos, as map labels draw: every halo first, in one draw, then every text over them.
// `angle` turns a label about its centre (a name along a line). Uses the current UI's halos where it
// has them; a text with a glyph they lack has its halo drawn as four copies.
struct HaloText {
    ImFont* font;
    ImVec2 at;
    ImU32 colour;
    std::string text;  // in visual order (ui/text_shaping)
    float angle = 0;
};
void draw_texts_with_halos(ImDrawList& list, const std::vector<HaloText>& texts);

// Dots, each a white disc of `ring_radius` under one of `radius` in `colour` (towns on the map): two
// quads a dot from the current UI's sprites, else two filled circles.
void draw_dots(ImDrawList& list, const std::vector<ImVec2>& centres, float ring_radius, float radius, ImU32 colour);

}  // namespace storyplot
