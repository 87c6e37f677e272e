#include "ui/overlay_sprites.hpp"

#include <epoxy/gl.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8: the text read as ImGui reads it

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>

#include "render/gl_handle.hpp"
#include "ui/fonts.hpp"
#include "ui/kept_panels.hpp"

namespace storyplot {

namespace {

// The halo's four copies: white at this alpha, this far off diagonally (ImGui starts a text on a
// whole pixel, so each copy lands one or two pixels off by where the label falls between pixels).
constexpr float copy_alpha = 215.0f / 255.0f;
constexpr float copy_offset = 1.2f;
constexpr int margin = 1;  // empty texels around each halo, so filtering never reaches a neighbour

// A halo by the glyph's place in the atlas and its copies' offsets (each 0..3 pixels).
std::uint64_t key_of(int x, int y, const OverlaySprites::Offsets& o) {
    const auto part = [](int v) { return static_cast<std::uint64_t>(v & 3); };
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(y) & 0xFFFFFu) << 28) | (static_cast<std::uint64_t>(static_cast<std::uint32_t>(x) & 0xFFFFFu) << 8) |
           part(o.left) << 6 | part(o.right) << 4 | part(o.up) << 2 | part(o.down);
}

// The glyph's rectangle in the atlas, in texels.
struct TexelRect {
    int x0, y0, x1, y1;
};
TexelRect texels_of(const ImFontGlyph& g, int width, int height) {
    return {static_cast<int>(std::lround(g.U0 * static_cast<float>(width))), static_cast<int>(std::lround(g.V0 * static_cast<float>(height))),
            static_cast<int>(std::lround(g.U1 * static_cast<float>(width))), static_cast<int>(std::lround(g.V1 * static_cast<float>(height)))};
}

// GL state the upload changes, put back after it.
class KeepUnpack {
public:
    KeepUnpack() {
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &m_texture);
        glGetIntegerv(GL_PIXEL_UNPACK_BUFFER_BINDING, &m_buffer);
        glGetIntegerv(GL_UNPACK_ALIGNMENT, &m_alignment);
        glGetIntegerv(GL_UNPACK_ROW_LENGTH, &m_row_length);
        glGetIntegerv(GL_UNPACK_SKIP_ROWS, &m_skip_rows);
        glGetIntegerv(GL_UNPACK_SKIP_PIXELS, &m_skip_pixels);
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
        glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
    }
    ~KeepUnpack() {
        glPixelStorei(GL_UNPACK_SKIP_PIXELS, m_skip_pixels);
        glPixelStorei(GL_UNPACK_SKIP_ROWS, m_skip_rows);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, m_row_length);
        glPixelStorei(GL_UNPACK_ALIGNMENT, m_alignment);
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, static_cast<GLuint>(m_buffer));
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(m_texture));
    }
    KeepUnpack(const KeepUnpack&) = delete;
    KeepUnpack& operator=(const KeepUnpack&) = delete;

private:
    GLint m_texture = 0, m_buffer = 0, m_alignment = 4, m_row_length = 0, m_skip_rows = 0, m_skip_pixels = 0;
};

}  // namespace

OverlaySprites::OverlaySprites() {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    m_texture = gl::Texture(texture);
}

OverlaySprites::~OverlaySprites() = default;

