#include "data/view_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

#include <cpl_vsi.h>

#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/storymap.hpp"
#include "data/gdal_support.hpp"
#include "data/osm_index.hpp"
#include "data/pmtiles_archive.hpp"
#include "data/vector_source.hpp"

namespace storyplot {

namespace {

// The most tiles a PMTiles read opens: a view that needs more (a poster-sized render) reads coarser
// tiles; one wider than the archive's coarsest zoom serves reads none, and says so.
constexpr std::size_t max_tiles_a_read = 256;

// Vector tiles' attribution (HTML, as web maps show it: "<a href=…>© OpenMapTiles</a> …") as one
// line of text for the credits.
std::string credit_line(const std::string& attribution) {
    std::string line;
    for (char c : html_to_rich_text(attribution)) {
        if (c == '\n' || c == '*') c = ' ';
        if (c == ' ' && (line.empty() || line.back() == ' ')) continue;
        line += c;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

}  // namespace

bool reads_by_view(const std::string& path) {
    if (gdal::is_connection_string(path)) return true;
    const std::string extension = lower_extension(path);
    if (extension == ".mbtiles" || extension == ".pmtiles") return true;  // vector tiles: read by the view's zoom
    if (indexes_osm(path)) return true;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return !ec && size > view_read_bytes;
}

std::string shown_source_name(const std::string& path) { return gdal::shown_name(path); }

namespace {

struct ViewLayer {
    OGRLayer* layer = nullptr;
    gdal::TransformPtr from_wgs84;  // null: the layer is in lon/lat
};

std::string ordinal(long long n) {
    const long long tens = n % 100;
    const char* suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

}  // namespace

// One PMTiles tile given to GDAL's MVT driver from memory, unlinked when done.
struct TileDataset {
    std::string vsi_path;
    std::unique_ptr<std::string> bytes;  // where the in-memory file's bytes stay put
    gdal::DatasetPtr ds;

    TileDataset() = default;
    TileDataset(TileDataset&& other) noexcept
        : vsi_path(std::exchange(other.vsi_path, {})), bytes(std::move(other.bytes)), ds(std::move(other.ds)) {}  // unlinked once
    TileDataset& operator=(TileDataset&&) = delete;
    ~TileDataset() {
        ds.reset();
        if (!vsi_path.empty()) VSIUnlink(vsi_path.c_str());
    }
};

struct ViewSource::Impl {
    std::string path;
    std::string name;
    std::string driver;
    std::vector<std::string> only_layers;
    gdal::DatasetPtr ds;
    std::vector<ViewLayer> layers;
    std::size_t color_index = 0;
    const MapStyle* style = nullptr;
    std::size_t budget = view_feature_budget;
    // Vector tiles (MBTiles, PMTiles): read at the zoom the view needs, between the file's own.
    bool tiles = false;
    int min_zoom = 0, max_zoom = 0, zoom = -1;
    std::unique_ptr<PmTilesArchive> archive;  // PMTiles: its tiles opened one by one by GDAL's MVT driver
    std::string credit;                       // what the tiles' metadata asks the map to say

    void choose_layers();
    void open_zoom(int z);
    // Each tile of `archive` in `lonlat` as a GDAL dataset, at zoom `z` or as much coarser as keeps
    // them within max_tiles_a_read (`z` says which); none when even the coarsest has too many.
    std::optional<std::vector<TileDataset>> open_tiles(const Box& lonlat, int& z);
};

std::optional<std::vector<TileDataset>> ViewSource::Impl::open_tiles(const Box& lonlat, int& z) {
    long long x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    for (;; --z) {
        const double n = std::ldexp(1.0, z);
        const auto last = static_cast<long long>(n) - 1;
        auto column = [&](double lon) { return std::clamp(static_cast<long long>(std::floor((lon + 180) / 360 * n)), 0LL, last); };
        auto row = [&](double lat) {
            const double phi = std::clamp(lat, -mercator::max_latitude, mercator::max_latitude) * M_PI / 180;
            return std::clamp(static_cast<long long>(std::floor((1 - std::asinh(std::tan(phi)) / M_PI) / 2 * n)), 0LL, last);
        };
        x0 = column(lonlat.min_x), x1 = column(lonlat.max_x), y0 = row(lonlat.max_y), y1 = row(lonlat.min_y);
        if ((x1 - x0 + 1) * (y1 - y0 + 1) <= static_cast<long long>(max_tiles_a_read)) break;
        if (z == min_zoom) return std::nullopt;
    }
    std::vector<TileDataset> out;
    for (long long x = x0; x <= x1; ++x)
        for (long long y = y0; y <= y1; ++y) {
            auto bytes = archive->tile({z, static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)});
            if (!bytes) continue;
            TileDataset t;
            t.bytes = std::make_unique<std::string>(std::move(*bytes));
            t.vsi_path = "/vsimem/storyplot-pmtiles-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + "-" + std::to_string(z) + "-" +
                         std::to_string(x) + "-" + std::to_string(y) + ".mvt";
            VSIFCloseL(VSIFileFromMemBuffer(t.vsi_path.c_str(), reinterpret_cast<GByte*>(t.bytes->data()), t.bytes->size(), FALSE));
            const std::string zxy[] = {"X=" + std::to_string(x), "Y=" + std::to_string(y), "Z=" + std::to_string(z)};
            const char* options[] = {zxy[0].c_str(), zxy[1].c_str(), zxy[2].c_str(), nullptr};
            const char* drivers[] = {"MVT", nullptr};
            CPLErrorReset();
            t.ds.reset(static_cast<GDALDataset*>(GDALOpenEx(t.vsi_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options, nullptr)));
            if (!t.ds)
                throw InputError(name, "tile " + std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(y) +
                                           " is not a readable vector tile: " + gdal::last_error());
            out.push_back(std::move(t));
        }
    return out;
}

// The layers asked for (or every one with geometry), each with its CRS's way from lon/lat.
void ViewSource::Impl::choose_layers() {
    layers.clear();
    std::vector<OGRLayer*> chosen;
    for (const auto& layer_name : only_layers) chosen.push_back(&layer_named(*ds, layer_name, name));
    if (only_layers.empty())
        for (OGRLayer* layer : ds->GetLayers())
            if (layer->GetGeomType() != wkbNone) chosen.push_back(layer);
    if (chosen.empty()) throw InputError(name, "has no layer with geometry");
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    for (OGRLayer* layer : chosen) {
        if (layer->GetGeomType() == wkbNone) throw InputError(name, std::string("layer \"") + layer->GetName() + "\" has no geometry");
        ViewLayer v;
        v.layer = layer;
        const OGRSpatialReference* crs = layer->GetSpatialRef();
        if (crs && !(crs->IsGeographic() && crs->IsSame(&wgs84))) {
            OGRSpatialReference to(*crs);
            to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            v.from_wgs84.reset(OGRCreateCoordinateTransformation(&wgs84, &to));
            if (!v.from_wgs84) throw InputError(name, std::string("layer \"") + layer->GetName() + "\": cannot reproject lon/lat to its CRS");
        }
        layers.push_back(std::move(v));
    }
}

// The tiles of zoom `z` (GDAL's MBTiles driver reads one zoom level a dataset).
void ViewSource::Impl::open_zoom(int z) {
    if (z == zoom) return;
    const std::string option = "ZOOM_LEVEL=" + std::to_string(z);
    const char* options[] = {option.c_str(), nullptr};
    CPLErrorReset();
    gdal::DatasetPtr at(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr)));
    if (!at) throw InputError(name, "cannot read its tiles of zoom " + std::to_string(z) + ": " + gdal::last_error());
    layers.clear();
    ds = std::move(at);
    zoom = z;
    choose_layers();
}

ViewSource::ViewSource(const std::string& path, const std::vector<std::string>& only_layers, std::size_t color_index, const MapStyle* style,
                       std::size_t budget, const std::function<void(double)>& progress)
    : m(std::make_unique<Impl>()) {
    m->path = path;
    m->name = gdal::shown_name(path);
    m->only_layers = only_layers;
    m->color_index = color_index;
    m->style = style;
    m->budget = budget;
    if (lower_extension(path) == ".pmtiles") {
        gdal::initialise();
        m->archive = std::make_unique<PmTilesArchive>(path);
        m->driver = "PMTiles";
        m->tiles = true;
        m->min_zoom = m->archive->header().min_zoom;
        m->max_zoom = m->archive->header().max_zoom;
        m->credit = credit_line(m->archive->attribution());
        const auto& names = m->archive->layer_names();
        for (const auto& wanted : only_layers)
            if (!names.empty() && std::find(names.begin(), names.end(), wanted) == names.end()) throw no_such_layer(m->name, wanted, names);
        return;
    }
    if (indexes_osm(path)) {
        m->path = osm_index(path, progress);
        m->credit = osm_credit;
    }
    m->ds = gdal::open_vector(m->path);
    m->driver = m->ds->GetDriver() ? m->ds->GetDriver()->GetDescription() : "";
    if (m->driver == "MBTiles") {
        auto zoom_item = [&](const char* key, int otherwise) {
            const char* value = m->ds->GetMetadataItem(key);
            return value ? std::atoi(value) : otherwise;
        };
        m->tiles = true;
        const char* attribution = m->ds->GetMetadataItem("attribution");
        m->credit = credit_line(attribution ? attribution : "");
        m->max_zoom = zoom_item("maxzoom", 14);
        m->min_zoom = std::min(zoom_item("minzoom", 0), m->max_zoom);
        m->zoom = m->max_zoom;  // GDAL opens the finest level
    }
    m->choose_layers();
}

int ViewSource::tile_zoom() const { return m->tiles ? m->zoom : -1; }

ViewSource::~ViewSource() = default;

const std::string& ViewSource::name() const { return m->name; }

Box ViewSource::lonlat_extent() const {
    Box out;
    if (m->archive) {
        const pmtiles::Header& h = m->archive->header();
        return Box::of(h.west, h.south, h.east, h.north);
    }
    for (const ViewLayer& v : m->layers) {
        // The database's estimate where it keeps one (PostGIS after ANALYZE), not a scan of the table.
        OGREnvelope env;
        if (v.layer->GetExtent(&env, FALSE) != OGRERR_NONE && v.layer->GetExtent(&env, TRUE) != OGRERR_NONE) continue;
        if (!v.from_wgs84) {
            out.add(Box::of(env.MinX, env.MinY, env.MaxX, env.MaxY));
            continue;
        }
        gdal::TransformPtr back(v.from_wgs84->GetInverse());
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (back && back->TransformBounds(env.MinX, env.MinY, env.MaxX, env.MaxY, &x0, &y0, &x1, &y1, 21)) out.add(Box::of(x0, y0, x1, y1));
    }
    return out;
}

LoadedSource ViewSource::read(const Box& asked, double tolerance) {
    // Vector tiles at the zoom whose 512-pixel tiles match the view's pixels (tolerance: half a pixel).
    int tile_zoom = -1;
    if (m->tiles) {
        const double pixel = std::max(2 * tolerance, 1e-3);
        const int wanted = static_cast<int>(std::lround(std::log2(mercator::world_width / (512 * pixel))));
        tile_zoom = std::clamp(wanted, m->min_zoom, m->max_zoom);
        if (!m->archive) m->open_zoom(tile_zoom);  // an archive's zoom is set as its tiles are opened
    }
    // A view panned past the antimeridian, or wider than the world, asks for the whole band.
    Box lonlat = asked;
    if (lonlat.min_x < -180 || lonlat.max_x > 180) lonlat.min_x = -180, lonlat.max_x = 180;
    lonlat.min_y = std::max(lonlat.min_y, -90.0);
    lonlat.max_y = std::min(lonlat.max_y, 90.0);

    // The layers to read: a PMTiles archive's tiles in the view, each a dataset of its own; or each
    // layer filtered to the view (the database's index, the GeoPackage's R-tree).
    std::optional<std::vector<TileDataset>> tiles;
    std::vector<OGRLayer*> in_view;
    long long total = 0;
    auto count = [&](OGRLayer& layer) {
        CPLErrorReset();
        const GIntBig n = layer.GetFeatureCount(TRUE);
        if (CPLGetLastErrorType() >= CE_Failure)
            throw InputError(m->name, std::string("reading layer \"") + layer.GetName() + "\": " + gdal::last_error());
        if (n <= 0) return;
        total += n;
        in_view.push_back(&layer);
    };
    if (m->archive) {
        tiles = m->open_tiles(lonlat, tile_zoom);
        m->zoom = tile_zoom;
        if (!tiles) {
            LoadedSource none;
            none.notes.push_back(m->name + ": this view needs more than " + std::to_string(max_tiles_a_read) +
                                 " of its coarsest tiles (zoom " + std::to_string(m->min_zoom) + "); zoom in to see it");
            return none;
        }
        for (TileDataset& t : *tiles)
            for (OGRLayer* layer : t.ds->GetLayers())
                if (m->only_layers.empty() ||
                    std::find(m->only_layers.begin(), m->only_layers.end(), std::string(layer->GetName())) != m->only_layers.end())
                    count(*layer);
    } else {
        for (ViewLayer& v : m->layers) {
            double x0 = lonlat.min_x, y0 = lonlat.min_y, x1 = lonlat.max_x, y1 = lonlat.max_y;
            if (v.from_wgs84 && !v.from_wgs84->TransformBounds(lonlat.min_x, lonlat.min_y, lonlat.max_x, lonlat.max_y, &x0, &y0, &x1, &y1, 21))
                continue;  // the view lies beyond where the layer's CRS reaches
            v.layer->SetSpatialFilterRect(x0, y0, x1, y1);
            count(*v.layer);
        }
    }

    // More than the budget, and an even sample of it is drawn, every k-th.
    const auto budget = static_cast<long long>(m->budget);
    const long long stride = total > budget ? (total + budget - 1) / budget : 1;
    VectorCollector collector(m->name, m->driver, m->style);
    long long seen = 0, kept = 0;
    for (OGRLayer* layer : in_view) {
        // A database (PostGIS, a GeoPackage's SQLite) samples by its feature ids itself, and sends
        // only what is drawn; other sources are sampled here as they are read.
        const std::string fid = layer->GetFIDColumn();
        const bool sampled_by_source = stride > 1 && !fid.empty() && (m->driver == "PostgreSQL" || m->driver == "GPKG");
        if (sampled_by_source) {
            const std::string where = "\"" + fid + "\" % " + std::to_string(stride) + " = 0";
            if (layer->SetAttributeFilter(where.c_str()) != OGRERR_NONE) layer->SetAttributeFilter(nullptr);
        }
        const long long every = sampled_by_source ? 1 : stride;
        layer->ResetReading();
        collector.begin_layer(*layer);
        CPLErrorReset();
        while (kept < budget) {
            gdal::FeaturePtr feature(layer->GetNextFeature());
            if (!feature) break;
            if (seen++ % every != 0) continue;
            collector.add(*feature, *layer);
            ++kept;
        }
        const bool failed = CPLGetLastErrorType() >= CE_Failure;
        const std::string error = gdal::last_error();
        if (sampled_by_source) layer->SetAttributeFilter(nullptr);
        if (failed) throw InputError(m->name, std::string("reading layer \"") + layer->GetName() + "\": " + error);
        layer->ResetReading();  // a database's cursor closed, not left open until the next view
    }
    LoadedSource out = loaded_source(collector.finish(), m->color_index, m->style, tolerance);
    // A polygon in vector tiles is cut at each tile's edge: its outline would draw the tile grid.
    if (m->tiles)
        for (auto& layer : out.layers) layer.outline = Mesh{};
    if (out.credit.empty()) out.credit = m->credit;
    out.sample_every = static_cast<std::size_t>(stride);
    if (stride > 1)
        out.notes.insert(out.notes.begin(), m->name + ": " + std::to_string(total) + " features in this view: every " + ordinal(stride) +
                                                " is drawn (" + std::to_string(kept) + "); zoom in to see them all");
    return out;
}

}  // namespace storyplot
