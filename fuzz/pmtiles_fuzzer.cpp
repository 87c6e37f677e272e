// A PMTiles archive: any bytes give an archive whose tiles read (or are absent), or one InputError.
// The header, root and leaf directories, metadata and gzip are all taken from the input; every tile
// of zooms 0 to 3 is asked for, so directories of any shape are walked.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/files/input_error.hpp"
#include "data/pmtiles_archive.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/storyplot-fuzz-" + std::to_string(getpid()) + ".pmtiles";
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    try {
        storyplot::PmTilesArchive archive(path);
        for (int z = 0; z <= 3; ++z)
            for (std::uint32_t x = 0; x < (1u << z); ++x)
                for (std::uint32_t y = 0; y < (1u << z); ++y) (void)archive.tile({z, x, y});
    } catch (const storyplot::InputError&) {
    }
    std::remove(path.c_str());
    return 0;
}
