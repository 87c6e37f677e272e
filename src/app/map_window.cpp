#include "app/map_window.hpp"

#include <epoxy/gl.h>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <malloc.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>

#include "reader/extract_command.hpp"
#include "data/track_source.hpp"
#include "data/map_sources.hpp"
#include "app/render_command.hpp"
#include "core/geoparse/geoparser.hpp"
#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_file.hpp"
#include "core/mesh/story_meshes.hpp"
#include "core/geoparse/name_folding.hpp"
#include "core/geoparse/place_search.hpp"
#include "core/files/folder_listing.hpp"
#include "data/gazetteer.hpp"
#include "data/image_file.hpp"
#include "data/picture_file.hpp"
#include "data/natural_earth.hpp"
#include "ui/export_decorations.hpp"
#include "core/labels/map_decorations.hpp"
#include "ui/status_bar.hpp"
#include "ui/text_shaping.hpp"
#include "ui/timeline_panel.hpp"

namespace storyplot {

namespace {

constexpr double wheel_step = 2.0;    // zoom factor per wheel notch, eased (as map apps do)
constexpr double key_pan_px = 120.0;  // arrow keys
constexpr double drag_threshold_px = 3.0;

}  // namespace

MapWindow::MapWindow(const WindowOptions& options, SDL_Window* window, SDL_GLContext gl)
    : m_window(window),
      m_ui(window, gl),
      m_jobs([this] { wake(); }),
      m_view_jobs([this] { wake(); }, 10),
      m_wake_event(SDL_RegisterEvents(1)) {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window, &w, &h);
    m_session = MapSession(w, h);
    // The interface's size: as set in View > Interface size, else from the display.
    std::vector<std::string> problems;
    m_settings = Settings::read(config_file_path("settings"), &problems);
    for (const auto& p : problems) m_messages.error(p);
    m_ui.set_scale(m_settings.ui_scale.value_or(display_ui_scale()));
    update_map_area();
    try {
        m_style = load_map_style(options.style);
    } catch (const InputError& e) {
        m_messages.error(std::string(e.what()) + " (added layers are drawn by geometry)");
    }
    open_story(options.story.value_or(seed_story_path()), true);
    // Started without a story: the seed story shows, and the stories opened lately are offered.
    m_offer_recent = !options.story && !m_recent.paths().empty();
    if (options.script) {
        std::ifstream in(*options.script);
        if (!in) m_messages.error(*options.script + ": cannot read the script");
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) m_script.push_back(line);
        m_scripted = true;
    }

    // The coarse world loads in a blink and shows at once; the level the view needs follows in the
    // background, then the others, so zooming later does not wait.
    try {
        m_scene.set_basemap(load_natural_earth(DetailLevel::coarse_110m));
    } catch (const InputError& e) {
        m_messages.error(e.what());
    }
    const DetailLevel wanted = detail_for_resolution(m_session.camera().resolution());
    load_basemap_level(wanted);
    for (DetailLevel level : {DetailLevel::medium_50m, DetailLevel::fine_10m})
        if (level != wanted) load_basemap_level(level);
    load_context_labels();
    m_only_layers = options.layers;
    for (const auto& path : options.basemaps) load_overlay(path, false);
}

void MapWindow::open_story(const std::string& path, bool frame_it) {
    if (is_trip_file(path)) {
        import_trip(path);
        return;
    }
    try {
        set_story(read_story_file(path), path, frame_it);
        m_review.reset();
        remember(path);
    } catch (const InputError& e) {
        m_messages.error(e.what());  // the story the window had stays
    }
    offer_unsaved_edits(path);
}

// A run that stopped before saving (a crash, a kill, a power cut) left its edits in the journal.
void MapWindow::offer_unsaved_edits(const std::string& path) {
    StoryJournal journal(path);
    auto edits = journal.unsaved_edits();
    if (!edits) return;
    std::error_code ec;
    const auto when = std::filesystem::last_write_time(journal.path(), ec);
    const auto age = std::chrono::duration_cast<std::chrono::minutes>(std::filesystem::file_time_type::clock::now() - when).count();
    auto shared = std::make_shared<Story>(std::move(*edits));
    const std::string when_text = age < 1 ? "less than a minute ago" : age == 1 ? "a minute ago" : std::to_string(age) + " minutes ago";
    ask("The story " + path + " has edits that were never saved (autosaved " + when_text + ", before the program stopped).\nRestore them?",
        [this, shared, path] {
            set_story(std::move(*shared), path, false);
            editor()->mark_unsaved();
            m_synced_revision = -1;
            m_messages.note("restored the unsaved edits of " + path);
        },
        [this, path] {
            if (m_journal && m_story_path == path) m_journal->discard();
            else StoryJournal(path).discard();
        });
}

// Every edit is journaled when it is made; a drag at most every two seconds, and when it ends.
void MapWindow::journal_edits() {
    StoryEditor* editor = m_session.editor();
    if (!editor || !m_journal) return;
    if (!editor->modified()) {
        if (m_journal->written()) m_journal->discard();  // undone back to the file: nothing to restore
        return;
    }
    if (m_dragging_place && now() - m_journaled_at < 2.0) return;
    std::string error;
    if (m_journal->write(editor->story(), editor->revision(), &error)) {
        m_journaled_at = now();
        m_journal_error.clear();
        if (m_scripted) std::cerr << "storyplot: journaled revision " << editor->revision() << std::endl;
    } else if (!error.empty() && error != m_journal_error) {
        m_messages.error(error);
        m_journal_error = error;
    }
}

