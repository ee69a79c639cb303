/* least_sdl.c — the least an SDL2 program does to show a window: start SDL's video, open a
 * window, make a renderer, clear and present once, then wait until it is closed. `make
 * bench` (tests/startbench.c) times it beside Attune, the same way in the same run, as the
 * floor Attune's first frame and memory are measured against.
 *
 *   build/least_sdl [software|auto] [WIDTH HEIGHT]
 *
 * software: the hints Attune sets on a machine with no GPU (SDL's software renderer, and
 * no GL behind the window's surface); auto: SDL's own choice. The window's flags are
 * Attune's for a desktop window. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    int w = argc > 3 ? atoi(argv[2]) : 800, h = argc > 3 ? atoi(argv[3]) : 480;
    if (argc > 1 && strcmp(argv[1], "software") == 0) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "least_sdl: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *window = SDL_CreateWindow("least SDL2", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          w, h, SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE);
    SDL_Renderer *renderer = window ? SDL_CreateRenderer(window, -1, 0) : NULL;
    if (!renderer) {
        fprintf(stderr, "least_sdl: %s\n", SDL_GetError());
        return 1;
    }
    SDL_SetRenderDrawColor(renderer, 0xf6, 0xf1, 0xea, 255);
    SDL_RenderClear(renderer);
    SDL_RenderPresent(renderer);
    for (SDL_Event e; SDL_WaitEvent(&e) && e.type != SDL_QUIT;)
        ;
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