void OverlaySprites::set_atlas(const unsigned char* alpha, int width, int height) {
    m_atlas.assign(alpha, alpha + static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    m_atlas_w = width;
    m_atlas_h = height;
    forget();
}

void OverlaySprites::new_frame() {
    if (!m_full) return;
    // What one frame draws did not fit: a texture twice as wide and high, up to the largest; past
    // that the sprites in use come back next frame, and the rest gave way.
    if (m_size < largest_size) {
        m_size *= 2;
        m_pixels.clear();  // made again, larger, by the next sprite; sent whole
    }
    forget();
}

void OverlaySprites::forget() {
    m_made.clear();
    m_discs.clear();
    // The rows the old sprites took are cleared on the GPU too: a new one's empty margin may lie there.
    const int used = m_pixels.empty() ? 0 : m_shelf_y + m_shelf_h;
    std::fill(m_pixels.begin(), m_pixels.begin() + static_cast<std::ptrdiff_t>(used) * m_size, 0);
    if (used > 0) {
        m_dirty_top = 0;
        m_dirty_bottom = std::max(m_dirty_bottom, used);
    }
    m_shelf_x = m_shelf_y = m_shelf_h = 0;
    m_full = false;
}

const OverlaySprites::Halo* OverlaySprites::find(const ImFontGlyph& glyph, const Offsets& offsets) {
    const auto [nearest, farthest] = std::minmax({offsets.left, offsets.right, offsets.up, offsets.down});
    if (m_atlas.empty() || nearest < 0 || farthest > 3) return nullptr;
    const TexelRect r = texels_of(glyph, m_atlas_w, m_atlas_h);
    const std::uint64_t key = key_of(r.x0, r.y0, offsets);
    if (const auto it = m_made.find(key); it != m_made.end()) return &it->second;

    const int tw = r.x1 - r.x0, th = r.y1 - r.y0;
    const float sw = glyph.X1 - glyph.X0, sh = glyph.Y1 - glyph.Y0;
    // Texels a screen pixel spans (2 across where the font is oversampled).
    const int ox = sw > 0 ? std::max(1, static_cast<int>(std::lround(static_cast<float>(tw) / sw))) : 1;
    const int oy = sh > 0 ? std::max(1, static_cast<int>(std::lround(static_cast<float>(th) / sh))) : 1;
    const int left = offsets.left * ox, right = offsets.right * ox, up = offsets.up * oy, down = offsets.down * oy;  // texels
    const int hw = tw + left + right, hh = th + up + down;
    const bool inside = r.x0 >= 0 && r.y0 >= 0 && r.x1 <= m_atlas_w && r.y1 <= m_atlas_h;
    int px = 0, py = 0;
    if (tw <= 0 || th <= 0 || sw <= 0 || sh <= 0 || !inside || !place(hw, hh, px, py)) return nullptr;  // drawn the old way

    auto cover = [&](int u, int v) -> float {  // the glyph's, 0 outside it
        if (u < 0 || v < 0 || u >= tw || v >= th) return 0.0f;
        return static_cast<float>(m_atlas[static_cast<std::size_t>(r.y0 + v) * static_cast<std::size_t>(m_atlas_w) + static_cast<std::size_t>(r.x0 + u)]) /
               255.0f;
    };
    for (int v = 0; v < hh; ++v)
        for (int u = 0; u < hw; ++u) {
            const int gu = u - left, gv = v - up;  // in the glyph's texels
            float clear = 1.0f;                    // what the four copies leave of what lies below
            for (const int dy : {-up, down})
                for (const int dx : {-left, right}) clear *= 1.0f - copy_alpha * cover(gu - dx, gv - dy);
            m_pixels[static_cast<std::size_t>(py + v) * m_size + static_cast<std::size_t>(px + u)] =
                static_cast<unsigned char>(std::lround((1.0f - clear) * 255.0f));
        }
    Halo halo;
    const float s = static_cast<float>(m_size);
    halo.uv0 = ImVec2(static_cast<float>(px) / s, static_cast<float>(py) / s);
    halo.uv1 = ImVec2(static_cast<float>(px + hw) / s, static_cast<float>(py + hh) / s);
    // In screen pixels: a copy's offset, as the glyph's quad is drawn to its texels.
    const float per_x = sw / static_cast<float>(tw), per_y = sh / static_cast<float>(th);
    halo.left = static_cast<float>(left) * per_x;
    halo.right = static_cast<float>(right) * per_x;
    halo.up = static_cast<float>(up) * per_y;
    halo.down = static_cast<float>(down) * per_y;
    return &m_made.emplace(key, halo).first->second;
}

bool OverlaySprites::place(int w, int h, int& x, int& y) {
    if (m_pixels.empty()) m_pixels.assign(static_cast<std::size_t>(m_size) * static_cast<std::size_t>(m_size), 0);
    if (m_shelf_x + w + 2 * margin > m_size) {
        m_shelf_y += m_shelf_h;
        m_shelf_x = m_shelf_h = 0;
    }
    if (m_shelf_y + h + 2 * margin > m_size || w + 2 * margin > m_size) {
        m_full = true;
        return false;
    }
    x = m_shelf_x + margin;
    y = m_shelf_y + margin;
    m_shelf_x += w + 2 * margin;
    m_shelf_h = std::max(m_shelf_h, h + 2 * margin);
    m_dirty_top = std::min(m_dirty_top, y);
    m_dirty_bottom = std::max(m_dirty_bottom, y + h);
    return true;
}

const OverlaySprites::Disc* OverlaySprites::disc(float radius, int segments) {
    if (!(radius > 0) || radius > 32 || segments < 3 || segments > 64) return nullptr;
    const int key = static_cast<int>(std::lround(radius * 64)) * 128 + segments;
    if (const auto it = m_discs.find(key); it != m_discs.end()) return &it->second;
    // Four texels a pixel, each the cover ImGui's antialiased fill of the polygon gives a pixel
    // centred there: whole half a pixel inside its edge, none half a pixel outside, a ramp between.
    // Its corners lie on the circle, the first at 0 radians.
    constexpr int per_pixel = 4;
    const float reach = radius + 1.0f;
    const int n = static_cast<int>(std::ceil(2 * reach * per_pixel));
    int px = 0, py = 0;
    if (!place(n, n, px, py)) return nullptr;
    const float step = 2.0f * std::numbers::pi_v<float> / static_cast<float>(segments);
    const float apothem = radius * std::cos(step / 2);
    std::vector<ImVec2> normals;  // of the edges, outwards
    for (int k = 0; k < segments; ++k) {
        const float a = step * (static_cast<float>(k) + 0.5f);
        normals.emplace_back(std::cos(a), std::sin(a));
    }
    const float half = static_cast<float>(n) / (2.0f * per_pixel);  // pixels from the centre to the sprite's edge
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const float x = (static_cast<float>(i) + 0.5f) / per_pixel - half, y = (static_cast<float>(j) + 0.5f) / per_pixel - half;
            float outside = -FLT_MAX;  // distance beyond the polygon's edge
            for (const ImVec2 e : normals) outside = std::max(outside, x * e.x + y * e.y - apothem);
            const float cover = std::clamp(0.5f - outside, 0.0f, 1.0f);
            m_pixels[static_cast<std::size_t>(py + j) * m_size + static_cast<std::size_t>(px + i)] = static_cast<unsigned char>(std::lround(cover * 255.0f));
        }
    const float s = static_cast<float>(m_size);
    Disc d{ImVec2(static_cast<float>(px) / s, static_cast<float>(py) / s), ImVec2(static_cast<float>(px + n) / s, static_cast<float>(py + n) / s), half};
    return &m_discs.emplace(key, d).first->second;
}

