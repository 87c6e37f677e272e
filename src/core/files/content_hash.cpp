#include "core/files/content_hash.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace storyplot {

namespace {

constexpr std::uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xC2B2AE3D27D4EB4Full, k3 = 0x165667B19E3779F9ull;

std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= k2;
    h ^= h >> 29;
    h *= k3;
    return h ^ (h >> 32);
}

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

}  // namespace

ContentHash::ContentHash(std::uint64_t seed) : m_lane{seed ^ k1, seed + k2, seed ^ k3, seed - k1} {}

// Four independent lanes (fast on one core), each a multiply-rotate of 8-byte words, over whole
// blocks of 32 bytes; what is left of a block waits for the next piece.
void ContentHash::add_blocks(const char* p, std::size_t blocks) {
    for (; blocks > 0; --blocks)
        for (auto& l : m_lane) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            l = rotl(l ^ (w * k2), 31) * k1;
            p += 8;
        }
}

ContentHash& ContentHash::add(std::string_view bytes) {
    m_size += bytes.size();
    const char* p = bytes.data();
    std::size_t n = bytes.size();
    if (m_tail_size > 0) {
        const std::size_t take = std::min(n, sizeof m_tail - m_tail_size);
        std::memcpy(m_tail + m_tail_size, p, take);
        m_tail_size += take;
        p += take;
        n -= take;
        if (m_tail_size < sizeof m_tail) return *this;
        add_blocks(m_tail, 1);
        m_tail_size = 0;
    }
    add_blocks(p, n / 32);
    m_tail_size = n % 32;
    std::memcpy(m_tail, p + n - m_tail_size, m_tail_size);
    return *this;
}

std::uint64_t ContentHash::value() const {
    std::uint64_t h = rotl(m_lane[0], 1) + rotl(m_lane[1], 7) + rotl(m_lane[2], 12) + rotl(m_lane[3], 18);
    const char* p = m_tail;
    std::size_t n = m_tail_size;
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = rotl(h ^ (w * k2), 27) * k1 + k3;
        p += 8;
        n -= 8;
    }
    for (; n > 0; --n, ++p) h = rotl(h ^ (static_cast<std::uint64_t>(static_cast<unsigned char>(*p)) * k3), 11) * k1;
    return mix(h ^ m_size);
}

std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed) { return ContentHash(seed).add(bytes).value(); }

namespace {

std::optional<std::uint64_t> hash_file_bytes(const std::filesystem::path& path, std::uint64_t seed) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::vector<char> buffer(1 << 20);
    std::uint64_t h = seed;
    for (;;) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        h = content_hash(std::string_view(buffer.data(), got), h);
    }
    if (in.bad()) return std::nullopt;
    return h;
}

}  // namespace

std::optional<std::uint64_t> file_content_hash(const std::filesystem::path& path, std::uint64_t seed) {
    // One read per file, size and time in a process: several caches key on the same sources (the
    // 1:50m countries key both the country labels and the gazetteer), and the window loads levels
    // on background threads.
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return std::nullopt;
    const auto time = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    const std::string key = path.string() + '\n' + std::to_string(size) + '\n' + std::to_string(time) + '\n' + std::to_string(seed);
    static std::mutex mutex;
    static std::map<std::string, std::uint64_t> known;
    {
        const std::lock_guard<std::mutex> lock(mutex);
        if (const auto it = known.find(key); it != known.end()) return it->second;
    }
    const auto hash = hash_file_bytes(path, seed);
    if (hash) {
        const std::lock_guard<std::mutex> lock(mutex);
        known.emplace(key, *hash);
    }
    return hash;
}

}  // namespace storyplot
