#pragma once
// The map window: what it holds and does (see window_app.hpp for how it is opened). Its work is
// spread over map_window.cpp (loading, camera, input, frames), map_window_export.cpp (exports a
// tile at a time) and map_window_article.cpp (a story from an article).
#include <SDL.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <deque>
#include <set>
#include <string>
#include <vector>

#include "app/background_jobs.hpp"
#include "app/window_app.hpp"
#include "core/network/line_network.hpp"
#include "core/session/map_session.hpp"
#include "core/style/map_style.hpp"
#include "data/view_source.hpp"
#include "core/session/recent_files.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_journal.hpp"
#include "data/geoparser_data.hpp"
#include "export/animation.hpp"
#include "scene/frame_target.hpp"
#include "scene/map_scene.hpp"
#include "ui/article_review.hpp"
#include "ui/export_dialog.hpp"
#include "ui/file_browser.hpp"
#include "ui/menu_bar.hpp"
#include "ui/message_log.hpp"
#include "ui/picture_shelf.hpp"
#include "ui/place_search.hpp"
#include "ui/shortcuts.hpp"
#include "ui/story_panel.hpp"
#include "ui/ui_context.hpp"

namespace storyplot {

using Clock = std::chrono::steady_clock;

class MapWindow {
public:
    MapWindow(const WindowOptions& options, SDL_Window* window, SDL_GLContext gl);
    int run(int exit_after_frames);

private:
    // Loading
    void open_story(const std::string& path, bool frame_it);
    void set_story(Story opened, const std::string& path, bool frame_it);
    void read_article(const std::string& path, const std::string& pasted);
    // A GPX or KML file as a story (core/story/track_story), read in the background.
    void import_trip(const std::string& path);
    // File > Open's choice: a GPX or KML file imported as a story, anything else as a dropped file.
    void open_chosen(const std::string& path);
    void load_gazetteer();  // the geoparser's data, in the background, once
    void open_dropped(const std::string& path);
    // Meshes read on the worker by `load` (none: nothing to hand over), handed to `use` on the UI
    // thread, where GL uploads happen; a failure is one line in the messages.
    void post_basemap_load(DetailLevel level, std::function<std::optional<BasemapMeshes>()> load, std::function<void(const BasemapMeshes&)> use);
    void load_basemap_level(DetailLevel level);
    // GSHHG's shores (close_h) are read for the part of the world around a view close in, not whole
    // (the whole level's meshes are over 300 MB): when such a view leaves the part loaded and the
    // part asked for, the part around it is read in the background. Until it comes, 1:10m draws.
    void load_close_shores_around(const Camera& camera);
    void load_overlay(const std::string& path, bool frame_it);
    void load_context_labels();
    void sync_story();
    void save();
    void save_as(std::string path);  // the story to another file, which it then is
    void browse(int purpose);        // the file browser, for Open, Save As or Add layer

    double now() const { return std::chrono::duration<double>(Clock::now() - m_start).count(); }
    // The part of the window the map shows between the panels, in screen pixels, told to the session.
    void update_map_area();

    // Input and frame
    void handle(const SDL_Event& event);
    void on_left_down(const SDL_MouseButtonEvent& e);
    void on_left_up(const SDL_MouseButtonEvent& e);
    void on_key(const SDL_KeyboardEvent& e);
    void ask(std::string question, std::function<void()> yes, std::function<void()> no = {});
    void offer_unsaved_edits(const std::string& path);
    void journal_edits();
    void run_script_line();
    void frame();
    void draw_popups();
    void apply(const PanelActions& actions);
    void apply(const MenuActions& actions);
    void request_quit();  // asks first when there are unsaved edits
    void remember(const std::string& path);  // in File > Open Recent
    void open_search();                      // "Find a place" (Ctrl+F, Edit menu)
    void toggle_ruler();                     // M, View menu
    void load_picture(const std::string& path);  // in the background, onto the shelf
    // Presenting (F5): the whole window, full screen, the tour playing; Esc ends.
    void start_presenting(bool auto_advance);
    void stop_presenting();
    void on_presenting_key(const SDL_KeyboardEvent& e);
    void frame_presenting();
    void count_pan_frame();
    // Writing the story.
    void add_chapter_here(int after, const std::string& title = "New chapter");  // from the view, at the clock's time
    void frame_chapter(int index);
    void start_route();
    void finish_route();
    // The route onto the lines of a loaded layer (core/network/route_snap.hpp), in the background.
    void snap_route(const std::string& route, const std::string& network_path);
    double pixel_ratio() const;
    Vec2 to_pixels(double x, double y) const { return {x * pixel_ratio(), y * pixel_ratio()}; }
    // The place under a pixel of the map as shown, in its projection (off the globe: the nearest
    // Web Mercator reading, as good as any).
    LonLat lonlat_at(Vec2 px) const {
        return m_session.shown().screen_to_lonlat(px).value_or(mercator::inverse(m_session.camera().screen_to_world(px)));
    }
    const Story* story() const { return m_session.story(); }
    StoryEditor* editor() { return m_session.editor(); }
    // Wakes the event loop from a worker (a job done).
    void wake() const {
        SDL_Event e{};
        e.type = m_wake_event;
        SDL_PushEvent(&e);
    }
    // An export, a load or a scripted pan under way.
    bool working() const { return m_export || !m_jobs.busy().empty() || !m_view_jobs.busy().empty() || m_pan.frames > 0; }
    bool busy() const { return m_session.animating() || working(); }
    // What a script waits for before its next line: what a person waits to see (a flight, a load, an
    // export). Not a presented chapter playing out: a person presses Next when they like.
    bool script_waits() const { return m_session.animating_apart_from_tour() || working(); }
    // How long the loop may sleep before it must draw again, in milliseconds; -1: until an event.
    int idle_wait_ms() const;
    void start_export(const ExportRequest& request);
    void step_export();