ImTextureID OverlaySprites::texture() const { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(m_texture.get())); }

void OverlaySprites::upload() {
    if (m_pixels.empty()) return;  // nothing made
    KeepUnpack keep;
    glBindTexture(GL_TEXTURE_2D, m_texture.get());
    if (m_sent_size != m_size) {
        // The texture's first sprites, or a texture grown: its storage, sent whole.
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, m_size, m_size, 0, GL_RED, GL_UNSIGNED_BYTE, m_pixels.data());
        if (m_sent_size == 0) {
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            // Sampled as white with the sprite's cover for alpha, as ImGui's shader takes its font texture.
            const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
            glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        }
        m_sent_size = m_size;
        interface_texture_changed(m_texture.get());
    } else if (m_dirty_top < m_dirty_bottom) {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, m_dirty_top, m_size, m_dirty_bottom - m_dirty_top, GL_RED, GL_UNSIGNED_BYTE,
                        m_pixels.data() + static_cast<std::size_t>(m_dirty_top) * static_cast<std::size_t>(m_size));
        interface_texture_changed(m_texture.get());
    }
    m_dirty_top = m_size;
    m_dirty_bottom = 0;
}

namespace {

// Calls `glyph(g, x, y)` for each glyph ImGui's RenderText would draw for `t`, with the pen's
// position: the same walk (start on a whole pixel, lines by the font's size, control codes skipped).
template <class F>
void each_glyph(const HaloText& t, F&& glyph) {
    const float left = IM_FLOOR(t.at.x);
    float x = left, y = IM_FLOOR(t.at.y);
    const char* s = t.text.data();
    const char* end = s + t.text.size();
    while (s < end) {
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) ++s;
        else {
            s += ImTextCharFromUtf8(&c, s, end);
            if (c == 0) break;
        }
        if (c < 32) {
            if (c == '\n') {
                x = left;
                y += t.font->FontSize;
            }
            continue;
        }
        const ImFontGlyph* g = t.font->FindGlyph(static_cast<ImWchar>(c));
        if (!g) continue;
        if (g->Visible) glyph(*g, x, y);
        x += g->AdvanceX;
    }
}

const ImU32 halo_white = IM_COL32(255, 255, 255, 215);

// Turns the vertices of [first, end) ranges by `angle` radians about the centre of all of them.
void turn(ImDrawList& list, std::initializer_list<std::pair<int, int>> ranges, float angle) {
    ImVec2 low(FLT_MAX, FLT_MAX), high(-FLT_MAX, -FLT_MAX);
    for (const auto& [first, end] : ranges)
        for (int i = first; i < end; ++i) {
            const ImVec2 p = list.VtxBuffer[i].pos;
            low = ImVec2(std::min(low.x, p.x), std::min(low.y, p.y));
            high = ImVec2(std::max(high.x, p.x), std::max(high.y, p.y));
        }
    if (low.x > high.x) return;
    const ImVec2 centre((low.x + high.x) / 2, (low.y + high.y) / 2);
    const float c = std::cos(angle), s = std::sin(angle);
    for (const auto& [first, end] : ranges)
        for (int i = first; i < end; ++i) {
            ImVec2& p = list.VtxBuffer[i].pos;
            const float x = p.x - centre.x, y = p.y - centre.y;
            p = ImVec2(centre.x + x * c - y * s, centre.y + x * s + y * c);
        }
}

}  // namespace