// Editing commands for tests, one a frame once loading is done:
//   move ID LON LAT | rename ID NAME | add LON LAT NAME | undo | redo | save | open PATH | answer yes|no |
//   state (prints whether the story has unsaved edits) | ruler LON LAT (a ruler point) | help | chapter N |
//   find QUERY (typed into "Find a place") | play | article PATH (a story from an article) |
//   chapter-add TITLE (after the chapter shown, from the view) | chapter-title|chapter-text|chapter-time N VALUE
//   (\n in a text is a new line) | chapter-move FROM TO | chapter-delete N | chapter-frame N (from the view) |
//   save-as PATH | browse open|save-as|layer (the file browser) | edit-chapter N (opens its editor) | stops ROUTE (opens its stop table) | stop-time ROUTE STOP arrive|depart TIME | present [manual] | next (chapter) | end-presenting |
//   snap ROUTE PATH (onto the lines of the file at PATH, as the stop table's Snap does) | view W S E N (flies there) |
//   pan-frames N DX DY (pans DX, DY pixels a frame for N frames, whatever loads meanwhile; then prints the frame times) | quit
void MapWindow::run_script_line() {
    if (m_script.empty() || script_waits()) return;
    const std::string line = m_script.front();
    std::istringstream in(line);
    std::string verb;
    in >> verb;
    if (!m_question.empty() && verb != "answer") return;  // a question waits for its answer
    m_script.pop_front();
    auto rest = [&] {
        std::string text;
        std::getline(in >> std::ws, text);
        return text;
    };
    try {
        if (verb == "move") {
            std::string id;
            LonLat at{};
            in >> id >> at.lon >> at.lat;
            editor()->move_place(id, at);
            editor()->finish_move();
        } else if (verb == "rename") {
            std::string id;
            in >> id;
            editor()->rename_place(id, rest());
        } else if (verb == "add") {
            LonLat at{};
            in >> at.lon >> at.lat;
            editor()->add_place(rest(), at);
        } else if (verb == "undo") {
            editor()->undo();
        } else if (verb == "redo") {
            editor()->redo();
        } else if (verb == "save") {
            save();
        } else if (verb == "answer") {
            auto answer = rest() == "yes" ? std::move(m_on_yes) : std::move(m_on_no);
            m_question.clear();
            m_on_yes = nullptr;
            m_on_no = nullptr;
            if (answer) answer();
        } else if (verb == "open") {
            m_script_open = rest();  // opened where the Open dialog opens it, inside the frame
        } else if (verb == "state") {
            std::cerr << "storyplot: state: modified " << (editor() && editor()->modified() ? 1 : 0) << ", revision "
                      << (editor() ? editor()->revision() : -1) << ", basemap " << detail_name(m_shown_level) << std::endl;
        } else if (verb == "projection") {
            std::string error;
            const auto choice = parse_projection_name(rest(), error);
            if (!choice || choice->exact) throw std::invalid_argument(error.empty() ? "a projection of the View menu" : error);
            if (choice->automatic)
                m_session.set_projection_automatic();
            else
                m_session.set_projection(choice->kind == ProjectionKind::web_mercator ? std::nullopt : choice->kind);
            if (m_scripted) std::cerr << "storyplot: projection: " << m_session.shown().projection().name() << std::endl;
        } else if (verb == "view") {
            Box b;
            in >> b.min_x >> b.min_y >> b.max_x >> b.max_y;
            if (!in || b.empty()) throw std::invalid_argument("view W S E N, in degrees");
            m_session.fly_to_box(mercator::forward(b.min_x, b.min_y, b.max_x, b.max_y));
        } else if (verb == "pan-frames") {
            m_pan = PanRun{};
            in >> m_pan.frames >> m_pan.step.x >> m_pan.step.y;
            if (!in || m_pan.frames <= 0) throw std::invalid_argument("pan-frames N DX DY");
            m_pan.started = now();
        } else if (verb == "ruler") {
            LonLat at{};
            in >> at.lon >> at.lat;
            m_measuring = true;
            m_session.ruler_add(at);
        } else if (verb == "find") {
            m_search.open = true;
            m_search.query = rest();
            load_gazetteer();
        } else if (verb == "play") {
            m_session.toggle_play();
        } else if (verb == "article") {
            read_article(rest(), "");
        } else if (verb == "help") {
            m_help = true;
        } else if (verb == "chapter") {
            int index = 0;
            in >> index;
            m_session.go_to_chapter(index);
        } else if (verb == "chapter-add") {
            add_chapter_here(m_session.chapter(), rest());
        } else if (verb == "chapter-title" || verb == "chapter-text" || verb == "chapter-time") {
            int index = 0;
            in >> index;
            Chapter c = story()->chapters.at(static_cast<std::size_t>(index));
            std::string value = rest();
            if (verb == "chapter-title") c.title = value;
            if (verb == "chapter-text") {
                for (std::size_t at; (at = value.find("\\n")) != std::string::npos;) value.replace(at, 2, "\n");  // \n: a new line
                c.text = value;
            }
            if (verb == "chapter-time") {
                const TypedTime typed = parse_typed_time(value, story()->timezone_minutes());
                if (!typed.error.empty()) throw std::invalid_argument(typed.error);
                c.time = typed.moment;
            }
            if (const auto refused = editor()->edit_chapter(index, c)) m_messages.error(*refused);
            editor()->finish_move();
        } else if (verb == "edit-chapter") {
            int index = 0;
            in >> index;
            m_session.go_to_chapter(index);
            m_panel.editing_chapter = index;
        } else if (verb == "stops") {
            m_panel.tables_open = rest();
        } else if (verb == "snap") {
            std::string route;
            in >> route;
            snap_route(route, rest());
        } else if (verb == "chapter-move") {
            int from = 0, to = 0;
            in >> from >> to;
            editor()->move_chapter(from, to);
        } else if (verb == "chapter-delete") {
            int index = 0;
            in >> index;
            editor()->remove_chapter(index);
        } else if (verb == "chapter-frame") {
            int index = 0;
            in >> index;
            frame_chapter(index);
        } else if (verb == "stop-time") {
            std::string route, which;
            std::size_t stop = 0;
            in >> route >> stop >> which;
            const TypedTime typed = parse_typed_time(rest(), story()->timezone_minutes());
            if (!typed.error.empty()) throw std::invalid_argument(typed.error);
            const Route* r = story()->route(route);
            if (!r) throw std::invalid_argument("no route \"" + route + "\"");
            StopTime t = stop < r->times.size() ? r->times[stop] : StopTime{};
            (which == "depart" ? t.depart : t.arrive) = typed.moment;
            if (const auto refused = editor()->set_stop_time(route, stop, t)) m_messages.error("cannot set the time: " + *refused);
            editor()->finish_move();
        } else if (verb == "save-as") {
            save_as(rest());
        } else if (verb == "browse") {
            const std::string what = rest();
            browse(what == "save-as" ? browse_save_as : what == "layer" ? browse_layer : browse_open);
        } else if (verb == "present") {
            start_presenting(rest() != "manual");
        } else if (verb == "next") {
            m_session.next_chapter();
        } else if (verb == "end-presenting") {
            stop_presenting();
        } else if (verb == "quit") {
            m_running = false;
        } else {
            m_messages.error("script: unknown command: " + line);
        }
    } catch (const std::exception& e) {
        m_messages.error("script: " + line + ": " + e.what());
    }
    std::cerr << "storyplot: script: " << line << std::endl;
}

void MapWindow::set_story(Story opened, const std::string& path, bool frame_it) {
    {
        m_session.open(std::move(opened));
        m_story_path = path;
        m_synced_revision = -1;
        m_panel = PanelState{};
        m_new_route.reset();
        m_session.stop_presenting();
        m_pictures.set_folder(std::filesystem::path(path).parent_path().string());
        m_scene.state().selected.clear();
        m_scene.state().hovered.clear();
        sync_story();
        if (frame_it) m_session.show_opening();
        m_journal.emplace(path);
    }
}

void MapWindow::post_basemap_load(DetailLevel level, std::function<std::optional<BasemapMeshes>()> load,
                                  std::function<void(const BasemapMeshes&)> use) {
    m_jobs.post("loading " + std::string(detail_name(level)) + "…", [this, load = std::move(load), use = std::move(use)]() -> BackgroundJobs::Finish {
        try {
            auto meshes = load();
            if (!meshes) return [] {};
            auto shared = std::make_shared<BasemapMeshes>(std::move(*meshes));
            return [shared, use] { use(*shared); };
        } catch (const std::exception& e) {
            return [this, msg = std::string(e.what())] { m_messages.error(msg); };
        }
    });
}

void MapWindow::load_basemap_level(DetailLevel level) {
    if (level == DetailLevel::coarse_110m || level == DetailLevel::close_h) return;  // close_h: by view
    post_basemap_load(level, [level] { return std::optional(load_natural_earth(level)); }, [this](const BasemapMeshes& m) { m_scene.set_basemap(m); });
    // Its copy for moving views (cached with it), drawn while a zoom, a fly-to or a drag moves.
    post_basemap_load(level, [level] { return load_natural_earth_for_moving(level); }, [this](const BasemapMeshes& m) { m_scene.set_moving_basemap(m); });
}

