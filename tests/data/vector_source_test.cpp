#include "data/vector_source.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>

#include "core/files/input_error.hpp"
#include "core/geo/mercator.hpp"
#include "data/osm_index.hpp"
#include "data/view_source.hpp"
#include "fixture_writer.hpp"

using namespace storyplot;
using storyplot::test_support::TempDir;

namespace {

const VectorLayer* find_layer(const VectorSource& source, const std::string& name) {
    for (const auto& layer : source.layers)
        if (layer.name == name) return &layer;
    return nullptr;
}

const VectorLayer& layer_named(const VectorSource& source, const std::string& name) {
    if (const VectorLayer* layer = find_layer(source, name)) return *layer;
    throw std::runtime_error("no layer " + name);
}

MapStyle shipped_style() { return read_map_style(std::string(STORYPLOT_TEST_DIR) + "/../assets/styles/osm.json"); }

// The message the user sees for a bad file, after "storyplot: ".
std::string error_for(const std::string& path) {
    try {
        load_vector_source(path);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(VectorSource, ReadsPolygonsWithHolesMultipolygonsLinesAndPoints) {
    TempDir dir;
    const auto path = dir.file("mixed.gpkg");
    test_support::write_mixed_geopackage(path);
    const VectorSource source = load_vector_source(path);
    EXPECT_EQ(source.driver, "GPKG");
    // The empty layer is left out; the three others are there.
    ASSERT_EQ(source.layers.size(), 3u);

    const VectorLayer& areas = layer_named(source, "areas");
    ASSERT_EQ(areas.polygons.size(), 3u);  // one polygon + a multipolygon of two
    ASSERT_EQ(areas.polygons[0].rings.size(), 2u);  // outer ring and hole
    EXPECT_EQ(areas.polygons[0].rings[1].size(), 5u);
    EXPECT_EQ(areas.polygons[0].rings[1][0], (LonLat{131, 43}));
    EXPECT_EQ(areas.polygons[1].rings.size(), 1u);
    EXPECT_EQ(areas.polygons[2].rings[0][0], (LonLat{127, 38}));

    const VectorLayer& roads = layer_named(source, "roads");
    ASSERT_EQ(roads.lines.size(), 1u);
    EXPECT_EQ(roads.lines[0].size(), 4u);
    EXPECT_EQ(roads.lines[0].back(), (LonLat{131.88, 43.11}));

    const VectorLayer& towns = layer_named(source, "towns");
    EXPECT_EQ(towns.points.size(), 3u);
    EXPECT_TRUE(towns.polygons.empty() && towns.lines.empty());
}

TEST(VectorSource, ReprojectsFromTheDeclaredCrs) {
    TempDir dir;
    const auto path = dir.file("station.shp");
    test_support::write_utm_shapefile(path);
    const VectorSource source = load_vector_source(path);
    ASSERT_EQ(source.layers.size(), 1u);
    ASSERT_EQ(source.layers[0].points.size(), 1u);
    const LonLat p = source.layers[0].points[0];
    EXPECT_NEAR(p.lon, 131.8869, 1e-6);  // lon first, whatever the CRS's axis order
    EXPECT_NEAR(p.lat, 43.1056, 1e-6);
}

TEST(VectorSource, GeoJsonWithoutCrsIsLonLat) {
    TempDir dir;
    const auto path = dir.file("small.geojson");
    test_support::write_text(path, test_support::small_geojson());
    const VectorSource source = load_vector_source(path);
    ASSERT_EQ(source.layers.size(), 1u);
    EXPECT_EQ(source.layers[0].points.size(), 1u);
    EXPECT_EQ(source.layers[0].lines.size(), 1u);
    EXPECT_EQ(source.layers[0].polygons.size(), 1u);
    const Box b = source.lonlat_bounds();
    EXPECT_DOUBLE_EQ(b.min_x, 130.65);
    EXPECT_DOUBLE_EQ(b.max_y, 43.8);
}

TEST(VectorSource, ReadsGpxTracksWithoutTheirPointLayers) {
    TempDir dir;
    const auto path = dir.file("track.gpx");
    test_support::write_text(path, R"(<?xml version="1.0"?>
<gpx version="1.1" creator="storyplot tests" xmlns="http://www.topografix.com/GPX/1/1">
 <wpt lat="43.1056" lon="131.8869"><name>Vladivostok</name></wpt>
 <trk><name>train</name><trkseg>
  <trkpt lat="42.4239" lon="130.6516"/><trkpt lat="43.7972" lon="131.9519"/><trkpt lat="43.1056" lon="131.8869"/>
 </trkseg></trk>
</gpx>)");
    const VectorSource source = load_vector_source(path);
    EXPECT_EQ(source.driver, "GPX");
    for (const auto& layer : source.layers) EXPECT_NE(layer.name, "track_points");
    EXPECT_EQ(layer_named(source, "waypoints").points.size(), 1u);
    ASSERT_EQ(layer_named(source, "tracks").lines.size(), 1u);
    EXPECT_EQ(layer_named(source, "tracks").lines[0].size(), 3u);
}

TEST(VectorSource, ReadsKml) {
    TempDir dir;
    const auto path = dir.file("places.kml");
    test_support::write_text(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
 <Placemark><name>Khasan</name><Point><coordinates>130.6516,42.4239,0</coordinates></Point></Placemark>
</Document></kml>)");
    const VectorSource source = load_vector_source(path);
    ASSERT_FALSE(source.layers.empty());
    ASSERT_EQ(source.layers[0].points.size(), 1u);
    EXPECT_NEAR(source.layers[0].points[0].lon, 130.6516, 1e-9);
}

// Each bad input gives one line that names the file and says what is wrong.
TEST(VectorSource, MissingFile) {
    EXPECT_EQ(error_for("/nonexistent/roads.gpkg"), "/nonexistent/roads.gpkg: no such file");
}

TEST(VectorSource, EmptyFile) {
    TempDir dir;
    const auto path = dir.file("empty.geojson");
    test_support::write_text(path, "");
    EXPECT_EQ(error_for(path), path + ": the file is empty");
}

TEST(VectorSource, CorruptGeoJson) {
    TempDir dir;
    const auto path = dir.file("broken.geojson");
    test_support::write_text(path, R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coord)");
    const std::string message = error_for(path);
    EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
    EXPECT_NE(message.find("corrupt or unreadable"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);
}

TEST(VectorSource, CorruptShapefile) {
    TempDir dir;
    const auto path = dir.file("broken.shp");
    test_support::write_text(path, std::string(100, '\x07') + "not a shapefile at all");
    const std::string message = error_for(path);
    EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);
}

TEST(VectorSource, UnsupportedFormat) {
    TempDir dir;
    const auto path = dir.file("notes.bin");
    test_support::write_text(path, std::string("\x01\x02\x03\x04 binary noise \xff\xfe", 20));
    EXPECT_EQ(error_for(path).rfind(path + ": not a vector format GDAL can read", 0), 0u) << error_for(path);
}

TEST(VectorSource, RasterIsNotVector) {
    TempDir dir;
    const auto path = dir.file("picture.png");
    GDALAllRegister();
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDataset* src = mem->Create("", 4, 4, 1, GDT_Byte, nullptr);
    GDALClose(GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(path.c_str(), src, FALSE, nullptr, nullptr, nullptr));
    GDALClose(src);
    EXPECT_EQ(error_for(path), path + ": is a raster (PNG), not vector data");
}

TEST(VectorSource, OnlyEmptyLayers) {
    TempDir dir;
    const auto path = dir.file("nothing.geojson");
    test_support::write_text(path, R"({"type": "FeatureCollection", "features": []})");
    EXPECT_EQ(error_for(path), path + ": holds no features");
}

TEST(VectorSource, AStyleSplitsOsmLayersByRuleAndLeavesOutWhatItDoesNotDraw) {
    TempDir dir;
    const auto path = dir.file("town.osm");
    test_support::write_small_town_osm(path);
    const MapStyle style = shipped_style();
    const VectorSource source = load_vector_source(path, &style);

    const VectorLayer* rail = find_layer(source, "lines: railways");
    ASSERT_NE(rail, nullptr);
    EXPECT_EQ(rail->lines.size(), 1u);
    EXPECT_EQ(style.rules[static_cast<std::size_t>(rail->style_rule)].name, "railways");
    ASSERT_NE(find_layer(source, "lines: rivers"), nullptr);
    ASSERT_NE(find_layer(source, "lines: primary roads"), nullptr);
    ASSERT_NE(find_layer(source, "lines: streets"), nullptr);
    const VectorLayer* lake = find_layer(source, "multipolygons: water");
    ASSERT_NE(lake, nullptr);
    EXPECT_EQ(lake->polygons.size(), 1u);
    ASSERT_NE(find_layer(source, "multipolygons: towns"), nullptr);
    // The fence matches no rule: left out, with no layer of leftovers.
    EXPECT_EQ(find_layer(source, "lines"), nullptr);
    std::size_t lines = 0;
    for (const auto& layer : source.layers) lines += layer.lines.size();
    EXPECT_EQ(lines, 4u);  // rail, river, primary road, street
    // Styled layers come in the style's order: areas under lines.
    for (std::size_t i = 1; i < source.layers.size(); ++i) EXPECT_LE(source.layers[i - 1].style_rule, source.layers[i].style_rule);

    // The place nodes become labels, by population (the village by its rule's rank), the station too.
    ASSERT_EQ(source.named_lines.size(), 1u);  // the river, named along itself
    EXPECT_EQ(source.named_lines[0].name, "Test River");
    EXPECT_EQ(source.named_lines[0].path.size(), 4u);
    ASSERT_EQ(source.places.size(), 3u);
    EXPECT_EQ(source.places[0].name, "Testograd");
    EXPECT_EQ(source.places[0].population, 25000);
    EXPECT_DOUBLE_EQ(source.places[0].position.lon, 131.905);
    EXPECT_EQ(source.places[1].name, "Ozyorsk");
    EXPECT_EQ(source.places[1].population, 1000);
    EXPECT_EQ(source.places[2].name, "Testograd-Passazhirsky");
}

TEST(VectorSource, AStyleLeavesFilesWithoutItsTagsAsTheyWere) {
    TempDir dir;
    const auto path = dir.file("mixed.gpkg");
    test_support::write_mixed_geopackage(path);
    const MapStyle style = shipped_style();
    const VectorSource styled = load_vector_source(path, &style);
    const VectorSource plain = load_vector_source(path);
    ASSERT_EQ(styled.layers.size(), plain.layers.size());
    for (std::size_t i = 0; i < plain.layers.size(); ++i) {
        EXPECT_EQ(styled.layers[i].name, plain.layers[i].name);
        EXPECT_EQ(styled.layers[i].style_rule, -1);
        EXPECT_EQ(styled.layers[i].feature_count(), plain.layers[i].feature_count());
    }
}

// A source read by view (data/view_source) through GDAL's spatial filter: a GeoPackage's R-tree
// here (PostGIS in tests/cli/postgis_test.cpp).
TEST(ViewSource, ReadsWhatTheViewHoldsAndSamplesBeyondTheBudget) {
    TempDir dir;
    const std::string path = dir.file("mixed.gpkg");
    storyplot::test_support::write_mixed_geopackage(path);
    EXPECT_FALSE(reads_by_view(path)) << "a small file is read whole";

    ViewSource towns(path, {"towns"}, 0, nullptr, 2);
    const Box extent = towns.lonlat_extent();
    EXPECT_NEAR(extent.min_x, 125.75, 1e-9);
    EXPECT_NEAR(extent.max_y, 43.11, 1e-9);
    // One town in the view: itself, and nothing said.
    LoadedSource near = towns.read(Box::of(130, 42, 131, 43), 0);
    EXPECT_EQ(near.features, 1u);
    EXPECT_TRUE(near.notes.empty());
    // All three: more than the budget of two, so every second by feature id (the GeoPackage's fid 2).
    LoadedSource all = towns.read(Box::of(120, 30, 140, 50), 0);
    EXPECT_EQ(all.features, 1u);
    ASSERT_EQ(all.notes.size(), 1u);
    EXPECT_EQ(all.notes[0], path + ": 3 features in this view: every 2nd is drawn (1); zoom in to see them all");
    const Box drawn = all.bounds;
    const Vec2 second = mercator::forward(LonLat{130.65, 42.42});
    EXPECT_NEAR(drawn.center().x, second.x, 1.0);
    EXPECT_NEAR(drawn.center().y, second.y, 1.0);
    // Nothing there: an empty read, not an error; a view past the antimeridian reads the whole band.
    EXPECT_EQ(towns.read(Box::of(-10, -10, 10, 10), 0).features, 0u);
    EXPECT_EQ(ViewSource(path, {"towns"}, 0, nullptr).read(Box::of(100, 30, 200, 50), 0).features, 3u);

    // Every layer with geometry when none is named; a layer it lacks is one line that lists what it has.
    EXPECT_GT(ViewSource(path, {}, 0, nullptr).read(Box::of(-180, -90, 180, 90), 0).features, 3u);
    try {
        ViewSource missing(path, {"rivers"}, 0, nullptr);
        FAIL() << "a missing layer opened";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), path + ": no layer \"rivers\" (it has areas, roads, towns, nothing)");
    }
}

TEST(ViewSource, ConnectionStringsAreShownWithoutTheirPassword) {
    EXPECT_TRUE(reads_by_view("PG:dbname=news host=db.example"));
    EXPECT_EQ(shown_source_name("PG:dbname=news password=s3cret host=db"), "PG:dbname=news password=*** host=db");
    EXPECT_EQ(shown_source_name("PG:dbname=news password = 's3 cret\\' x' host=db"), "PG:dbname=news password = *** host=db");
    EXPECT_EQ(shown_source_name("PG:password=s3cret"), "PG:password=***");
    EXPECT_EQ(shown_source_name("roads.gpkg"), "roads.gpkg");
}

namespace {

// The vector tiles' one area, a 1° square at 160.2-159.2°W 38-39°N, cut at the tiles' edges: filled
// where it was written (within 200 m), and not outlined (its outline would draw the tile grid).
void expect_the_square_filled_in_place(const LoadedSource& read) {
    ASSERT_EQ(read.layers.size(), 1u);
    EXPECT_FALSE(read.layers[0].fill.chunks.empty());
    EXPECT_TRUE(read.layers[0].outline.chunks.empty());
    const Box drawn = read.layers[0].fill.bounds();
    const Box want = mercator::forward(-160.2, 38.0, -159.2, 39.0);
    EXPECT_NEAR(drawn.min_x, want.min_x, 200.0);
    EXPECT_NEAR(drawn.max_x, want.max_x, 200.0);
    EXPECT_NEAR(drawn.min_y, want.min_y, 200.0);
    EXPECT_NEAR(drawn.max_y, want.max_y, 200.0);
}

}  // namespace

TEST(ViewSource, VectorTilesAreReadAtTheZoomTheViewNeeds) {
    TempDir dir;
    const std::string path = dir.file("tiles.mbtiles");
    storyplot::test_support::write_vector_tiles(path);
    EXPECT_TRUE(reads_by_view(path)) << "vector tiles are always read by view";

    ViewSource towns(path, {"towns"}, 0, nullptr);
    // The world 1920 pixels wide: 20.9 km pixels, the zoom of 512-pixel tiles that size is 2.
    const LoadedSource world = towns.read(Box::of(-180, -85, 180, 85), mercator::world_width / 1920 / 2);
    EXPECT_EQ(towns.tile_zoom(), 2);
    EXPECT_GE(world.features, 5u);
    // Close in (10 m pixels would want zoom 13): the file's finest, 10, and the towns the box holds.
    const LoadedSource near = towns.read(Box::of(-170, 30, -130, 45), 5);
    EXPECT_EQ(towns.tile_zoom(), 10);
    EXPECT_EQ(near.features, 3u);
    EXPECT_EQ(towns.read(Box::of(0, 0, 10, 10), 5).features, 0u);

    // A polygon is cut at each tile's edge: filled, but not outlined (its outline would be the grid).
    ViewSource areas(path, {"areas"}, 0, nullptr);
    const LoadedSource square = areas.read(Box::of(-161, 37.5, -158, 39.5), 5);
    EXPECT_EQ(areas.tile_zoom(), 10);
    EXPECT_GT(square.features, 1u) << "the square spans several zoom-10 tiles";
    expect_the_square_filled_in_place(square);
}

TEST(ViewSource, PmTilesAreReadTileByTileThroughTheirDirectories) {
    TempDir dir;
    const std::string path = dir.file("tiles.pmtiles");
    storyplot::test_support::write_pmtiles(path, 4);  // leaf directories of four entries: the root points at leaves
    EXPECT_TRUE(reads_by_view(path));

    ViewSource towns(path, {"towns"}, 0, nullptr);
    const Box extent = towns.lonlat_extent();
    EXPECT_DOUBLE_EQ(extent.min_x, -180.0);
    EXPECT_NEAR(extent.max_y, 85.0511287, 1e-7);
    // The world 1920 pixels wide reads zoom 2: every town, once.
    const LoadedSource world = towns.read(Box::of(-180, -85, 180, 85), mercator::world_width / 1920 / 2);
    EXPECT_EQ(towns.tile_zoom(), 2);
    EXPECT_EQ(world.features, 5u);
    // Closer in: the three towns the box holds, each where it was written. (A box of 40 degrees at
    // 10 m pixels would need 6,325 tiles of zoom 10, 406 of zoom 8: it reads zoom 7's 105.)
    const LoadedSource near = towns.read(Box::of(-170, 30, -130, 45), 5);
    EXPECT_EQ(towns.tile_zoom(), 7);
    EXPECT_EQ(near.features, 3u);
    ASSERT_EQ(near.layers.size(), 1u);
    const Box points = near.bounds;
    const double y = 0.5 + 0.5 / 1024.0 - 120.0 / 1024.0;
    const Vec2 first = mercator::forward(LonLat{(40 * 1 + 0.5) / 1024.0 * 360 - 180, std::atan(std::sinh(M_PI * (1 - 2 * y))) * 180 / M_PI});
    EXPECT_NEAR(points.min_x, first.x, 100.0);
    EXPECT_NEAR(points.center().y, first.y, 100.0);
    EXPECT_EQ(near.credit, "\xC2\xA9 Fixture makers 2026") << "the metadata's attribution, as text";
    EXPECT_EQ(towns.read(Box::of(0, 0, 10, 10), 5).features, 0u) << "no tiles there";

    // Both layers when none is named; the square cut at the tiles' edges is filled, not outlined.
    ViewSource both(path, {}, 0, nullptr);
    const LoadedSource square = both.read(Box::of(-161, 37.5, -158, 39.5), 5);
    expect_the_square_filled_in_place(square);  // and no town in that box

    // The same archive with one root directory reads the same.
    const std::string flat = dir.file("flat.pmtiles");
    storyplot::test_support::write_pmtiles(flat, 100000);
    EXPECT_EQ(ViewSource(flat, {"towns"}, 0, nullptr).read(Box::of(-170, 30, -130, 45), 5).features, 3u);

    // Compressed with Brotli or Zstandard (directories, metadata and tiles): the same towns in the
    // same places, the same square, the same credit.
    for (const auto& [name, code] : {std::pair{"brotli", 3}, std::pair{"zstd", 4}}) {
        const std::string other = dir.file(std::string(name) + ".pmtiles");
        storyplot::test_support::write_pmtiles(other, 4, code);
        ViewSource again(other, {"towns"}, 0, nullptr);
        const LoadedSource read = again.read(Box::of(-170, 30, -130, 45), 5);
        EXPECT_EQ(read.features, 3u) << name;
        EXPECT_DOUBLE_EQ(read.bounds.min_x, near.bounds.min_x) << name;
        EXPECT_DOUBLE_EQ(read.bounds.max_y, near.bounds.max_y) << name;
        EXPECT_EQ(read.credit, near.credit) << name;
        EXPECT_EQ(again.read(Box::of(-180, -85, 180, 85), mercator::world_width / 1920 / 2).features, 5u) << name;
        ViewSource all(other, {}, 0, nullptr);
        expect_the_square_filled_in_place(all.read(Box::of(-161, 37.5, -158, 39.5), 5));
    }
}

TEST(ViewSource, BrokenPmTilesAreOneLine) {
    TempDir dir;
    const std::string good = dir.file("good.pmtiles");
    storyplot::test_support::write_pmtiles(good, 4);
    auto error_of = [](const std::function<void()>& f) {
        try {
            f();
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error_of([&] { ViewSource(good, {"rivers"}, 0, nullptr); }), good + ": no layer \"rivers\" (it has towns, areas)");

    // Cut short ten bytes into its tiles: the header and directories are whole, the tiles are not.
    std::ifstream in(good, std::ios::binary);
    const std::string bytes(std::istreambuf_iterator<char>(in), {});
    std::size_t tiles_at = 0;
    for (int i = 0; i < 8; ++i) tiles_at |= static_cast<std::size_t>(static_cast<unsigned char>(bytes[56 + static_cast<std::size_t>(i)])) << (8 * i);
    const std::string cut = dir.file("cut.pmtiles");
    storyplot::test_support::write_text(cut, bytes.substr(0, tiles_at + 10));
    ViewSource source(cut, {}, 0, nullptr);
    EXPECT_EQ(error_of([&] { source.read(Box::of(-180, -85, 180, 85), mercator::world_width / 1920 / 2); }),
              cut + ": its tile lies past the end of the file (cut short?)");
    // Far from the world: a view of zoom 10's tiles finds none of them there, and says nothing.
    EXPECT_EQ(source.read(Box::of(10, 10, 10.1, 10.1), 5).features, 0u);

    const std::string text = dir.file("text.pmtiles");
    storyplot::test_support::write_text(text, "not tiles at all, but some words long enough to fill a header of 127 bytes......................................................");
    EXPECT_EQ(error_of([&] { ViewSource(text, {}, 0, nullptr); }), text + ": not a PMTiles archive");
    std::string unknown = bytes;
    unknown[97] = 0;  // the specification's "unknown"
    const std::string other = dir.file("unknown.pmtiles");
    storyplot::test_support::write_text(other, unknown);
    EXPECT_EQ(error_of([&] { ViewSource(other, {}, 0, nullptr); }),
              other + ": is compressed with an unknown compression; storyplot reads PMTiles compressed with gzip, Brotli or "
                      "Zstandard, or not at all");
    // Gzipped directories that the header calls Brotli or Zstandard: one line naming what is wrong.
    for (const auto& [code, name] : {std::pair{3, "Brotli"}, std::pair{4, "Zstandard"}}) {
        std::string mislabelled = bytes;
        mislabelled[97] = static_cast<char>(code);
        const std::string file = dir.file("mislabelled.pmtiles");
        storyplot::test_support::write_text(file, mislabelled);
        EXPECT_EQ(error_of([&] { ViewSource(file, {}, 0, nullptr); }),
                  file + ": its root directory is not valid " + name + " (corrupt, cut short or over 256 MB)");
    }
}

namespace {

// An OpenStreetMap grid of `n` x `n` nodes 0.001° apart from 130°E 42°N, a way along each row
// (railway) and each column (highway): over osm_index_bytes for n = 600.
void write_osm_grid(const std::string& path, int n) {
    std::ofstream out(path);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"storyplot tests\">\n";
    char line[160];
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            std::snprintf(line, sizeof line, "<node id=\"%d\" lat=\"%.4f\" lon=\"%.4f\" version=\"1\" visible=\"true\"/>\n", r * n + c + 1,
                          42 + r * 0.001, 130 + c * 0.001);
            out << line;
        }
    int way = 1;
    for (int r = 0; r < n; ++r) {
        out << "<way id=\"" << way++ << "\" version=\"1\">";
        for (int c = 0; c < n; ++c) out << "<nd ref=\"" << r * n + c + 1 << "\"/>";
        out << "<tag k=\"railway\" v=\"rail\"/></way>\n";
        out << "<way id=\"" << way++ << "\" version=\"1\">";
        for (int c = 0; c < n; ++c) out << "<nd ref=\"" << c * n + r + 1 << "\"/>";
        out << "<tag k=\"highway\" v=\"secondary\"/></way>\n";
    }
    out << "</osm>\n";
}

// $STORYPLOT_CACHE pointed at a folder of the test's own while it lives.
struct CacheIn {
    std::string before;
    bool had = false;
    explicit CacheIn(const std::string& folder) {
        if (const char* v = std::getenv("STORYPLOT_CACHE")) before = v, had = true;
        setenv("STORYPLOT_CACHE", folder.c_str(), 1);
    }
    ~CacheIn() { had ? setenv("STORYPLOT_CACHE", before.c_str(), 1) : unsetenv("STORYPLOT_CACHE"); }
};

}  // namespace

TEST(ViewSource, BigOsmFilesAreIndexedOnceAndReadByView) {
    TempDir dir;
    const CacheIn cache(dir.file("cache"));
    const std::string small = dir.file("small.osm"), big = dir.file("big.osm");
    write_osm_grid(small, 20);
    write_osm_grid(big, 600);
    EXPECT_FALSE(reads_by_view(small)) << "read whole, as any small file";
    ASSERT_GT(std::filesystem::file_size(big), osm_index_bytes);
    EXPECT_TRUE(reads_by_view(big));

    const MapStyle style = load_map_style();
    double last = -1;
    int told = 0;
    ViewSource source(big, {}, 0, &style, view_feature_budget, [&](double f) { last = f, ++told; });
    EXPECT_GT(told, 1) << "the index's progress";
    EXPECT_EQ(last, 1.0);
    auto indexes = [&] {
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(dir.file("cache") + "/osm")) files.push_back(e.path());
        return files;
    };
    ASSERT_EQ(indexes().size(), 1u) << "one GeoPackage, nothing half-written beside it";
    EXPECT_EQ(indexes()[0].extension(), ".gpkg");

