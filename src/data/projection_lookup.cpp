#include "data/projection_lookup.hpp"

#include <cpl_conv.h>
#include <ogr_spatialref.h>

#include <cctype>

#include "data/gdal_support.hpp"

namespace storyplot {

std::optional<ProjectionChoice> lookup_projection(const std::string& text, std::string& error) {
    std::string upper;
    for (char c : text.substr(0, 5)) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper != "EPSG:") return parse_projection_name(text, error);

    gdal::initialise();
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(text.c_str()) != OGRERR_NONE) {
        error = "PROJ does not know " + text;
        return std::nullopt;
    }
    if (srs.IsGeographic()) {
        ProjectionChoice choice;
        choice.exact = Projection{ProjectionKind::equirectangular};
        return choice;
    }
    char* proj4 = nullptr;
    const OGRErr err = srs.exportToProj4(&proj4);
    const std::string definition = err == OGRERR_NONE && proj4 ? proj4 : "";
    CPLFree(proj4);
    if (definition.empty()) {
        error = text + " has no PROJ definition storyplot can read";
        return std::nullopt;
    }
    auto choice = parse_projection_name(definition, error);
    if (!choice) error = text + " (" + definition + "): " + error;
    return choice;
}

}  // namespace storyplot
