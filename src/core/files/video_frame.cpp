#include "core/files/video_frame.hpp"

#include <cmath>
#include <cstring>
#include <stdexcept>

namespace storyplot {

namespace {

// BT.709 weights scaled to limited range, in 1/65536ths: Y = 16 + 219/255 (Kr R + Kg G + Kb B),
// U = 128 + 224/255 (B - Y) / (2 (1 - Kb)), V = 128 + 224/255 (R - Y) / (2 (1 - Kr)).
constexpr double kr = 0.2126, kb = 0.0722, kg = 1 - kr - kb;
constexpr int fixed(double v) { return static_cast<int>(v * 65536.0 + (v < 0 ? -0.5 : 0.5)); }
constexpr int y_r = fixed(219.0 / 255 * kr), y_g = fixed(219.0 / 255 * kg), y_b = fixed(219.0 / 255 * kb);
constexpr double u_scale = 224.0 / 255 / (2 * (1 - kb)), v_scale = 224.0 / 255 / (2 * (1 - kr));
constexpr int u_r = fixed(-u_scale * kr), u_g = fixed(-u_scale * kg), u_b = fixed(u_scale * (1 - kb));
constexpr int v_r = fixed(v_scale * (1 - kr)), v_g = fixed(-v_scale * kg), v_b = fixed(-v_scale * kb);
constexpr int y_offset = (16 << 16) + (1 << 15), c_offset = (128 << 16) + (1 << 15);  // with rounding

}  // namespace

__attribute__((target_clones("avx2", "default"))) void to_i420(const Image& rgba, std::vector<std::uint8_t>& out) {
    const int w = rgba.width, h = rgba.height;
    if (w <= 0 || h <= 0 || w % 2 || h % 2 || rgba.rgba.size() != static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4)
        throw std::invalid_argument("an I420 frame needs even sides and its RGBA pixels");
    const std::size_t luma = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    out.resize(luma * 3 / 2);
    std::uint8_t* y_plane = out.data();
    std::uint8_t* u_plane = y_plane + luma;
    std::uint8_t* v_plane = u_plane + luma / 4;
    const std::uint8_t* px = rgba.rgba.data();
    // Each pixel read as one 32-bit word (R in the low byte): loops the compiler turns into vector
    // code, a few times faster than byte by byte.
    auto word = [px](std::size_t i) {
        std::uint32_t v;
        std::memcpy(&v, px + i * 4, 4);
        return v;
    };
    for (std::size_t i = 0; i < luma; ++i) {
        const std::uint32_t p = word(i);
        const int r = static_cast<int>(p & 0xff), g = static_cast<int>((p >> 8) & 0xff), b = static_cast<int>((p >> 16) & 0xff);
        y_plane[i] = static_cast<std::uint8_t>((y_r * r + y_g * g + y_b * b + y_offset) >> 16);
    }
    const std::size_t half = static_cast<std::size_t>(w) / 2;
    for (std::size_t cy = 0; cy < static_cast<std::size_t>(h) / 2; ++cy) {
        const std::size_t top = 2 * cy * static_cast<std::size_t>(w), bottom = top + static_cast<std::size_t>(w);
        std::uint8_t* u_row = u_plane + cy * half;
        std::uint8_t* v_row = v_plane + cy * half;
        for (std::size_t cx = 0; cx < half; ++cx) {
            const std::uint32_t a = word(top + 2 * cx), b = word(top + 2 * cx + 1), c = word(bottom + 2 * cx), d = word(bottom + 2 * cx + 1);
            // Sums of four: the weights take the mean (a shift of 2 more).
            const int r = static_cast<int>((a & 0xff) + (b & 0xff) + (c & 0xff) + (d & 0xff));
            const int g = static_cast<int>(((a >> 8) & 0xff) + ((b >> 8) & 0xff) + ((c >> 8) & 0xff) + ((d >> 8) & 0xff));
            const int bl = static_cast<int>(((a >> 16) & 0xff) + ((b >> 16) & 0xff) + ((c >> 16) & 0xff) + ((d >> 16) & 0xff));
            u_row[cx] = static_cast<std::uint8_t>((u_r * r + u_g * g + u_b * bl + 4 * c_offset) >> 18);
            v_row[cx] = static_cast<std::uint8_t>((v_r * r + v_g * g + v_b * bl + 4 * c_offset) >> 18);
        }
    }
}

}  // namespace storyplot
