#include "core/files/video_frame.hpp"

#include <cmath>
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

void to_i420(const Image& rgba, std::vector<std::uint8_t>& out) {
    const int w = rgba.width, h = rgba.height;
    if (w <= 0 || h <= 0 || w % 2 || h % 2 || rgba.rgba.size() != static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4)
        throw std::invalid_argument("an I420 frame needs even sides and its RGBA pixels");
    const std::size_t luma = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    out.resize(luma * 3 / 2);
    std::uint8_t* y_plane = out.data();
    std::uint8_t* u_plane = y_plane + luma;
    std::uint8_t* v_plane = u_plane + luma / 4;
    const std::uint8_t* px = rgba.rgba.data();
    for (std::size_t i = 0; i < luma; ++i) {
        const std::uint8_t* p = px + i * 4;
        y_plane[i] = static_cast<std::uint8_t>((y_r * p[0] + y_g * p[1] + y_b * p[2] + y_offset) >> 16);
    }
    const int half = w / 2;
    for (int cy = 0; cy < h / 2; ++cy) {
        const std::uint8_t* top = px + static_cast<std::size_t>(2 * cy) * static_cast<std::size_t>(w) * 4;
        const std::uint8_t* bottom = top + static_cast<std::size_t>(w) * 4;
        std::uint8_t* u_row = u_plane + static_cast<std::size_t>(cy) * static_cast<std::size_t>(half);
        std::uint8_t* v_row = v_plane + static_cast<std::size_t>(cy) * static_cast<std::size_t>(half);
        for (int cx = 0; cx < half; ++cx) {
            const std::uint8_t* a = top + cx * 8;
            const std::uint8_t* b = bottom + cx * 8;
            // Sums of four: the weights take the mean (a shift of 2 more).
            const int r = a[0] + a[4] + b[0] + b[4], g = a[1] + a[5] + b[1] + b[5], bl = a[2] + a[6] + b[2] + b[6];
            u_row[cx] = static_cast<std::uint8_t>((u_r * r + u_g * g + u_b * bl + 4 * c_offset) >> 18);
            v_row[cx] = static_cast<std::uint8_t>((v_r * r + v_g * g + v_b * bl + 4 * c_offset) >> 18);
        }
    }
}

}  // namespace storyplot
