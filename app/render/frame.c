/* frame.c — a frame from a DrawList: hash every command into the screen cells its bounds
 * touch, compare with the last frame's cell hashes, merge the changed cells into a few
 * rectangles and redraw each one, clipped, from the background up, into the frame
 * texture; then copy that to the window, turned when the panel is (the idea of rxi/lite's
 * rencache.c). (On the software renderer there is no frame texture: the window's surface
 * keeps the last frame between presents, so the rectangles are redrawn in it directly.)
 * Also reading the frame back: its pixels, a PNG. */
#include "render_internal.h"

#include <SDL_image.h>
#include <assert.h>
#include <math.h>

#include "../core/hash.h"
#include "../core/utf8.h"
#include "rotate.h"

/* ---- commands ------------------------------------------------------------------------- */

static float clampf(float v)
{
    return fmaxf(-1e6f, fminf(v, 1e6f)); /* also turns NaN into a number */
}

static SDL_Rect box(float x0, float y0, float x1, float y1, float margin)
{
    int l = (int)floorf(clampf(fminf(x0, x1) - margin)), t = (int)floorf(clampf(fminf(y0, y1) - margin));
    int rt = (int)ceilf(clampf(fmaxf(x0, x1) + margin)), b = (int)ceilf(clampf(fmaxf(y0, y1) + margin));
    return (SDL_Rect){ l, t, rt - l, b - t };
}

/* The pixels a command may change (w = 0: none). For text this finds, or rasterises, the
 * line's texture, whose size is exact. Shapes get 2 px of margin: the half-pixel feather
 * and the software renderer's rounding. */
static SDL_Rect bounds_of(Renderer *r, const DrawCmd *c, int index)
{
    const SDL_Rect none = { 0, 0, 0, 0 };
    const Rect *g = &c->rect;
    if (c->alpha == 0)
        return none;
    switch (c->kind) {
    case DRAW_RECT:
    case DRAW_CIRCLE:
        if (!(g->w > 0 && g->h > 0))
            return none;
        return box(g->x, g->y, g->x + g->w, g->y + g->h, 2.0f);
    case DRAW_LINE: {
        if (!(c->thickness > 0))
            return none;
        return box(g->x, g->y, g->x + g->w, g->y + g->h, fmaxf(c->thickness, 1.0f) / 2.0f + 2.0f);
    }
    case DRAW_CODE:
        return g->w > 0 ? box(g->x, g->y, g->x + g->w, g->y + g->h, 1.0f) : none;
    case DRAW_TEXT: {
        assert(c->font >= 0 && c->font < FONT_ROLE_COUNT);
        int len = (int)utf8_cut(c->text, (size_t)c->len, RENDER_LINE_BYTES - 1);
        if (len <= 0)
            return none;
        int e = render_text_get(r, c->font, c->colour & 0xFFFFFF, c->text, len);
        r->text_of[index] = e;
        if (!r->texts[e].texture)
            return none;
        float left = c->align == TEXT_ALIGN_RIGHT ? g->x + g->w - (float)r->texts[e].w : g->x;
        return (SDL_Rect){ (int)lroundf(clampf(left)), (int)lroundf(clampf(g->y)), r->texts[e].w,
                           r->texts[e].h };
    }
    default:
        assert(!"unknown draw command");
        return none;
    }
}

/* Everything that changes a command's pixels. */
static uint64_t cmd_hash(const DrawCmd *c)
{
    uint64_t h = hash_bytes(HASH_SEED, &c->kind, sizeof(c->kind));
    h = hash_bytes(h, &c->rect, sizeof(c->rect)); /* four floats, no padding */
    h = hash_bytes(h, &c->colour, sizeof(c->colour));
    h = hash_bytes(h, &c->alpha, sizeof(c->alpha));
    switch (c->kind) {
    case DRAW_RECT:
        h = hash_bytes(h, &c->radius, sizeof(c->radius));
        /* fall through */
    case DRAW_CIRCLE:
    case DRAW_LINE:
        h = hash_bytes(h, &c->thickness, sizeof(c->thickness));
        break;
    case DRAW_TEXT:
        h = hash_bytes(h, &c->font, sizeof(c->font));
        h = hash_bytes(h, &c->len, sizeof(c->len));
        h = hash_bytes(h, &c->align, sizeof(c->align));
        h = hash_bytes(h, c->text, (size_t)(c->len > 0 ? c->len : 0));
        break;
    case DRAW_CODE:
        h = hash_bytes(h, &c->side, sizeof(c->side));
        h = hash_bytes(h, &c->module, sizeof(c->module));
        if (c->modules && c->side > 0)
            h = hash_bytes(h, c->modules, (size_t)c->side * (size_t)c->side);
        break;
    default:
        break;
    }
    return h;
}

