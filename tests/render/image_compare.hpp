#pragma once
// Render tests compare an offscreen image with tests/render/expected/NAME.png: a pixel differs when
// any channel is off by more than `threshold`; the test fails when more than `allowed` of the
// pixels differ. On failure it writes NAME.actual.png and NAME.diff.png into the build folder's
// render-failures/. STORYPLOT_REBASELINE=1 writes the actual image as the new expected one.
#include <string>

#include "core/files/image.hpp"

namespace storyplot::test_support {

Image read_png(const std::string& path);

struct Tolerance {
    int threshold = 24;
    double allowed = 0.005;
};

// Empty when the images match; else what went wrong, for the test to print.
std::string compare_with_expected(const Image& actual, const std::string& name, Tolerance tolerance = {});

}  // namespace storyplot::test_support
