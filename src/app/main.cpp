// storyplot: a map of a news story's geography. See docs/ for the user guide and the CLI contract.
// This is the whole command line; the executable (src/launch) loads it as libstoryplot_app.so.
#include <CLI/CLI.hpp>

#include <csignal>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/animate_command.hpp"
#include "reader/extract_command.hpp"
#include "app/import_command.hpp"
#include "app/render_command.hpp"
#include "app/snap_command.hpp"
#include "app/window_app.hpp"
#include "core/files/atomic_file.hpp"
#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "core/files/interrupt.hpp"
#include "export/interchange.hpp"
#include "core/story/story_file.hpp"
#include "core/story/storymap.hpp"
#include "data/geoparser_data.hpp"

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

// --scale: a finite number in range (CLI::Range lets NaN through: every comparison with it is false).
CLI::Validator finite_range(double low, double high) {
    return CLI::Validator(
        [low, high](std::string& text) -> std::string {
            try {
                std::size_t used = 0;
                const double v = std::stod(text, &used);
                if (used == text.size() && std::isfinite(v) && v >= low && v <= high) return {};
            } catch (const std::exception&) {
            }
            return "must be a number from " + CLI::detail::to_string(low) + " to " + CLI::detail::to_string(high) + ", got \"" + text + "\"";
        },
        "NUMBER in [" + CLI::detail::to_string(low) + " - " + CLI::detail::to_string(high) + "]");
}

int fail(const std::string& line, int code) {
    std::cerr << "storyplot: " << line << "\n";
    return code;
}

}  // namespace