static void draw_cmd(Renderer *r, const DrawCmd *c, int index)
{
    if (c->kind == DRAW_TEXT) {
        SDL_Texture *texture = r->texts[r->text_of[index]].texture;
        SDL_SetTextureAlphaMod(texture, c->alpha);
        SDL_RenderCopy(r->sdl, texture, NULL, &r->bounds[index]);
    } else {
        render_shape(r, c);
    }
}

/* ---- dirty cells ---------------------------------------------------------------------- */

void render_grid(Renderer *r)
{
    int size = RENDER_CELL_SIZE;
    while ((r->width + size - 1) / size > RENDER_MAX_CELLS_X ||
           (r->height + size - 1) / size > RENDER_MAX_CELLS_Y)
        size *= 2;
    r->cell_size = size;
    r->cells_x = (r->width + size - 1) / size;
    r->cells_y = (r->height + size - 1) / size;
    r->full = true;
}

/* `b` cut to the screen (w or h 0 or less when nothing is left). */
static SDL_Rect on_screen(const Renderer *r, SDL_Rect b)
{
    int x0 = b.x < 0 ? 0 : b.x, y0 = b.y < 0 ? 0 : b.y;
    int x1 = b.x + b.w > r->width ? r->width : b.x + b.w;
    int y1 = b.y + b.h > r->height ? r->height : b.y + b.h;
    return (SDL_Rect){ x0, y0, x1 - x0, y1 - y0 };
}

static void hash_into_cells(Renderer *r, uint64_t *cells, SDL_Rect b, uint64_t h)
{
    SDL_Rect on = on_screen(r, b);
    if (on.w <= 0 || on.h <= 0)
        return;
    for (int y = on.y / r->cell_size; y <= (on.y + on.h - 1) / r->cell_size; y++)
        for (int x = on.x / r->cell_size; x <= (on.x + on.w - 1) / r->cell_size; x++)
            cells[y * r->cells_x + x] = hash_bytes(cells[y * r->cells_x + x], &h, sizeof(h));
}

static long area(SDL_Rect a)
{
    return (long)a.w * a.h;
}

/* Adds a row of dirty cells: onto the rectangle right above it when they line up (an exact
 * merge), else as a new rectangle, else (when full) into the one it grows least. */
static void push_rect(Renderer *r, int *count, SDL_Rect a)
{
    for (int i = *count - 1; i >= 0; i--) {
        SDL_Rect *b = &r->rects[i];
        if (b->x == a.x && b->w == a.w && b->y + b->h == a.y) {
            b->h += a.h;
            return;
        }
    }
    if (*count < RENDER_MAX_RECTS) {
        r->rects[(*count)++] = a;
        return;
    }
    int best = 0;
    long best_growth = 0;
    for (int i = 0; i < *count; i++) {
        SDL_Rect u;
        SDL_UnionRect(&r->rects[i], &a, &u);
        long growth = area(u) - area(r->rects[i]);
        if (i == 0 || growth < best_growth) {
            best = i;
            best_growth = growth;
        }
    }
    SDL_UnionRect(&r->rects[best], &a, &r->rects[best]);
}

/* Compares the new cell hashes with the last frame's and merges the changed cells into
 * r->rects. Returns how many rectangles. */
static int dirty_rects(Renderer *r, const uint64_t *now, const uint64_t *before)
{
    int count = 0, cells = 0, cs = r->cell_size;
    for (int y = 0; y < r->cells_y; y++) {
        const uint64_t *row_now = now + y * r->cells_x, *row_before = before + y * r->cells_x;
        for (int x = 0; x < r->cells_x;) {
            if (!r->full && row_now[x] == row_before[x]) {
                x++;
                continue;
            }
            int start = x;
            while (x < r->cells_x && (r->full || row_now[x] != row_before[x]))
                x++;
            cells += x - start;
            push_rect(r, &count, on_screen(r, (SDL_Rect){ start * cs, y * cs, (x - start) * cs, cs }));
        }
    }
    r->stats.dirty_cells = cells;
    r->stats.dirty_rects = count;
    r->stats.dirty_pixels = 0;
    for (int i = 0; i < count; i++)
        r->stats.dirty_pixels += (int)area(r->rects[i]);
    return count;
}

/* ---- the frame ------------------------------------------------------------------------ */

/* Step 1: hashes each of the first `count` commands into the cells it touches, in drawing
 * order, noting its bounds; the new hashes become the current ones. */
