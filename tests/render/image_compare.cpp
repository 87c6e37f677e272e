#include "image_compare.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "data/image_file.hpp"
#include "raster.hpp"

namespace storyplot::test_support {

namespace fs = std::filesystem;

Image read_png(const std::string& path) {
    Raster r = read_raster(path, true);
    return Image{r.width, r.height, std::move(r.rgba)};
}

std::string compare_with_expected(const Image& actual, const std::string& name, Tolerance tolerance) {
    const fs::path expected_path = fs::path(STORYPLOT_TEST_DIR) / "render" / "expected" / (name + ".png");
    if (const char* rebaseline = std::getenv("STORYPLOT_REBASELINE"); rebaseline && std::string(rebaseline) == "1") {
        write_image(expected_path.string(), actual, Box::of(0, 0, 1, 1));
        return {};
    }
    const fs::path failures = fs::current_path() / "render-failures";
    auto save_failure = [&](const Image& diff) {
        fs::create_directories(failures);
        write_image((failures / (name + ".actual.png")).string(), actual, Box::of(0, 0, 1, 1));
        if (diff.width) write_image((failures / (name + ".diff.png")).string(), diff, Box::of(0, 0, 1, 1));
    };

    const Image expected = read_png(expected_path.string());
    if (expected.width == 0) {
        save_failure(Image{});
        return "no expected image " + expected_path.string() + " (run with STORYPLOT_REBASELINE=1 to create it)";
    }
    if (expected.width != actual.width || expected.height != actual.height) {
        save_failure(Image{});
        return "size " + std::to_string(actual.width) + "x" + std::to_string(actual.height) + " differs from expected " +
               std::to_string(expected.width) + "x" + std::to_string(expected.height);
    }
    Image diff{actual.width, actual.height, std::vector<std::uint8_t>(actual.rgba.size())};
    std::size_t differing = 0;
    int worst = 0;
    for (std::size_t i = 0; i < actual.rgba.size(); i += 4) {
        int d = 0;
        for (std::size_t c = 0; c < 4; ++c) d = std::max(d, std::abs(int(actual.rgba[i + c]) - int(expected.rgba[i + c])));
        worst = std::max(worst, d);
        const bool differs = d > tolerance.threshold;
        differing += differs;
        // The diff shows differing pixels red over a faded copy of the expected image.
        const auto faded = static_cast<std::uint8_t>(200 + expected.rgba[i] / 5);
        diff.rgba[i] = differs ? 255 : faded;
        diff.rgba[i + 1] = differs ? 0 : faded;
        diff.rgba[i + 2] = differs ? 0 : faded;
        diff.rgba[i + 3] = 255;
    }
    const double fraction = static_cast<double>(differing) / static_cast<double>(actual.width * actual.height);
    if (fraction <= tolerance.allowed) return {};
    save_failure(diff);
    std::ostringstream out;
    out << name << ": " << fraction * 100 << "% of pixels differ by more than " << tolerance.threshold << " (allowed "
        << tolerance.allowed * 100 << "%, worst difference " << worst << "); see " << failures.string();
    return out.str();
}

}  // namespace storyplot::test_support
