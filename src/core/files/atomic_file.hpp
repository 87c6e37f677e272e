#pragma once
// Writing a file so that it is either whole or absent: into a hidden temporary file beside the
// target (".NAME.partPID"), every write and the close checked, flushed to the disk (fsync), and
// only then renamed over the target (a rename within one folder is atomic), so a full disk, an I/O
// error or a kill leaves the previous file byte for byte as it was. The temporary is registered
// with the interrupt handler (core/interrupt.hpp), which removes it when the program is stopped.
#include <filesystem>
#include <string>
#include <string_view>

namespace storyplot {

// ".NAME.partPID" in the target's folder.
std::filesystem::path temporary_sibling(const std::filesystem::path& target);

// Removes ".NAME.partPID…" files and folders in `target`'s folder whose process is gone (left by a
// run that was killed, whatever it wrote); returns how many.
int remove_stale_temporaries(const std::filesystem::path& target);

// One output. Either write() through it, or let another writer (GDAL, ffmpeg) fill temporary();
// commit() then checks, syncs and renames. Destroyed uncommitted, it removes the temporary.
class OutputFile {
public:
    // Throws InputError naming `target` when its folder is missing or not writable, or it is a folder.
    explicit OutputFile(std::filesystem::path target);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    const std::filesystem::path& target() const { return m_target; }
    const std::filesystem::path& temporary() const { return m_temp; }

    // Throws InputError ("cannot write: No space left on device") on any short or failed write.
    void write(std::string_view bytes);
    // Syncs the temporary to the disk, checks it is not empty, renames it over the target and
    // syncs the folder. On failure removes the temporary, leaves the target alone, throws InputError.
    void commit();
    // Removes the temporary (also done by the destructor unless committed).
    void abandon();

private:
    [[noreturn]] void fail(const std::string& what, int error);
    void open_for_writing();

    std::filesystem::path m_target, m_temp;
    int m_fd = -1;
    int m_slot = -1;
    bool m_done = false;
};

// Throws InputError naming `target` when the folder is missing or not writable, or the write fails.
void write_file_atomically(const std::filesystem::path& target, std::string_view contents);

// Checks that `folder` exists and is writable; messages name `shown`.
void check_output_folder(const std::filesystem::path& folder, const std::string& shown);
// Checks the folder that will hold `target` (exists, writable) and that target is no folder.
void check_output_target(const std::filesystem::path& target);

}  // namespace storyplot
