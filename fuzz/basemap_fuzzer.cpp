// A basemap layer through GDAL and our conversion and tessellation: the first byte picks the
// format the rest is read as (GeoJSON, TopoJSON, KML, GPX); any bytes give layers or one InputError.
#include <cpl_vsi.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/geo/color.hpp"
#include "core/files/input_error.hpp"
#include "data/layer_meshes.hpp"
#include "data/vector_source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static const char* const names[] = {"/vsimem/fuzz.geojson", "/vsimem/fuzz.topojson", "/vsimem/fuzz.kml", "/vsimem/fuzz.gpx"};
    const char* name = names[data[0] % 4];
    VSILFILE* f = VSIFileFromMemBuffer(name, const_cast<GByte*>(data + 1), static_cast<vsi_l_offset>(size - 1), FALSE);
    if (!f) return 0;
    VSIFCloseL(f);
    try {
        const storyplot::VectorSource source = storyplot::load_vector_source(name);
        for (const auto& layer : source.layers) (void)storyplot::build_layer_meshes(layer, storyplot::overlay_color(0));
    } catch (const storyplot::InputError&) {
    }
    VSIUnlink(name);
    return 0;
}
