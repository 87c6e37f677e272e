// storyplot: a map of a news story's geography. See docs/ for the user guide and the CLI contract.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "app/render_command.hpp"
#include "app/window_app.hpp"
#include "core/input_error.hpp"
#include "core/story_file.hpp"

namespace {

using namespace storyplot;

constexpr const char* headless_view_file = "storyplot-view.png";

bool has_display() {
    auto set = [](const char* name) {
        const char* v = std::getenv(name);
        return v && *v;
    };
    return set("DISPLAY") || set("WAYLAND_DISPLAY") || set("SDL_VIDEODRIVER");
}

int fail(const std::string& line, int code) {
    std::cerr << "storyplot: " << line << "\n";
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"storyplot: the geography of a news story on a real map"};
    app.require_subcommand(0, 1);

    std::string story;
    std::vector<std::string> basemaps;
    int exit_after_frames = 0;
    app.add_option("STORY", story, "story file to open (GeoJSON)");
    app.add_option("--basemap", basemaps, "vector file GDAL reads, drawn over Natural Earth (repeatable)");
    app.add_option("--exit-after-frames", exit_after_frames, "quit after N frames (for screenshots and tests)")
        ->group("");

    RenderOptions render;
    std::string size_text = "1920x1080";
    std::string bbox_text;
    std::string render_story;
    std::string validate_path;
    auto* validate_cmd = app.add_subcommand("validate", "check a story file: a summary, or what is wrong and where");
    validate_cmd->add_option("STORY", validate_path, "story file (*.story.json)")->required();

    auto* render_cmd = app.add_subcommand("render", "draw the map headless to an image (.png, .jpg, .tif)");
    render_cmd->add_option("STORY", render_story, "story file (GeoJSON); without it, the basemap alone");
    render_cmd->add_option("-o,--output", render.output, "output image: .png, .jpg, or .tif (GeoTIFF)")->required();
    render_cmd->add_option("--size", size_text, "image size WIDTHxHEIGHT in pixels")->capture_default_str();
    render_cmd->add_option("--bbox", bbox_text, "area to show, W,S,E,N in degrees");
    render_cmd->add_option("--basemap", render.basemaps, "vector file GDAL reads, drawn over Natural Earth (repeatable)");
    render_cmd->add_flag("-q,--quiet", render.quiet, "print nothing on success");
    render_cmd->add_flag("--local-names", render.local_names, "label places in local script (Владивосток, 평양)");
    std::string time_text;
    render_cmd->add_option("--time", time_text, "the story at this moment, ISO 8601 (e.g. 2019-04-24T12:00+10:00)");
    bool no_context = false;
    render_cmd->add_flag("--no-context-labels", no_context, "leave out country and town names");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return fail(std::string(e.what()) + " (see storyplot --help)", 2);
    }

    try {
        if (*validate_cmd) {
            std::cout << validate_path << ": " << story_summary(read_story_file(validate_path)) << "\n";
            return 0;
        }
        if (*render_cmd) {
            render.size = parse_size(size_text);
            if (!bbox_text.empty()) render.bbox = parse_bbox(bbox_text);
            if (!render_story.empty()) render.story = render_story;
            render.context_labels = !no_context;
            if (!time_text.empty()) render.time = time_text;
            run_render(render);
            return 0;
        }
        WindowOptions window;
        if (!story.empty()) window.story = story;
        window.basemaps = basemaps;
        window.exit_after_frames = exit_after_frames;
        if (!has_display()) {
            // No screen to open a window on: draw the window's first view to a file instead.
            std::cerr << "storyplot: no display (DISPLAY and WAYLAND_DISPLAY are unset); writing the view to "
                      << headless_view_file << " instead\n";
            RenderOptions view;
            view.story = window.story;
            view.basemaps = window.basemaps;
            view.output = headless_view_file;
            view.size = {window.width, window.height};
            run_render(view);
            return 0;
        }
        return run_window(window);
    } catch (const UsageError& e) {
        return fail(e.what(), 2);
    } catch (const InputError& e) {
        return fail(e.what(), 1);
    } catch (const std::exception& e) {
        return fail(e.what(), 1);
    }
}
