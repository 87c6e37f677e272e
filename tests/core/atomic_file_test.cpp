// Outputs are whole or absent, caches are verified, inputs are regular files within limits.
#include "core/files/atomic_file.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/files/cache_file.hpp"
#include "core/files/content_hash.hpp"
#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "fixture_writer.hpp"

namespace fs = std::filesystem;
using namespace storyplot;
using storyplot::test_support::TempDir;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> names(const TempDir& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir.path())) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(OutputFile, CommitReplacesTheTargetAndLeavesNoTemporary) {
    TempDir dir;
    const fs::path target = dir.path() / "out.txt";
    write_file_atomically(target, "old");
    {
        OutputFile out(target);
        out.write("new ");
        out.write("contents");
        EXPECT_EQ(read(target), "old");  // nothing changes before the commit
        out.commit();
    }
    EXPECT_EQ(read(target), "new contents");
    EXPECT_EQ(names(dir), (std::vector<std::string>{"out.txt"}));
}

TEST(OutputFile, AbandonedOrDestroyedUncommittedItLeavesThePreviousFile) {
    TempDir dir;
    const fs::path target = dir.path() / "out.txt";
    write_file_atomically(target, "old");
    {
        OutputFile out(target);
        out.write("half");
    }
    EXPECT_EQ(read(target), "old");
    OutputFile other(target);
    std::ofstream(other.temporary()) << "written by another writer";
    other.abandon();
    EXPECT_EQ(read(target), "old");
    EXPECT_EQ(names(dir), (std::vector<std::string>{"out.txt"}));
}

TEST(OutputFile, AWriterThatLeftNothingFailsTheCommit) {
    TempDir dir;
    OutputFile out(dir.path() / "x.bin");
    EXPECT_THROW(out.commit(), InputError);
    EXPECT_TRUE(names(dir).empty());
}

TEST(OutputFile, RefusesMissingFoldersAndFolderTargets) {
    TempDir dir;
    fs::create_directory(dir.path() / "sub");
    try {
        OutputFile out(dir.path() / "sub");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.problem(), "cannot write: it is a folder");
    }
    EXPECT_THROW(OutputFile(dir.path() / "no" / "such" / "x"), InputError);
}

TEST(OutputFile, NeverReplacesADeviceOrFifoAndWritesThroughALink) {
    TempDir dir;
    ASSERT_EQ(mkfifo((dir.path() / "fifo").c_str(), 0600), 0);
    EXPECT_THROW(OutputFile(dir.path() / "fifo"), InputError);
    EXPECT_THROW(write_file_atomically("/dev/full", "x"), InputError);
    EXPECT_TRUE(fs::is_character_file("/dev/full"));
    write_file_atomically(dir.path() / "real.txt", "old");
    fs::create_symlink("real.txt", dir.path() / "link.txt");
    write_file_atomically(dir.path() / "link.txt", "new");
    EXPECT_TRUE(fs::is_symlink(dir.path() / "link.txt"));
    EXPECT_EQ(read(dir.path() / "real.txt"), "new");
}

TEST(OutputFile, LeftoversOfDeadProcessesAreRemovedAndLiveOnesKept) {
    TempDir dir;
    const fs::path target = dir.path() / "map.png";
    // PID 2^22 + 1 is above Linux's pid_max limit: no such process can be running.
    std::ofstream(dir.path() / ".map.png.part4194305") << "x";
    std::ofstream(dir.path() / ".map.png.part4194305.log") << "x";
    fs::create_directory(dir.path() / ".frames.part4194306");
    std::ofstream(dir.path() / ".other.gif.part4194305") << "x";  // another output of a killed run
    const std::string live = ".map.png.part" + std::to_string(getppid());  // our parent runs
    std::ofstream(dir.path() / live) << "x";
    for (const char* mine : {".notes.partial", "x.part4194305", ".a.part", ".b.part12x"}) std::ofstream(dir.path() / mine) << "x";
    EXPECT_EQ(remove_stale_temporaries(target), 4);
    std::vector<std::string> kept{live, ".notes.partial", "x.part4194305", ".a.part", ".b.part12x"};
    std::sort(kept.begin(), kept.end());
    EXPECT_EQ(names(dir), kept);
}

TEST(ContentHash, ChangesWithAnyByteAndAgreesInPieces) {
    std::string data(10000, 'a');
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 31 + 7);
    const auto h = content_hash(data);
    for (std::size_t i : {0u, 1u, 31u, 32u, 4095u, 9999u}) {
        std::string flipped = data;
        flipped[i] = static_cast<char>(flipped[i] ^ 1);
        EXPECT_NE(content_hash(flipped), h) << i;
    }
    EXPECT_NE(content_hash(data.substr(0, 9999)), h);
    // Taken piece by piece, at any cuts (inside a 32-byte block, on one, a byte at a time), the
    // hash is the whole's.
    for (const std::vector<std::size_t>& cuts : std::vector<std::vector<std::size_t>>{{5000}, {31, 64, 65, 9990}, {32, 32, 9999}, {0, 10000}}) {
        ContentHash pieces;
        std::size_t from = 0;
        for (std::size_t cut : cuts) {
            pieces.add(std::string_view(data).substr(from, cut - from));
            from = cut;
        }
        pieces.add(std::string_view(data).substr(from));
        EXPECT_EQ(pieces.value(), h) << cuts.size();
    }
    ContentHash bytes(7);
    for (char c : data.substr(0, 100)) bytes.add(std::string_view(&c, 1));
    EXPECT_EQ(bytes.value(), content_hash(data.substr(0, 100), 7));
    TempDir dir;
    const fs::path file = dir.path() / "f.bin";
    std::ofstream(file, std::ios::binary) << data;
    EXPECT_EQ(file_content_hash(file), file_content_hash(file));
    EXPECT_FALSE(file_content_hash(dir.path() / "missing"));
}

