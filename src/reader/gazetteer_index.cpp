#include "reader/gazetteer_index.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <filesystem>
#include <fstream>
#include <optional>
#include <unordered_set>

#include "core/files/cache_file.hpp"
#include "core/files/payload.hpp"
#include "core/files/content_hash.hpp"
#include "core/geoparse/local_names.hpp"
#include "core/geoparse/name_folding.hpp"
#include "reader/data_paths.hpp"
#include "reader/geonames.hpp"

namespace storyplot {

namespace {
const char* const dictionary_path = "/usr/share/dict/american-english";
}  // namespace

std::unique_ptr<GazetteerIndex> GazetteerIndex::load(const std::string& path) {
    auto index = std::make_unique<GazetteerIndex>();
    index->m_entries.reserve(200000);
    std::vector<std::pair<std::string, std::uint32_t>> pairs;
    pairs.reserve(1500000);
    read_geonames_places(path, [&](const GeoNamesPlace& p) {
        const auto id = static_cast<std::uint32_t>(index->m_entries.size());
        index->m_entries.push_back({p.id, std::string(p.name), p.position, p.population, std::string(p.feature_code), std::string(p.country)});
        // Every Latin-script name the place goes by, folded; each once. An alternate name of three
        // letters or fewer is left out: such names are codes and nicknames ("Lu", "Mad", "Jim")
        // that text uses far more often for other things; a place's own name is kept at any length.
        std::unordered_set<std::string> names;
        auto add = [&](std::string_view name, std::size_t shortest) {
            std::string folded = fold_name(name);
            if (is_latin_name(folded) && utf8_code_points(folded).size() >= shortest) names.insert(std::move(folded));
        };
        add(p.name, 2);
        add(p.ascii_name, 2);
        for (std::string_view alternate : p.alternates) add(alternate, 4);
        for (auto& n : names) pairs.emplace_back(std::move(n), id);
    });
    std::sort(pairs.begin(), pairs.end());
    index->m_own_names.reserve(pairs.size());
    for (const auto& [name, id] : pairs) {
        index->m_own_names.push_back({static_cast<std::uint32_t>(index->m_own_blob.size()), static_cast<std::uint32_t>(name.size()), id});
        index->m_own_blob += name;
    }
    index->m_blob = index->m_own_blob;
    index->m_names = index->m_own_names;
    index->m_count = index->m_entries.size();
    return index;
}

std::vector<const GazetteerEntry*> GazetteerIndex::find(const std::string& folded) const {
    std::vector<const GazetteerEntry*> out;
    auto it = std::lower_bound(m_names.begin(), m_names.end(), folded, [&](const NameRef& r, const std::string& v) { return name_at(r) < v; });
    for (; it != m_names.end() && name_at(*it) == folded; ++it) out.push_back(&entry(it->entry));
    return out;
}

std::vector<const GazetteerEntry*> GazetteerIndex::find_prefix(std::string_view prefix, std::size_t max_names) const {
    std::vector<const GazetteerEntry*> out;
    if (prefix.empty()) return out;
    std::unordered_set<std::uint32_t> seen;
    auto it = std::lower_bound(m_names.begin(), m_names.end(), prefix, [&](const NameRef& r, std::string_view v) { return name_at(r) < v; });
    for (std::size_t n = 0; it != m_names.end() && n < max_names && name_at(*it).substr(0, prefix.size()) == prefix; ++it, ++n)
        if (seen.insert(it->entry).second) out.push_back(&entry(it->entry));
    return out;
}

namespace {

template <typename T>
bool take(const char*& p, const char* end, T& v) {
    if (static_cast<std::size_t>(end - p) < sizeof v) return false;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return true;
}
bool take_string(const char*& p, const char* end, std::string& s) {
    std::uint32_t n = 0;
    if (!take(p, end, n) || static_cast<std::size_t>(end - p) < n) return false;
    s.assign(p, n);
    p += n;
    return true;
}

void put_entry(std::string& out, const GazetteerEntry& e) {
    put(out, e.id);
    put(out, e.position.lon);
    put(out, e.position.lat);
    put(out, static_cast<std::int64_t>(e.population));
    put_text(out, e.name);
    put_text(out, e.feature_code);
    put_text(out, e.country);
    put(out, e.area_km2);
}
bool take_entry(const char*& p, const char* end, GazetteerEntry& e) {
    std::int64_t population = 0;
    if (!take(p, end, e.id) || !take(p, end, e.position.lon) || !take(p, end, e.position.lat) || !take(p, end, population) ||
        !take_string(p, end, e.name) || !take_string(p, end, e.feature_code) || !take_string(p, end, e.country) || !take(p, end, e.area_km2))
        return false;
    e.population = static_cast<long>(population);
    return true;
}

}  // namespace

void GazetteerIndex::save(std::string& out) const {
    // The count, the table of where each entry begins and the entries' length are written first and
    // filled in as the entries follow: the entries are not held twice.
    out.reserve(out.size() + m_count * (sizeof(std::uint32_t) + 64) + m_blob.size() + m_names.size() * sizeof(NameRef) + 64);
    put(out, static_cast<std::uint64_t>(m_count));
    const std::size_t table = out.size();
    out.append(m_count * sizeof(std::uint32_t) + sizeof(std::uint32_t), '\0');
    const std::size_t start = out.size();
    for (std::size_t i = 0; i < m_count; ++i) {
        const auto at = static_cast<std::uint32_t>(out.size() - start);
        std::memcpy(out.data() + table + i * sizeof at, &at, sizeof at);
        put_entry(out, entry(i));
    }
    const auto length = static_cast<std::uint32_t>(out.size() - start);
    std::memcpy(out.data() + start - sizeof length, &length, sizeof length);
    put_text(out, m_blob);
    put(out, static_cast<std::uint64_t>(m_names.size()));
    // The names start on a multiple of their alignment (the payload's start is one), to be read in place.
    while (out.size() % alignof(NameRef) != 0) out += '\0';
    out.append(reinterpret_cast<const char*>(m_names.data()), m_names.size() * sizeof(NameRef));
}

std::unique_ptr<GazetteerIndex> GazetteerIndex::restore(const char*& p, const char* end, std::shared_ptr<const MappedCache> mapping) {
    auto index = std::make_unique<GazetteerIndex>();
    std::uint64_t n = 0;
    if (!take(p, end, n) || n > static_cast<std::uint64_t>(end - p) / sizeof(std::uint32_t)) return nullptr;
    index->m_count = n;
    index->m_entry_table = p;
    p += n * sizeof(std::uint32_t);
    std::uint32_t size = 0;
    if (!take(p, end, size) || size > static_cast<std::size_t>(end - p)) return nullptr;
    index->m_entry_bytes = std::string_view(p, size);
    p += size;
    // Each entry begins inside the bytes, in order: a broken table is found here, not at a lookup.
    std::uint32_t last = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::uint32_t at = 0;
        std::memcpy(&at, index->m_entry_table + i * sizeof at, sizeof at);
        if (at < last || at >= size) return nullptr;
        last = at;
    }
    index->m_decoded.resize(n);
    if (!take(p, end, size) || size > static_cast<std::size_t>(end - p)) return nullptr;
    index->m_blob = std::string_view(p, size);
    p += size;
    if (!take(p, end, n)) return nullptr;
    while (p < end && reinterpret_cast<std::uintptr_t>(p) % alignof(NameRef) != 0) ++p;
    if (n > static_cast<std::uint64_t>(end - p) / sizeof(NameRef)) return nullptr;
    index->m_names = std::span<const NameRef>(reinterpret_cast<const NameRef*>(p), n);
    p += n * sizeof(NameRef);
    for (const auto& r : index->m_names)
        if (r.entry >= index->m_count || std::uint64_t{r.offset} + r.length > index->m_blob.size()) return nullptr;
    index->m_mapping = std::move(mapping);
    return index;
}