void MapWindow::load_close_shores_around(const Camera& camera) {
    // A part three views wide each way, and at least 1,500 km: a chapter's view pans a while in it.
    constexpr double least_side_m = 1.5e6;
    if (detail_for_resolution(camera.resolution()) != DetailLevel::close_h) return;
    const Box view = camera.visible_box();
    if (m_close_shores_asked.contains(view) || m_scene.level_covers(DetailLevel::close_h, view)) return;
    const double half = std::max({3 * view.width(), 3 * view.height(), least_side_m}) / 2;
    const Vec2 c = view.center();
    const Box part = Box::of(c.x - half, c.y - half, c.x + half, c.y + half);
    m_close_shores_asked = part;
    post_basemap_load(
        DetailLevel::close_h, [part] { return std::optional(load_natural_earth(DetailLevel::close_h, &part)); },
        [this, part](const BasemapMeshes& meshes) {
            // Only the part last asked for: one read before it may finish after it.
            if (m_close_shores_asked == part) m_scene.set_basemap(meshes);
        });
}

void MapWindow::load_overlay(const std::string& path, bool frame_it) {
    const std::size_t color_index = m_overlay_count++;
    const MapStyle* style = m_style ? &*m_style : nullptr;
    if (reads_by_view(path)) {
        // Connected (or opened) on the view worker, which alone uses it from then on; the first read
        // follows at the next frame.
        const std::string shown = shown_source_name(path);
        m_view_jobs.post("connecting to " + shown + "…", [this, path, shown, color_index, frame_it, style]() -> BackgroundJobs::Finish {
            try {
                // A big OSM file is indexed first, once: the status bar follows it.
                auto indexing = [this, shown](double done) {
                    m_view_jobs.relabel("indexing " + shown + " once for reads by view: " + std::to_string(static_cast<int>(done * 100)) + "%…");
                };
                auto source = std::make_shared<ViewSource>(path, m_only_layers, color_index, style, view_feature_budget, indexing);
                const Box extent = frame_it ? source->lonlat_extent() : Box{};
                return [this, path, source, extent, frame_it] {
                    ViewRead read;
                    read.key = "view " + std::to_string(m_view_reads.size()) + ": " + source->name();  // the same source twice is two
                    read.source = source;
                    m_view_reads.push_back(std::move(read));
                    m_layer_paths.push_back(path);
                    m_messages.note("added " + source->name() + " (read by view)");
                    if (frame_it && !extent.empty())
                        m_session.fly_to_box(mercator::forward(extent.min_x, std::max(extent.min_y, -85.0), extent.max_x, std::min(extent.max_y, 85.0)));
                };
            } catch (const std::exception& e) {
                return [this, msg = std::string(e.what())] {
                    m_messages.error(msg);
                    if (m_scripted) std::cerr << "storyplot: " << msg << std::endl;
                };
            }
        });
        return;
    }
    m_jobs.post("loading " + path + "…", [this, path, color_index, frame_it, style]() -> BackgroundJobs::Finish {
        try {
            auto source = std::make_shared<LoadedSource>(load_source(path, color_index, style, m_only_layers));
            return [this, source, frame_it] {
                for (const auto& layer : source->layers) m_scene.add_overlay(layer);
                m_scene.add_names(source->places, source->named_lines, source->credit);
                if (!source->places.empty() || !source->named_lines.empty()) m_ui.request_fonts(m_scene.glyphs());
                m_layer_paths.push_back(source->path);
                m_messages.note("added " + source->path);
                for (const auto& note : source->notes) m_messages.error(note);
                if (frame_it) m_session.fly_to_box(source->bounds);
            };
        } catch (const std::exception& e) {
            return [this, msg = std::string(e.what())] { m_messages.error(msg); };
        }
    });
}

void MapWindow::read_views() {
    if (m_view_reads.empty()) return;
    const Camera camera = m_session.shown();
    const Box visible = camera.visible_lonlat();
    const double resolution = camera.resolution();
    if (visible.empty()) return;
    for (ViewRead& r : m_view_reads) {
        if (r.pending) continue;
        const bool inside = !r.asked.empty() && visible.min_x >= r.asked.min_x && visible.max_x <= r.asked.max_x &&
                            visible.min_y >= r.asked.min_y && visible.max_y <= r.asked.max_y;
        // Zoomed in past the detail read, or out past it; a sample is read again whenever the view
        // narrows, for it may then hold few enough features to draw them all.
        const bool fine_enough = r.resolution > 0 && resolution > r.resolution * (r.sampled ? 0.99 : 0.5) && resolution < r.resolution * 2;
        if (inside && fine_enough) continue;
        // A quarter of a view more on every side: a pan reads again only once it leaves that.
        const Box ask = Box::of(visible.min_x - visible.width() / 4, visible.min_y - visible.height() / 4, visible.max_x + visible.width() / 4,
                                visible.max_y + visible.height() / 4);
        r.pending = true;
        m_view_jobs.post("reading " + r.source->name() + " in view…",
                         [this, source = r.source, key = r.key, ask, resolution]() -> BackgroundJobs::Finish {
                             auto loaded = std::make_shared<LoadedSource>();
                             std::string error;
                             try {
                                 *loaded = source->read(ask, view_tolerance(resolution));
                             } catch (const std::exception& e) {
                                 error = e.what();
                             }
                             return [this, key, ask, resolution, loaded, error]() mutable {
                                 finish_view_read(key, ask, resolution, *loaded, error);
                                 // The read's meshes, now on the GPU, were made on the worker: glibc keeps
                                 // what they freed in that thread's arena unless asked to give it back.
                                 loaded.reset();
                                 malloc_trim(0);
                             };
                         });
    }
}

void MapWindow::finish_view_read(const std::string& key, const Box& asked, double resolution, const LoadedSource& loaded,
                                 const std::string& error) {
    const auto it = std::find_if(m_view_reads.begin(), m_view_reads.end(), [&](const ViewRead& read) { return read.key == key; });
    if (it == m_view_reads.end()) return;
    it->pending = false;
    it->asked = asked;  // a failed read is not tried again until the view moves on
    it->resolution = resolution;
    auto say = [&](const std::string& line, bool is_error) {
        if (is_error) m_messages.error(line);
        else m_messages.note(line);
        if (m_scripted) std::cerr << "storyplot: " << line << std::endl;
    };
    if (!error.empty()) {
        say(error, true);  // what was drawn stays
        return;
    }
    m_scene.replace_source(key, loaded.layers, loaded.places, loaded.named_lines, loaded.credit);
    if (!loaded.places.empty() || !loaded.named_lines.empty()) m_ui.request_fonts(m_scene.glyphs());
    // Said once each, not on every pan: that it draws a sample, what it cannot draw.
    const bool sampled = loaded.sample_every > 1;
    if (sampled && !it->sampled) say(loaded.notes.front(), false);
    it->sampled = sampled;
    for (std::size_t i = sampled ? 1 : 0; i < loaded.notes.size(); ++i)
        if (it->said.insert(loaded.notes[i]).second) say(loaded.notes[i], true);
    if (m_scripted)
        std::cerr << "storyplot: read by view: " << it->source->name() << ": " << loaded.features << " features" << (sampled ? " (a sample)" : "")
                  << ", " << now() << " s after start" << std::endl;
}

