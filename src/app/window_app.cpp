#include "app/window_app.hpp"

#include <SDL.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>

#include "app/background_jobs.hpp"
#include "app/map_sources.hpp"
#include "core/input_error.hpp"
#include "core/mercator.hpp"
#include "data/natural_earth.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "ui/layers_panel.hpp"
#include "ui/map_decorations.hpp"
#include "ui/message_log.hpp"
#include "ui/status_bar.hpp"
#include "ui/ui_context.hpp"

namespace storyplot {

namespace {

using Clock = std::chrono::steady_clock;

constexpr double wheel_step = 1.25;      // zoom factor per wheel notch
constexpr double key_pan_px = 120.0;     // arrow keys
constexpr double double_click_zoom = 2.0;

struct SdlWindow {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    ~SdlWindow() {
        if (gl) SDL_GL_DeleteContext(gl);
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
    }
};

class MapWindow {
public:
    MapWindow(const WindowOptions& options, SDL_Window* window, SDL_GLContext gl);
    int run(int exit_after_frames);

private:
    void load_basemap_level(DetailLevel level);
    void load_overlay(const std::string& path, bool frame_it);
    void handle(const SDL_Event& event);
    void frame();
    double pixel_ratio() const;
    Vec2 to_pixels(double x, double y) const { return {x * pixel_ratio(), y * pixel_ratio()}; }

    SDL_Window* m_window;
    UiContext m_ui;
    MapRenderer m_renderer;
    BackgroundJobs m_jobs;
    MessageLog m_messages;
    Camera m_camera;
    Camera m_home;
    std::optional<Vec2> m_cursor;
    bool m_dragging = false;
    bool m_running = true;
    double m_frame_ms = 0;
    std::size_t m_overlay_count = 0;
    Clock::time_point m_start = Clock::now();
    Uint32 m_wake_event;
};

MapWindow::MapWindow(const WindowOptions& options, SDL_Window* window, SDL_GLContext gl)
    : m_window(window),
      m_ui(window, gl),
      m_jobs([this] {
          SDL_Event e{};
          e.type = m_wake_event;
          SDL_PushEvent(&e);
      }),
      m_wake_event(SDL_RegisterEvents(1)) {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window, &w, &h);

    // The story frames the first view, so it is read before the window shows anything.
    std::optional<Box> story_bounds;
    if (options.story) {
        try {
            LoadedSource story = load_source(*options.story, m_overlay_count);
            m_overlay_count += story.layers.size();
            for (const auto& layer : story.layers) m_renderer.add_overlay(layer);
            story_bounds = story.bounds;
        } catch (const InputError& e) {
            m_messages.error(e.what());
        }
    }
    m_camera = m_home = initial_camera(std::nullopt, story_bounds, w, h);

