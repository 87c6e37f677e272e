#include "core/story/story_journal.hpp"

#include <unistd.h>

#include "core/files/atomic_file.hpp"
#include "core/files/cache_file.hpp"
#include "core/files/content_hash.hpp"
#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "core/story/story_file.hpp"

namespace storyplot {

namespace fs = std::filesystem;

fs::path journal_path(const std::string& story_path) {
    const fs::path story(story_path);
    const fs::path folder = story.has_parent_path() ? story.parent_path() : fs::path(".");
    std::string name(".");
    name += story.filename().string();
    name += ".autosave";
    if (::access(folder.c_str(), W_OK) == 0) return folder / name;
    std::error_code ec;
    const std::string absolute = fs::absolute(story, ec).string();
    return cache_folder() / "autosave" / (std::to_string(content_hash(absolute)) + "-" + story.filename().string() + ".autosave");
}

bool StoryJournal::write(const Story& story, long revision, std::string* error) {
    if (revision == m_written) return false;
    try {
        const fs::path file = path();
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        write_file_atomically(file, serialize_story(story));
        m_written = revision;
        return true;
    } catch (const std::exception& e) {
        if (error) *error = std::string("autosave: ") + e.what();
        return false;
    }
}

void StoryJournal::discard() {
    std::error_code ec;
    fs::remove(path(), ec);
    m_written = -1;
}

std::optional<Story> StoryJournal::unsaved_edits() const {
    const fs::path file = path();
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    try {
        const std::string text = read_input_file(file.string(), story_file_limit, "a story file");
        Story edits = parse_story(text, file.string());
        try {
            if (serialize_story(read_story_file(m_story_path)) == text) return std::nullopt;  // nothing the file lacks
        } catch (const InputError&) {
            // The file is gone or broken: the journal is all there is.
        }
        return edits;
    } catch (const InputError&) {
        return std::nullopt;  // a journal cut short is whole by construction; a foreign file is not ours
    }
}

}  // namespace storyplot