void MapWindow::load_context_labels() {
    m_jobs.post("loading place names…", [this]() -> BackgroundJobs::Finish {
        try {
            auto context = std::make_shared<const ContextLabels>(storyplot::load_context_labels());
            return [this, context] {
                m_scene.set_context(context);
                m_ui.request_fonts(m_scene.glyphs());
            };
        } catch (const std::exception& e) {
            return [this, msg = std::string(e.what())] { m_messages.error(msg); };
        }
    });
}

// Derived views of the story (route meshes, the title) follow its revision.
void MapWindow::sync_story() {
    const Story* s = story();
    if (!s || editor()->revision() == m_synced_revision) return;
    m_synced_revision = editor()->revision();
    m_scene.set_story(s);
    m_session.set_derived(m_scene.clock(), m_scene.motion());
    m_ui.request_fonts(m_scene.glyphs());  // a name or chapter typed in a script the fonts lack
    // "• Title — file.story.json — storyplot": unsaved edits first, as desktop apps mark them.
    const std::string file = std::filesystem::path(m_story_path).filename().string();
    const std::string title = (editor()->modified() ? "• " : "") + (s->title.empty() ? file : s->title + " — " + file) + " — storyplot";
    SDL_SetWindowTitle(m_window, title.c_str());
}

void MapWindow::save() {
    if (!editor()) return;
    try {
        write_story_file(editor()->story(), m_story_path);  // a failure leaves the file and the edits as they were
        editor()->mark_saved();
        remember(m_story_path);
        if (m_journal) m_journal->discard();
        m_synced_revision = -1;  // refresh the title
        m_messages.note("saved " + m_story_path);
    } catch (const InputError& e) {
        m_messages.error(e.what());  // the file as it was, the edits still here
        if (m_scripted) std::cerr << "storyplot: " << e.what() << std::endl;
    }
}

void MapWindow::save_as(std::string path) {
    if (!editor()) return;
    if (!path.ends_with(".json") && !path.ends_with(".geojson")) path += ".story.json";
    try {
        write_story_file(editor()->story(), path);
    } catch (const InputError& e) {
        m_messages.error(e.what());  // the story stays with its file
        return;
    }
    if (m_journal) m_journal->discard();  // the old file's autosave: its edits are in the new file
    m_story_path = std::filesystem::absolute(path).string();
    m_journal.emplace(m_story_path);
    m_pictures.set_folder(std::filesystem::path(m_story_path).parent_path().string());
    editor()->mark_saved();
    remember(m_story_path);
    m_synced_revision = -1;  // the title names the new file
    m_messages.note("saved as " + m_story_path);
}

float MapWindow::display_ui_scale() const {
    float ddpi = 0, hdpi = 0, vdpi = 0;
    const int display = SDL_GetWindowDisplayIndex(m_window);
    if (display < 0 || SDL_GetDisplayDPI(display, &ddpi, &hdpi, &vdpi) != 0) return 1.0f;
    return ui_scale_for_dpi(hdpi);
}

void MapWindow::browse(int purpose) {
    m_browse_for = purpose;
    if (purpose == browse_save_as) m_browser.open("Save the story as", FileKind::story, true, m_story_path);
    else if (purpose == browse_layer) m_browser.open("Add a map layer", FileKind::layer, false, std::filesystem::path(m_story_path).parent_path().string());
    else m_browser.open("Open a story or a map layer", FileKind::story_or_layer, false, std::filesystem::path(m_story_path).parent_path().string());
}

void MapWindow::update_map_area() {
    const Camera& camera = m_session.camera();
    const double right = m_review && m_review_shown ? static_cast<double>(review_panel_width()) : 0.0;
    const double bottom = static_cast<double>(m_status_height + m_timeline_height);
    const double top = m_menu_height;
    const double w = camera.width(), h = camera.height();
    m_session.set_map_area(Box::of(story_panel_width(), top, std::max(static_cast<double>(story_panel_width()) + 100, w - right),
                                   std::max(top + 100.0, h - bottom)));
}

void MapWindow::remember(const std::string& path) {
    m_recent.add(path);
    try {
        m_recent.write(recent_files_path());
    } catch (const InputError& e) {
        m_messages.error(e.what());  // the list stays in memory for this run
    }
}

void MapWindow::open_search() {
    m_search.open = true;
    m_search.focus = true;
    load_gazetteer();
}

void MapWindow::toggle_ruler() {
    m_measuring = !m_measuring;
    if (!m_measuring) m_session.ruler_clear();
    else m_messages.note("ruler: click points on the map; Backspace removes the last, Esc ends");
}

void MapWindow::load_picture(const std::string& path) {
    m_jobs.post("loading " + path + "…", [this, path]() -> BackgroundJobs::Finish {
        try {
            auto image = std::make_shared<Image>(read_picture(path));
            return [this, path, image] { m_pictures.loaded(path, std::move(*image)); };
        } catch (const InputError& e) {
            return [this, path, line = std::string(e.what()), problem = e.problem()] {
                m_pictures.failed(path, problem);  // the placeholder says what; the message line names the file too
                m_messages.error(line);
            };
        } catch (const std::exception& e) {
            return [this, path, problem = std::string(e.what())] {
                m_pictures.failed(path, problem);
                m_messages.error(path + ": " + problem);
            };
        }
    });
}

void MapWindow::add_chapter_here(int after, const std::string& title) {
    if (!editor()) return;
    Chapter c = m_session.framed_from_view(Chapter{});
    c.title = title;
    if (const auto t = m_session.time()) {
        const int zone = story()->timezone_minutes();
        StoryTime at{static_cast<std::int64_t>(std::llround(*t)), zone};
        c.time = parse_story_moment(format_story_time(at).replace(10, 1, "T"), zone);
    }
    const int index = editor()->add_chapter(after + 1, c);
    m_session.set_chapter(index);
    m_panel.editing_chapter = index;
}

void MapWindow::frame_chapter(int index) {
    if (!editor() || index < 0 || index >= static_cast<int>(story()->chapters.size())) return;
    const Chapter framed = m_session.framed_from_view(story()->chapters[static_cast<std::size_t>(index)]);
    if (const auto refused = editor()->edit_chapter(index, framed)) m_messages.error(*refused);
    editor()->finish_move();
    m_panel.editing_chapter = -1;  // the draft takes the new view
    m_messages.note("chapter " + std::to_string(index + 1) + " now opens on this view");
}

void MapWindow::start_route() {
    if (!editor()) return;
    m_new_route.emplace();
    m_measuring = false;
    m_session.ruler_clear();
    m_messages.note("new route: click its stops on the map in order; Enter ends, Esc cancels");
}

void MapWindow::finish_route() {
    if (!m_new_route) return;
    std::vector<std::string> stops = std::move(*m_new_route);
    m_new_route.reset();
    if (stops.size() < 2) {
        m_messages.error("a route needs two stops or more: nothing added");
        return;
    }
    const std::string id = editor()->add_route("New route", TravelMode::train, std::move(stops));
    m_panel.tables_open = id;
    m_messages.note("added a route of " + std::to_string(story()->route(id)->stops.size()) + " stops: set its mode and times in the panel");
}

void MapWindow::start_presenting(bool auto_advance) {
    if (!story() || story()->chapters.empty()) {
        m_messages.error("present: the story has no chapters");
        return;
    }
    m_measuring = false;
    m_new_route.reset();
    SDL_SetWindowFullscreen(m_window, SDL_WINDOW_FULLSCREEN_DESKTOP);
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(m_window, &w, &h);
    m_session.resize(w, h);
    m_session.set_map_area(Box{});  // the whole window: no panels
    m_session.present(auto_advance);
    if (m_scripted) std::cerr << "storyplot: presenting " << story()->chapters.size() << " chapters" << std::endl;
}

