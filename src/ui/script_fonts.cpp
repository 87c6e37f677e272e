#include "ui/script_fonts.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

namespace storyplot {

namespace {
const char* const noto_folder = "/usr/share/fonts/truetype/noto/";
}

bool ScriptFont::covers(char32_t c) const {
    for (const auto& [lo, hi] : blocks)
        if (c >= lo && c <= hi) return true;
    return false;
}

std::string ScriptFont::path(bool bold) const {
    const std::string base = std::string(noto_folder) + family + name;
    if (bold && std::filesystem::exists(base + "-Bold.ttf")) return base + "-Bold.ttf";
    return base + "-Regular.ttf";
}

const std::vector<ScriptFont>& script_fonts() {
    static const std::vector<ScriptFont> fonts = {
        {"Arabic", {{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}}},
        {"Hebrew", {{0x0590, 0x05FF}, {0xFB1D, 0xFB4F}}},
        {"Syriac", {{0x0700, 0x074F}}},
        {"Thaana", {{0x0780, 0x07BF}}},
        {"NKo", {{0x07C0, 0x07FF}}},
        {"Devanagari", {{0x0900, 0x097F}, {0xA8E0, 0xA8FF}}, true},
        {"Bengali", {{0x0980, 0x09FF}}, true},
        {"Gurmukhi", {{0x0A00, 0x0A7F}}, true},
        {"Gujarati", {{0x0A80, 0x0AFF}}, true},
        {"Oriya", {{0x0B00, 0x0B7F}}, true},
        {"Tamil", {{0x0B80, 0x0BFF}}, true},
        {"Telugu", {{0x0C00, 0x0C7F}}, true},
        {"Kannada", {{0x0C80, 0x0CFF}}, true},
        {"Malayalam", {{0x0D00, 0x0D7F}}, true},
        {"Sinhala", {{0x0D80, 0x0DFF}}, true},
        {"Thai", {{0x0E00, 0x0E7F}}, true},
        {"Lao", {{0x0E80, 0x0EFF}}, true},
        {"Tibetan", {{0x0F00, 0x0FFF}}, true, "NotoSerif"},
        {"Myanmar", {{0x1000, 0x109F}}, true},
        {"Georgian", {{0x10A0, 0x10FF}, {0x1C90, 0x1CBF}, {0x2D00, 0x2D2F}}},
        {"Ethiopic", {{0x1200, 0x139F}, {0x2D80, 0x2DDF}}},
        {"Cherokee", {{0x13A0, 0x13FF}}},
        {"CanadianAboriginal", {{0x1400, 0x167F}}},
        {"Khmer", {{0x1780, 0x17FF}}, true},
        {"Mongolian", {{0x1800, 0x18AF}}},
        {"Tifinagh", {{0x2D30, 0x2D7F}}},
        {"Armenian", {{0x0530, 0x058F}, {0xFB13, 0xFB17}}},
    };
    return fonts;
}

const ScriptFont* script_font_for(char32_t c) {
    for (const auto& f : script_fonts())
        if (f.covers(c)) return &f;
    return nullptr;
}

const std::vector<char>* font_file_bytes(const std::string& path) {
    static std::map<std::string, std::vector<char>> loaded;
    static std::mutex lock;
    const std::lock_guard<std::mutex> guard(lock);
    auto it = loaded.find(path);
    if (it == loaded.end()) {
        std::ifstream in(path, std::ios::binary | std::ios::ate);  // read whole: a 19 MB collection at a byte a call took 40 ms
        std::vector<char> bytes;
        if (in) {
            bytes.resize(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())));
            in.seekg(0);
            if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) bytes.clear();
        }
        it = loaded.emplace(path, std::move(bytes)).first;
    }
    return it->second.empty() ? nullptr : &it->second;
}

}  // namespace storyplot
