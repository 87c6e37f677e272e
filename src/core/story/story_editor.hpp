#pragma once
// Editing a story with undo and redo, with no window: every change is a step that can be taken back.
// A drag is many moves of one place; consecutive moves of the same place merge into one step.
#include <optional>
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
    // Ends the current drag: the next move starts a new undo step.
    void finish_move() { m_merging_move.clear(); }

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
    void checkpoint();

    struct Step {
        Story story;
        long revision;
    };
    Story m_story;
    std::vector<Step> m_undo;
    std::vector<Step> m_redo;
    std::string m_merging_move;
    long m_revision = 0;
    long m_next_revision = 1;
    long m_saved_revision = 0;
};

// "Far Eastern University" -> "far-eastern-university"
std::string slug(const std::string& name);

}  // namespace storyplot