// The whole program, loaded by the launcher (src/launch) for every command but a warm extract.
extern "C" __attribute__((visibility("default"))) int storyplot_main(int argc, char** argv) {
    // First: a Ctrl+C or SIGTERM at any moment of a command leaves nothing behind (core/interrupt.hpp).
    install_interrupt_handlers();
    CLI::App app{"storyplot: the geography of a news story on a real map"};
    app.require_subcommand(0, 1);

    std::string story;
    std::vector<std::string> basemaps;
    int exit_after_frames = 0;
    app.add_option("STORY", story, "story file to open (GeoJSON)");
    app.add_option("--basemap", basemaps,
                   "vector file GDAL reads, or a PostGIS database (\"PG:dbname=… host=…\"), drawn over Natural Earth (repeatable)");
    std::vector<std::string> window_layers;
    // One value a flag: `--layer roads STORY` leaves STORY to be the story.
    app.add_option("--layer", window_layers, "only this layer (table) of the --basemap sources (repeatable)")->allow_extra_args(false);
    app.add_option("--exit-after-frames", exit_after_frames, "quit after N frames (for screenshots and tests)")
        ->group("");
    std::string window_script;
    app.add_option("--script", window_script, "editing commands for the window, one a frame (for tests)")->group("");
    std::string window_style;
    app.add_option("--style", window_style, "map style for --basemap layers (default assets/styles/osm.json)");
    std::string window_size;
    app.add_option("--window-size", window_size, "the window's size WIDTHxHEIGHT (default 1280x800)");

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
    std::string projection_text;
    render_cmd->add_option("--projection", projection_text,
                           "mercator, equirectangular, lcc, albers, aeqd, globe, laea, stereographic, equal-earth, auto, EPSG:code or a "
                           "+proj= string (default: auto for a whole story, else mercator)");
    render_cmd->add_option("--basemap", render.basemaps,
                           "vector file GDAL reads, or a PostGIS database (\"PG:dbname=… host=…\"), drawn over Natural Earth (repeatable)");
    render_cmd->add_option("--layer", render.layers, "only this layer (table) of the --basemap sources (repeatable)")->allow_extra_args(false);
    render_cmd->add_option("--style", render.style, "map style for --basemap layers (default assets/styles/osm.json)");
    render_cmd->add_flag("-q,--quiet", render.quiet, "print nothing on success");
    render_cmd->add_flag("--local-names", render.local_names, "label places in local script (Владивосток, 평양)");
    std::string time_text, chapter_text;
    render_cmd->add_option("--time", time_text, "the story at this moment, ISO 8601 (e.g. 2019-04-24T12:00+10:00)");
    render_cmd->add_option("--chapter", chapter_text, "frame this chapter of the story (and set the clock to its time)");
    render_cmd->add_option("--scale", render.scale, "multiply line widths, markers and text (2 for print)")
        ->check(finite_range(0.25, 8.0));
    render_cmd->add_flag("--world-file", render.world_file, "write a world file and .prj beside a .png or .jpg");
    std::string detail_text;
    render_cmd->add_option("--detail", detail_text, "force the basemap's level: Natural Earth's 110m, 50m or 10m, or GSHHG's high-resolution shores (h)")
        ->check(CLI::IsMember({"110m", "50m", "10m", "h"}));
    render_cmd->add_flag("--timings", render.timings, "print where the time went");
    bool no_decorations = false, no_title = false, no_scale_bar = false, no_legend = false, no_inset = false, no_credits = false;
    render_cmd->add_flag("--no-decorations", no_decorations, "leave out title, scale bar, legend, inset and credits");
    render_cmd->add_flag("--no-title", no_title, "leave out the title and date");
    render_cmd->add_flag("--no-scale-bar", no_scale_bar, "leave out the scale bar");
    render_cmd->add_flag("--no-legend", no_legend, "leave out the legend of routes");
    render_cmd->add_flag("--no-inset", no_inset, "leave out the inset locator map");
    render_cmd->add_flag("--no-credits", no_credits, "leave out the data credits");
    bool no_context = false;
    render_cmd->add_flag("--no-context-labels", no_context, "leave out country and town names");
    bool no_water = false;
    render_cmd->add_flag("--no-water", no_water, "leave out lakes and rivers (land, coast and borders alone)");

    AnimateOptions animate;
    std::string animate_size = "1280x720", animate_bbox, animate_route, animate_chapter, animate_from, animate_to;
    auto* animate_cmd = app.add_subcommand("animate", "the story's journeys as a GIF, MP4, WebM or folder of PNG frames");
    animate_cmd->add_option("STORY", animate.story, "story file (*.story.json)")->required();
    animate_cmd->add_option("-o,--output", animate.output, "output: .gif, .mp4, .webm, or a folder/ for PNG frames")->required();
    animate_cmd->add_option("--route", animate_route, "animate this route over its own times");
    animate_cmd->add_option("--chapter", animate_chapter, "animate the timed routes in this chapter's focus, framed as the chapter");
    animate_cmd->add_option("--from", animate_from, "clock time of the first frame, ISO 8601");
    animate_cmd->add_option("--to", animate_to, "clock time the animation runs to, ISO 8601");
    animate_cmd->add_option("--fps", animate.fps, "frames per second")->capture_default_str();
    auto* seconds_option =
        animate_cmd->add_option("--seconds", animate.seconds, "length in seconds (frames = fps x seconds)")->capture_default_str();
    animate_cmd->add_flag("--tour", animate.tour, "the chapters in turn as the window presents them: flights, the clock, the text");
    animate_cmd->add_option("--size", animate_size, "frame size WIDTHxHEIGHT")->capture_default_str();
    animate_cmd->add_option("--bbox", animate_bbox, "area to show, W,S,E,N in degrees");
    std::string animate_projection;
    animate_cmd->add_option("--projection", animate_projection, "as render's --projection; with --tour or --follow, each frame's view in it (auto: the globe for a story across the world)");
    animate_cmd->add_flag("--follow", animate.follow, "the camera follows the moving vehicle");
    animate_cmd->add_flag("--trail", animate.trail, "fade the way travelled behind the vehicle");
    animate_cmd->add_flag("--local-names", animate.local_names, "label places in local script");
    bool animate_no_context = false;
    animate_cmd->add_flag("--no-context-labels", animate_no_context, "leave out country and town names");
    bool animate_no_water = false;
    animate_cmd->add_flag("--no-water", animate_no_water, "leave out lakes and rivers (land, coast and borders alone)");
    animate_cmd->add_option("--scale", animate.scale, "multiply line widths, markers and text")->check(finite_range(0.25, 8.0));
    animate_cmd->add_flag("-q,--quiet", animate.quiet, "print nothing on success");
    bool animate_no_inset = false, animate_no_decorations = false;
    animate_cmd->add_flag("--no-inset", animate_no_inset, "leave out the inset locator map");
    animate_cmd->add_flag("--no-decorations", animate_no_decorations, "leave out title, scale bar, legend, inset and credits");

    std::string export_story, export_output;
    auto* export_cmd = app.add_subcommand("export", "the story as KML (with a tour of its chapters), GPX, plain GeoJSON or StoryMapJS slides");
    export_cmd->add_option("STORY", export_story, "story file (*.story.json)")->required();
    export_cmd->add_option("-o,--output", export_output, "output: .kml, .gpx, .geojson or .storymap.json (StoryMapJS)")->required();

    ExtractArgs extract;
    auto* extract_cmd = add_extract_command(app, extract);

    std::string import_input, import_output;
    bool import_quiet = false;
    auto* import_cmd = app.add_subcommand("import", "recorded journeys (GPX tracks, routes, waypoints; kepler.gl trips), a KML file (placemarks, lines, folders) or StoryMapJS slides (.json) as a story");
    import_cmd->add_option("FILE", import_input, "GPX, KML, StoryMapJS .json or kepler.gl trip .geojson file")->required();
    import_cmd->add_option("-o,--output", import_output, "the story (*.story.json)")->required();
    import_cmd->add_flag("-q,--quiet", import_quiet, "print nothing on success");

    SnapCommandOptions snap;
    std::string snap_route;
    auto* snap_cmd = app.add_subcommand("snap", "put the story's routes on a rail, road or waterway network (the shortest way along its lines)");
    snap_cmd->add_option("STORY", snap.story, "story file (*.story.json)")->required();
    snap_cmd->add_option("--network", snap.network, "vector file GDAL reads with the lines (OSM .pbf/.osm, GeoPackage, Shapefile…)")->required();
    snap_cmd->add_option("-o,--output", snap.output, "the story with the routes' new paths (*.story.json)")->required();
    snap_cmd->add_option("--route", snap_route, "snap only this route");
    snap_cmd->add_option("--reach", snap.reach_km, "how far (km) a stop may be from the network")
        ->capture_default_str()
        ->check(finite_range(0.001, 1000));
    snap_cmd->add_option("--join", snap.join_m, "metres within which line ends and vertices join")
        ->capture_default_str()
        ->check(finite_range(0, 1000));
    snap_cmd->add_flag("-q,--quiet", snap.quiet, "print nothing on success");

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
            const std::string summary = story_summary(read_story_file(validate_path));  // nothing on stdout when it fails
            std::cout << validate_path << ": " << summary << "\n";
            return 0;
        }
        if (*import_cmd) {
            run_import(import_input, import_output, import_quiet);
            return 0;
        }
        if (*extract_cmd) {
            run_extract(extract, load_geoparser_data());
            return 0;
        }
        if (*snap_cmd) {
            if (!snap_route.empty()) snap.route = snap_route;
            run_snap(snap);
            return 0;
        }
        if (*export_cmd) {
            if (export_output.ends_with(".storymap.json")) {
                StorymapNotes notes;
                write_file_atomically(export_output, story_to_storymap(read_story_file(export_story), &notes));
                std::cout << "wrote " << export_output << "\n";
                if (!notes.summary().empty()) std::cout << "export: StoryMapJS has no place for " << notes.summary() << "\n";
                return 0;
            }
            const auto format = interchange_format_for(export_output);
            if (!format) throw UsageError("-o: \"" + export_output + "\" is not .kml, .gpx, .geojson or .storymap.json");
            const Story exported = read_story_file(export_story);
            const std::string text = *format == InterchangeFormat::kml   ? story_to_kml(exported)
                                     : *format == InterchangeFormat::gpx ? story_to_gpx(exported)
                                                                         : story_to_geojson(exported);
            write_file_atomically(export_output, text);
            std::cout << "wrote " << export_output << "\n";
            return 0;
        }
        if (*animate_cmd) {
            animate.size = parse_size(animate_size);
            if (!animate_bbox.empty()) animate.bbox = parse_bbox(animate_bbox);
            if (!animate_projection.empty()) animate.projection = animate_projection;
            if (!animate_route.empty()) animate.route = animate_route;
            if (!animate_chapter.empty()) animate.chapter = animate_chapter;
            if (!animate_from.empty()) animate.from = animate_from;
            if (!animate_to.empty()) animate.to = animate_to;
            if (animate_no_decorations) animate.decorations = DecorationSet{false, false, false, false, false, false};
            if (animate_no_inset) animate.decorations.inset = false;
            animate.context_labels = !animate_no_context;
            animate.water = !animate_no_water;
            animate.seconds_given = seconds_option->count() > 0;
            return run_animate(animate);
        }
        if (*render_cmd) {
            render.size = parse_size(size_text);
            if (!bbox_text.empty()) render.bbox = parse_bbox(bbox_text);
            if (!projection_text.empty()) render.projection = projection_text;
            if (!render_story.empty()) render.story = render_story;
            render.context_labels = !no_context;
            render.water = !no_water;
            if (!time_text.empty()) render.time = time_text;
            if (!chapter_text.empty()) render.chapter = chapter_text;
            for (DetailLevel level : all_detail_levels)
                if (detail_text == detail_suffix(level)) render.detail = level;
            render.decorations.title = !(no_decorations || no_title);
            render.decorations.scale_bar = !(no_decorations || no_scale_bar);
            render.decorations.legend = !(no_decorations || no_legend);
            render.decorations.inset = !(no_decorations || no_inset);
            render.decorations.credits = !(no_decorations || no_credits);
            run_render(render);
            return 0;
        }
        if (!story.empty()) {
            std::error_code ec;
            const bool looks_like_a_command = story.find_first_of("./") == std::string::npos;
            if (!std::filesystem::exists(story, ec) && looks_like_a_command)
                throw UsageError("unknown command \"" + story + "\" (commands: render, animate, export, extract, snap, validate; see storyplot --help)");
            check_input_path(story);
        }
        WindowOptions window;
        if (!story.empty()) window.story = story;
        window.basemaps = basemaps;
        window.layers = window_layers;
        window.style = window_style;
        window.exit_after_frames = exit_after_frames;
        if (!window_script.empty()) window.script = window_script;
        if (!window_size.empty()) {
            const ImageSize size = parse_size(window_size);
            window.width = size.width;
            window.height = size.height;
        }
        if (!has_display()) {
            // No screen to open a window on: draw the window's first view to a file instead.
            std::cerr << "storyplot: no display (DISPLAY and WAYLAND_DISPLAY are unset); writing the view to "
                      << headless_view_file << " instead\n";
            RenderOptions view;
            view.story = window.story;
            view.basemaps = window.basemaps;
            view.layers = window.layers;
            view.style = window.style;
            view.output = headless_view_file;
            view.size = {window.width, window.height};
            view.story = window.story.value_or(seed_story_path());
            view.opening = true;
            run_render(view);
            return 0;
        }
        // The window handles its own quit (SDL turns SIGINT and SIGTERM into a quit event).
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        return run_window(window);
    } catch (const UsageError& e) {
        return fail(e.what(), 2);
    } catch (const InputError& e) {
        return fail(e.what(), 1);
    } catch (const std::exception& e) {
        return fail(e.what(), 1);
    }
}