    // Between rows 100 and 110 and columns 200 and 230 (off the nodes): the railways of rows 101 to
    // 109 and the roads of columns 201 to 229 cross it, each drawn by the style, and the map credits
    // OpenStreetMap.
    const LoadedSource part = source.read(Box::of(130.2005, 42.1005, 130.2295, 42.1095), 5);
    EXPECT_EQ(part.features, 38u);
    EXPECT_EQ(part.credit, osm_credit);
    std::vector<std::string> names;
    for (const auto& layer : part.layers) names.push_back(layer.name);
    EXPECT_EQ(names.size(), 2u);
    EXPECT_TRUE(std::any_of(names.begin(), names.end(), [](const std::string& n) { return n.find("rail") != std::string::npos; }));

    // Opened again: the index is used as it is, not built again.
    told = 0;
    ViewSource again(big, {}, 0, &style, view_feature_budget, [&](double) { ++told; });
    EXPECT_EQ(told, 0);
    EXPECT_EQ(again.read(Box::of(130.2005, 42.1005, 130.2295, 42.1095), 5).features, 38u);

    // A broken index is built again; so is the index of a file changed since.
    std::filesystem::resize_file(indexes()[0], 4096);
    ViewSource mended(big, {}, 0, &style, view_feature_budget, [&](double) { ++told; });
    EXPECT_GT(told, 0);
    EXPECT_EQ(mended.read(Box::of(130.2005, 42.1005, 130.2295, 42.1095), 5).features, 38u);
    std::filesystem::last_write_time(big, std::filesystem::last_write_time(big) + std::chrono::seconds(5));
    told = 0;
    ViewSource changed(big, {}, 0, &style, view_feature_budget, [&](double) { ++told; });
    EXPECT_GT(told, 0);
    EXPECT_EQ(indexes().size(), 2u) << "the changed file's own index beside the first";
}