const GazetteerEntry& GazetteerIndex::entry(std::size_t i) const {
    if (!m_entry_table) return m_entries.at(i);
    const std::lock_guard<std::mutex> lock(m_decoding);
    auto& decoded = m_decoded.at(i);
    if (!decoded) {
        std::uint32_t at = 0;
        std::memcpy(&at, m_entry_table + i * sizeof at, sizeof at);
        const char* p = m_entry_bytes.data() + at;
        auto e = std::make_unique<GazetteerEntry>();
        // restore() checked that the entry begins inside the bytes; the cache's checksum, that they are as written.
        if (!take_entry(p, m_entry_bytes.data() + m_entry_bytes.size(), *e)) throw std::runtime_error("the gazetteer's cache has a broken entry");
        decoded = std::move(e);
    }
    return *decoded;
}

WordSet load_common_words() {
    auto text = std::make_shared<std::string>();
    if (std::ifstream in(dictionary_path, std::ios::binary); in) text->assign(std::istreambuf_iterator<char>(in), {});
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < text->size();) {
        std::size_t next = text->find('\n', at);
        if (next == std::string::npos) next = text->size();
        const std::string_view line(text->data() + at, next - at);
        if (!line.empty() && std::islower(static_cast<unsigned char>(line[0])) && line.find('\'') == std::string_view::npos) words.push_back(line);
        at = next + 1;
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return WordSet::over(std::move(words), text);
}