void MapWindow::stop_presenting() {
    if (!m_session.presenting()) return;
    m_session.stop_presenting();
    SDL_SetWindowFullscreen(m_window, 0);
    update_map_area();
}

void MapWindow::on_presenting_key(const SDL_KeyboardEvent& e) {
    switch (e.keysym.sym) {
    case SDLK_RIGHT:
    case SDLK_SPACE:
    case SDLK_PAGEDOWN:
    case SDLK_DOWN: m_session.next_chapter(); break;
    case SDLK_LEFT:
    case SDLK_PAGEUP:
    case SDLK_UP: m_session.previous_chapter(); break;
    case SDLK_a: m_session.toggle_auto_advance(); break;
    case SDLK_ESCAPE:
    case SDLK_F5: stop_presenting(); break;
    default: break;
    }
}

// A presented frame: the map over the whole window, the chapter's card in large type, the title
// and clock at the top, and one quiet line of keys.
void MapWindow::frame_presenting() {
    const TourFrame presented = m_session.presented();
    const Camera camera = m_session.shown();
    m_ui.begin_frame(camera.width(), camera.height());
    const std::string hint = std::string(m_session.auto_advance() ? "playing by itself (A: a key for each)" : "a key for each chapter (A: by itself)") +
                             "  ·  → next  ·  ← back  ·  Esc ends";
    const ImVec2 size = ImGui::CalcTextSize(hint.c_str());
    FrameView view;
    view.camera = camera;
    view.time = m_session.time();
    view.insets.top = size.y + 16;  // the line of keys above the map's own decorations
    view.scale = m_ui.scale();
    view.decorations = DecorationSet::on_screen();
    view.decorations.title = true;
    view.decorations.legend = true;
    if (story() && presented.card > 0) view.card = chapter_card(*story(), presented.chapter, static_cast<float>(presented.card));
    load_close_shores_around(camera);
    FrameResult shown = m_scene.draw(view, m_target);
    m_shown = std::move(shown.overlay);
    ImDrawList* list = ImGui::GetForegroundDrawList();
    const ImVec2 at(static_cast<float>(camera.width()) - size.x - 18, 6);
    list->AddRectFilled(ImVec2(at.x - 8, at.y - 4), ImVec2(at.x + size.x + 8, at.y + size.y + 4), IM_COL32(255, 255, 255, 200), 4);
    list->AddText(at, IM_COL32(80, 80, 90, 255), hint.c_str());
    draw_popups();
    m_messages.draw(now());
    m_target.present(m_ui);
    SDL_GL_SwapWindow(m_window);
}

void MapWindow::request_quit() {
    if (editor() && editor()->modified())
        ask("Quit without saving the changes to the story?", [this] { m_running = false; });
    else
        m_running = false;
}

void MapWindow::apply(const MenuActions& a) {
    if (a.open) browse(browse_open);
    if (a.save_as) browse(browse_save_as);
    if (a.add_layer) browse(browse_layer);
    if (a.open_recent) {
        std::error_code ec;
        if (std::filesystem::exists(*a.open_recent, ec)) {
            open_dropped(*a.open_recent);
        } else {
            m_messages.error(*a.open_recent + ": no such file any more (removed from the recent files)");
            m_recent.remove(*a.open_recent);
        }
    }
    if (a.save) save();
    if (a.export_image) m_export_dialog.open();
    if (a.new_from_article) m_article_dialog = true;
    if (a.quit) request_quit();
    if (a.undo && editor()) editor()->undo();
    if (a.redo && editor()) editor()->redo();
    if (a.find) open_search();
    if (a.overview) m_session.overview();
    if (a.next_chapter) m_session.next_chapter();
    if (a.previous_chapter) m_session.previous_chapter();
    if (a.play) m_session.toggle_play();
    if (a.follow) m_session.toggle_follow();
    if (a.trail) m_session.toggle_trail();
    if (a.local_names || a.context_labels) {
        ViewState& view = m_scene.state();
        if (a.local_names) view.local_names = !view.local_names;
        if (a.context_labels) view.context_labels = !view.context_labels;
        if (m_scene.context()) m_ui.request_fonts(m_scene.glyphs());
    }
    if (a.article) m_review_shown = !m_review_shown;
    if (a.projection) m_session.set_projection(*a.projection);
    if (a.projection_automatic) m_session.set_projection_automatic();
    if (a.ruler) toggle_ruler();
    if (a.help) m_help = !m_help;
    if (a.present) start_presenting(true);
    if (a.present_by_key) start_presenting(false);
    if (a.new_chapter) add_chapter_here(m_session.chapter());
    if (a.draw_route) start_route();
    if (a.ui_scale) {
        if (*a.ui_scale > 0) m_settings.ui_scale = *a.ui_scale;
        else m_settings.ui_scale.reset();
        m_ui.set_scale(m_settings.ui_scale.value_or(display_ui_scale()));
        try {
            m_settings.write(config_file_path("settings"));
        } catch (const InputError& e) {
            m_messages.error(e.what());  // the size holds for this run
        }
    }
}

double MapWindow::pixel_ratio() const {
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(m_window, &ww, &wh);
    SDL_GL_GetDrawableSize(m_window, &dw, &dh);
    return ww > 0 ? static_cast<double>(dw) / ww : 1.0;
}

void MapWindow::ask(std::string question, std::function<void()> yes, std::function<void()> no) {
    m_question = std::move(question);
    m_on_yes = std::move(yes);
    m_on_no = std::move(no);
}

void MapWindow::on_left_down(const SDL_MouseButtonEvent& e) {
    const Vec2 px = to_pixels(e.x, e.y);
    m_session.stop();
    if (e.clicks == 2) {
        m_session.zoom_around(px, 2.0);
        return;
    }
    m_press = px;
    m_pressed_place = m_shown.place_at(px).value_or("");
    m_dragging_map = m_pressed_place.empty();
    m_dragging_place = false;
}

void MapWindow::on_left_up(const SDL_MouseButtonEvent& e) {
    const bool click = m_press && length(to_pixels(e.x, e.y) - *m_press) <= drag_threshold_px;
    if (m_new_route && click && !m_dragging_place) {
        if (!m_pressed_place.empty() && story()->place(m_pressed_place)) {
            m_new_route->push_back(m_pressed_place);
            m_messages.note("stop " + std::to_string(m_new_route->size()) + ": " + story()->place(m_pressed_place)->name +
                            (m_new_route->size() >= 2 ? " (Enter ends the route)" : ""));
        } else {
            m_messages.note("click a place's marker to make it a stop (right-click the map adds a place)");
        }
    } else if (m_measuring && click && !m_dragging_place) {
        m_session.ruler_add(lonlat_at(*m_press));  // on a marker too: measuring between places
    } else if (!m_pressed_place.empty() && editor()) {
        if (m_dragging_place) {
            editor()->finish_move();
        } else if (story()->place(m_pressed_place)) {
            // A click on a marker: select the place and fly close to it.
            m_scene.state().selected = m_pressed_place;
            m_session.fly_to_place(m_pressed_place, 11);
        }
    }
    m_press.reset();
    m_pressed_place.clear();
    m_dragging_map = m_dragging_place = false;
}