static void hash_commands(Renderer *r, const DrawList *list, int count)
{
    uint64_t *now = r->cells[!r->current];
    for (int i = 0; i < r->cells_x * r->cells_y; i++)
        now[i] = HASH_SEED;
    for (int i = 0; i < count; i++) {
        r->bounds[i] = bounds_of(r, &list->cmds[i], i);
        if (r->bounds[i].w > 0)
            hash_into_cells(r, now, r->bounds[i], cmd_hash(&list->cmds[i]));
    }
    r->current = !r->current;
}

/* Step 3: redraws each of the `rects` dirty rectangles from the background up, clipped to
 * it (r->frame is NULL on the software renderer: the window itself is the target). */
static void redraw(Renderer *r, const DrawList *list, int count, int rects)
{
    SDL_Color bg = render_colour(r->background, 255);
    SDL_SetRenderTarget(r->sdl, r->frame);
    for (int k = 0; k < rects; k++) {
        const SDL_Rect *clip = &r->rects[k];
        SDL_RenderSetClipRect(r->sdl, clip);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(r->sdl, bg.r, bg.g, bg.b, bg.a);
        SDL_RenderFillRect(r->sdl, clip);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
        for (int i = 0; i < count; i++)
            if (r->bounds[i].w > 0 && SDL_HasIntersection(&r->bounds[i], clip))
                draw_cmd(r, &list->cmds[i], i);
    }
    SDL_RenderSetClipRect(r->sdl, NULL);
}

/* Step 4: shows the whole frame: after a present a GPU's back buffer is undefined. A
 * turned panel gets the frame turned (SDL does not rotate KMSDRM output itself). */
static void present(Renderer *r)
{
    if (r->frame) {
        SDL_SetRenderTarget(r->sdl, NULL);
        if (r->rotation) {
            Rect d = rotate_copy_rect(r->rotation, r->panel_w, r->panel_h);
            SDL_FRect dst = { d.x, d.y, d.w, d.h };
            SDL_RenderCopyExF(r->sdl, r->frame, NULL, &dst, rotate_copy_angle(r->rotation), NULL, SDL_FLIP_NONE);
        } else {
            SDL_RenderCopy(r->sdl, r->frame, NULL, NULL);
        }
    }
    SDL_RenderPresent(r->sdl);
}

bool render_frame(Renderer *r, const DrawList *list, uint32_t background)
{
    assert(r->sdl && (r->frame || r->software) && list);
    background &= 0xFFFFFF;
    if (background != r->background)
        r->full = true;
    r->background = background;
    r->frame_number++;

    int count = list->count < DRAW_MAX_CMDS ? list->count : DRAW_MAX_CMDS;
    hash_commands(r, list, count);

    /* Step 2: nothing changed: nothing to draw, nothing to present. */
    int rects = dirty_rects(r, r->cells[r->current], r->cells[!r->current]);
    r->full = false;
    if (rects == 0) {
        r->stats.frames_skipped++;
        return false;
    }
    redraw(r, list, count, rects);
    present(r);
    r->stats.frames_presented++;
    return true;
}

void render_invalidate(Renderer *r)
{
    r->full = true;
}

void render_lose_contents(Renderer *r)
{
    for (int i = 0; i < RENDER_TEXT_CACHE; i++)
        if (r->texts[i].live && r->texts[i].texture)
            SDL_SetTextureBlendMode(r->texts[i].texture, SDL_BLENDMODE_NONE);
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    SDL_Texture *wipe[2] = { r->frame, NULL }; /* the frame texture (if any), the window */
    for (int i = r->frame ? 0 : 1; i < 2; i++) {
        SDL_SetRenderTarget(r->sdl, wipe[i]);
        SDL_RenderSetClipRect(r->sdl, NULL);
        SDL_SetRenderDrawColor(r->sdl, 255, 0, 255, 255);
        SDL_RenderClear(r->sdl);
    }
    SDL_RenderPresent(r->sdl);
    SDL_SetRenderTarget(r->sdl, target);
}

/* ---- reading it back ------------------------------------------------------------------ */

bool render_read_pixels(Renderer *r, Uint32 format, void *pixels, int pitch)
{
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    /* r->frame NULL (the software renderer) selects the window, which holds the frame. */
    if (SDL_SetRenderTarget(r->sdl, r->frame) != 0)
        return false;
    int read = SDL_RenderReadPixels(r->sdl, NULL, format, pixels, pitch);
    SDL_SetRenderTarget(r->sdl, target);
    return read == 0;
}

bool render_save_png(Renderer *r, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, r->width, r->height, 24, SDL_PIXELFORMAT_RGB24);
    bool ok = s && render_read_pixels(r, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) && IMG_SavePNG(s, path) == 0;
    if (s)
        SDL_FreeSurface(s);
    return ok;
}
