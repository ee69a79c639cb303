/* textcache.c — lines of text: each (font, colour, bytes) rasterised once and kept as a
 * texture, and each (font, bytes) measured once for the view's wrapping.
 *
 * The text cache's entries sit in a fixed array; a linear-probing table of entry numbers
 * finds them by hash. An entry used by the frame being built is never evicted, and the
 * cache holds a whole frame of lines, so an entry found while hashing is still there when
 * drawing. Widths are kept direct-mapped by hash. */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "render_internal.h"

#include <assert.h>
#include <string.h>

#include "../core/utf8.h"
#include "../core/hash.h"

_Static_assert((RENDER_TEXT_TABLE & (RENDER_TEXT_TABLE - 1)) == 0, "the table is a power of two");
_Static_assert((int)RENDER_TEXT_CACHE >= (int)DRAW_MAX_CMDS, "a whole frame of lines must fit the cache");
_Static_assert(RENDER_TEXT_CACHE < 32767, "entries are numbered in int16_t");
_Static_assert((RENDER_WIDTH_CACHE & (RENDER_WIDTH_CACHE - 1)) == 0, "a power of two");

/* The key of a measured width; the text cache's adds the colour. */
static uint64_t line_hash(FontRole font, const char *text, int len)
{
    return hash_bytes(hash_bytes(HASH_SEED, &font, sizeof(font)), text, (size_t)len);
}

/* ---- the text cache ------------------------------------------------------------------- */

static size_t home_slot(uint64_t hash)
{
    return (size_t)(hash ^ (hash >> 31)) & (RENDER_TEXT_TABLE - 1);
}

static size_t next_slot(size_t s)
{
    return (s + 1) & (RENDER_TEXT_TABLE - 1);
}

/* Keys are compared on all their bytes up to RENDER_TEXT_KEY, and beyond that on the
 * 64-bit hash of the whole line. */
static bool text_matches(const RenderText *t, uint64_t hash, FontRole font, uint32_t colour,
                         const char *text, int len)
{
    int kept = len < RENDER_TEXT_KEY ? len : RENDER_TEXT_KEY;
    return t->hash == hash && t->font == font && t->colour == colour && t->len == len &&
           memcmp(t->key, text, (size_t)kept) == 0;
}

/* The slot holding this key, or the empty slot where it would go. */
static size_t text_slot(const Renderer *r, uint64_t hash, FontRole font, uint32_t colour,
                        const char *text, int len)
{
    size_t s = home_slot(hash);
    while (r->table[s] && !text_matches(&r->texts[r->table[s] - 1], hash, font, colour, text, len))
        s = next_slot(s);
    return s;
}

/* Zeros to write over a texture before it is freed; read only. */
static const uint8_t zeros[64 * 1024];

void render_texture_wipe(SDL_Texture *texture)
{
    Uint32 format = 0;
    int w = 0, h = 0;
    if (SDL_QueryTexture(texture, &format, NULL, &w, &h) != 0 || w <= 0 || h <= 0)
        return;
    int bpp = SDL_BYTESPERPIXEL(format) ? SDL_BYTESPERPIXEL(format) : 4;
    int cols = (int)sizeof(zeros) / bpp < w ? (int)sizeof(zeros) / bpp : w;
    int rows = (int)sizeof(zeros) / (cols * bpp);
    for (int y = 0; y < h; y += rows)
        for (int x = 0; x < w; x += cols) {
            SDL_Rect piece = { x, y, w - x < cols ? w - x : cols, h - y < rows ? h - y : rows };
            SDL_UpdateTexture(texture, &piece, zeros, cols * bpp);
        }
}

static void text_evict(Renderer *r, int e)
{
    RenderText *t = &r->texts[e];
    size_t hole = home_slot(t->hash);
    while (r->table[hole] != e + 1)
        hole = next_slot(hole);
    /* Backward-shift deletion: pull later entries of the probe run into the hole unless
     * their home slot lies after the hole (they would then become unreachable). */
    for (size_t next = next_slot(hole); r->table[next]; next = next_slot(next)) {
        size_t home = home_slot(r->texts[r->table[next] - 1].hash);
        bool stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
        if (!stays) {
            r->table[hole] = r->table[next];
            hole = next;
        }
    }
    r->table[hole] = 0;
    if (t->texture) {
        render_texture_wipe(t->texture);
        SDL_DestroyTexture(t->texture);
    }
    r->text_bytes -= (size_t)t->w * (size_t)t->h * 4;
    r->text_count--;
    explicit_bzero(t, sizeof(*t));
}

/* Evicts the least recently used entry not used by this frame; false when there is none. */
static bool text_evict_oldest(Renderer *r)
{
    int oldest = -1;
    for (int i = 0; i < RENDER_TEXT_CACHE; i++) {
        const RenderText *t = &r->texts[i];
        if (t->live && t->used != r->frame_number && (oldest < 0 || t->used < r->texts[oldest].used))
            oldest = i;
    }
    if (oldest >= 0)
        text_evict(r, oldest);
    return oldest >= 0;
}

void render_text_flush(Renderer *r)
{
    for (int i = 0; i < RENDER_TEXT_CACHE; i++)
        if (r->texts[i].live)
            text_evict(r, i);
    explicit_bzero(r->widths, sizeof(r->widths));
}