void MapWindow::on_key(const SDL_KeyboardEvent& e) {
    if (m_session.presenting()) return on_presenting_key(e);
    const bool ctrl = (e.keysym.mod & KMOD_CTRL) != 0;
    const bool shift = (e.keysym.mod & KMOD_SHIFT) != 0;
    if (m_new_route && (e.keysym.sym == SDLK_RETURN || e.keysym.sym == SDLK_KP_ENTER)) return finish_route();
    if (m_new_route && e.keysym.sym == SDLK_ESCAPE) {
        m_new_route.reset();
        m_messages.note("new route cancelled");
        return;
    }
    if (ctrl) {
        switch (e.keysym.sym) {
        case SDLK_z:
            if (editor()) shift ? editor()->redo() : editor()->undo();
            break;
        case SDLK_y:
            if (editor()) editor()->redo();
            break;
        case SDLK_s:
            if (shift) browse(browse_save_as);
            else save();
            break;
        case SDLK_o: browse(browse_open); break;
        case SDLK_e: m_export_dialog.open(); break;
        case SDLK_q: request_quit(); break;
        case SDLK_f: open_search(); break;
        default: break;
        }
        return;
    }
    switch (e.keysym.sym) {
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS: m_session.zoom_in(); break;
    case SDLK_MINUS:
    case SDLK_KP_MINUS: m_session.zoom_out(); break;
    case SDLK_LEFT: m_session.pan_pixels(key_pan_px, 0); break;
    case SDLK_RIGHT: m_session.pan_pixels(-key_pan_px, 0); break;
    case SDLK_UP: m_session.pan_pixels(0, key_pan_px); break;
    case SDLK_DOWN: m_session.pan_pixels(0, -key_pan_px); break;
    case SDLK_SPACE: m_session.toggle_play(); break;
    case SDLK_LEFTBRACKET:
    case SDLK_RIGHTBRACKET: m_session.step_to_event(e.keysym.sym == SDLK_RIGHTBRACKET); break;
    case SDLK_f: m_session.toggle_follow(); break;
    case SDLK_t: m_session.toggle_trail(); break;
    case SDLK_PAGEDOWN: m_session.next_chapter(); break;
    case SDLK_PAGEUP: m_session.previous_chapter(); break;
    case SDLK_HOME: m_session.overview(); break;
    case SDLK_ESCAPE:
        m_session.stop();
        m_scene.state().selected.clear();
        if (m_measuring) {
            m_measuring = false;
            m_session.ruler_clear();
        }
        break;
    case SDLK_m: toggle_ruler(); break;
    case SDLK_r: start_route(); break;
    case SDLK_F5: start_presenting(!shift); break;
    case SDLK_BACKSPACE:
        if (m_measuring) m_session.ruler_undo();
        break;
    case SDLK_F1: m_help = !m_help; break;
    case SDLK_SLASH:
        if (e.keysym.mod & KMOD_SHIFT) m_help = !m_help;  // ?
        break;
    default: break;
    }
}

void MapWindow::handle(const SDL_Event& event) {
    m_ui.process_event(event);
    switch (event.type) {
    case SDL_QUIT: request_quit(); break;
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int w = 0, h = 0;
            SDL_GL_GetDrawableSize(m_window, &w, &h);
            m_session.resize(w, h);
            if (m_session.presenting()) m_session.set_map_area(Box{});
            else update_map_area();
        } else if (event.window.event == SDL_WINDOWEVENT_LEAVE) {
            m_cursor.reset();
        }
        break;
    case SDL_DROPFILE: {
        std::unique_ptr<char, decltype(&SDL_free)> file(event.drop.file, &SDL_free);
        open_dropped(file.get());
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (m_ui.wants_mouse()) break;
        if (event.button.button == SDL_BUTTON_LEFT) on_left_down(event.button);
        if (event.button.button == SDL_BUTTON_RIGHT) m_press = to_pixels(event.button.x, event.button.y);
        break;
    case SDL_MOUSEBUTTONUP:
        if (event.button.button == SDL_BUTTON_LEFT) on_left_up(event.button);
        if (event.button.button == SDL_BUTTON_RIGHT && m_press && !m_ui.wants_mouse()) {
            m_context_menu_at = lonlat_at(*m_press);
            m_press.reset();
        }
        break;
    case SDL_MOUSEMOTION: {
        const Vec2 px = to_pixels(event.motion.x, event.motion.y);
        m_cursor = px;
        if (m_press && !m_pressed_place.empty() && editor()) {
            if (!m_dragging_place && length(px - *m_press) > drag_threshold_px) m_dragging_place = true;
            if (m_dragging_place) editor()->move_place(m_pressed_place, lonlat_at(px));
        } else if (m_dragging_map) {
            m_session.pan_pixels(event.motion.xrel * pixel_ratio(), event.motion.yrel * pixel_ratio());
        }
        break;
    }
    case SDL_MOUSEWHEEL: {
        if (m_ui.wants_mouse()) break;
        int x = 0, y = 0;
        SDL_GetMouseState(&x, &y);
        m_session.zoom_smoothly(to_pixels(x, y), std::pow(wheel_step, static_cast<double>(event.wheel.preciseY)));
        break;
    }
    case SDL_MULTIGESTURE: {
        // Two fingers pinching on a touch screen or trackpad: zoom about their centre, eased as
        // the wheel is. dDist is the change of their spread, as a fraction of the screen.
        if (m_ui.wants_mouse() || event.mgesture.numFingers < 2 || std::abs(event.mgesture.dDist) < 1e-4f) break;
        int w = 0, h = 0;
        SDL_GetWindowSize(m_window, &w, &h);
        const Vec2 at = to_pixels(static_cast<double>(event.mgesture.x) * w, static_cast<double>(event.mgesture.y) * h);
        m_session.zoom_smoothly(at, std::exp(static_cast<double>(event.mgesture.dDist) * 6.0));
        break;
    }
    case SDL_KEYDOWN:
        if (!m_ui.wants_keyboard()) on_key(event.key);
        break;
    default: break;
    }
}

void MapWindow::apply(const PanelActions& actions) {
    if (actions.chapter) m_session.go_to_chapter(*actions.chapter);
    if (actions.overview) m_session.overview();
    if (actions.fly_to_place) m_session.fly_to_place(*actions.fly_to_place, 10);
    if (actions.fly_to_route && story()) m_session.fly_to_box(focus_box(*story(), {*actions.fly_to_route}, m_scene.motion()), 0.08);
    if (actions.fly_to_box) m_session.fly_to_box(*actions.fly_to_box);
    if (actions.rename && editor()) editor()->rename_place(actions.rename->first, actions.rename->second);
    if (actions.remove && editor()) {
        if (const auto refused = editor()->delete_place(*actions.remove)) m_messages.error("cannot delete: " + *refused);
    }
    if (actions.undo && editor()) editor()->undo();
    if (actions.redo && editor()) editor()->redo();
    if (actions.save) save();
    if (actions.open) browse(browse_open);
    if (actions.export_image) m_export_dialog.open();
    if (actions.new_from_article) m_article_dialog = true;
    if (StoryEditor* e = editor()) {
        if (actions.edit_chapter)
            if (const auto refused = e->edit_chapter(actions.edit_chapter->first, actions.edit_chapter->second)) m_messages.error(*refused);
        if (actions.add_chapter) add_chapter_here(*actions.add_chapter);
        if (actions.move_chapter) {
            e->move_chapter(actions.move_chapter->first, actions.move_chapter->second);
            m_session.set_chapter(actions.move_chapter->second);
        }
        if (actions.remove_chapter) {
            e->remove_chapter(*actions.remove_chapter);
            m_session.set_chapter(std::min(*actions.remove_chapter, static_cast<int>(story()->chapters.size()) - 1));
            m_panel.editing_chapter = -1;
        }
        if (actions.frame_chapter) frame_chapter(*actions.frame_chapter);
        if (actions.stop_time)
            if (const auto refused = e->set_stop_time(actions.stop_time->route, actions.stop_time->stop, actions.stop_time->time))
                m_panel.stop_error[actions.stop_time->field] = *refused;  // kept as typed, with the reason
        if (actions.route_mode) e->set_route_mode(actions.route_mode->first, actions.route_mode->second);
        if (actions.remove_stop)
            if (const auto refused = e->remove_stop(actions.remove_stop->first, actions.remove_stop->second)) m_messages.error(*refused);
        if (actions.insert_stop)
            if (const auto refused = e->insert_stop(actions.insert_stop->route, actions.insert_stop->at, actions.insert_stop->place))
                m_messages.error(*refused);
        if (actions.draw_route) start_route();
        if (actions.snap_route) snap_route(actions.snap_route->first, actions.snap_route->second);
    }
}

