#pragma once
// Draws the map for a camera: Natural Earth at the level of detail the view needs (or the nearest
// one loaded so far), then the overlay layers. Needs a current GL 3.3 core context.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/geo/globe_picture.hpp"
#include "core/mesh/map_layers.hpp"
#include "core/story/story.hpp"
#include "render/gpu_mesh.hpp"
#include "render/shader_program.hpp"

namespace storyplot {

struct OverlayLayer {
    std::string name;
    std::string source;  // a source read by view: what its next read replaces; empty: loaded once
    Color color;
    LayerPaint paint;
    bool visible = true;
    Box bounds;
    GpuMesh fill, outline, lines, points;
};

struct RouteLayer {
    std::string id;
    Color color;
    TravelMode mode = TravelMode::train;
    bool visible = true;
    GpuMesh line;
};

// A route under way in the frame drawn: projected metres travelled along its path, and the
// length of a fading trail behind the vehicle (0: no fading). Routes not listed are drawn whole.
struct RouteProgress {
    std::string id;
    double progress_m = 0;
    double trail_m = 0;
};

struct DrawStats {
    DetailLevel level = DetailLevel::coarse_110m;
    int draw_calls = 0;
    bool base_copied = false;  // the base put back from a copy (render/base_copy), whole or moved (only what came into view drawn)
    bool globe_picture = false;  // a globe drawn from its picture of the flat world (core/geo/globe_picture)
    bool globe_picture_lags = false;  // a picture drawn for another scale (DrawOptions::live): draw again soon
    bool coarse = false;  // some of the base from a copy for moving views (DrawOptions::moving): draw again soon
};

class MapRenderer {
public:
    MapRenderer();

    void set_basemap(const BasemapMeshes& meshes);
    // A level's copy generalised to meshes.tolerance, drawn in its place while the window's view
    // moves (DrawOptions::moving). Exact pictures never change with it: the base revision stays.
    void set_moving_basemap(const BasemapMeshes& meshes);
    bool has_level(DetailLevel level) const { return m_levels[static_cast<std::size_t>(level)] != nullptr; }
    // The level the camera wants if it is loaded for its view, else the nearest one that is.
    std::optional<DetailLevel> level_for(const Camera& camera) const;
    // Whether `level` is loaded for all of `view` (projected metres; Camera::visible_box).
    bool level_covers(DetailLevel level, const Box& view) const;

    void add_overlay(const LayerMeshes& layer);
    // The layers of `source` (read by view) replaced by `layers`, where they were among the others;
    // a layer of the same name keeps whether it is shown.
    void replace_overlays(const std::string& source, const std::vector<LayerMeshes>& layers);
    std::vector<OverlayLayer>& overlays() { return m_overlays; }

    // The story's routes, replacing any before (visibility is kept by id).
    void set_routes(const std::vector<RouteMeshes>& routes);
    std::vector<RouteLayer>& routes() { return m_routes; }
    const std::vector<RouteLayer>& routes() const { return m_routes; }

    // Everything of one draw that is not the loaded layers: the renderer keeps none of it.
    struct DrawOptions {
        bool overlays = true;  // --basemap layers
        bool routes = true;    // the story's routes
        float scale = 1.0f;    // multiplies line widths and point sizes (2 for print or high-DPI)
        // Where the vehicles are: each route listed drawn travelled / ahead, with its fading trail.
        std::vector<RouteProgress> motion;
        // The window's own view: while a globe's scale changes (a zoom, a fly-to), its picture of
        // the flat world may be one drawn for another scale, drawn again once the scale has held
        // for a few frames (a picture takes 0.1-0.2 s to draw). Pictures for files are always exact.
        bool live = false;
        // The window's base, or a part of it, drawn while the view moves: a level's copy for moving
        // views stands in for the level where it is within two pixels (core/geo/level_of_detail.hpp),
        // and DrawStats::coarse says so; the scene draws the exact base over it once the view
        // stays. Never for files.
        bool moving = false;
    };
    // Draws into the bound framebuffer, whose viewport is the camera's (a scissor, if set, limits
    // the clear too: a panel of a larger image), in two halves: the map's base (cleared, the
    // basemap and the --basemap layers) and the routes over it. A caller that keeps a copy of the
    // base for a view that stays (render/base_copy) puts it back and draws only the routes.
    DrawStats draw_base(const Camera& camera, const DrawOptions& options);
    void draw_routes(const Camera& camera, const DrawOptions& options);
    // Changes whenever what draw_base draws for a camera and options may change: a level or layer
    // loaded or replaced, a layer shown, hidden or restyled (through overlays()), the style changed.
    std::uint64_t base_revision();

    // The largest picture of the flat world a globe is drawn from (core/geo/globe_picture), in
    // pixels a side; 0: the globe always from the meshes (tests compare the two ways).
    void set_globe_picture_largest(int pixels) { m_globe_picture_largest = pixels; }

