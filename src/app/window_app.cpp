#include "app/window_app.hpp"

#include <SDL.h>

#include <iostream>

#include "app/map_window.hpp"
#include "reader/data_paths.hpp"
#include "render/headless_context.hpp"

namespace storyplot {

std::string seed_story_path() { return (data_root() / "assets" / "stories" / "vladivostok-2019.story.json").string(); }

namespace {

struct SdlWindow {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    ~SdlWindow() {
        if (gl) SDL_GL_DeleteContext(gl);
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
    }
};

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