void MapWindow::draw_popups() {
    if (m_context_menu_at) {
        ImGui::OpenPopup("map-menu");
        m_add_at = *m_context_menu_at;
        m_context_menu_at.reset();
    }
    if (ImGui::BeginPopup("map-menu")) {
        ImGui::TextDisabled("%s", format_lonlat(m_add_at).c_str());
        if (ImGui::MenuItem("Add a place here", nullptr, false, editor() != nullptr)) {
            const std::string id = editor()->add_place("New place", m_add_at);
            m_scene.state().selected = id;
            m_panel.renaming = id;
            m_panel.rename_text = "New place";
        }
        if (ImGui::MenuItem("Centre the map here")) m_session.centre_on(m_add_at);
        ImGui::EndPopup();
    }
    if (m_script_open) {
        open_chosen(*m_script_open);
        m_script_open.reset();
    }
    if (const auto chosen = m_browser.draw(recent_folders(m_recent.paths()))) {
        std::error_code ec;
        if (m_browse_for == browse_save_as && std::filesystem::exists(*chosen, ec) &&
            !std::filesystem::equivalent(*chosen, m_story_path, ec))
            ask("Replace " + *chosen + "? It holds something else; saving puts this story in its place.",
                [this, path = *chosen] { save_as(path); });
        else if (m_browse_for == browse_save_as) save_as(*chosen);
        else if (m_browse_for == browse_layer) load_overlay(*chosen, true);
        else open_chosen(*chosen);
    }
    if (m_article_dialog) {
        ImGui::OpenPopup("New story from article");
        m_article_dialog = false;
    }
    if (ImGui::BeginPopupModal("New story from article", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("An article as a text file (UTF-8):");
        ImGui::SetNextItemWidth(480);
        ImGui::InputText("##article-path", &m_article_path);
        ImGui::TextUnformatted("or paste its text here:");
        ImGui::InputTextMultiline("##article-text", &m_article_text, ImVec2(480, 220));
        if (ImGui::Button("Find its places") && (!m_article_path.empty() || !m_article_text.empty())) {
            read_article(m_article_path, m_article_text);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (!m_question.empty()) ImGui::OpenPopup("Please confirm");
    if (ImGui::BeginPopupModal("Please confirm", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (m_question.empty()) ImGui::CloseCurrentPopup();  // answered elsewhere (a script)
        ImGui::TextUnformatted(m_question.c_str());
        if (ImGui::Button("Yes")) {
            auto yes = std::move(m_on_yes);
            m_on_no = nullptr;
            m_question.clear();
            ImGui::CloseCurrentPopup();
            if (yes) yes();
        }
        ImGui::SameLine();
        if (ImGui::Button("No") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            auto no = std::move(m_on_no);
            m_question.clear();
            m_on_yes = nullptr;
            ImGui::CloseCurrentPopup();
            if (no) no();
        }
        ImGui::EndPopup();
    }
}

void MapWindow::frame() {
    const auto start = Clock::now();
    m_jobs.apply();
    m_view_jobs.apply();
    if (m_pan.frames > 0) m_session.pan_pixels(m_pan.step.x, m_pan.step.y);
    read_views();
    run_script_line();
    sync_story();
    journal_edits();
    if (m_export) step_export();
    m_session.tick(now());  // the clock, following, flights, the tour
    if (m_session.presenting()) {
        frame_presenting();
        m_frame_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        count_pan_frame();
        return;
    }
    const Camera camera = m_session.shown();  // in the projection chosen
    const StoryClock* clock = m_scene.clock();
    ViewState& view_state = m_scene.state();
    if (!m_press && m_cursor && !m_ui.wants_mouse()) view_state.hovered = m_shown.place_at(*m_cursor).value_or("");

    m_ui.begin_frame(camera.width(), camera.height());
    MenuContext menu_context;
    menu_context.recent = &m_recent.paths();
    menu_context.has_story = story() != nullptr;
    if (const StoryEditor* e = editor()) {
        menu_context.can_undo = e->can_undo();
        menu_context.can_redo = e->can_redo();
        menu_context.modified = e->modified();
    }
    menu_context.has_article = m_review.has_value();
    menu_context.article_shown = m_review && m_review_shown;
    menu_context.timed = clock && !clock->empty();
    menu_context.playing = m_session.timeline().playing;
    menu_context.follow = m_session.timeline().follow;
    menu_context.trail = m_session.timeline().trail;
    menu_context.local_names = view_state.local_names;
    menu_context.context_labels = view_state.context_labels;
    menu_context.measuring = m_measuring;
    menu_context.projection = m_session.projection_kind();
    menu_context.projection_automatic = m_session.projection_automatic();
    menu_context.has_chapters = story() && !story()->chapters.empty();
    menu_context.ui_scale = m_ui.scale();
    menu_context.ui_scale_auto = !m_settings.ui_scale;
    const MenuActions menu = draw_menu_bar(menu_context, m_menu_height);
    StatusInfo status;
    status.cursor_px = m_cursor;
    if (m_scene.level_for(camera)) status.level = m_shown_level;
    status.frame_ms = m_frame_ms;
    status.label_ms = m_label_ms;
    status.loading = m_jobs.busy();
    if (const std::string views = m_view_jobs.busy(); !views.empty()) status.loading += (status.loading.empty() ? "" : ", ") + views;
    m_status_height = draw_status_bar(camera, status);
    m_timeline_height =
        story() && clock ? draw_timeline(m_session.timeline(), *clock, *story(), story_panel_width(), m_status_height) : 0.0f;

    PanelContext panel_context;
    panel_context.chapter = m_session.chapter();
    panel_context.route_summaries = &m_scene.route_summaries();
    if (const StoryEditor* e = editor()) {
        panel_context.modified = e->modified();
        panel_context.can_undo = e->can_undo();
        panel_context.can_redo = e->can_redo();
    }
    panel_context.path = m_story_path;
    panel_context.pictures = &m_pictures;
    panel_context.layer_paths = &m_layer_paths;
    const PanelActions actions =
        draw_story_panel(story(), m_panel, view_state, panel_context, m_scene.routes(), m_scene.overlays(), m_menu_height, m_status_height);

    // The map under the panels: its labels, scale bar and credits keep to the map area.
    update_map_area();
    const Box area = m_session.map_area();
    FrameView view;
    view.camera = camera;
    view.time = m_session.time();
    view.trail = m_session.timeline().trail;
    view.highlights = true;
    view.live = true;
    view.scale = m_ui.scale();  // markers, lines and text at the interface's size
    view.ruler = m_session.ruler();
    view.insets = {area.min_x, camera.width() - area.max_x, camera.height() - area.max_y, area.min_y};
    load_close_shores_around(camera);
    FrameResult shown = m_scene.draw(view, m_target);
    m_shown_level = shown.map.level;
    if (shown.map.globe_picture_lags) m_settle_until = std::max(m_settle_until, now() + 0.25);  // frames until it is drawn again
    if (shown.map.coarse) m_settle_until = std::max(m_settle_until, now() + 0.1);  // frames until the exact base is drawn over it
    m_label_ms = shown.overlay.placement_ms;
    m_shown = std::move(shown.overlay);

    if (m_review && m_review_shown && story()) {
        const ReviewActions review = draw_article_review(*m_review, *story(), m_menu_height, m_status_height);
        if (review.hovered) view_state.hovered = *review.hovered;
        if (review.fly_to && story()->place(*review.fly_to)) {
            view_state.selected = *review.fly_to;
            m_session.fly_to_place(*review.fly_to, 9);
        }
        if (review.reject) editor()->reject_place(*review.reject);
        if (review.replace) editor()->replace_place(review.replace->id, review.replace->name, review.replace->position, review.replace->geonames_id);
        if (review.close) m_review_shown = false;  // View > Article panel brings it back
    }
    if (!view_state.hovered.empty() && story() && !m_press)
        if (const Place* p = story()->place(view_state.hovered)) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(drawn(p->name).c_str());
            std::string line = p->category;
            if (p->time) line += (line.empty() ? "" : " · ") + format_story_time(p->time->time, true);
            if (!line.empty()) ImGui::TextDisabled("%s", line.c_str());
            if (!p->fact.empty()) {
                ImGui::PushTextWrapPos(340.0f);
                ImGui::TextUnformatted(p->fact.c_str());
                ImGui::PopTextWrapPos();
            }
            if (p->image) m_pictures.draw(*p->image, 240.0f);
            ImGui::EndTooltip();
        }
    draw_popups();
    draw_shortcuts(m_help);
    if (m_offer_recent) {
        if (const auto chosen = draw_recent_offer(m_recent.paths(), m_offer_recent)) open_dropped(*chosen);
    }
    std::function<std::vector<const GazetteerEntry*>(const std::string&)> search;
    if (m_geoparser)
        search = [index = m_geoparser->gazetteer.get()](const std::string& query) {
            return rank_search_results(query, index->find_prefix(fold_name(query)));
        };
    if (const auto found = draw_place_search(m_search, search, editor() != nullptr)) {
        const GazetteerEntry& e = *found->entry;
        if (found->add) {
            const std::string category = e.feature_code == "PPLC" ? "capital" : e.population >= 100000 ? "city" : "town";
            m_scene.state().selected = editor()->add_place(e.name, e.position, category, &e);
            m_messages.note("added " + e.name + " to the story");
        } else {
            m_search.open = false;
        }
        m_session.fly_to_point(e.position, 11);
    }
    if (const auto request = m_export_dialog.draw(camera.width(), camera.height(), m_scene.motion() && m_scene.motion()->any_timed()))
        start_export(*request);
    if (m_export) {
        const ExportJob& job = *m_export;
        const int total = job.frames->tiles_total();
        const float per_frame = total > 0 ? static_cast<float>(job.frames->tiles_done()) / static_cast<float>(total) : 0.0f;
        const float fraction = (static_cast<float>(job.frame) + per_frame) / static_cast<float>(job.frame_count);
        const std::string what = job.request.animation ? "Exporting " + job.request.path + ": frame " + std::to_string(job.frame + 1) + " of " +
                                                             std::to_string(job.frame_count)
                                                       : "Exporting " + job.request.path + ": tile " + std::to_string(job.frames->tiles_done()) +
                                                             " of " + std::to_string(job.frames->tiles_total());
        if (ExportDialog::draw_progress(what, fraction)) {
            if (m_export->sink) m_export->sink->abandon();
            m_messages.note("export cancelled: nothing written");
            m_export.reset();
        }
    }
    m_messages.draw(now());
    m_target.present(m_ui);
    SDL_GL_SwapWindow(m_window);
    if (m_scripted && !m_shown_first_frame) std::cerr << "storyplot: first frame on screen" << std::endl;
    m_shown_first_frame = true;
    apply(actions);
    apply(menu);
    if (actions.labels_changed && m_scene.context()) m_ui.request_fonts(m_scene.glyphs());
    m_frame_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    count_pan_frame();
}

// A script's `pan-frames`: each frame's time, and the figures once the last is drawn (presenting
// too, where the tour holds the camera and the frames are the tour's).
void MapWindow::count_pan_frame() {
    if (m_pan.frames <= 0) return;
    m_pan.frame_ms.push_back(m_frame_ms);
    if (!m_view_jobs.busy().empty()) ++m_pan.while_reading;
    if (--m_pan.frames == 0) {
        std::vector<double> ms = m_pan.frame_ms;
        std::sort(ms.begin(), ms.end());
        std::cerr << "storyplot: panned " << ms.size() << " frames in " << now() - m_pan.started << " s (" << m_pan.while_reading
                  << " while reading): median " << ms[ms.size() / 2] << " ms, slowest " << ms.back() << " ms" << std::endl;
    }
}

// A frame is drawn only when something changed: an event, a moving camera or clock, an export, a
// load, a script line; then for a moment after each input, for what ImGui times by itself (a
// tooltip's delay, a window's fade) and fonts made for the next frame; then when a note is due to go
// and, while a text field has the keyboard, at the caret's blink. Otherwise the loop sleeps in
// SDL_WaitEvent: an idle window costs nothing.
int MapWindow::idle_wait_ms() const {
    constexpr double caret_blink_s = 0.53;
    if (m_session.animating() || m_export || !m_script.empty() || m_pan.frames > 0) return 0;
    const double t = now();
    double wait = m_settle_until > t ? 0.0 : std::numeric_limits<double>::infinity();
    if (!m_jobs.busy().empty() || !m_view_jobs.busy().empty()) wait = std::min(wait, 0.1);  // the worker wakes us when done; this keeps the status current
    wait = std::min(wait, m_messages.seconds_to_change(t));
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) wait = std::min(wait, caret_blink_s);
    if (m_dragging_place) wait = std::min(wait, 2.0);  // the journal's next write of a held drag
    return std::isinf(wait) ? -1 : static_cast<int>(std::ceil(wait * 1000.0));
}

int MapWindow::run(int exit_after_frames) {
    constexpr double settle_s = 0.75;
    int frames = 0;
    m_settle_until = now() + settle_s;
    while (m_running) {
        SDL_Event event;
        const int wait = exit_after_frames > 0 ? 0 : idle_wait_ms();
        if (wait < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, wait)) {
            handle(event);
            while (SDL_PollEvent(&event)) handle(event);
            m_settle_until = now() + settle_s;
        }
        frame();
        if (exit_after_frames > 0 && ++frames >= exit_after_frames && !busy()) break;
    }
    return 0;
}


}  // namespace storyplot