    SDL_Window* m_window;
    UiContext m_ui;
    MapScene m_scene;
    WindowTarget m_target;
    OverlayPlan m_shown;  // the overlay of the last frame: what the pointer hits
    DetailLevel m_shown_level = DetailLevel::coarse_110m;
    Box m_close_shores_asked;  // the part of the world last asked of load_close_shores_around
    BackgroundJobs m_jobs;
    // Reads of the sources read by view (a PostGIS table, a file too big to read whole), on a worker
    // of their own so that a slow database never holds up the other loads.
    BackgroundJobs m_view_jobs;
    MessageLog m_messages;
    PanelState m_panel;
    MapSession m_session;  // the story being edited, the camera, the clock: all the window drives
    std::string m_story_path;
    long m_synced_revision = -1;
    float m_timeline_height = 0.0f;

    std::optional<Vec2> m_cursor;
    std::optional<Vec2> m_press;       // where the left button went down
    std::string m_pressed_place;       // a marker under the press
    bool m_dragging_map = false;
    bool m_dragging_place = false;
    std::optional<LonLat> m_context_menu_at;
    LonLat m_add_at;
    FileBrowser m_browser;
    enum Browse { browse_open, browse_save_as, browse_layer };
    int m_browse_for = browse_open;
    bool m_help = false;       // the keys and mouse help
    bool m_offer_recent = false;  // the stories opened lately, offered at start
    bool m_review_shown = true;  // the Article panel (View menu), while there is a review
    float m_menu_height = 22.0f;  // measured each frame; a first guess for the opening view
    PlaceSearchState m_search; // "Find a place"
    RecentFiles m_recent = RecentFiles::read(recent_files_path());
    Settings m_settings;
    float display_ui_scale() const;  // from the display's dots per inch
    bool m_geoparser_loading = false;
    bool m_measuring = false;  // clicks on the map add ruler points
    std::optional<std::vector<std::string>> m_new_route;  // stops clicked for a route being drawn
    PictureShelf m_pictures{[this](const std::string& path) { load_picture(path); }};
    std::string m_question;
    std::function<void()> m_on_yes;
    std::function<void()> m_on_no;
    std::optional<StoryJournal> m_journal;  // the autosave of the story being edited
    double m_journaled_at = 0;
    std::string m_journal_error;
    std::deque<std::string> m_script;
    bool m_scripted = false;
    bool m_shown_first_frame = false;  // said once, for scripts and bench/window_idle.sh
    std::optional<std::string> m_script_open;

    // An export under way: frames drawn a tile at a time between the window's own frames.
    struct ExportJob {
        ExportRequest request;
        std::unique_ptr<ImageTarget> frames;
        std::unique_ptr<FrameSink> sink;  // animations
        FrameView view;
        int frame = 0, frame_count = 1;
        double from = 0, to = 0;
    };
    ExportDialog m_export_dialog;
    bool m_article_dialog = false;
    std::string m_article_path;
    std::string m_article_text;
    std::optional<ArticleReview> m_review;
    std::shared_ptr<const GeoparserData> m_geoparser;  // loaded on first use, kept
    std::unique_ptr<ExportJob> m_export;

    bool m_running = true;
    double m_frame_ms = 0;
    double m_label_ms = 0;
    float m_status_height = 26.0f;
    std::size_t m_overlay_count = 0;
    std::optional<MapStyle> m_style;  // read at start; none when its file is bad (layers drawn by geometry)
    std::vector<std::string> m_layer_paths;  // the layers loaded, by file: what a route may be snapped to
    std::vector<std::string> m_only_layers;  // --layer: the layers (tables) of the sources to draw
    // A source read by view (data/view_source): read again, in the background, when the view leaves
    // what was read or zooms in past its detail. Its ViewSource is used only on m_view_jobs' worker.
    struct ViewRead {
        std::string key;  // its layers' among the scene's overlays
        std::shared_ptr<ViewSource> source;
        Box asked;               // the lon/lat box read last, a quarter of a view wider than the view on every side
        double resolution = 0;   // of the view it was read for
        bool pending = false;
        bool sampled = false;    // the last read drew a sample (said once, not on every pan)
        std::set<std::string> said;  // the other notes its reads gave, each said once
    };
    std::vector<ViewRead> m_view_reads;
    void read_views();
    void finish_view_read(const std::string& key, const Box& asked, double resolution, const LoadedSource& loaded, const std::string& error);
    // A scripted pan (pan-frames): the frame times while sources load, for bench/postgis_bench.py.
    struct PanRun {
        int frames = 0;
        Vec2 step;
        double started = 0;
        int while_reading = 0;
        std::vector<double> frame_ms;
    };
    PanRun m_pan;
    std::map<std::string, std::shared_ptr<const LineNetwork>> m_networks;  // built on first snap, by file
    Clock::time_point m_start = Clock::now();
    double m_settle_until = 0;  // frames go on a moment after input: ImGui's delays and fades, a font change
    Uint32 m_wake_event;
};

}  // namespace storyplot
