#include "core/files/content_hash.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/files/cache_file.hpp"
#include "core/files/payload.hpp"

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

namespace {

// The hashes of files already read, kept across processes in the cache folder: a command that keys
// its caches on 30 MB of sources reads them once, not at every start. An entry stands for a file
// while its device, inode, size, modification and change times are what they were when it was
// hashed; the change time moves on any write and cannot be set back, so a file rewritten to the
// same size and modification time is hashed again.
constexpr CacheKind memo_kind{{'S', 'P', 'H', 'A', 'S', 'H', 'E', 'S'}, 1};
constexpr std::size_t memo_max_entries = 512;

struct HashMemo {
    std::mutex mutex;
    std::filesystem::path loaded_from;  // the cache folder the entries came from
    // By the file's path and the seed: the stamp of the file when hashed (device, inode, size,
    // modification and change times) and the hash.
    std::map<std::string, std::pair<std::string, std::uint64_t>> known;
};

HashMemo& memo() {
    static HashMemo m;
    return m;
}

void load_memo(HashMemo& m, const std::filesystem::path& folder) {
    m.loaded_from = folder;
    m.known.clear();
    const auto bytes = read_cache_file(folder / "content-hashes.cache", memo_kind, 0);
    if (!bytes) return;
    PayloadReader in(*bytes);
    std::string name, stamp;
    std::uint64_t hash = 0;
    while (in.get_text(name) && in.get_text(stamp) && in.get(hash)) m.known[name] = {stamp, hash};
}

void save_memo(const HashMemo& m) {
    std::string out;
    for (const auto& [name, entry] : m.known) {
        put_text(out, name);
        put_text(out, entry.first);
        put(out, entry.second);
    }
    write_cache_file(m.loaded_from / "content-hashes.cache", memo_kind, 0, out);  // a memo not written only costs time
}

}  // namespace

std::optional<std::uint64_t> file_content_hash(const std::filesystem::path& path, std::uint64_t seed) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return hash_file_bytes(path, seed);
    const std::string name = path.string() + '\n' + std::to_string(seed);
    std::string stamp;
    for (const long long v : {static_cast<long long>(st.st_dev), static_cast<long long>(st.st_ino), static_cast<long long>(st.st_size),
                              static_cast<long long>(st.st_mtim.tv_sec), static_cast<long long>(st.st_mtim.tv_nsec),
                              static_cast<long long>(st.st_ctim.tv_sec), static_cast<long long>(st.st_ctim.tv_nsec)})
        stamp += std::to_string(v) + ' ';
    HashMemo& m = memo();
    const std::filesystem::path folder = cache_folder();
    {
        const std::lock_guard<std::mutex> lock(m.mutex);
        if (m.loaded_from != folder) load_memo(m, folder);
        if (const auto it = m.known.find(name); it != m.known.end() && it->second.first == stamp) return it->second.second;
    }
    const auto hash = hash_file_bytes(path, seed);
    if (hash) {
        const std::lock_guard<std::mutex> lock(m.mutex);
        if (m.loaded_from != folder) load_memo(m, folder);
        // The entries of files gone go; a memo that still outgrows its bound starts over.
        std::error_code ec;
        std::erase_if(m.known, [&ec](const auto& entry) { return !std::filesystem::exists(entry.first.substr(0, entry.first.rfind('\n')), ec); });
        if (m.known.size() >= memo_max_entries) m.known.clear();
        m.known[name] = {stamp, *hash};
        save_memo(m);
    }
    return hash;
}

}  // namespace storyplot