// A file's hash is remembered in the cache folder while the file's stamp (inode, size, modification
// and change times) stays: a file rewritten to the same size and modification time is hashed anew,
// and a later process (another cache folder read afresh) takes the remembered hash.
TEST(ContentHash, RememberedWhileTheFileIsUnchanged) {
    TempDir dir;
    const char* before = std::getenv("STORYPLOT_CACHE");
    const std::string was = before ? before : "";
    const fs::path cache = dir.path() / "cache";
    ::setenv("STORYPLOT_CACHE", cache.c_str(), 1);
    const fs::path file = dir.path() / "source.txt";
    std::ofstream(file, std::ios::binary) << "first version";
    const auto first = file_content_hash(file);
    ASSERT_TRUE(first);
    EXPECT_EQ(*first, content_hash("first version"));
    EXPECT_TRUE(fs::exists(cache / "content-hashes.cache"));
    const auto written = fs::last_write_time(file);
    std::ofstream(file, std::ios::binary) << "other version";  // same size
    fs::last_write_time(file, written);                      // and the same modification time
    const auto second = file_content_hash(file);
    ASSERT_TRUE(second);
    EXPECT_EQ(*second, content_hash("other version"));
    // Another folder's memo is read when the cache folder changes: a copy of this one, its entry
    // for the file altered, is believed while the stamp matches (so it is what is read, not the file).
    const fs::path other = dir.path() / "other";
    fs::create_directories(other);
    std::string memo = read(cache / "content-hashes.cache");
    const std::uint64_t real = *second, fake = real ^ 0x5555;
    const auto at = memo.find(std::string(reinterpret_cast<const char*>(&real), 8));
    ASSERT_NE(at, std::string::npos);
    std::string payload = memo.substr(40);
    payload.replace(at - 40, 8, std::string(reinterpret_cast<const char*>(&fake), 8));
    ASSERT_TRUE(write_cache_file(other / "content-hashes.cache", CacheKind{{'S', 'P', 'H', 'A', 'S', 'H', 'E', 'S'}, 1}, 0, payload));
    ::setenv("STORYPLOT_CACHE", other.c_str(), 1);
    EXPECT_EQ(file_content_hash(file), fake);
    if (before) ::setenv("STORYPLOT_CACHE", was.c_str(), 1);
    else ::unsetenv("STORYPLOT_CACHE");
}

TEST(CacheFile, ReturnsThePayloadOnlyWhenEverythingMatches) {
    TempDir dir;
    const fs::path file = dir.path() / "c.cache";
    const CacheKind kind{{'T', 'E', 'S', 'T', 'C', 'A', 'C', 'H'}, 3};
    ASSERT_TRUE(write_cache_file(file, kind, 42, "payload bytes"));
    EXPECT_EQ(read_cache_file(file, kind, 42), "payload bytes");
    EXPECT_FALSE(read_cache_file(file, kind, 43));                                               // other sources
    EXPECT_FALSE(read_cache_file(file, CacheKind{{'T', 'E', 'S', 'T', 'C', 'A', 'C', 'H'}, 4}, 42));  // other version
    EXPECT_FALSE(read_cache_file(file, CacheKind{{'O', 'T', 'H', 'E', 'R', 'C', 'A', 'C'}, 3}, 42));  // other kind
    std::string bytes = read(file);
    bytes[bytes.size() - 3] ^= 0x20;  // one flipped bit in the payload
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    EXPECT_FALSE(read_cache_file(file, kind, 42));
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 1);  // cut short
    EXPECT_FALSE(read_cache_file(file, kind, 42));
    fs::remove(file);
    ASSERT_EQ(mkfifo(file.c_str(), 0600), 0);
    EXPECT_FALSE(read_cache_file(file, kind, 42));  // at once: a FIFO is not opened for reading
}

TEST(FileInput, ReadsRegularFilesWithinTheirLimit) {
    TempDir dir;
    const std::string file = (dir.path() / "s.json").string();
    std::ofstream(file) << "0123456789";
    EXPECT_EQ(read_input_file(file, 10, "a story file"), "0123456789");
    try {
        read_input_file(file, 9, "a story file");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.problem(), "is larger than 9 bytes, the limit for a story file");
    }
    try {
        read_input_file((dir.path() / "nope").string(), 10, "a story file");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.problem(), "no such file");
    }
    try {
        read_input_file(dir.path().string(), 10, "a story file");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.problem(), "is a folder, not a story file");
    }
    try {
        read_input_file("/dev/null", 10, "a story file");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.problem(), "is a device, not a file: storyplot reads regular files only");
    }
    EXPECT_NO_THROW(check_input_path(dir.path().string()));  // a Shapefile folder is fine for GDAL
    EXPECT_NO_THROW(check_input_path("/vsimem/any.geojson"));
    EXPECT_THROW(check_input_path("/dev/zero"), InputError);
}

TEST(InputError, OneShortPrintableLineWhateverTheInput) {
    const InputError e("f.json", "value \"" + std::string(100000, 'x') + "\"\n\x1b[31m");
    const std::string line = e.what();
    EXPECT_LE(line.size(), 660u);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(line.find('\x1b'), std::string::npos);
    EXPECT_EQ(line.rfind("f.json: value \"xxx", 0), 0u);
    EXPECT_EQ(printable_excerpt("a\tb", 10), "a\\x09b");
    EXPECT_EQ(printable_excerpt("\xD0\x92\xD0\x92\xD0\x92", 3), "\xD0\x92\xE2\x80\xA6");  // never half a character
}
