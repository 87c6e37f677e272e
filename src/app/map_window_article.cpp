#include "app/map_window.hpp"

#include <epoxy/gl.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "reader/extract_command.hpp"
#include "core/files/file_input.hpp"
#include "core/geoparse/article_text.hpp"
#include "data/map_sources.hpp"
#include "app/render_command.hpp"
#include "core/geoparse/geoparser.hpp"
#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_file.hpp"
#include "core/story/kepler_trips.hpp"
#include "core/story/storymap.hpp"
#include "core/story/track_story.hpp"
#include "data/track_source.hpp"
#include "core/mesh/story_meshes.hpp"
#include "data/image_file.hpp"
#include "data/natural_earth.hpp"
#include "core/labels/map_decorations.hpp"
#include "ui/status_bar.hpp"
#include "ui/timeline_panel.hpp"

namespace storyplot {

// "New story from article…": the text read in the background, the draft opened for review.
void MapWindow::read_article(const std::string& path, const std::string& pasted) {
    auto geoparser = m_geoparser;
    m_jobs.post("reading the article…", [this, path, pasted, geoparser]() -> BackgroundJobs::Finish {
        try {
            std::string text = pasted;
            if (path.empty())
                check_article_text("the pasted text", text);
            else
                text = read_article_file(path);
            auto data = geoparser ? geoparser : std::make_shared<const GeoparserData>(load_geoparser_data());
            const Extraction found = extract_places(text, data->resources);
            auto draft = std::make_shared<Story>(draft_story(found, path.empty() ? "pasted article" : path));
            return [this, draft, data, text, path] {
                m_geoparser = data;
                std::string target = path.empty() ? std::string("draft.story.json") : path;
                if (!path.empty()) target = std::filesystem::path(path).replace_extension(".story.json").string();
                m_review = ArticleReview{path, text, {}};  // first: the framing leaves room for it
                m_review_shown = true;
                update_map_area();
                set_story(std::move(*draft), target, true);
                m_messages.note("found " + story_summary(*story()) + ": review them beside the map; Ctrl+S saves " + target);
            };
        } catch (const std::exception& e) {
            return [this, msg = std::string(e.what())] { m_messages.error(msg); };
        }
    });
}

void MapWindow::import_trip(const std::string& path) {
    m_jobs.post("reading " + std::filesystem::path(path).filename().string() + "…", [this, path]() -> BackgroundJobs::Finish {
        try {
            std::shared_ptr<Story> story;
            std::string from;
            const std::string ext = lower_extension(path);
            if (ext == ".json" || ext == ".geojson") {  // StoryMapJS slides or kepler.gl trips
                const std::string text = read_input_file(path, story_file_limit, "a JSON file");
                if (looks_like_storymap(text)) {
                    StorymapNotes notes;
                    story = std::make_shared<Story>(story_from_storymap(text, path, &notes));
                    from = "StoryMapJS slides" + (notes.summary().empty() ? "" : " (not kept: " + notes.summary() + ")");
                } else {
                    KeplerNotes notes;
                    story = std::make_shared<Story>(story_from_trips(read_kepler_trips(text, path, &notes)));
                    from = "kepler.gl trips of " + std::to_string(notes.points) + " points";
                }
            } else {
                TrackSourceNotes notes;
                story = std::make_shared<Story>(story_from_trips(read_recorded_trips(path, &notes)));
                from = std::to_string(notes.points) + " points";
            }
            return [this, story, path, from] {
                const std::string target = std::filesystem::path(path).replace_extension(".story.json").string();
                m_review.reset();
                set_story(std::move(*story), target, true);
                m_messages.note("made " + story_summary(*this->story()) + " from " + from + "; Ctrl+S saves " + target);
            };
        } catch (const std::exception& e) {
            return [this, msg = std::string(e.what())] { m_messages.error(msg); };
        }
    });
}

void MapWindow::load_gazetteer() {
    if (m_geoparser || m_geoparser_loading) return;
    m_geoparser_loading = true;
    m_jobs.post("loading the gazetteer…", [this]() -> BackgroundJobs::Finish {
        try {
            auto data = std::make_shared<const GeoparserData>(load_geoparser_data());
            return [this, data] {
                m_geoparser = data;
                m_geoparser_loading = false;
            };
        } catch (const std::exception& e) {
            return [this, msg = std::string(e.what())] {
                m_geoparser_loading = false;
                m_messages.error(msg);
            };
        }
    });
}

namespace {
// Up to `bytes` of a file's start (nothing when it cannot be read: opening it says why).
std::string file_head(const std::string& path, std::size_t bytes) {
    std::ifstream in(path, std::ios::binary);
    std::string head(bytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

// A .json file that holds StoryMapJS slides (its first few kilobytes say so), not GeoJSON.
bool is_storymap_file(const std::string& path) { return lower_extension(path) == ".json" && looks_like_storymap(file_head(path, 4096)); }

// GeoJSON whose lines carry times in their coordinates (kepler.gl's trips), by a look at its first
// megabyte: read whole only by the import, in the background, which says so if it holds no trips.
bool is_kepler_trip_file(const std::string& path) {
    const std::string ext = lower_extension(path);
    return (ext == ".json" || ext == ".geojson") && may_hold_kepler_trips(file_head(path, 1 << 20));
}
}  // namespace

// A file chosen to open (File > Open, the script's "open"): a GPX or KML file, StoryMapJS slides or
// kepler.gl trips become a story (core/story/track_story, storymap, kepler_trips); anything else is
// opened as a dropped file is (a dropped GPX or trips file is a layer).
void MapWindow::open_chosen(const std::string& path) {
    if (!is_trip_file(path) && !is_storymap_file(path) && !is_kepler_trip_file(path)) {
        open_dropped(path);
        return;
    }
    auto open = [this, path] {
        if (m_journal && editor() && editor()->modified()) m_journal->discard();  // the user chose to drop those edits
        import_trip(path);
    };
    if (editor() && editor()->modified())
        ask("Open " + path + " as a new story and discard the unsaved changes?", open);
    else
        open();
}

// A dropped file: a story if it is one, else a layer over the basemap.
void MapWindow::open_dropped(const std::string& path) {
    // A story is GeoJSON; anything else (a GeoPackage, a Shapefile, KML, GPX…) is a layer.
    const std::string ext = lower_extension(path);
    if (ext != ".json" && ext != ".geojson") {
        load_overlay(path, true);
        return;
    }
    try {
        read_story_file(path);
    } catch (const NotAStoryError&) {
        if (is_storymap_file(path)) open_chosen(path);
        else load_overlay(path, true);  // any other vector file GDAL reads
        return;
    } catch (const InputError& e) {
        m_messages.error(e.what());
        return;
    }
    auto open = [this, path] {
        if (m_journal && editor() && editor()->modified()) m_journal->discard();  // the user chose to drop those edits
        open_story(path, true);
        m_messages.note("opened " + path);
    };
    if (editor() && editor()->modified())
        ask("Open " + path + " and discard the unsaved changes?", open);
    else
        open();
}

}  // namespace storyplot
