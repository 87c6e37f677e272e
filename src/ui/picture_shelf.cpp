#include "ui/picture_shelf.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <filesystem>

#include "ui/kept_panels.hpp"

namespace storyplot {

PictureShelf::~PictureShelf() {
    for (auto& [path, e] : m_entries)
        if (e.texture) glDeleteTextures(1, &e.texture);
}

std::string PictureShelf::resolve(const std::string& src) const {
    const std::filesystem::path p(src);
    if (p.is_absolute() || m_folder.empty()) return src;
    return (std::filesystem::path(m_folder) / p).lexically_normal().string();
}

void PictureShelf::loaded(const std::string& path, Image image) {
    Entry& e = m_entries[path];
    if (!e.texture) glGenTextures(1, &e.texture);
    glBindTexture(GL_TEXTURE_2D, e.texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    interface_texture_changed(e.texture);
    e.width = image.width;
    e.height = image.height;
    e.ready = true;
    e.error.clear();
}

void PictureShelf::failed(const std::string& path, std::string reason) {
    Entry& e = m_entries[path];
    e.error = std::move(reason);
    e.ready = false;
}

void PictureShelf::draw(const Media& media, float max_width) {
    if (media.is_link()) {
        ImGui::TextDisabled("Picture (a link, not downloaded):");
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(media.src.c_str());
        ImGui::PopTextWrapPos();
    } else {
        const std::string path = resolve(media.src);
        auto it = m_entries.find(path);
        if (it == m_entries.end()) {
            it = m_entries.emplace(path, Entry{}).first;
            if (m_load) m_load(path);
        }
        const Entry& e = it->second;
        if (e.ready && e.width > 0 && e.height > 0) {
            const float w = std::min(max_width, static_cast<float>(e.width));
            const float h = w * static_cast<float>(e.height) / static_cast<float>(e.width);
            ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(e.texture)), ImVec2(w, h));
        } else {
            // A placeholder of the picture's usual shape, with what is happening to it.
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const ImVec2 size(max_width, max_width * 0.56f);
            ImDrawList* list = ImGui::GetWindowDrawList();
            list->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), IM_COL32(220, 221, 226, 255), 4.0f);
            list->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), IM_COL32(170, 172, 180, 255), 4.0f);
            const std::string text = e.error.empty() ? "loading picture…" : "picture not shown: " + e.error;
            ImGui::PushClipRect(at, ImVec2(at.x + size.x, at.y + size.y), true);
            list->AddText(nullptr, 0.0f, ImVec2(at.x + 8, at.y + 8), IM_COL32(90, 90, 100, 255), text.c_str(), nullptr, size.x - 16);
            ImGui::PopClipRect();
            ImGui::Dummy(size);
        }
    }
    if (!media.caption.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + max_width);
        ImGui::TextUnformatted(media.caption.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!media.credit.empty()) ImGui::TextDisabled("%s", media.credit.c_str());
}

}  // namespace storyplot