void render_forget(Renderer *r)
{
    if (!r->sdl)
        return; /* not open */
    render_text_flush(r);
    explicit_bzero(r->line, sizeof(r->line));
    explicit_bzero(r->bounds, sizeof(r->bounds)); /* where the last frame's shapes were */
    explicit_bzero(r->text_of, sizeof(r->text_of));
    explicit_bzero(r->cells, sizeof(r->cells));
    explicit_bzero(r->vertices, sizeof(r->vertices));
    explicit_bzero(r->indices, sizeof(r->indices));
    explicit_bzero(&r->bidi, sizeof(r->bidi)); /* the last line's levels and offsets */
    r->full = true; /* the cells' hashes are gone: the next frame is drawn whole */
}

/* Rasterises the line into t's texture (none when it cannot be drawn). */
static void text_rasterise(Renderer *r, RenderText *t, const char *text, int len)
{
    /* len < RENDER_LINE_BYTES, so even a line of broken bytes fits, each as U+FFFD */
    int n = (int)utf8_sanitize(text, (size_t)len, r->line, sizeof(r->line), NULL);
    SDL_Surface *surface = n > 0 ? render_runs_draw(r, t->font, r->line, n, render_colour(t->colour, 255))
                                 : NULL;
    explicit_bzero(r->line, (size_t)n + 1); /* the copy is not kept */
    if (!surface)
        return;
    t->texture = SDL_CreateTextureFromSurface(r->sdl, surface);
    if (t->texture) {
        SDL_SetTextureBlendMode(t->texture, SDL_BLENDMODE_BLEND);
        t->w = surface->w;
        t->h = surface->h;
    }
    render_free_surface(surface);
}

int render_text_get(Renderer *r, FontRole font, uint32_t colour, const char *text, int len)
{
    uint64_t hash = hash_bytes(line_hash(font, text, len), &colour, sizeof(colour));
    size_t s = text_slot(r, hash, font, colour, text, len);
    if (r->table[s]) {
        int e = r->table[s] - 1;
        r->texts[e].used = r->frame_number;
        r->stats.text_hits++;
        return e;
    }
    r->stats.text_misses++;
    if (r->text_count == RENDER_TEXT_CACHE) {
        bool evicted = text_evict_oldest(r);
        assert(evicted); /* the cache holds more entries than a frame has commands */
        (void)evicted;
        s = text_slot(r, hash, font, colour, text, len); /* eviction moved slots */
    }
    int e = 0;
    while (r->texts[e].live)
        e++;
    RenderText *t = &r->texts[e];
    *t = (RenderText){ .hash = hash, .colour = colour, .font = font, .len = len,
                       .used = r->frame_number, .live = true };
    memcpy(t->key, text, (size_t)(len < RENDER_TEXT_KEY ? len : RENDER_TEXT_KEY));
    /* A line that cannot be drawn stays cached without a texture, so it is not retried
     * every frame. */
    text_rasterise(r, t, text, len);
    r->table[s] = (int16_t)(e + 1);
    r->text_count++;
    r->text_bytes += (size_t)t->w * (size_t)t->h * 4;
    while (r->text_bytes > r->text_budget && text_evict_oldest(r))
        ;
    return e;
}

/* ---- measuring ------------------------------------------------------------------------ */

enum { PIECE = 1024 }; /* text is measured in pieces of less than this many bytes */

/* How many bytes of `text` to measure as one piece: all when short, else cut after a space
 * in the second half of a piece (no kerning is lost), else between characters. */
static int next_piece(const char *text, int len)
{
    if (len < PIECE)
        return len;
    int space = PIECE - 1;
    while (space > PIECE / 2 && text[space - 1] != ' ')
        space--;
    return space > PIECE / 2 ? space : (int)utf8_cut(text, (size_t)len, PIECE - 1);
}

static int measure_width(void *ctx, FontRole font, const char *text, int len)
{
    Renderer *r = ctx;
    char piece[3 * PIECE]; /* PIECE - 1 bytes, sanitized: each broken byte becomes 3 */
    int total = 0;
    assert(font >= 0 && font < FONT_ROLE_COUNT);
    if (len <= 0)
        return 0;
    uint64_t hash = line_hash(font, text, len);
    RenderWidth *known = &r->widths[hash & (RENDER_WIDTH_CACHE - 1)];
    if (known->len == len && known->hash == hash) {
        r->stats.width_hits++;
        return known->width;
    }
    r->stats.width_misses++;
    *known = (RenderWidth){ hash, len, 0 };
    while (len > 0) {
        int n = next_piece(text, len);
        int m = (int)utf8_sanitize(text, (size_t)n, piece, sizeof(piece), NULL);
        total += render_runs_width(r, font, piece, m);
        explicit_bzero(piece, (size_t)m + 1); /* nothing read stays on the stack */
        text += n;
        len -= n;
    }
    known->width = total;
    return total;
}

Measure render_measure(Renderer *r)
{
    Measure m = { .width = measure_width, .ctx = r };
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        m.line_height[i] = TTF_FontLineSkip(r->fonts[i]);
        m.size[i] = r->font_px[i];
    }
    return m;
}
