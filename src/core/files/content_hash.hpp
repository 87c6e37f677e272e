#pragma once
// A fast 64-bit hash of bytes, for keying caches by their sources' content and checking a cache's
// payload on read. Not cryptographic: it finds corruption and change, not an adversary.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace storyplot {

std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed = 0);

// The hash of a file's bytes, or nothing when it cannot be read.
std::optional<std::uint64_t> file_content_hash(const std::filesystem::path& path, std::uint64_t seed = 0);

}  // namespace storyplot
