/* render.c — see render.h: opening, resizing and closing the renderer, and the small
 * helpers its files share. The work is elsewhere in app/render (render_internal.h says
 * where): start with render_frame in frame.c. */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "render_internal.h"

#include <stdio.h>
#include <string.h>

#include "../core/utf8.h"
#include "font.h"
#include "pick.h"

SDL_Color render_colour(uint32_t rgb, Uint8 alpha)
{
    return (SDL_Color){ (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha };
}

void render_free_surface(SDL_Surface *s)
{
    if (s && s->pixels && !SDL_MUSTLOCK(s))
        explicit_bzero(s->pixels, (size_t)s->pitch * (size_t)s->h);
    SDL_FreeSurface(s);
}

/* The text cache's budget for a screen size: half a frame's bytes, at least
 * RENDER_TEXT_BUDGET_MIN. Scaled, because text textures scale with the screen: a fixed
 * 16 MiB was twice a 1080p frame, the largest part of peak memory there. */
static size_t text_budget(int width, int height)
{
    size_t half_frame = (size_t)width * (size_t)height * 4 / 2;
    return half_frame > RENDER_TEXT_BUDGET_MIN ? half_frame : RENDER_TEXT_BUDGET_MIN;
}

/* Whether the frame is kept in a texture. The software renderer draws into the window's
 * surface, which keeps its pixels between presents: a frame texture there would be a
 * second copy of the screen (8 MiB at 1080p), unless the picture is turned. */
static bool wants_frame(const Renderer *r)
{
    return !r->software || r->rotation != 0;
}

static SDL_Texture *make_frame(SDL_Renderer *sdl, int width, int height)
{
    SDL_Texture *t = SDL_CreateTexture(sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                       width, height);
    if (t)
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
    return t;
}

/* Takes `frame` (NULL: none wanted) for an output of width x height. */
static void set_size(Renderer *r, SDL_Texture *frame, int width, int height)
{
    if (r->frame) { /* it holds the whole picture: wiped before it is freed */
        render_texture_wipe(r->frame);
        SDL_DestroyTexture(r->frame);
    }
    r->frame = frame;
    r->width = width;
    r->height = height;
    r->text_budget = text_budget(width, height); /* trimmed to it at the next new line */
    render_grid(r);
}

bool render_open(Renderer *r, SDL_Renderer *sdl, const Config *config, int width, int height,
                 const int font_px[FONT_ROLE_COUNT], char *error, size_t error_size)
{
    memset(r, 0, sizeof(*r));
    r->sdl = sdl;
    SDL_RendererInfo info;
    SDL_Texture *frame = NULL;
    if (SDL_GetRendererInfo(sdl, &info) != 0 || !(info.flags & SDL_RENDERER_TARGETTEXTURE)) {
        snprintf(error, error_size, "the display's renderer cannot draw into a texture");
        goto fail;
    }
    r->software = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    if (width <= 0 || height <= 0) {
        snprintf(error, error_size, "the screen size %dx%d is empty", width, height);
        goto fail;
    }
    if (TTF_Init() != 0) {
        snprintf(error, error_size, "cannot start SDL_ttf: %s", TTF_GetError());
        goto fail;
    }
    r->ttf_started = true;
    if (!render_faces_find(r, config, error, error_size) ||
        !render_fonts_open(r, r->fonts, font_px, error, error_size))
        goto fail;
    memcpy(r->font_px, font_px, sizeof(r->font_px));
    render_shaping_check(r);
    if (wants_frame(r) && !(frame = make_frame(sdl, width, height))) {
        snprintf(error, error_size, "cannot make a %dx%d frame texture: %s", width, height, SDL_GetError());
        goto fail;
    }
    set_size(r, frame, width, height);
    return true;
fail:
    render_close(r);
    return false;
}

bool render_resize(Renderer *r, int width, int height, const int font_px[FONT_ROLE_COUNT])
{
    TTF_Font *fonts[FONT_ROLE_COUNT] = { NULL };
    SDL_Texture *frame = NULL;
    char error[512];
    bool new_fonts = memcmp(font_px, r->font_px, sizeof(r->font_px)) != 0;
    if (width <= 0 || height <= 0) {
        SDL_SetError("the screen size %dx%d is empty", width, height);
        goto fail;
    }
    if (new_fonts && !render_fonts_open(r, fonts, font_px, error, sizeof(error))) {
        SDL_SetError("%s", error);
        goto fail;
    }
    if (wants_frame(r) && !(frame = make_frame(r->sdl, width, height)))
        goto fail;
    if (new_fonts) {
        render_text_flush(r);
        render_fonts_close(r->fonts);
        render_fallbacks_close(r, false); /* opened at the old sizes; reopened when next used */
        memcpy(r->fonts, fonts, sizeof(r->fonts));
        memcpy(r->font_px, font_px, sizeof(r->font_px));
    }
    set_size(r, frame, width, height);
    return true;
fail:
    render_fonts_close(fonts);
    return false;
}

bool render_set_fonts(Renderer *r, const int font_px[FONT_ROLE_COUNT])
{
    if (memcmp(font_px, r->font_px, sizeof(r->font_px)) == 0)
        return true;
    TTF_Font *fonts[FONT_ROLE_COUNT] = { NULL };
    char error[512];
    if (!render_fonts_open(r, fonts, font_px, error, sizeof(error))) {
        SDL_SetError("%s", error);
        return false;
    }
    render_text_flush(r);
    render_fonts_close(r->fonts);
    render_fallbacks_close(r, false); /* opened at the old sizes; reopened when next used */
    memcpy(r->fonts, fonts, sizeof(r->fonts));
    memcpy(r->font_px, font_px, sizeof(r->font_px));
    r->full = true;
    return true;
}

void render_set_base(Renderer *r, RenderBase base)
{
    if (r->base == base)
        return;
    r->base = base;
    render_text_flush(r); /* lines drawn and measured in the other direction */
}

void render_stats(const Renderer *r, RenderStats *out)
{
    *out = r->stats;
    out->text_entries = r->text_count;
    out->text_bytes = r->text_bytes;
    out->frame_bytes = r->frame ? (size_t)r->width * (size_t)r->height * 4 : 0;
    out->cells_x = r->cells_x;
    out->cells_y = r->cells_y;
    out->cell_size = r->cell_size;
}

void render_close(Renderer *r)
{
    render_text_flush(r);
    render_fonts_close(r->fonts);
    render_fallbacks_close(r, true);
    if (r->frame) { /* it holds the whole picture: wiped before it is freed */
        render_texture_wipe(r->frame);
        SDL_DestroyTexture(r->frame);
    }
    if (r->ttf_started)
        TTF_Quit();
    memset(r, 0, sizeof(*r));
}

void render_set_rotation(Renderer *r, int rotation, int panel_w, int panel_h)
{
    r->rotation = rotation;
    r->panel_w = panel_w;
    r->panel_h = panel_h;
    /* a turned picture is copied from the frame texture, even on the software renderer */
    if (rotation && !r->frame)
        r->frame = make_frame(r->sdl, r->width, r->height);
    r->full = true;
}

void render_pick(char *line, size_t size)
{
    PickNodes nodes;
    Pick pick;
    pick_scan("/dev/dri", &nodes);
    pick_renderer(&nodes, "/dev/dri", SDL_getenv("SDL_RENDER_DRIVER"), SDL_GetCurrentVideoDriver(),
                  &pick);
    if (pick.kind == PICK_SOFTWARE)
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software"); /* over a platform's "opengles2" */
    if (pick.no_gl_surface)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    snprintf(line, size, "%s", pick.line);
}
