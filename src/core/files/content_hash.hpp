#pragma once
// A fast 64-bit hash of bytes, for keying caches by their sources' content and checking a cache's
// payload on read. Not cryptographic: it finds corruption and change, not an adversary.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace storyplot {

std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed = 0);

// The same hash taken piece by piece: add() the bytes in any pieces, value() is content_hash of
// them all (a large file hashed a window at a time, without holding it whole).
class ContentHash {
public:
    explicit ContentHash(std::uint64_t seed = 0);
    ContentHash& add(std::string_view bytes);
    std::uint64_t value() const;

private:
    void add_blocks(const char* p, std::size_t blocks);
    std::uint64_t m_lane[4];
    char m_tail[32] = {};
    std::size_t m_tail_size = 0;
    std::uint64_t m_size = 0;
};

// The hash of a file's bytes, or nothing when it cannot be read.
std::optional<std::uint64_t> file_content_hash(const std::filesystem::path& path, std::uint64_t seed = 0);

}  // namespace storyplot
