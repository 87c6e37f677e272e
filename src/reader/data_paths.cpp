#include "reader/data_paths.hpp"

#include <cstdlib>
#include <string>
#include <system_error>

namespace storyplot {

namespace fs = std::filesystem;

namespace {
bool has_data(const fs::path& root) {
    std::error_code ec;
    return fs::exists(root / "node_modules" / "world-atlas", ec);
}
}  // namespace

fs::path data_root() {
    static const fs::path root = [] {
        if (const char* env = std::getenv("STORYPLOT_DATA"); env && *env) return fs::path(env);
        std::error_code ec;
        const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) {
            for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
                if (has_data(dir)) return dir;
        }
        return fs::path(STORYPLOT_SOURCE_DIR);
    }();
    return root;
}

fs::path natural_earth_countries(DetailLevel level) {
    return data_root() / "node_modules" / "world-atlas" / ("countries-" + std::string(detail_suffix(countries_level(level))) + ".json");
}

fs::path world_countries_path() { return data_root() / "node_modules" / "world-countries" / "countries.json"; }

fs::path admin_regions_path() { return "/usr/share/qgis/resources/data/world_map.gpkg"; }

fs::path gshhg_rivers_path(char resolution) { return fs::path("/usr/share/gmt-gshhg") / (std::string("binned_river_") + resolution + ".nc"); }

fs::path gshhg_shores_path(char resolution) { return fs::path("/usr/share/gmt-gshhg") / (std::string("binned_GSHHS_") + resolution + ".nc"); }

}  // namespace storyplot
