#pragma once
// The scripts GeoNames and Natural Earth write names in beyond Latin, Greek and Cyrillic, each with
// its Noto font (Debian's fonts-noto-core) and the Unicode blocks it covers; and the font files'
// bytes, read once per run (an atlas is rebuilt whenever labels need new letters, and each style
// merges the same files).
#include <string>
#include <utility>
#include <vector>

namespace storyplot {

struct ScriptFont {
    const char* name;  // NotoSans<name>-Regular.ttf and -Bold.ttf in the Noto folder
    std::vector<std::pair<char32_t, char32_t>> blocks;
    bool shaped = false;   // letters change shape and order with their neighbours: HarfBuzz shapes
                           // them (ui/complex_script.hpp)
    const char* family = "NotoSans";

    bool covers(char32_t c) const;
    std::string path(bool bold) const;  // the bold file when there is one, else the regular
};

// Arabic first (its letters are drawn in their joined forms: ui/text_shaping.hpp).
const std::vector<ScriptFont>& script_fonts();
// The script font whose blocks hold `c`; null for none.
const ScriptFont* script_font_for(char32_t c);

// A font file's bytes, read once and kept for the run; null when it cannot be read.
const std::vector<char>* font_file_bytes(const std::string& path);

}  // namespace storyplot
