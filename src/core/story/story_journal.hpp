#pragma once
// The autosave journal of a story being edited: the whole story as it stands, written beside the
// file (".NAME.autosave") through a synced temporary and a rename, so after a crash or a kill the
// last journal write is whole. A save discards it; the next open of the story offers it back.
#include <filesystem>
#include <optional>
#include <string>

#include "core/story/story.hpp"

namespace storyplot {

// ".NAME.autosave" beside the story; in the cache folder when that folder cannot be written.
std::filesystem::path journal_path(const std::string& story_path);

class StoryJournal {
public:
    explicit StoryJournal(std::string story_path) : m_story_path(std::move(story_path)) {}

    // Writes the story as revision `revision` unless that revision is already written. Returns
    // true when it wrote; throws nothing (a journal that cannot be written is reported by the
    // caller through the returned error text).
    bool write(const Story& story, long revision, std::string* error = nullptr);
    // After a save: the file holds every edit.
    void discard();
    // Edits left by a run that did not save: the journal's story, when it exists, reads as a
    // story, and differs from the file.
    std::optional<Story> unsaved_edits() const;
    std::filesystem::path path() const { return journal_path(m_story_path); }
    bool written() const { return m_written >= 0; }

private:
    std::string m_story_path;
    long m_written = -1;
};

}  // namespace storyplot