    BasemapStyle style;

private:
    struct GpuBasemap {
        Box coverage;  // BasemapMeshes::coverage
        GpuMesh land, coast, borders, rivers, minor_rivers;
        std::array<GpuMesh, lake_size_classes> lakes, lake_shores;  // by size (BasemapMeshes)
    };
    static std::unique_ptr<GpuBasemap> upload(const BasemapMeshes& meshes);

    void fill(const GpuMesh& mesh, const Camera& camera, Color color);
    void fill_overlays(const Camera& camera);
    void stroke_overlays(const Camera& camera, float scale);
    struct LineStyle {
        float width_px = 1;
        float dash_on = 0, dash_off = 0;
        float progress_m = -1, trail_m = 0, ahead = 1;
    };
    void lines(const GpuMesh& mesh, const Camera& camera, Color color, float scale, float width_px, float dash_on = 0, float dash_off = 0);
    void lines(const GpuMesh& mesh, const Camera& camera, Color color, float scale, const LineStyle& style);
    void draw_route(const RouteLayer& route, const RouteProgress* progress, const Camera& camera, float scale);
    void points(const GpuMesh& mesh, const Camera& camera, Color color, float scale, float radius_px);
    void each_projected_chunk(const GpuMesh& mesh, const Camera& camera, ShaderProgram& program);
    void draw_world_outline(const Camera& camera);
    // The base's layers for `camera` into the bound framebuffer (draw_base less its stats' reset):
    // the basemap at `level`, under `graticule` when given (another projection's, or a globe's
    // picture's).
    void draw_layers(const Camera& camera, const DrawOptions& options, const GpuMesh* graticule, std::optional<DetailLevel> level);
    void draw_globe_picture(const Camera& camera, const DrawOptions& options, const GlobePicture& picture);
    void begin_draw(const Camera& camera);
    void set_clipping(const Camera& camera, bool on);
    template <typename SetUp>
    void each_visible_chunk(const GpuMesh& mesh, const Camera& camera, ShaderProgram& program, SetUp&& set_up);

    // The vertex programs of one projection: Web Mercator's (an offset and a scale), or another's
    // with the projection's kind fixed when built (shaders/projection.glsl's PROJ_KIND), so that the
    // shader holds that projection's formulas alone: Mesa's llvmpipe runs every branch of a shader
    // whatever its uniforms. Built the first time a projection is drawn.
    struct Programs {
        ShaderProgram fill, line, point;
    };
    Programs& programs(std::optional<ProjectionKind> projected);  // nullopt: Web Mercator's
    Programs& programs_for(const Camera& camera);
    std::array<std::unique_ptr<Programs>, projection_kind_count + 1> m_programs;  // [0] Web Mercator, then by kind + 1
    GpuMesh m_sphere;     // the sea in the transverse Mercator (the shader projects and cuts it)
    GpuMesh m_outline;    // the sea in the other projections: already projected, for m_outline_of
    std::optional<Projection> m_outline_of;
    GpuMesh m_graticule;
    // The picture of the flat world the globe is drawn from, and what it was drawn with.
    struct WorldPicture {
        struct Key {
            GlobePicture picture;  // its size is the texture's
            float scale = 1;       // the draw's (DrawOptions::scale), before the picture's line scale
            bool overlays = true;
            std::uint64_t base_revision = 0;
            std::optional<DetailLevel> level;
            bool operator==(const Key&) const = default;
        } key;
        gl::Texture texture;
        gl::Framebuffer framebuffer;
    };
    std::optional<WorldPicture> m_world_picture;
    std::unique_ptr<ShaderProgram> m_globe_program;  // the orthographic fill's, looking up the picture
    GpuMesh m_globe_sphere;  // the sphere the picture is drawn on
    GpuMesh m_picture_graticule;  // the picture's: its meridians short of its edges
    int m_globe_picture_largest = 4096;
    bool m_ground_widths = false;  // lines widened to their width on the ground (a globe's picture)
    double m_globe_resolution = 0;  // the last globe's scale, and for how many frames it has held
    int m_globe_resolution_held = 0;
    std::array<std::unique_ptr<GpuBasemap>, detail_level_count> m_levels;
    struct MovingBasemap {
        double tolerance = 0;
        std::unique_ptr<GpuBasemap> meshes;
    };
    std::array<MovingBasemap, detail_level_count> m_moving;  // by level
    std::vector<OverlayLayer> m_overlays;
    std::vector<RouteLayer> m_routes;
    DrawStats m_stats;
    // What the base's revision follows: loads, and what the window may change in place.
    struct BaseState {
        std::uint64_t loads = 0;
        BasemapStyle style;
        std::vector<std::tuple<bool, Color, LayerPaint>> layers;  // shown, colour, paint
        friend bool operator==(const BaseState&, const BaseState&) = default;
    };
    std::uint64_t m_loads = 0;  // levels and layers loaded or replaced
    BaseState m_base_state;
    std::uint64_t m_base_revision = 0;
    Box m_view_lonlat;  // the draw's lon/lat in view (camera.visible_relative_lonlat), another projection's
};

}  // namespace storyplot