namespace {

constexpr CacheKind index_cache_kind{{'S', 'P', 'G', 'A', 'Z', 'I', 'D', 'X'}, 18};  // 18: regions' postal codes

// The sources' content: the gazetteer, the country outlines that name its countries, world-countries,
// Natural Earth's regions and the word list that keeps ordinary words out of their names.
std::uint64_t source_key() {
    std::uint64_t key = 0;
    for (const auto& path : {std::filesystem::path(gazetteer_path()), natural_earth_countries(DetailLevel::medium_50m), world_countries_path(),
                             admin_regions_path(), std::filesystem::path(dictionary_path)})
        key = file_content_hash(path, key).value_or(key + 1);
    return key;
}

// What the reader knows besides the towns, after the gazetteer in the cache: country names, demonyms,
// the countries', continents' and regions' places, the regions' names.
void save_resources(std::string& out, const GeoparserResources& r) {
    put(out, static_cast<std::uint64_t>(r.countries.size()));
    for (const auto& [name, code] : r.countries) {
        put_text(out, name);
        put_text(out, code);
    }
    put(out, static_cast<std::uint64_t>(r.adjectives.size()));
    for (const auto& a : r.adjectives) put_text(out, a);
    put(out, static_cast<std::uint64_t>(r.country_entries.size()));
    for (const auto& [key, entry] : r.country_entries) {
        put_text(out, key);
        put_entry(out, entry);
    }
    put(out, static_cast<std::uint64_t>(r.regions.size()));
    for (const auto& [name, keys] : r.regions) {
        put_text(out, name);
        put(out, static_cast<std::uint64_t>(keys.size()));
        for (const auto& k : keys) put_text(out, k);
    }
}

bool restore_resources(const char*& p, const char* end, GeoparserResources& r) {
    // A count no longer than the bytes left: a broken file cannot make it reserve the world.
    auto count = [&](std::uint64_t& n) { return take(p, end, n) && n <= static_cast<std::uint64_t>(end - p); };
    std::uint64_t n = 0;
    if (!count(n)) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string name, code;
        if (!take_string(p, end, name) || !take_string(p, end, code)) return false;
        r.countries.emplace(std::move(name), std::move(code));
    }
    if (!count(n)) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string a;
        if (!take_string(p, end, a)) return false;
        r.adjectives.insert(std::move(a));
    }
    if (!count(n)) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string key;
        GazetteerEntry entry;
        if (!take_string(p, end, key) || !take_entry(p, end, entry)) return false;
        r.country_entries.emplace(std::move(key), std::move(entry));
    }
    if (!count(n)) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string name;
        std::uint64_t keys = 0;
        if (!take_string(p, end, name) || !count(keys)) return false;
        auto& list = r.regions[name];
        for (std::uint64_t k = 0; k < keys; ++k) {
            std::string key;
            if (!take_string(p, end, key)) return false;
            list.push_back(std::move(key));
        }
    }
    return true;
}

bool restore_cache(const std::filesystem::path& file, std::uint64_t key, GeoparserData& data) {
    auto mapped = map_cache_file(file, index_cache_kind, key);
    if (!mapped) return false;
    const auto mapping = std::make_shared<const MappedCache>(std::move(*mapped));
    const char* p = mapping->bytes().data();
    const char* end = p + mapping->bytes().size();
    auto index = GazetteerIndex::restore(p, end, mapping);
    if (!index || !restore_resources(p, end, data.resources)) return false;
    // The word list, read where it lies in the cache.
    std::uint64_t n = 0;
    if (!take(p, end, n) || n > static_cast<std::uint64_t>(end - p)) return false;
    std::vector<std::string_view> words;
    words.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        std::uint32_t size = 0;
        if (!take(p, end, size) || size > static_cast<std::size_t>(end - p)) return false;
        words.emplace_back(p, size);
        p += size;
    }
    if (p != end || !std::is_sorted(words.begin(), words.end())) return false;
    data.resources.common_words = WordSet::over(std::move(words), mapping);
    data.gazetteer = std::move(index);
    return true;
}

}  // namespace

std::optional<GeoparserData> cached_geoparser_data() {
    GeoparserData data;
    if (!restore_cache(cache_folder() / "gazetteer.idx", source_key(), data)) return std::nullopt;
    data.resources.gazetteer = data.gazetteer.get();
    return data;
}

void cache_geoparser_data(const GeoparserData& data) {
    std::string out;
    data.gazetteer->save(out);
    save_resources(out, data.resources);
    put(out, static_cast<std::uint64_t>(data.resources.common_words.size()));
    for (std::string_view w : data.resources.common_words.words()) put_text(out, w);
    write_cache_file(cache_folder() / "gazetteer.idx", index_cache_kind, source_key(), out);
}

}  // namespace storyplot