    // The coarse world loads in a blink and shows at once; the level the view needs follows in the
    // background, then the others, so zooming later does not wait.
    try {
        m_renderer.set_basemap(load_natural_earth(DetailLevel::coarse_110m));
    } catch (const InputError& e) {
        m_messages.error(e.what());
    }
    const DetailLevel wanted = detail_for_resolution(m_camera.resolution());
    load_basemap_level(wanted);
    for (DetailLevel level : {DetailLevel::medium_50m, DetailLevel::fine_10m})
        if (level != wanted) load_basemap_level(level);
    for (const auto& path : options.basemaps) load_overlay(path, false);
}

void MapWindow::load_basemap_level(DetailLevel level) {
    if (level == DetailLevel::coarse_110m) return;
    const std::string label = "loading Natural Earth 1:" + std::string(detail_suffix(level)) + "…";
    m_jobs.post(label, [this, level]() -> BackgroundJobs::Finish {
        try {
            auto meshes = std::make_shared<BasemapMeshes>(load_natural_earth(level));
            return [this, meshes] { m_renderer.set_basemap(*meshes); };
        } catch (const std::exception& e) {
            return [this, msg = std::string(e.what())] { m_messages.error(msg); };
        }
    });
}

void MapWindow::load_overlay(const std::string& path, bool frame_it) {
    const std::size_t color_index = m_overlay_count++;
    m_jobs.post("loading " + path + "…", [this, path, color_index, frame_it]() -> BackgroundJobs::Finish {
        try {
            auto source = std::make_shared<LoadedSource>(load_source(path, color_index));
            return [this, source, frame_it] {
                for (const auto& layer : source->layers) m_renderer.add_overlay(layer);
                m_messages.note("added " + source->path);
                if (frame_it) m_camera = initial_camera(std::nullopt, source->bounds, m_camera.width(), m_camera.height());
            };
        } catch (const std::exception& e) {
            return [this, msg = std::string(e.what())] { m_messages.error(msg); };
        }
    });
}

double MapWindow::pixel_ratio() const {
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(m_window, &ww, &wh);
    SDL_GL_GetDrawableSize(m_window, &dw, &dh);
    return ww > 0 ? static_cast<double>(dw) / ww : 1.0;
}

void MapWindow::handle(const SDL_Event& event) {
    m_ui.process_event(event);
    switch (event.type) {
    case SDL_QUIT: m_running = false; break;
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int w = 0, h = 0;
            SDL_GL_GetDrawableSize(m_window, &w, &h);
            m_camera.set_viewport(w, h);
            m_home.set_viewport(w, h);
        } else if (event.window.event == SDL_WINDOWEVENT_LEAVE) {
            m_cursor.reset();
        }
        break;
    case SDL_DROPFILE: {
        std::unique_ptr<char, decltype(&SDL_free)> file(event.drop.file, &SDL_free);
        load_overlay(file.get(), true);
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (m_ui.wants_mouse() || event.button.button != SDL_BUTTON_LEFT) break;
        if (event.button.clicks == 2)
            m_camera.zoom_around(to_pixels(event.button.x, event.button.y), double_click_zoom);
        else
            m_dragging = true;
        break;
    case SDL_MOUSEBUTTONUP:
        if (event.button.button == SDL_BUTTON_LEFT) m_dragging = false;
        break;
    case SDL_MOUSEMOTION:
        m_cursor = to_pixels(event.motion.x, event.motion.y);
        if (m_dragging) m_camera.pan_pixels(event.motion.xrel * pixel_ratio(), event.motion.yrel * pixel_ratio());
        break;
    case SDL_MOUSEWHEEL: {
        if (m_ui.wants_mouse()) break;
        int x = 0, y = 0;
        SDL_GetMouseState(&x, &y);
        m_camera.zoom_around(to_pixels(x, y), std::pow(wheel_step, static_cast<double>(event.wheel.preciseY)));
        break;
    }
    case SDL_KEYDOWN: {
        if (m_ui.wants_keyboard()) break;
        const Vec2 middle{m_camera.width() / 2.0, m_camera.height() / 2.0};
        switch (event.key.keysym.sym) {
        case SDLK_PLUS:
        case SDLK_EQUALS:
        case SDLK_KP_PLUS: m_camera.zoom_around(middle, 2.0); break;
        case SDLK_MINUS:
        case SDLK_KP_MINUS: m_camera.zoom_around(middle, 0.5); break;
        case SDLK_LEFT: m_camera.pan_pixels(key_pan_px, 0); break;
        case SDLK_RIGHT: m_camera.pan_pixels(-key_pan_px, 0); break;
        case SDLK_UP: m_camera.pan_pixels(0, key_pan_px); break;
        case SDLK_DOWN: m_camera.pan_pixels(0, -key_pan_px); break;
        case SDLK_HOME: m_camera = m_home; break;
        default: break;
        }
        break;
    }
    default: break;
    }
}

void MapWindow::frame() {
    const auto start = Clock::now();
    m_jobs.apply();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, m_camera.width(), m_camera.height());
    const DrawStats stats = m_renderer.draw(m_camera);

    m_ui.begin_frame(m_camera.width(), m_camera.height());
    StatusInfo status;
    status.cursor_px = m_cursor;
    status.level = m_renderer.level_for(m_camera);
    if (status.level) status.level = stats.level;
    status.frame_ms = m_frame_ms;
    status.loading = m_jobs.busy();
    const float bar_height = draw_status_bar(m_camera, status);
    add_map_decorations(*ImGui::GetBackgroundDrawList(), m_camera, 1.0f, bar_height, map_credits(false));
    Box zoom_to;
    if (draw_layers_panel(m_renderer.overlays(), zoom_to))
        m_camera = initial_camera(std::nullopt, zoom_to, m_camera.width(), m_camera.height());
    m_messages.draw(std::chrono::duration<double>(Clock::now() - m_start).count());
    m_ui.end_frame();
    SDL_GL_SwapWindow(m_window);
    m_frame_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int MapWindow::run(int exit_after_frames) {
    int frames = 0;
    while (m_running) {
        SDL_Event event;
        // Idle until something happens; ImGui wants a couple of frames after input to settle.
        if (SDL_WaitEventTimeout(&event, m_jobs.busy().empty() ? 250 : 50)) {
            handle(event);
            while (SDL_PollEvent(&event)) handle(event);
        }
        frame();
        if (exit_after_frames > 0 && ++frames >= exit_after_frames && m_jobs.busy().empty()) break;
    }
    return 0;
}

}  // namespace

int run_window(const WindowOptions& options) {
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        std::cerr << "storyplot: cannot open a window: " << SDL_GetError() << "\n";
        return 1;
    }
    SdlWindow sdl;
    request_gl_core_profile();
    sdl.window = SDL_CreateWindow("storyplot", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width, options.height,
                                  SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!sdl.window) {
        std::cerr << "storyplot: cannot open a window: " << SDL_GetError() << "\n";
        return 1;
    }
    sdl.gl = SDL_GL_CreateContext(sdl.window);
    if (!sdl.gl) {
        std::cerr << "storyplot: cannot create a GL 3.3 core context: " << SDL_GetError() << "\n";
        return 1;
    }
    SDL_GL_MakeCurrent(sdl.window, sdl.gl);
    SDL_GL_SetSwapInterval(1);
    MapWindow map(options, sdl.window, sdl.gl);
    return map.run(options.exit_after_frames);
}

}  // namespace storyplot
