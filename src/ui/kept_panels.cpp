#include "ui/kept_panels.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string_view>

#include "core/files/content_hash.hpp"
#include "render/keep_bindings.hpp"
#include "render/offscreen_target.hpp"

namespace storyplot {

namespace {

// How often each texture changed (GL names; the GL thread's).
std::unordered_map<unsigned, std::uint64_t>& texture_changes() {
    static std::unordered_map<unsigned, std::uint64_t> changes;
    return changes;
}

template <typename T>
std::string_view bytes_of(const T* data, std::size_t count) {
    return {reinterpret_cast<const char*>(data), count * sizeof(T)};
}

// Whether everything `list` draws lands within the box: each command's triangles, as far as its
// clip rectangle lets them. A list drawing past its window's rectangle (a modal popup dims the frame
// behind it through the window below it) is drawn as it is, not kept.
bool within(const ImDrawList& list, float x0, float y0, float x1, float y1) {
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.UserCallback || cmd.ElemCount == 0) continue;
        constexpr float none = std::numeric_limits<float>::infinity();
        float min_x = none, min_y = none, max_x = -none, max_y = -none;
        for (unsigned i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount && i < static_cast<unsigned>(list.IdxBuffer.Size); ++i) {
            const unsigned v = cmd.VtxOffset + list.IdxBuffer[static_cast<int>(i)];
            if (v >= static_cast<unsigned>(list.VtxBuffer.Size)) continue;
            const ImVec2 p = list.VtxBuffer[static_cast<int>(v)].pos;
            min_x = std::min(min_x, p.x);
            min_y = std::min(min_y, p.y);
            max_x = std::max(max_x, p.x);
            max_y = std::max(max_y, p.y);
        }
        // What the clip rectangle lets through of the triangles' bounds.
        min_x = std::max(min_x, cmd.ClipRect.x);
        min_y = std::max(min_y, cmd.ClipRect.y);
        max_x = std::min(max_x, cmd.ClipRect.z);
        max_y = std::min(max_y, cmd.ClipRect.w);
        if (max_x <= min_x || max_y <= min_y) continue;  // nothing drawn
        if (min_x < x0 || min_y < y0 || max_x > x1 || max_y > y1) return false;
    }
    return true;
}

// Everything a kept list's pixels depend on: its vertices, indices and commands, the textures they
// draw from and how often each changed, and where it lands.
std::uint64_t key_of(const ImDrawList& list, const ImDrawData& data, std::string_view rect) {
    ContentHash hash;
    hash.add(bytes_of(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size)));
    hash.add(bytes_of(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size)));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        const std::uintptr_t texture = reinterpret_cast<std::uintptr_t>(cmd.TextureId);
        const std::uintptr_t callback = reinterpret_cast<std::uintptr_t>(cmd.UserCallback);
        const auto changes = texture_changes().find(static_cast<unsigned>(texture));
        const std::uint64_t changed = changes == texture_changes().end() ? 0 : changes->second;
        hash.add(bytes_of(&cmd.ClipRect, 1)).add(bytes_of(&texture, 1)).add(bytes_of(&changed, 1)).add(bytes_of(&callback, 1));
        hash.add(bytes_of(&cmd.VtxOffset, 1)).add(bytes_of(&cmd.IdxOffset, 1)).add(bytes_of(&cmd.ElemCount, 1));
    }
    hash.add(rect).add(bytes_of(&data.DisplayPos, 1)).add(bytes_of(&data.DisplaySize, 1));
    return hash.value();
}

}  // namespace

void interface_texture_changed(unsigned texture) { ++texture_changes()[texture]; }

void keep_panel_pixels() {
    auto* kept = static_cast<KeptPanels*>(ImGui::GetIO().UserData);
    if (!kept) return;
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    kept->keep(ImGui::GetWindowDrawList(), pos.x, pos.y, size.x, size.y);
}

KeptPanels::KeptPanels() = default;
KeptPanels::~KeptPanels() = default;

void KeptPanels::new_frame() { m_frame.clear(); }

void KeptPanels::keep(const ImDrawList* list, float x, float y, float width, float height) {
    m_frame.push_back({list, x, y, width, height});
}

