#pragma once
// The gazetteer the geoparser reads: GeoNames cities500 (every populated place, every Latin-script
// name and alternate name, folded), and the English word list of Debian's wamerican package; the
// reader's whole data read back from its cache. Nothing here needs GDAL: a warm `extract` runs
// without loading it (src/launch).
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/files/cache_file.hpp"
#include "core/geoparse/geoparser.hpp"

namespace storyplot {

class GazetteerIndex : public Gazetteer {
public:
    GazetteerIndex() = default;
    GazetteerIndex(const GazetteerIndex&) = delete;  // its views point into its own storage
    GazetteerIndex& operator=(const GazetteerIndex&) = delete;
    // Parses cities500.txt. Throws InputError naming the file that is missing or unreadable.
    static std::unique_ptr<GazetteerIndex> load(const std::string& cities_path);

    std::vector<const GazetteerEntry*> find(const std::string& folded) const override;
    // Entries with a name that begins with `folded_prefix` (each once), from at most `max_names`
    // names in sorted order: what a search box offers as the user types.
    std::vector<const GazetteerEntry*> find_prefix(std::string_view folded_prefix, std::size_t max_names = 20000) const;
    std::size_t size() const { return m_count; }
    // The i-th entry (i < size()); the same object each time.
    const GazetteerEntry& entry(std::size_t i) const;

    // The compact form: the entries (with a table of where each begins) and the folded names, sorted,
    // in one blob.
    void save(std::string& out) const;
    // From the compact form in a mapped cache, which the index then holds: its names and their blob
    // are read where they lie, not copied, and an entry is decoded when a lookup first returns it (a
    // warm extract looks up a few hundred of 200,000). nullptr when broken.
    static std::unique_ptr<GazetteerIndex> restore(const char*& data, const char* end, std::shared_ptr<const MappedCache> mapping);

private:
    struct NameRef {
        std::uint32_t offset, length, entry;
    };
    std::string_view name_at(const NameRef& r) const { return m_blob.substr(r.offset, r.length); }

    std::size_t m_count = 0;
    std::vector<GazetteerEntry> m_entries;  // built
    // Restored: each entry's place in the mapped cache (a table of 32-bit offsets into its bytes),
    // and the entries decoded so far, under a lock (lookups may come from several threads).
    const char* m_entry_table = nullptr;
    std::string_view m_entry_bytes;
    mutable std::mutex m_decoding;
    mutable std::vector<std::unique_ptr<const GazetteerEntry>> m_decoded;
    std::string_view m_blob;              // every folded name, back to back
    std::span<const NameRef> m_names;     // sorted by name
    // What those two point into: the index's own (built) or the mapped cache (restored).
    std::string m_own_blob;
    std::vector<NameRef> m_own_names;
    std::shared_ptr<const MappedCache> m_mapping;
};

// Lower-case English words from /usr/share/dict/american-english (empty if absent).
WordSet load_common_words();

// All of it, ready for extract_places (the gazetteer is owned by the object): the towns, the
// countries by name, short form and demonym, the continents and the first-level regions. Built by
// load_geoparser_data (data/geoparser_data.hpp) from its sources, which need GDAL.
struct GeoparserData {
    std::unique_ptr<GazetteerIndex> gazetteer;
    GeoparserResources resources;
    bool built = false;
};

// The reader's data from its cache (in cache_folder()), when the cache was made from the sources as
// they are today (GeoNames, the countries' outlines and names, the regions, the word list);
// nullopt when there is none, it is broken, or a source has changed.
std::optional<GeoparserData> cached_geoparser_data();
// Writes `data`, built from today's sources, as that cache.
void cache_geoparser_data(const GeoparserData& data);

}  // namespace storyplot
