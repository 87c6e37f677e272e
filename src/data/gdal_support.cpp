#include "data/gdal_support.hpp"

#include <cpl_error.h>

#include <mutex>

namespace storyplot::gdal {

void initialise() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

std::string last_error() {
    std::string msg = CPLGetLastErrorMsg();
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    // One line: GDAL sometimes spreads its message over several.
    for (char& c : msg)
        if (c == '\n') c = ' ';
    return msg;
}

}  // namespace storyplot::gdal
