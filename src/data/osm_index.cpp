#include "data/osm_index.hpp"

#include <gdal_utils.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <system_error>

#include "core/files/cache_file.hpp"
#include "core/files/content_hash.hpp"
#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "core/files/interrupt.hpp"
#include "data/gdal_support.hpp"

namespace storyplot {

namespace fs = std::filesystem;

namespace {

constexpr int index_version = 1;  // bump when what is copied changes
constexpr const char* key_item = "STORYPLOT_OSM_KEY";

// Whether `index` is a GeoPackage that GDAL opens and that was built for `key`.
bool index_holds(const fs::path& index, const std::string& key) {
    std::error_code ec;
    if (!fs::is_regular_file(index, ec)) return false;
    const char* drivers[] = {"GPKG", nullptr};
    gdal::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(index.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
    if (!ds) return false;
    const char* stored = ds->GetMetadataItem(key_item);
    return stored && key == stored;
}

int report_progress(double fraction, const char*, void* data) {
    const auto* progress = static_cast<const std::function<void(double)>*>(data);
    if (*progress) (*progress)(fraction);
    return TRUE;
}

}  // namespace

bool indexes_osm(const std::string& path) {
    const std::string extension = lower_extension(path);
    if (extension != ".pbf" && extension != ".osm") return false;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return !ec && size > osm_index_bytes;
}

std::string osm_index(const std::string& path, const std::function<void(double)>& progress) {
    gdal::initialise();
    std::error_code ec;
    const fs::path source = fs::absolute(path, ec);
    const auto size = fs::file_size(source, ec);
    if (ec) throw InputError(path, "cannot read: " + ec.message());
    const auto modified = fs::last_write_time(source, ec).time_since_epoch().count();
    const std::string key_text = source.string() + "\n" + std::to_string(size) + "\n" + std::to_string(modified) + "\n" + std::to_string(index_version);
    char key[17];
    std::snprintf(key, sizeof key, "%016llx", static_cast<unsigned long long>(content_hash(key_text)));
    const fs::path folder = cache_folder() / "osm";
    const fs::path index = folder / (std::string(key) + ".gpkg");
    if (index_holds(index, key)) return index.string();

    fs::create_directories(folder, ec);
    if (ec) throw InputError(path, "cannot make its index in " + folder.string() + ": " + ec.message());
    // Parts of indexes a killed process left (a day old: no build still runs) go.
    const auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().filename().string().find(".gpkg.part-") != std::string::npos && entry.last_write_time(ec) < day_ago)
            fs::remove(entry.path(), ec);
    const fs::path building = folder / (std::string(key) + ".gpkg.part-" + std::to_string(getpid()) + "-" + std::to_string(std::random_device{}()));
    const gdal::DatasetPtr in = gdal::open_vector(path);
    // Ctrl+C in a headless command removes the part written so far and SQLite's journal beside it
    // (core/files/interrupt).
    struct Registered {
        int slots[2];
        ~Registered() {
            for (const int slot : slots)
                if (slot >= 0) unregister_temporary(slot);
        }
    } registered{{register_temporary_file(building.c_str()), register_temporary_file((building.string() + "-journal").c_str())}};
    // Each layer (points, lines, multipolygons…) with its tags (other_tags as the OSM driver gives
    // them, which the style reads the same way) and an R-tree; large transactions for speed.
    const char* args[] = {"-f", "GPKG", "-gt", "65536", "-lco", "SPATIAL_INDEX=YES", nullptr};
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
    GDALVectorTranslateOptionsSetProgress(options, report_progress, const_cast<std::function<void(double)>*>(&progress));
    GDALDatasetH source_handle = GDALDataset::ToHandle(in.get());
    int usage_error = FALSE;
    CPLErrorReset();
    gdal::DatasetPtr out(GDALDataset::FromHandle(GDALVectorTranslate(building.c_str(), nullptr, 1, &source_handle, options, &usage_error)));
    GDALVectorTranslateOptionsFree(options);
    const std::string error = gdal::last_error();
    bool written = false;
    if (out) {
        out->SetMetadataItem(key_item, key);
        CPLErrorReset();
        out.reset();  // closed: the GeoPackage's last transaction committed
        written = CPLGetLastErrorType() < CE_Failure;
    }
    if (!written) {
        fs::remove(building, ec);
        throw InputError(path, "cannot index it for reads by view in " + folder.string() + ": " +
                                   (error.empty() ? gdal::last_error() : error));
    }
    fs::rename(building, index, ec);  // whole or not at all: a reader never sees a half-written index
    if (ec) {
        fs::remove(building, ec);
        throw InputError(path, "cannot keep its index in " + folder.string() + ": " + ec.message());
    }
    if (progress) progress(1.0);
    return index.string();
}

}  // namespace storyplot
