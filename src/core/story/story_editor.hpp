#pragma once
// Editing a story with undo and redo, with no window: every change is a step that can be taken back.
// A drag is many moves of one place; consecutive moves of the same place merge into one step.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/story/story.hpp"

namespace storyplot {

struct GazetteerEntry;

class StoryEditor {
public:
    explicit StoryEditor(Story story) : m_story(std::move(story)) {}

    const Story& story() const { return m_story; }

    // Moves a place, and the vertices of the paths of routes that stop there which lie on it.
    // Throws std::invalid_argument for an unknown id.
    void move_place(const std::string& id, LonLat to);
    // Adds a place and returns its id, made from the name and unique in the story; `found` is the
    // gazetteer entry it came from, when it came from one (its id and country are kept).
    std::string add_place(const std::string& name, LonLat at, const std::string& category = "place",
                          const GazetteerEntry* found = nullptr);
    void rename_place(const std::string& id, const std::string& name);
    // Deletes a place and drops it from chapter focus lists. Refuses (returns the reason) when a
    // route stops there: the route's times would lose their stop.
    std::optional<std::string> delete_place(const std::string& id);
    // Deletes a place that may be a route stop: it leaves the routes' stops (and their times); a
    // route left with fewer than two stops and no path of its own goes too. For reviewing drafts.
    void reject_place(const std::string& id);
    // Puts another gazetteer entry in the place's stead: its name, position and GeoNames id.
    void replace_place(const std::string& id, const std::string& name, LonLat position, std::int64_t geonames_id);
    // Ends the current drag or typing run: the next change starts a new undo step.
    void finish_move() { m_merging.clear(); }

    // Chapters, by their place in the story's list (indices are clamped to it). A new chapter's
    // id is made from its title, unique among the chapters; returns where it went.
    int add_chapter(int at, Chapter chapter);
    void remove_chapter(int index);
    void move_chapter(int from, int to);
    // Puts `edited`'s title, text, time, focus, zoom, centre and image in the chapter's stead (its
    // id and unknown members stay). Edits to one chapter in a row, as typing makes them, are one
    // undo step until finish_move(). Refuses, with the reason, a focus that names nothing.
    std::optional<std::string> edit_chapter(int index, const Chapter& edited);

    // Routes. A new route joins places (at least two) by id, returned; its name may repeat.
    std::string add_route(const std::string& name, TravelMode mode, std::vector<std::string> stops);
    void set_route_mode(const std::string& id, TravelMode mode);
    void rename_route(const std::string& id, const std::string& name);
    // The path the route runs along (a snapped one, say); its stops and times stay.
    void set_route_path(const std::string& id, Path path);
    // A stop's times; refused with the reason when they would put the route's times out of order.
    // Setting the first time of an untimed route gives the others empty times (none of their own).
    std::optional<std::string> set_stop_time(const std::string& route, std::size_t stop, const StopTime& time);
    // Inserts a place as the stop at `at`, or removes one; a route keeps at least two stops.
    std::optional<std::string> insert_stop(const std::string& route, std::size_t at, const std::string& place);
    std::optional<std::string> remove_stop(const std::string& route, std::size_t stop);

    bool can_undo() const { return !m_undo.empty(); }
    bool can_redo() const { return !m_redo.empty(); }
    void undo();
    void redo();

    // Unsaved changes since the last mark_saved (or since opening).
    bool modified() const { return m_revision != m_saved_revision; }
    void mark_saved() { m_saved_revision = m_revision; }
    // The story holds edits no file has (restored from an autosave journal).
    void mark_unsaved() { m_saved_revision = -1; }
    // Bumped by every change, undo and redo: views rebuild what they derived when it changes.
    long revision() const { return m_revision; }

private:
    Place& place_or_throw(const std::string& id);
    Route& route_or_throw(const std::string& id);
    void checkpoint();
    // A change that merges with the previous one of the same key (a drag, typing).
    void merging_checkpoint(const std::string& key);

    struct Step {
        Story story;
        long revision;
    };
    Story m_story;
    std::vector<Step> m_undo;
    std::vector<Step> m_redo;
    std::string m_merging;  // the key of the step that later changes join
    long m_revision = 0;
    long m_next_revision = 1;
    long m_saved_revision = 0;
};

// "Far Eastern University" -> "far-eastern-university"; `fallback` for a name with no letter or digit.
std::string slug(const std::string& name, const std::string& fallback = "place");
// The same, unique within `taken` ("lake-baikal-2" after "lake-baikal"), and added to it.
std::string unique_slug(const std::string& name, std::set<std::string>& taken, const std::string& fallback);

// A time typed in the window: blank is none; a time without a zone is in the story's. The reason
// it is not a time otherwise.
struct TypedTime {
    std::optional<StoryMoment> moment;
    std::string error;
};
TypedTime parse_typed_time(const std::string& text, int zone_minutes);

}  // namespace storyplot
