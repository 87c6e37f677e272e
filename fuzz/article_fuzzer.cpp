// Article text through the whole geoparser, with a small gazetteer of its own (no data files):
// any bytes are refused with one InputError or give places and routes that make a valid story.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "core/geoparse/article_text.hpp"
#include "core/geoparse/geoparser.hpp"
#include "core/files/input_error.hpp"
#include "core/geoparse/name_folding.hpp"
#include "core/story/story_file.hpp"

namespace {

using namespace storyplot;

class SmallGazetteer : public Gazetteer {
public:
    SmallGazetteer() {
        const GazetteerEntry places[] = {
            {1871859, "Pyongyang", {125.7547, 39.0339}, 3222000, "PPLC", "KP"},
            {2013348, "Vladivostok", {131.8735, 43.1056}, 587022, "PPLA", "RU"},
            {2022586, "Khasan", {130.6516, 42.4239}, 776, "PPL", "RU"},
            {524901, "Moscow", {37.6156, 55.7522}, 10381222, "PPLC", "RU"},
            {1581130, "Hanoi", {105.8412, 21.0245}, 1431270, "PPLC", "VN"},
            {4140963, "Washington", {-77.0364, 38.8951}, 601723, "PPLC", "US"},
            {2990440, "Nice", {7.2662, 43.7031}, 338620, "PPLA2", "FR"},
            {2063523, "Perth", {115.8614, -31.9522}, 1896548, "PPLA", "AU"},
            {2640354, "Perth", {-3.4313, 56.3952}, 47430, "PPL", "GB"},
            {1816670, "Beijing", {116.3972, 39.9075}, 18960744, "PPLC", "CN"},
            {2034937, "Shenyang", {123.4328, 41.7922}, 6255921, "PPLA", "CN"},
            {2017370, "Russkiy", {131.8683, 42.9997}, 5000, "PPL", "RU"},
        };
        for (const auto& p : places) m_by_name.emplace(fold_name(p.name), p);
    }
    std::vector<const GazetteerEntry*> find(const std::string& folded) const override {
        std::vector<const GazetteerEntry*> out;
        const auto [a, b] = m_by_name.equal_range(folded);
        for (auto it = a; it != b; ++it) out.push_back(&it->second);
        return out;
    }

private:
    std::multimap<std::string, GazetteerEntry> m_by_name;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const SmallGazetteer gazetteer;
    static const GeoparserResources resources = [] {
        GeoparserResources r;
        r.gazetteer = &gazetteer;
        r.countries = {{"russia", "RU"}, {"russian", "RU"}, {"north korea", "KP"}, {"china", "CN"}, {"vietnam", "VN"}, {"u s", "US"}};
        r.adjectives = {"russian"};
        r.country_entries = {{"RU", {0, "Russia", {100, 60}, 0, "PCLI", "RU"}}, {"KP", {0, "North Korea", {127, 40}, 0, "PCLI", "KP"}},
                             {"CN", {0, "China", {105, 35}, 0, "PCLI", "CN"}}, {"US", {0, "United States", {-97, 38}, 0, "PCLI", "US"}},
                             {"pk", {0, "Primor'ye", {135.36, 45.73}, 0, "ADM1", "RU", 1.65e5}},
                             {"wa", {0, "Washington", {-120.5, 47.4}, 0, "ADM1", "US", 1.85e5}}};
        // Regions: by name, one a town's too, and an abbreviation with its dots.
        r.regions = {{"primorsky", {"pk"}}, {"washington", {"wa"}}, {"wash.", {"wa"}}};
        r.common_words = {"nice", "reading", "the", "from", "after"};
        return r;
    }();
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        check_article_text("fuzz.txt", text);
    } catch (const InputError&) {
        return 0;
    }
    const Extraction found = extract_places(text, resources);
    for (const auto& place : found.places)
        for (const auto& m : place.mentions)
            if (m.offset < 0 || m.length < 0 || static_cast<std::size_t>(m.offset) + static_cast<std::size_t>(m.length) > text.size()) std::abort();
    for (const auto& route : found.routes)
        for (std::size_t stop : route.stops)
            if (stop >= found.places.size()) std::abort();
    // The draft is a story storyplot itself accepts.
    const Story draft = draft_story(found, "fuzz.txt");
    try {
        (void)parse_story(serialize_story(draft), "draft.story.json");
    } catch (const InputError&) {
        std::abort();
    }
    return 0;
}
