#include "render/map_renderer.hpp"

#include <cmath>
#include <iterator>
#include <map>
#include <numbers>

#include "core/geo/globe_picture.hpp"
#include "core/geo/level_of_detail.hpp"
#include "core/geo/mercator.hpp"
#include "core/mesh/world_meshes.hpp"
#include "core/geo/water_detail.hpp"
#include "core/story/story_camera.hpp"
#include "render/keep_bindings.hpp"
#include "shader_sources.hpp"

namespace storyplot {

namespace {

// A vertex shader after the projection stage it calls, for Web Mercator or (`kind`) any other.
std::string vertex_source(const char* body, std::optional<ProjectionKind> kind) {
    return std::string("#version 330 core\n#define PROJECTED ") + (kind ? "1" : "0") + "\n#define PROJ_KIND " +
           std::to_string(kind ? static_cast<int>(*kind) + 1 : 0) + "\n" + shaders::projection + body;
}

constexpr double pi = std::numbers::pi;
constexpr double deg = pi / 180;

}  // namespace

MapRenderer::MapRenderer() : m_sphere(sphere_fill_mesh()), m_graticule(graticule_mesh()) {
    programs(std::nullopt);  // Web Mercator's, built now: a shader that fails to build fails here
}

MapRenderer::Programs& MapRenderer::programs(std::optional<ProjectionKind> projected) {
    auto& slot = m_programs[projected ? static_cast<std::size_t>(*projected) + 1 : 0];
    if (!slot) {
        const std::string suffix = projected ? " (" + std::to_string(static_cast<int>(*projected)) + ")" : "";
        slot.reset(new Programs{{("fill" + suffix).c_str(), vertex_source(shaders::fill_vert, projected).c_str(), shaders::fill_frag},
                                {("line" + suffix).c_str(), vertex_source(shaders::line_vert, projected).c_str(), shaders::line_frag},
                                {("point" + suffix).c_str(), vertex_source(shaders::point_vert, projected).c_str(), shaders::point_frag}});
    }
    return *slot;
}

MapRenderer::Programs& MapRenderer::programs_for(const Camera& camera) {
    return programs(camera.is_mercator() ? std::nullopt : std::optional(camera.projection().kind));
}

std::unique_ptr<MapRenderer::GpuBasemap> MapRenderer::upload(const BasemapMeshes& meshes) {
    auto gpu = std::make_unique<GpuBasemap>();
    gpu->coverage = meshes.coverage;
    gpu->land = GpuMesh(meshes.land);
    gpu->coast = GpuMesh(meshes.coast);
    gpu->borders = GpuMesh(meshes.borders);
    for (std::size_t c = 0; c < lake_size_classes; ++c) {
        gpu->lakes[c] = GpuMesh(meshes.lakes[c]);
        gpu->lake_shores[c] = GpuMesh(meshes.lake_shores[c]);
    }
    gpu->rivers = GpuMesh(meshes.rivers);
    gpu->minor_rivers = GpuMesh(meshes.minor_rivers);
    return gpu;
}

void MapRenderer::set_basemap(const BasemapMeshes& meshes) {
    m_levels[static_cast<std::size_t>(meshes.level)] = upload(meshes);
    ++m_loads;
}

void MapRenderer::set_moving_basemap(const BasemapMeshes& meshes) {
    m_moving[static_cast<std::size_t>(meshes.level)] = {meshes.tolerance, upload(meshes)};
}

bool MapRenderer::level_covers(DetailLevel level, const Box& view) const {
    const auto& loaded = m_levels[static_cast<std::size_t>(level)];
    if (!loaded) return false;
    // A metre's slack: a tile's or a panel piece's box, computed apart, may round past its view's.
    constexpr double slack = 1.0;
    return loaded->coverage.empty() || loaded->coverage.contains(view, slack);
}

std::optional<DetailLevel> MapRenderer::level_for(const Camera& camera) const {
    const auto wanted = static_cast<int>(detail_for_resolution(camera.resolution()));
    constexpr int levels = static_cast<int>(detail_level_count);
    // The view's box only for a level read for part of the world (another projection's samples
    // its edges): most frames ask for none.
    std::optional<Box> view;
    auto serves = [&](int candidate) {
        const auto& loaded = m_levels[static_cast<std::size_t>(candidate)];
        if (!loaded || loaded->coverage.empty()) return loaded != nullptr;
        if (!view) view = camera.visible_box();
        return level_covers(static_cast<DetailLevel>(candidate), *view);
    };
    for (int distance = 0; distance < levels; ++distance)
        for (int candidate : {wanted - distance, wanted + distance})
            if (candidate >= 0 && candidate < levels && serves(candidate)) return static_cast<DetailLevel>(candidate);
    return std::nullopt;
}

namespace {

OverlayLayer uploaded(const LayerMeshes& layer) {
    OverlayLayer gpu;
    gpu.name = layer.name;
    gpu.color = layer.color;
    gpu.paint = layer.paint;
    gpu.bounds = layer.bounds();
    gpu.fill = GpuMesh(layer.fill);
    gpu.outline = GpuMesh(layer.outline);
    gpu.lines = GpuMesh(layer.lines);
    gpu.points = GpuMesh(layer.points);
    return gpu;
}

}  // namespace

void MapRenderer::add_overlay(const LayerMeshes& layer) {
    m_overlays.push_back(uploaded(layer));
    ++m_loads;
}

void MapRenderer::replace_overlays(const std::string& source, const std::vector<LayerMeshes>& layers) {
    ++m_loads;
    std::map<std::string, bool> shown;
    std::size_t at = m_overlays.size();
    for (std::size_t i = m_overlays.size(); i-- > 0;) {
        if (m_overlays[i].source != source) continue;
        shown[m_overlays[i].name] = m_overlays[i].visible;
        m_overlays.erase(m_overlays.begin() + static_cast<std::ptrdiff_t>(i));
        at = i;
    }
    std::vector<OverlayLayer> fresh;
    for (const LayerMeshes& layer : layers) {
        OverlayLayer gpu = uploaded(layer);
        gpu.source = source;
        if (const auto it = shown.find(gpu.name); it != shown.end()) gpu.visible = it->second;
        fresh.push_back(std::move(gpu));
    }
    m_overlays.insert(m_overlays.begin() + static_cast<std::ptrdiff_t>(std::min(at, m_overlays.size())), std::make_move_iterator(fresh.begin()),
                      std::make_move_iterator(fresh.end()));
}

void MapRenderer::set_routes(const std::vector<RouteMeshes>& routes) {
    std::vector<RouteLayer> next;
    for (const auto& r : routes) {
        RouteLayer layer{r.id, r.color, r.mode, true, GpuMesh(r.line)};
        for (const auto& old : m_routes)
            if (old.id == r.id) layer.visible = old.visible;
        next.push_back(std::move(layer));
    }
    m_routes = std::move(next);
}

template <typename SetUp>
void MapRenderer::each_visible_chunk(const GpuMesh& mesh, const Camera& camera, ShaderProgram& program, SetUp&& set_up) {
    if (mesh.empty()) return;
    program.use();
    const auto w = static_cast<float>(camera.width());
    const auto h = static_cast<float>(camera.height());
    const auto res = static_cast<float>(camera.projected_resolution());
    program.set("u_scale", 2.0f / (w * res), 2.0f / (h * res));
    program.set("u_px_to_clip", 2.0f / w, 2.0f / h);
    program.set("u_metres_per_px", static_cast<float>(camera.resolution()));
    set_up(program);
    if (!camera.is_mercator()) {
        each_projected_chunk(mesh, camera, program);
        return;
    }
    program.set("u_y_limits", static_cast<float>(-mercator::half_world - camera.center().y), static_cast<float>(mercator::half_world - camera.center().y));
    program.set("u_ground", m_ground_widths ? 1.0f : 0.0f, static_cast<float>(camera.center().y));

    // The world repeats east and west: each chunk is drawn in every copy of it the view reaches.
    // (A chunk may itself lie partly beyond +-180 degrees: rings across the antimeridian are unwrapped.)
    const Box view = camera.visible_box();
    const double W = mercator::world_width;
    const Vec2 center = camera.center();
    for (const GpuChunk& chunk : mesh.chunks()) {
        const WorldCopies copies = world_copies(chunk.bounds, view);
        for (long copy = copies.first; copy <= copies.last; ++copy) {
            const double shift = static_cast<double>(copy) * W;
            // Double precision here, small floats on the GPU: no jitter at deep zoom.
            program.set("u_offset", static_cast<float>(chunk.origin.x + shift - center.x),
                        static_cast<float>(chunk.origin.y - center.y));
            glBindVertexArray(chunk.vao.get());
            glDrawElements(GL_TRIANGLES, chunk.index_count, GL_UNSIGNED_INT, nullptr);
            ++m_stats.draw_calls;
        }
    }
}

// Another projection: the shader projects each vertex from its chunk's Mercator origin. A chunk is
// drawn once for each side of the projection's cut it reaches (its longitudes shifted by a turn),
// and only where it meets the longitudes and latitudes the view shows.
void MapRenderer::each_projected_chunk(const GpuMesh& mesh, const Camera& camera, ShaderProgram& program) {
    const Projection& p = camera.projection();
    const ConicConstants conic = conic_constants(p);
    const double f0 = p.lat0 * deg;
    // Conics: n, F or C, rho0; the equirectangular: the cosine of its true parallel; the azimuthals:
    // the cosine of their reach.
    const float b[4] = {static_cast<float>(p.kind == ProjectionKind::equirectangular ? std::cos(p.lat1 * deg) : conic.n),
                        static_cast<float>(conic.f_or_c), static_cast<float>(conic.rho0), static_cast<float>(std::cos(p.reach_degrees() * deg))};
    program.set("u_proj_a", static_cast<float>(p.lon0 * deg), static_cast<float>(std::sin(f0)), static_cast<float>(std::cos(f0)),
                static_cast<float>(f0));
    program.set("u_proj_b", b[0], b[1], b[2], b[3]);
    program.set("u_proj_c", static_cast<float>(p.k0), static_cast<float>(p.x0), static_cast<float>(p.y0));
    const Vec2 centre = camera.projected_center();
    program.set("u_proj_center", static_cast<float>(centre.x), static_cast<float>(centre.y));

    const Box& view = m_view_lonlat;
    if (view.empty()) return;
    const double to_deg = 1 / (mercator::earth_radius * deg);
    for (const GpuChunk& chunk : mesh.chunks()) {
        const double west = chunk.bounds.min_x * to_deg - p.lon0, east = chunk.bounds.max_x * to_deg - p.lon0;
        const double south = mercator::inverse({0, chunk.bounds.min_y}).lat, north = mercator::inverse({0, chunk.bounds.max_y}).lat;
        if (north < view.min_y - 1 || south > view.max_y + 1) continue;
        if (p.beyond_reach(Box::of(west, south, east, north))) continue;  // behind the globe
        const long first = static_cast<long>(std::ceil((-180 - east) / 360)), last = static_cast<long>(std::floor((180 - west) / 360));
        bool drawn = false;
        for (long turn = first - 1; turn <= last + 1; ++turn) {
            const double w = west + 360.0 * static_cast<double>(turn), e = east + 360.0 * static_cast<double>(turn);
            const bool meets_view = e >= view.min_x - 1 && w <= view.max_x + 1;
            if (p.has_seam() ? (turn < first || turn > last || !meets_view) : (drawn || !meets_view)) continue;
            drawn = true;
            program.set("u_offset", static_cast<float>(chunk.origin.x), static_cast<float>(chunk.origin.y));
            program.set("u_proj_shift", static_cast<float>(2 * pi * static_cast<double>(turn)));
            glBindVertexArray(chunk.vao.get());
            glDrawElements(GL_TRIANGLES, chunk.index_count, GL_UNSIGNED_INT, nullptr);
            ++m_stats.draw_calls;
        }
    }
}

// The sea inside the world's outline, projected on the CPU once for each projection (a globe being
// spun: each frame) and drawn by the Web Mercator program, whose arithmetic is only an offset and a
// scale: a few hundred triangles where projecting sphere_fill_mesh's 97,000 vertices took llvmpipe
// most of a globe's frame. Before the clip distances are enabled: this program writes none.
void MapRenderer::draw_world_outline(const Camera& camera) {
    const Projection& p = camera.projection();
    if (m_outline_of != p) {
        MeshBuilder builder(2, whole_world_cell);
        append_triangles(builder, world_outline_triangles(p));
        m_outline = GpuMesh(builder.finish());
        m_outline_of = p;
    }
    if (m_outline.empty()) return;
    ShaderProgram& fill = programs(std::nullopt).fill;  // Web Mercator's: the outline is projected already
    fill.use();
    const auto res = static_cast<float>(camera.projected_resolution());
    fill.set("u_scale", 2.0f / (static_cast<float>(camera.width()) * res), 2.0f / (static_cast<float>(camera.height()) * res));
    fill.set("u_y_limits", -1e30f, 1e30f);
    fill.set("u_color", style.ocean);
    const Vec2 centre = camera.projected_center();
    glDisable(GL_BLEND);
    for (const GpuChunk& chunk : m_outline.chunks()) {
        fill.set("u_offset", static_cast<float>(chunk.origin.x - centre.x), static_cast<float>(chunk.origin.y - centre.y));
        glBindVertexArray(chunk.vao.get());
        glDrawElements(GL_TRIANGLES, chunk.index_count, GL_UNSIGNED_INT, nullptr);
        ++m_stats.draw_calls;
    }
    glEnable(GL_BLEND);
}

void MapRenderer::fill(const GpuMesh& mesh, const Camera& camera, Color color) {
    // An opaque fill replaces what is under it: without blending, llvmpipe writes its pixels
    // without reading them back.
    const bool opaque = color.a >= 1.0f;
    if (opaque) glDisable(GL_BLEND);
    each_visible_chunk(mesh, camera, programs_for(camera).fill, [&](ShaderProgram& p) { p.set("u_color", color); });
    if (opaque) glEnable(GL_BLEND);
}

void MapRenderer::lines(const GpuMesh& mesh, const Camera& camera, Color color, float scale, float width_px, float dash_on, float dash_off) {
    LineStyle plain;
    plain.width_px = width_px;
    plain.dash_on = dash_on;
    plain.dash_off = dash_off;
    lines(mesh, camera, color, scale, plain);
}

void MapRenderer::lines(const GpuMesh& mesh, const Camera& camera, Color color, float scale, const LineStyle& line) {
    each_visible_chunk(mesh, camera, programs_for(camera).line, [&](ShaderProgram& p) {
        p.set("u_color", color);
        p.set("u_dash", line.dash_on * scale, line.dash_off * scale);
        const float width = line.width_px * scale;
        p.set("u_half_width", std::max(width, 1.0f) / 2);
        p.set("u_opacity", std::min(width, 1.0f));
        p.set("u_progress", line.progress_m);
        p.set("u_trail", line.trail_m);
        p.set("u_ahead", line.ahead);
    });
}

void MapRenderer::points(const GpuMesh& mesh, const Camera& camera, Color color, float scale, float radius_px) {
    each_visible_chunk(mesh, camera, programs_for(camera).point, [&](ShaderProgram& p) {
        p.set("u_color", color);
        p.set("u_radius", radius_px * scale);
    });
}

// Routes by mode, over a white casing that lifts them off the basemap: rail as the classic
// railway line (a white dash inside), roads solid, flights dashed, sea routes dotted.
void MapRenderer::draw_route(const RouteLayer& route, const RouteProgress* progress, const Camera& camera, float scale) {
    // The way still ahead of a moving vehicle is drawn faint; behind it strong (or fading).
    auto styled = [&](float width, float on = 0, float off = 0, float ahead = 0.3f) {
        LineStyle s;
        s.width_px = width;
        s.dash_on = on;
        s.dash_off = off;
        s.progress_m = progress ? static_cast<float>(progress->progress_m) : -1.0f;
        s.trail_m = progress ? static_cast<float>(progress->trail_m) : 0.0f;
        s.ahead = progress && progress->progress_m >= 0 ? ahead : 1.0f;
        return s;
    };
    const Color casing{1, 1, 1, 0.9f};
    switch (route.mode) {
    case TravelMode::train:
        lines(route.line, camera, casing, scale, styled(6.5f, 0, 0, 0.5f));
        lines(route.line, camera, route.color, scale, styled(4.0f));
        lines(route.line, camera, Color{1, 1, 1, 0.95f}, scale, styled(1.4f, 7.0f, 7.0f));
        break;
    case TravelMode::car:
        lines(route.line, camera, casing, scale, styled(6.0f, 0, 0, 0.5f));
        lines(route.line, camera, route.color, scale, styled(3.5f));
        break;
    case TravelMode::plane:
        lines(route.line, camera, casing, scale, styled(5.0f, 10.0f, 4.0f, 0.5f));
        lines(route.line, camera, route.color, scale, styled(2.8f, 9.0f, 5.0f));
        break;
    case TravelMode::ship:
        lines(route.line, camera, casing, scale, styled(5.0f, 0, 0, 0.5f));
        lines(route.line, camera, route.color, scale, styled(3.0f, 3.5f, 3.5f));
        break;
    case TravelMode::walk:
        lines(route.line, camera, casing, scale, styled(4.5f, 0, 0, 0.5f));
        lines(route.line, camera, route.color, scale, styled(2.5f, 2.0f, 3.0f));
        break;
    }
}

void MapRenderer::fill_overlays(const Camera& camera) {
    const double zoom = zoom_for_resolution(camera.resolution());
    for (const auto& layer : m_overlays)
        if (layer.visible && layer.paint.fill && layer.paint.shown_at(zoom)) fill(layer.fill, camera, *layer.paint.fill);
}

// Outlines, then the lines stroke by stroke across the layers (every casing before any line, every
// line before any tick), then points: a style's casings never cover another layer's lines.
void MapRenderer::stroke_overlays(const Camera& camera, float scale) {
    const double zoom = zoom_for_resolution(camera.resolution());
    auto shown = [&](const OverlayLayer& layer) { return layer.visible && layer.paint.shown_at(zoom); };
    auto draw_line = [&](const GpuMesh& mesh, const LinePaint& paint) {
        lines(mesh, camera, paint.color, scale, paint.width_px, paint.dash_on, paint.dash_off);
    };
    std::size_t passes = 0;
    for (const auto& layer : m_overlays)
        if (shown(layer)) {
            if (layer.paint.outline) draw_line(layer.outline, *layer.paint.outline);
            passes = std::max(passes, layer.paint.strokes.size());
        }
    for (std::size_t pass = 0; pass < passes; ++pass)
        for (const auto& layer : m_overlays)
            if (shown(layer) && pass < layer.paint.strokes.size()) draw_line(layer.lines, layer.paint.strokes[pass]);
    for (const auto& layer : m_overlays)
        if (shown(layer) && layer.paint.point) points(layer.points, camera, *layer.paint.point, scale, layer.paint.point_radius_px);
}

// The state every draw of the map starts from.
void MapRenderer::begin_draw(const Camera& camera) {
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_view_lonlat = camera.is_mercator() ? Box{} : camera.visible_relative_lonlat();  // once a draw, for every mesh's chunks
}

// Every projection's vertex shader writes three clip distances (projection.glsl); Web Mercator's
// cut nothing, and are left off (user clipping costs Mesa's llvmpipe a slower path). ImGui's
// shaders write none: clipping ends with each draw.
void MapRenderer::set_clipping(const Camera& camera, bool on) {
    if (camera.is_mercator()) return;
    for (GLenum plane : {GL_CLIP_DISTANCE0, GL_CLIP_DISTANCE1, GL_CLIP_DISTANCE2}) on ? glEnable(plane) : glDisable(plane);
}

DrawStats MapRenderer::draw_base(const Camera& camera, const DrawOptions& options) {
    m_stats = DrawStats{};
    if (const auto picture = globe_picture_for(camera, m_globe_picture_largest))
        draw_globe_picture(camera, options, *picture);
    else
        draw_layers(camera, options, camera.is_mercator() ? nullptr : &m_graticule, level_for(camera));
    return m_stats;
}

void MapRenderer::draw_layers(const Camera& camera, const DrawOptions& options, const GpuMesh* graticule, std::optional<DetailLevel> level) {
    const float scale = options.scale;
    const bool flat = camera.is_mercator();
    const Color clear = flat ? style.ocean : style.paper;
    glClearColor(clear.r, clear.g, clear.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    begin_draw(camera);
    if (!flat) {
        // The world's outline on the paper (already projected: drawn uncut): the sea over the whole
        // sphere, and its graticule.
        draw_world_outline(camera);
        set_clipping(camera, true);
        if (m_outline.empty()) fill(m_sphere, camera, style.ocean);
    }
    if (graticule) lines(*graticule, camera, style.graticule, scale, style.graticule_width_px);

    if (level) {
        m_stats.level = *level;
        const MovingBasemap& moving = m_moving[static_cast<std::size_t>(*level)];
        m_stats.coarse = options.moving && moving.meshes && serves_moving_view(moving.tolerance, camera.resolution());
        const GpuBasemap& base = m_stats.coarse ? *moving.meshes : *m_levels[static_cast<std::size_t>(*level)];
        fill(base.land, camera, style.land);
        // The lakes the view can show (a class of lakes all under 2 pixels is left out).
        std::array<bool, lake_size_classes> lakes_shown{};
        for (std::size_t c = 0; c < lake_size_classes; ++c) {
            lakes_shown[c] = lake_class_shown(*level, c, camera.resolution() * scale);
            if (lakes_shown[c]) fill(base.lakes[c], camera, style.ocean);
        }
        if (options.overlays) fill_overlays(camera);
        // Rivers under the borders that follow them (the Tumen under Russia's border with North Korea).
        if (camera.resolution() * scale < minor_rivers_below) lines(base.minor_rivers, camera, style.river, scale, style.minor_river_width_px);
        lines(base.rivers, camera, style.river, scale, *level == DetailLevel::coarse_110m ? style.world_river_width_px : style.river_width_px);
        lines(base.borders, camera, style.border, scale, style.border_width_px);
        lines(base.coast, camera, style.coast, scale, style.coast_width_px);
        for (std::size_t c = 0; c < lake_size_classes; ++c)
            if (lakes_shown[c]) lines(base.lake_shores[c], camera, style.coast, scale, style.coast_width_px);
    }
    if (options.overlays) {
        if (!level) fill_overlays(camera);
        stroke_overlays(camera, scale);
    }
    set_clipping(camera, false);
    glBindVertexArray(0);
}

// The globe from the picture of the flat world (core/geo/globe_picture): the picture drawn into a
// texture of its own when the globe first needs it or what it shows has changed (a level loaded, a
// layer shown, the style, the line scale), then each pixel of the globe looked up in it
// (shaders/globe_frag.glsl).
void MapRenderer::draw_globe_picture(const Camera& camera, const DrawOptions& options, const GlobePicture& picture) {
    if (!m_globe_program) {
        m_globe_program = std::make_unique<ShaderProgram>("globe", vertex_source(shaders::globe_vert, ProjectionKind::orthographic).c_str(),
                                                          shaders::globe_frag);
        m_globe_sphere = GpuMesh(globe_picture_sphere(globe_picture_cell_degrees));
        m_picture_graticule = GpuMesh(graticule_mesh(30.0, 84.0));
    }
    constexpr double half = mercator::half_world;
    const Camera flat = Camera::fit(Box::of(-half, -half, half, half), picture.size, picture.size);
    DrawOptions in_picture;
    in_picture.overlays = options.overlays;
    in_picture.routes = false;
    in_picture.scale = options.scale * static_cast<float>(picture.line_scale);
    // The globe's own level (as it would be drawn from the meshes), not the finer one the picture's
    // pixels would ask for: the same rivers and lakes either way.
    const WorldPicture::Key key{picture, options.scale, options.overlays, base_revision(), level_for(camera)};
    // Live, a picture drawn for another scale or level is kept while the scale moves; one showing
    // other content (a load, a layer, the style) never is.
    constexpr int held_frames = 6;
    m_globe_resolution_held = camera.projected_resolution() == m_globe_resolution ? m_globe_resolution_held + 1 : 0;
    m_globe_resolution = camera.projected_resolution();
    const bool current = m_world_picture && m_world_picture->key == key;
    const bool same_content = m_world_picture && m_world_picture->key.base_revision == key.base_revision &&
                              m_world_picture->key.overlays == key.overlays;
    const bool lags = !current && options.live && same_content && m_globe_resolution_held < held_frames;
    m_stats.globe_picture_lags = lags;
    if (!current && !lags) {
        if (!m_world_picture) m_world_picture.emplace();
        WorldPicture& w = *m_world_picture;
        const KeepBindings bindings;  // the frame's framebuffer, viewport and scissor, back after
        if (w.key.picture.size != picture.size) {  // a texture of another size (or none yet)
            GLuint id = 0;
            glGenTextures(1, &id);
            w.texture = gl::Texture(id);
            glBindTexture(GL_TEXTURE_2D, id);
            // Level 0 here, the rest of the chain by glGenerateMipmap (GL 3.3 has no glTexStorage2D).
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, picture.size, picture.size, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            glGenFramebuffers(1, &id);
            w.framebuffer = gl::Framebuffer(id);
            glBindFramebuffer(GL_FRAMEBUFFER, id);
            glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, w.texture.get(), 0);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, w.framebuffer.get());
        glViewport(0, 0, picture.size, picture.size);
        m_ground_widths = true;
        draw_layers(flat, in_picture, &m_picture_graticule, key.level);
        m_ground_widths = false;
        glBindTexture(GL_TEXTURE_2D, w.texture.get());
        glGenerateMipmap(GL_TEXTURE_2D);
        w.key = key;
    }

    glClearColor(style.paper.r, style.paper.g, style.paper.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    begin_draw(camera);
    glDisable(GL_BLEND);  // opaque
    set_clipping(camera, true);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_world_picture->texture.get());
    each_visible_chunk(m_globe_sphere, camera, *m_globe_program, [](ShaderProgram& program) { program.set_int("u_world", 0); });
    glBindTexture(GL_TEXTURE_2D, 0);
    set_clipping(camera, false);
    glEnable(GL_BLEND);
    glBindVertexArray(0);
    if (key.level) m_stats.level = *key.level;
    m_stats.globe_picture = true;
}

void MapRenderer::draw_routes(const Camera& camera, const DrawOptions& options) {
    if (!options.routes) return;
    begin_draw(camera);
    set_clipping(camera, true);
    for (const auto& route : m_routes) {
        if (!route.visible) continue;
        const RouteProgress* progress = nullptr;
        for (const auto& p : options.motion)
            if (p.id == route.id) progress = &p;
        draw_route(route, progress, camera, options.scale);
    }
    set_clipping(camera, false);
    glBindVertexArray(0);
}

std::uint64_t MapRenderer::base_revision() {
    BaseState now{m_loads, style, {}};
    now.layers.reserve(m_overlays.size());
    for (const auto& layer : m_overlays) now.layers.emplace_back(layer.visible, layer.color, layer.paint);
    if (!(now == m_base_state)) {
        m_base_state = std::move(now);
        ++m_base_revision;
    }
    return m_base_revision;
}

}  // namespace storyplot