void draw_texts_with_halos(ImDrawList& list, const std::vector<HaloText>& texts) {
    OverlaySprites* sprites = fonts().sprites;
    struct Drawn {
        int halo_first = 0, halo_end = 0, text_first = 0, text_end = 0;  // vertices
    };
    std::vector<Drawn> drawn(texts.size());
    if (sprites) {
        struct Quad {
            ImVec2 a, c;
            const OverlaySprites::Halo* halo;
        };
        std::vector<Quad> quads;
        bool pushed = false;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            // Where each copy's text would start, from where this one starts: as AddText floors them.
            const ImVec2 at = texts[i].at;
            const OverlaySprites::Offsets offsets{
                static_cast<int>(IM_FLOOR(at.x) - IM_FLOOR(at.x - copy_offset)), static_cast<int>(IM_FLOOR(at.x + copy_offset) - IM_FLOOR(at.x)),
                static_cast<int>(IM_FLOOR(at.y) - IM_FLOOR(at.y - copy_offset)), static_cast<int>(IM_FLOOR(at.y + copy_offset) - IM_FLOOR(at.y))};
            quads.clear();
            bool every = true;
            each_glyph(texts[i], [&](const ImFontGlyph& g, float x, float y) {
                const OverlaySprites::Halo* h = every ? sprites->find(g, offsets) : nullptr;
                every = h != nullptr;
                if (h) quads.push_back({ImVec2(x + g.X0 - h->left, y + g.Y0 - h->up), ImVec2(x + g.X1 + h->right, y + g.Y1 + h->down), h});
            });
            if (!every || quads.empty()) continue;  // its halo drawn as four copies below
            if (!pushed) list.PushTextureID(sprites->texture());
            pushed = true;
            drawn[i].halo_first = list.VtxBuffer.Size;
            const int n = static_cast<int>(quads.size());
            list.PrimReserve(6 * n, 4 * n);
            for (const Quad& q : quads) list.PrimRectUV(q.a, q.c, q.halo->uv0, q.halo->uv1, IM_COL32_WHITE);
            drawn[i].halo_end = list.VtxBuffer.Size;
        }
        if (pushed) list.PopTextureID();
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const HaloText& t = texts[i];
        Drawn& d = drawn[i];
        const char* begin = t.text.data();
        const char* end = begin + t.text.size();
        d.text_first = list.VtxBuffer.Size;
        if (d.halo_end == d.halo_first)
            for (const ImVec2 o : {ImVec2(-copy_offset, -copy_offset), ImVec2(copy_offset, -copy_offset), ImVec2(-copy_offset, copy_offset), ImVec2(copy_offset, copy_offset)})
                list.AddText(t.font, t.font->FontSize, ImVec2(t.at.x + o.x, t.at.y + o.y), halo_white, begin, end);
        list.AddText(t.font, t.font->FontSize, t.at, t.colour, begin, end);
        d.text_end = list.VtxBuffer.Size;
    }
    for (std::size_t i = 0; i < texts.size(); ++i)
        if (texts[i].angle != 0) turn(list, {{drawn[i].halo_first, drawn[i].halo_end}, {drawn[i].text_first, drawn[i].text_end}}, texts[i].angle);
}

void draw_dots(ImDrawList& list, const std::vector<ImVec2>& centres, float ring_radius, float radius, ImU32 colour) {
    OverlaySprites* sprites = fonts().sprites;
    constexpr int segments = 12;
    const OverlaySprites::Disc* ring = sprites ? sprites->disc(ring_radius, segments) : nullptr;
    const OverlaySprites::Disc* fill = sprites ? sprites->disc(radius, segments) : nullptr;
    if (!ring || !fill) {
        for (const ImVec2 c : centres) {
            list.AddCircleFilled(c, ring_radius, IM_COL32_WHITE, segments);
            list.AddCircleFilled(c, radius, colour, segments);
        }
        return;
    }
    if (centres.empty()) return;
    list.PushTextureID(sprites->texture());
    const int n = static_cast<int>(centres.size());
    list.PrimReserve(12 * n, 8 * n);
    for (const ImVec2 c : centres) {
        list.PrimRectUV(ImVec2(c.x - ring->half, c.y - ring->half), ImVec2(c.x + ring->half, c.y + ring->half), ring->uv0, ring->uv1, IM_COL32_WHITE);
        list.PrimRectUV(ImVec2(c.x - fill->half, c.y - fill->half), ImVec2(c.x + fill->half, c.y + fill->half), fill->uv0, fill->uv1, colour);
    }
    list.PopTextureID();
}

}  // namespace storyplot
