// storyplot's executable. The whole program (src/app) links GDAL, SDL and GL: 166 shared libraries
// whose symbols the dynamic loader binds before main, 0.06-0.09 s of every start. A warm `extract`
// (the reader's data already cached) needs none of them, so it runs here with core and the reader
// alone. Every other command, and an extract that must first build the cache or that fails (the
// whole program then runs it again and words the error), runs in the whole program, loaded from
// libstoryplot_app.so beside this executable.
#include <CLI/CLI.hpp>

#include <dlfcn.h>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>

#include "core/files/interrupt.hpp"
#include "reader/extract_command.hpp"
#include "reader/gazetteer_index.hpp"

namespace {

using namespace storyplot;

int run_whole_program(int argc, char** argv) {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::filesystem::path library = (ec ? std::filesystem::path(argv[0]) : exe).parent_path() / "libstoryplot_app.so";
    void* handle = dlopen(library.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (!handle) {
        std::cerr << "storyplot: cannot load the program: " << dlerror() << "\n";  // dlerror names the file and why
        return 1;
    }
    using Main = int (*)(int, char**);
    const auto entry = reinterpret_cast<Main>(dlsym(handle, "storyplot_main"));
    if (!entry) {
        std::cerr << "storyplot: " << library.string() << ": not storyplot's program (no storyplot_main)\n";
        return 1;
    }
    return entry(argc, argv);
}

// The exit code of a warm extract, or nullopt where the whole program is to run the command: a
// command line this one does not parse (help included), no good cache, or a failure.
std::optional<int> run_warm_extract(int argc, char** argv) {
    CLI::App app;
    ExtractArgs args;
    add_extract_command(app, args);
    app.require_subcommand(1, 1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Error&) {
        return std::nullopt;
    }
    install_interrupt_handlers();  // an interrupted write leaves nothing behind (core/files/interrupt.hpp)
    try {
        const std::optional<GeoparserData> data = cached_geoparser_data();
        if (!data) return std::nullopt;
        run_extract(args, *data);
        return 0;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string_view(argv[1]) == "extract")
        if (const auto done = run_warm_extract(argc, argv)) return *done;
    return run_whole_program(argc, argv);
}
