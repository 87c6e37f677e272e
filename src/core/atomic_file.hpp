#pragma once
// Writing a file so that it is either whole or absent: into a hidden temporary file beside the
// target, then renamed over it (a rename within one folder is atomic).
#include <filesystem>
#include <string>

namespace storyplot {

// ".NAME.partPID" in the target's folder.
std::filesystem::path temporary_sibling(const std::filesystem::path& target);

// Throws InputError naming `target` when the folder is missing or not writable, or the write fails.
void write_file_atomically(const std::filesystem::path& target, const std::string& contents);

// Moves a finished temporary file over the target; removes it and throws InputError on failure.
void commit_temporary(const std::filesystem::path& temporary, const std::filesystem::path& target);

}  // namespace storyplot
