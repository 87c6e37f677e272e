#pragma once
// The bytes of a cache's payload (core/files/cache_file): values written as they lie in memory, for
// the machine that wrote them, and read back with every size checked against what is left, so a
// payload cut short or with a count beyond its end reads as a miss rather than past its end.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace storyplot {

template <typename T>
void put(std::string& out, const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
// A 32-bit length, then the bytes.
inline void put_text(std::string& out, std::string_view s) {
    put(out, static_cast<std::uint32_t>(s.size()));
    out.append(s);
}
// A 64-bit count, then the values.
template <typename T>
void put_array(std::string& out, const T* values, std::size_t count) {
    put(out, static_cast<std::uint64_t>(count));
    if (count) out.append(reinterpret_cast<const char*>(values), count * sizeof(T));
}

class PayloadReader {
public:
    explicit PayloadReader(std::string_view bytes) : m_bytes(bytes) {}
    template <typename T>
    bool get(T& v) {
        return get_bytes(&v, sizeof v);
    }
    bool get_bytes(void* out, std::size_t size) {
        if (m_bytes.size() < size) return false;
        if (size) std::memcpy(out, m_bytes.data(), size);
        m_bytes.remove_prefix(size);
        return true;
    }
    bool get_text(std::string& s) {
        std::uint32_t n = 0;
        if (!get(n) || m_bytes.size() < n) return false;
        s.assign(m_bytes.substr(0, n));
        m_bytes.remove_prefix(n);
        return true;
    }
    // As put_array wrote them.
    template <typename T>
    bool get_array(std::vector<T>& out) {
        std::uint64_t n = 0;
        if (!get(n) || n > m_bytes.size() / sizeof(T)) return false;
        out.resize(static_cast<std::size_t>(n));
        return get_bytes(out.data(), out.size() * sizeof(T));
    }
    // Passes over an array as get_array would read it, copying nothing.
    template <typename T>
    bool skip_array() {
        std::uint64_t n = 0;
        if (!get(n) || n > m_bytes.size() / sizeof(T)) return false;
        m_bytes.remove_prefix(static_cast<std::size_t>(n) * sizeof(T));
        return true;
    }
    bool done() const { return m_bytes.empty(); }
    // What is left to read: a part's bytes are the difference between two of these.
    std::string_view rest() const { return m_bytes; }

private:
    std::string_view m_bytes;
};

}  // namespace storyplot