void KeptPanels::render(ImDrawData& data, const std::function<void(ImDrawData&)>& draw) {
    const int frame_w = static_cast<int>(std::lround(data.DisplaySize.x * data.FramebufferScale.x));
    const int frame_h = static_cast<int>(std::lround(data.DisplaySize.y * data.FramebufferScale.y));
    std::vector<ImDrawList*> run;
    auto draw_run = [&] {
        if (run.empty()) return;
        ImDrawData part = data;
        part.CmdLists = run.data();
        part.CmdListsCount = static_cast<int>(run.size());
        part.TotalVtxCount = part.TotalIdxCount = 0;
        for (const ImDrawList* list : run) {
            part.TotalVtxCount += list->VtxBuffer.Size;
            part.TotalIdxCount += list->IdxBuffer.Size;
        }
        draw(part);
        run.clear();
    };
    std::unordered_map<const ImDrawList*, Copy> copies;  // the panels kept this frame: the others' copies go
    for (int i = 0; i < data.CmdListsCount; ++i) {
        ImDrawList* list = data.CmdLists[i];
        const auto declared = std::find_if(m_frame.begin(), m_frame.end(), [list](const Declared& d) { return d.list == list; });
        if (declared == m_frame.end()) {
            run.push_back(list);
            continue;
        }
        // Its rectangle in the framebuffer, within the frame.
        const Declared& d = *declared;
        const float sx = data.FramebufferScale.x, sy = data.FramebufferScale.y;
        const int x0 = std::clamp(static_cast<int>(std::floor((d.x - data.DisplayPos.x) * sx)), 0, frame_w);
        const int y0 = std::clamp(static_cast<int>(std::floor((d.y - data.DisplayPos.y) * sy)), 0, frame_h);
        const int x1 = std::clamp(static_cast<int>(std::ceil((d.x + d.width - data.DisplayPos.x) * sx)), 0, frame_w);
        const int y1 = std::clamp(static_cast<int>(std::ceil((d.y + d.height - data.DisplayPos.y) * sy)), 0, frame_h);
        if (x1 <= x0 || y1 <= y0) {
            run.push_back(list);
            continue;
        }
        const Rect rect{x0, y0, x1 - x0, y1 - y0};
        const std::uint64_t key = key_of(*list, data, bytes_of(&rect, 1));

        Copy copy;
        if (auto held = m_copies.find(list); held != m_copies.end()) copy = std::move(held->second);
        const bool fits = copy.pixels && copy.pixels->width() == rect.width && copy.pixels->height() == rect.height;
        // A copy is made only of a list drawn within its rectangle: the same list still is.
        if (!(fits && copy.key == key) && !within(*list, d.x - 1, d.y - 1, d.x + d.width + 1, d.y + d.height + 1)) {
            run.push_back(list);  // drawn as it is; its copy goes
            continue;
        }
        if (fits && copy.key == key) {
            draw_run();  // what lies under it first
            const KeepBindings keep;
            glBindFramebuffer(GL_READ_FRAMEBUFFER, copy.pixels->framebuffer());
            glBlitFramebuffer(0, 0, rect.width, rect.height, rect.x, rect.y, rect.x + rect.width, rect.y + rect.height, GL_COLOR_BUFFER_BIT,
                              GL_NEAREST);
            ++m_copied_back;
        } else {
            run.push_back(list);
            draw_run();
            const KeepBindings keep;  // before a new copy binds its framebuffer
            if (!fits) {
                copy.pixels.reset();
                try {
                    copy.pixels = std::make_unique<OffscreenTarget>(rect.width, rect.height, PixelLayout::window);
                } catch (const std::runtime_error&) {
                    // no copy: drawn every frame
                }
            }
            if (copy.pixels) {
                glBindFramebuffer(GL_READ_FRAMEBUFFER, keep.draw());
                glBindFramebuffer(GL_DRAW_FRAMEBUFFER, copy.pixels->framebuffer());
                glBlitFramebuffer(rect.x, rect.y, rect.x + rect.width, rect.y + rect.height, 0, 0, rect.width, rect.height, GL_COLOR_BUFFER_BIT,
                                  GL_NEAREST);
                copy.key = key;
            }
            ++m_drawn;
        }
        copies[list] = std::move(copy);
    }
    draw_run();
    m_copies = std::move(copies);
}

}  // namespace storyplot
