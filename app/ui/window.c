/* window.c — a plain window that shows the bundle loaded: the attract screen's words,
 * centred, in the theme's colours and font. It waits for events (no busy loop) and
 * redraws only when the window is exposed or resized. The full UI replaces it. */
#include "window.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>

#include "font.h"

static SDL_Color colour_of(uint32_t rgb)
{
    return (SDL_Color){ (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255 };
}

static void draw_line(SDL_Renderer *r, TTF_Font *font, const char *text, uint32_t rgb, int cx, int y)
{
    if (!text[0])
        return;
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, text, colour_of(rgb));
    if (!s)
        return;
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    if (t) {
        SDL_Rect dst = { cx - s->w / 2, y, s->w, s->h };
        SDL_RenderCopy(r, t, NULL, &dst);
        SDL_DestroyTexture(t);
    }
    SDL_FreeSurface(s);
}

static void draw(SDL_Renderer *r, TTF_Font *title, TTF_Font *body, const Config *c, const Bundle *b)
{
    int w, h;
    SDL_GetRendererOutputSize(r, &w, &h);
    SDL_Color bg = colour_of(c->colours[COLOUR_BACKGROUND]);
    SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(r);
    int y = h / 2 - TTF_FontLineSkip(title);
    draw_line(r, title, bundle_word(b, WORD_ATTRACT_TITLE), c->colours[COLOUR_TEXT], w / 2, y);
    y += TTF_FontLineSkip(title);
    draw_line(r, body, bundle_word(b, WORD_ATTRACT_SUBTITLE), c->colours[COLOUR_MUTED], w / 2, y);
    y += TTF_FontLineSkip(body) * 2;
    draw_line(r, body, bundle_word(b, WORD_ATTRACT_TOUCH), c->colours[COLOUR_ACCENT], w / 2, y);
    SDL_RenderPresent(r);
}

bool window_run(const Config *c, const Bundle *b)
{
    bool ok = false;
    SDL_Window *win = NULL;
    SDL_Renderer *r = NULL;
    TTF_Font *title = NULL, *body = NULL;
    char regular[1024], bold[1024], error[512];
    if (c->font_regular[0])
        snprintf(regular, sizeof(regular), "%s", c->font_regular);
    else if (!font_find(c->font, false, regular, sizeof(regular), error, sizeof(error))) {
        fprintf(stderr, "attune: %s\n", error);
        return false;
    }
    if (c->font_bold[0])
        snprintf(bold, sizeof(bold), "%s", c->font_bold);
    else if (!font_find(c->font, true, bold, sizeof(bold), error, sizeof(error)))
        snprintf(bold, sizeof(bold), "%s", regular);

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "attune: cannot open the display: %s\n", SDL_GetError());
        return false;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "attune: cannot start SDL_ttf: %s\n", TTF_GetError());
        goto done;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                   (c->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    win = SDL_CreateWindow(bundle_word(b, WORD_ATTRACT_TITLE), SDL_WINDOWPOS_CENTERED,
                           SDL_WINDOWPOS_CENTERED, c->width, c->height, flags);
    if (!win) {
        fprintf(stderr, "attune: cannot open a window: %s\n", SDL_GetError());
        goto done;
    }
    r = SDL_CreateRenderer(win, -1, 0);
    if (!r) {
        fprintf(stderr, "attune: cannot draw in the window: %s\n", SDL_GetError());
        goto done;
    }
    title = TTF_OpenFont(bold, (int)(c->size_title * c->scale * 1.4));
    body = TTF_OpenFont(regular, (int)(c->size_body * c->scale));
    if (!title || !body) {
        fprintf(stderr, "attune: cannot open the font %s: %s\n", regular, TTF_GetError());
        goto done;
    }
    draw(r, title, body, c, b);
    SDL_Event e;
    while (SDL_WaitEvent(&e)) {
        if (e.type == SDL_QUIT)
            break;
        if (e.type == SDL_KEYDOWN && (e.key.keysym.sym == SDLK_q && (e.key.keysym.mod & KMOD_CTRL)))
            break;
        if (e.type == SDL_WINDOWEVENT && (e.window.event == SDL_WINDOWEVENT_EXPOSED ||
                                          e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED))
            draw(r, title, body, c, b);
    }
    ok = true;
done:
    if (title)
        TTF_CloseFont(title);
    if (body)
        TTF_CloseFont(body);
    if (r)
        SDL_DestroyRenderer(r);
    if (win)
        SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return ok;
}
