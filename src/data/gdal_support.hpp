#pragma once
// GDAL is wrapped here once; its types do not leave src/data.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <functional>
#include <memory>
#include <string>

#include "core/style/feature_tags.hpp"

namespace storyplot::gdal {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

// Registers the drivers and keeps GDAL quiet on stderr (we report errors ourselves). Idempotent.
void initialise();

// Whether `path` is a database connection string GDAL opens ("PG:dbname=… host=…"), not a file.
bool is_connection_string(const std::string& path);

// `path` as messages show it: a connection string's password hidden ("password=***").
std::string shown_name(const std::string& path);

// Opens a vector source read-only. Throws InputError ("PATH: what is wrong") for a missing, empty,
// raster, corrupt or unsupported file, or a database that refuses the connection (its message, one
// line; the password never shown).
DatasetPtr open_vector(const std::string& path);

// From a layer's CRS to lon/lat WGS84; null when none is needed (none declared is taken as lon/lat,
// as Natural Earth's TopoJSON). Throws InputError naming `path` for a CRS PROJ cannot undo.
TransformPtr transform_to_wgs84(const OGRSpatialReference* source, const std::string& path);

// The feature's attributes as tags; OGR's OSM driver keeps the keys it has no column for in
// `other_tags`, which are added too.
Tags feature_tags(const OGRFeature& feature);

// Every feature of the dataset with its layer, from the layers `take` accepts: in the file's order
// across layers where the driver reads that way (OSM; `take` asked for each feature's layer), else
// layer by layer (`take` asked before a layer is read: where a reader sets up what it keeps per
// layer, its CRS first, as some drivers need), GDAL's error state reset before each layer and
// `layer_done` called after it (a reader's per-layer checks).
void for_each_feature(GDALDataset& ds, const std::function<bool(OGRLayer&)>& take,
                      const std::function<void(OGRFeature&, OGRLayer&)>& visit,
                      const std::function<void(OGRLayer&)>& layer_done = {});

// GDAL's last error message, without trailing newline; empty when there was none.
std::string last_error();

}  // namespace storyplot::gdal
