#pragma once
// Reads any vector source GDAL opens (Shapefile, GeoPackage, GeoJSON, TopoJSON, KML, GPX, OSM PBF…)
// into lon/lat layers, reprojected from whatever CRS it declares (none declared: WGS84 is assumed).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/files/input_error.hpp"
#include "core/geo/geometry.hpp"
#include "core/labels/context_labels.hpp"
#include "core/style/map_style.hpp"

class GDALDataset;
class OGRFeature;
class OGRLayer;

namespace storyplot {

struct VectorSource {
    std::string path;
    std::string driver;  // GDAL's short name, e.g. "GPKG"
    std::vector<VectorLayer> layers;  // only the layers that hold something
    std::vector<Town> places;         // points a style rule labels (place=town…), most populous first
    std::vector<NamedLine> named_lines;  // lines a style rule labels (rivers), by rank

    Box lonlat_bounds() const;
};

// Throws InputError ("PATH: what is wrong") for a missing, empty, corrupt or unsupported file,
// or one that holds no features at all. With a style, each file layer is split by the rule its
// features match (a VectorLayer per rule, in the style's order); in a file layer where some features
// match, those that match none are left out (fences, power lines: what the style does not draw); a
// file layer where none matches stays one layer, drawn by geometry. `only_layers` (empty: all)
// names the layers (tables) to read; one the source lacks is an InputError that lists what it has.
VectorSource load_vector_source(const std::string& path, const MapStyle* style = nullptr, const std::vector<std::string>& only_layers = {});

// Features gathered into a VectorSource as load_vector_source gathers them (by the style's rules,
// named places and lines), from a whole source or from what a view asks of one (data/view_source).
class VectorCollector {
public:
    VectorCollector(std::string path, std::string driver, const MapStyle* style);
    ~VectorCollector();
    VectorCollector(const VectorCollector&) = delete;
    VectorCollector& operator=(const VectorCollector&) = delete;

    // A feature of `layer`, reprojected to lon/lat by its CRS (the first layer of that name sets it
    // up: layers of one name, from one source or its tiles, gather into one).
    void add(OGRFeature& feature, OGRLayer& layer);
    // Sets up `layer` before its first feature (some drivers need its CRS read first).
    void begin_layer(OGRLayer& layer);
    // Whether anything was gathered from `layer`.
    bool holds_features_of(OGRLayer& layer) const;
    bool empty() const { return m_readings.empty(); }
    // The layers gathered: unstyled first, then the styled ones in the style's order.
    VectorSource finish();

private:
    struct Reading;
    Reading& reading_for(OGRLayer& layer);

    VectorSource m_source;
    const MapStyle* m_style;
    std::map<std::string, std::unique_ptr<Reading>> m_readings;  // by layer name
    std::vector<std::string> m_order;
};

// The layer named `name`; InputError naming the source as `shown` and listing the layers it has.
OGRLayer& layer_named(GDALDataset& ds, const std::string& name, const std::string& shown);
// That error, for a source whose layers are listed otherwise (a PMTiles archive's metadata).
InputError no_such_layer(const std::string& shown, const std::string& name, const std::vector<std::string>& has);

}  // namespace storyplot
