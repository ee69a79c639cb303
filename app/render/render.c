/* render.c — see render.h. Read render_frame first; the chapters above it are its parts.
 *
 * A frame: hash every command into the 64 px cells its bounds touch, compare with the last
 * frame's cell hashes, merge the changed cells into a few rectangles and redraw each one,
 * clipped, from the background up, into the frame texture; then copy that to the window.
 * (On the software renderer there is no frame texture: the window's surface keeps the last
 * frame between presents, so the rectangles are redrawn in it directly.)
 * Shapes are one rounded-rectangle routine (a circle is all corner, a line a thin rotated
 * rectangle) drawn as triangles whose outermost ring fades to alpha 0: anti-aliasing
 * without multisampling, on every renderer. */
#include "render.h"

#include "rotate.h"

#include <SDL_image.h>
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/utf8.h"
#include "font.h"

#define FNV_SEED 14695981039346656037ull
#define FNV_PRIME 1099511628211ull
#define PI_F 3.14159265358979f

_Static_assert((RENDER_TEXT_TABLE & (RENDER_TEXT_TABLE - 1)) == 0, "the table is a power of two");
_Static_assert((int)RENDER_TEXT_CACHE >= (int)DRAW_MAX_CMDS, "a whole frame of lines must fit the cache");
_Static_assert(RENDER_TEXT_CACHE < 32767, "entries are numbered in int16_t");
_Static_assert((RENDER_WIDTH_CACHE & (RENDER_WIDTH_CACHE - 1)) == 0, "a power of two");

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* The length of the longest prefix of `text` that is at most `max` bytes and does not cut
 * a UTF-8 character in two. */
static int cut_utf8(const char *text, int len, int max)
{
    if (len <= max)
        return len;
    int n = max;
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    return n > 0 ? n : max; /* not UTF-8 at all: cut anywhere */
}

/* ---- fonts -------------------------------------------------------------------------- */

static const RenderFace face_of_role[FONT_ROLE_COUNT] = {
    [FONT_DISPLAY] = RENDER_FACE_STRONG,
    [FONT_TITLE] = RENDER_FACE_STRONG,
    [FONT_HEADING] = RENDER_FACE_STRONG,
    [FONT_BODY] = RENDER_FACE_REGULAR,
    [FONT_QUOTE] = RENDER_FACE_ITALIC,
    [FONT_BUTTON] = RENDER_FACE_STRONG,
    [FONT_CAPTION] = RENDER_FACE_REGULAR,
};

static const char *const role_names[FONT_ROLE_COUNT] = {
    "display", "title", "heading", "body", "quote", "button", "caption",
};

static bool copy_path(char *dst, const char *src, char *error, size_t error_size)
{
    if (snprintf(dst, RENDER_PATH_BYTES, "%s", src) < RENDER_PATH_BYTES)
        return true;
    snprintf(error, error_size, "the font path '%s' is too long", src);
    return false;
}

/* Whether SDL_ttf can open the font file at `path`; when not, one sentence in `why`. */
static bool face_opens(const char *path, char *why, size_t why_size)
{
    TTF_Font *font = TTF_OpenFont(path, 16);
    if (font) {
        TTF_CloseFont(font);
        return true;
    }
    FILE *f = fopen(path, "rb");
    if (f) {
        fclose(f);
        snprintf(why, why_size, "the font file %s is not a font SDL_ttf can read (%s)", path,
                 TTF_GetError());
    } else {
        snprintf(why, why_size, "the font file %s does not exist or cannot be read", path);
    }
    return false;
}

/* A configured font that is not used, and why, on stderr (the journal): at the config's
 * path:line when the setting is in the file. */
static void font_warning(const Config *c, int line, const char *setting, const char *why,
                         const char *instead)
{
    if (c->path && line > 0)
        fprintf(stderr, "%s:%d: warning: [theme] %s: %s; using %s instead\n", c->path, line,
                setting, why, instead);
    else
        fprintf(stderr, "attune: warning: [theme] %s: %s; using %s instead\n", setting, why,
                instead);
}

/* The regular face from fontconfig: the family `c->font`, else whatever sans-serif font
 * fontconfig offers that opens. Sets `family` to the family chosen. */
static bool find_regular(Renderer *r, const Config *c, const FontSearch *search, char *family,
                         size_t family_size, char *error, size_t error_size)
{
    char *path = r->face_path[RENDER_FACE_REGULAR];
    char why[RENDER_PATH_BYTES + 256], other[RENDER_PATH_BYTES], instead[2 * RENDER_PATH_BYTES];
    if (font_find(search, c->font, false, path, RENDER_PATH_BYTES, why, sizeof(why)) &&
        face_opens(path, why, sizeof(why))) {
        snprintf(family, family_size, "%s", c->font);
        return true;
    }
    for (int n = 0; n < 8; n++) {
        if (!font_find_any(search, n, FONT_STYLE_REGULAR, path, RENDER_PATH_BYTES, family,
                           family_size, other, sizeof(other))) {
            snprintf(error, error_size, "no font can be opened: %s, and %s", why, other);
            return false;
        }
        if (face_opens(path, other, sizeof(other))) {
            snprintf(instead, sizeof(instead), "'%s' (%s)", family, path);
            font_warning(c, c->font_line, "font", why, instead);
            return true;
        }
    }
    snprintf(error, error_size, "no font can be opened: %s, and none of the fonts fontconfig "
             "offers instead opens either", why);
    return false;
}

/* Fills r->face_path: the config's files when set, else the family's faces. A font that
 * cannot be found or opened is said on stderr, named at the config's path:line, and
 * another is used: font_regular falls back to the family `font`, which falls back to any
 * font fontconfig offers; font_bold to the regular face. Fails, with a sentence in `error`,
 * only when no font at all opens. */
static bool find_faces(Renderer *r, const Config *c, char *error, size_t error_size)
{
    char (*path)[RENDER_PATH_BYTES] = r->face_path;
    char ignored[256], why[RENDER_PATH_BYTES + 256], family[256] = "";
    bool ok = false, from_files = false;
    FontSearch search = { NULL }; /* loaded once for every lookup below: each load costs ~5 ms */
    if (c->font_regular[0]) {
        if (!copy_path(path[RENDER_FACE_REGULAR], c->font_regular, why, sizeof(why)) ||
            !face_opens(path[RENDER_FACE_REGULAR], why, sizeof(why))) {
            char instead[512];
            snprintf(instead, sizeof(instead), "the font family '%s'", c->font);
            font_warning(c, c->font_regular_line, "font_regular", why, instead);
        } else {
            from_files = true;
        }
    }
    if (!from_files) {
        if (!font_search_open(&search, error, error_size) ||
            !find_regular(r, c, &search, family, sizeof(family), error, error_size))
            goto done;
    }
    if (c->font_bold[0]) {
        if (copy_path(path[RENDER_FACE_STRONG], c->font_bold, why, sizeof(why)) &&
            face_opens(path[RENDER_FACE_STRONG], why, sizeof(why))) {
            /* used as it is */
        } else {
            font_warning(c, c->font_bold_line, "font_bold", why, "the regular face");
            memcpy(path[RENDER_FACE_STRONG], path[RENDER_FACE_REGULAR], RENDER_PATH_BYTES);
        }
    } else if (from_files ||
               (!font_find_style(&search, family, FONT_STYLE_SEMIBOLD, path[RENDER_FACE_STRONG],
                                 RENDER_PATH_BYTES, ignored, sizeof(ignored)) &&
                !font_find_style(&search, family, FONT_STYLE_BOLD, path[RENDER_FACE_STRONG],
                                 RENDER_PATH_BYTES, ignored, sizeof(ignored))) ||
               !face_opens(path[RENDER_FACE_STRONG], ignored, sizeof(ignored))) {
        memcpy(path[RENDER_FACE_STRONG], path[RENDER_FACE_REGULAR], RENDER_PATH_BYTES);
    }
    if (from_files ||
        !font_find_style(&search, family, FONT_STYLE_ITALIC, path[RENDER_FACE_ITALIC],
                         RENDER_PATH_BYTES, ignored, sizeof(ignored)) ||
        !face_opens(path[RENDER_FACE_ITALIC], ignored, sizeof(ignored)))
        memcpy(path[RENDER_FACE_ITALIC], path[RENDER_FACE_REGULAR], RENDER_PATH_BYTES);
    ok = true;
done:
    font_search_close(&search);
    return ok;
}

static void close_fonts(TTF_Font *fonts[FONT_ROLE_COUNT])
{
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        if (fonts[i])
            TTF_CloseFont(fonts[i]);
        fonts[i] = NULL;
    }
}

/* Opens every role at its size into `fonts` (all or none). */
static bool open_fonts(const Renderer *r, TTF_Font *fonts[FONT_ROLE_COUNT],
                       const int font_px[FONT_ROLE_COUNT], char *error, size_t error_size)
{
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        const char *path = r->face_path[face_of_role[i]];
        if (font_px[i] <= 0) {
            snprintf(error, error_size, "the %s font size is %d pixels, which is too small",
                     role_names[i], font_px[i]);
            goto fail;
        }
        fonts[i] = TTF_OpenFont(path, font_px[i]);
        if (!fonts[i]) {
            FILE *f = fopen(path, "rb");
            if (f)
                fclose(f);
            if (f)
                snprintf(error, error_size, "the font file %s is not a font SDL_ttf can read (%s)",
                         path, TTF_GetError());
            else
                snprintf(error, error_size, "the font file %s does not exist or cannot be read", path);
            goto fail;
        }
    }
    return true;
fail:
    close_fonts(fonts);
    return false;
}

/* ---- glyphs the theme's font lacks ------------------------------------------------ *
 * SDL_ttf draws one font; a line with an emoji or another script is cut into runs, each
 * drawn with a font that has its glyphs (the role's own font first, else a fallback
 * fontconfig finds) and put side by side on the role's baseline. A glyph no installed font
 * has is left to the role's font, which draws its box. Lines are sanitized first (broken
 * bytes become U+FFFD), so the runs are well-formed UTF-8. */

typedef struct Run {
    TTF_Font *font;
    int start, len;
} Run;

static FontStyle face_style(RenderFace face)
{
    return face == RENDER_FACE_STRONG ? FONT_STYLE_BOLD
         : face == RENDER_FACE_ITALIC ? FONT_STYLE_ITALIC : FONT_STYLE_REGULAR;
}

/* At most a few lines on stderr about fallback glyphs, so a long text cannot fill the
 * journal. */
static bool glyph_note(Renderer *r)
{
    if (r->glyph_notes >= 8)
        return false;
    if (++r->glyph_notes == 8)
        fprintf(stderr, "attune: note: more glyphs are missing from the theme's font; not "
                "listed\n");
    return r->glyph_notes < 8;
}

/* The fallback that has `c` in `face`'s style, found and opened now if needed; -1: none. */
static int find_fallback(Renderer *r, RenderFace face, uint32_t c)
{
    for (int i = 0; i < r->fallback_count; i++)
        if (TTF_GlyphIsProvided32(r->fallback_probe[i], c))
            return i;
    char ignored[256], path[RENDER_PATH_BYTES], family[256];
    if (!r->glyph_search_tried) {
        r->glyph_search_tried = true;
        font_search_open(&r->glyph_search, ignored, sizeof(ignored));
    }
    if (!r->glyph_search.config ||
        !font_find_for_char(&r->glyph_search, c, face_style(face), path, sizeof(path), family,
                            sizeof(family))) {
        if (glyph_note(r))
            fprintf(stderr, "attune: warning: no installed font has a glyph for U+%04X, so it "
                    "is drawn as a box (see assets/content/README.md)\n", (unsigned)c);
        return -1;
    }
    for (int i = 0; i < r->fallback_count; i++)
        if (strcmp(r->fallback_path[i], path) == 0)
            return i; /* another face's file has it, not this one's: use it anyway */
    TTF_Font *probe = r->fallback_count < RENDER_FALLBACKS ? TTF_OpenFont(path, 16) : NULL;
    if (!probe || !TTF_GlyphIsProvided32(probe, c)) {
        if (probe)
            TTF_CloseFont(probe);
        if (glyph_note(r))
            fprintf(stderr, "attune: warning: the font %s has a glyph for U+%04X but cannot be "
                    "used, so it is drawn as a box\n", path, (unsigned)c);
        return -1;
    }
    int i = r->fallback_count++;
    snprintf(r->fallback_path[i], RENDER_PATH_BYTES, "%s", path);
    r->fallback_probe[i] = probe;
    if (glyph_note(r))
        fprintf(stderr, "attune: note: the theme's font has no glyph for U+%04X; it and others "
                "like it are drawn with '%s' (%s)\n", (unsigned)c, family, path);
    return i;
}

/* The font that draws `c` in `role`. */
static TTF_Font *font_for(Renderer *r, FontRole role, uint32_t c)
{
    TTF_Font *own = r->fonts[role];
    if (c < 0x20 || TTF_GlyphIsProvided32(own, c))
        return own;
    RenderFace face = face_of_role[role];
    RenderGlyph *g = &r->glyphs[((c * 2654435761u) >> 8 ^ (uint32_t)face) & (RENDER_GLYPH_MEMO - 1)];
    if (g->c != c || g->face != (int8_t)face)
        *g = (RenderGlyph){ c, (int8_t)face, (int8_t)find_fallback(r, face, c) };
    if (g->font < 0)
        return own;
    TTF_Font **font = &r->fallback_fonts[g->font][role];
    if (!*font)
        *font = TTF_OpenFont(r->fallback_path[g->font], r->font_px[role]);
    return *font ? *font : own;
}

/* Splits `len` bytes of well-formed UTF-8 into runs of one font each; returns how many. A
 * space stays in the run it follows, so that words of one script stay together. */
static int split_runs(Renderer *r, FontRole role, const char *text, int len, Run runs[RENDER_MAX_RUNS])
{
    int count = 0;
    size_t pos = 0;
    while (pos < (size_t)len) {
        size_t start = pos;
        uint32_t c = utf8_decode(text, (size_t)len, &pos);
        TTF_Font *font = c == ' ' && count > 0 ? runs[count - 1].font : font_for(r, role, c);
        if (count > 0 && (runs[count - 1].font == font || count == RENDER_MAX_RUNS))
            runs[count - 1].len += (int)(pos - start);
        else
            runs[count++] = (Run){ font, (int)start, (int)(pos - start) };
    }
    return count;
}

/* The width of `len` bytes of well-formed UTF-8 at text (text[len] must be writable: it
 * is set to NUL for SDL_ttf and restored). */
static int runs_width(Renderer *r, FontRole role, char *text, int len)
{
    Run runs[RENDER_MAX_RUNS];
    int count = split_runs(r, role, text, len, runs), total = 0;
    for (int i = 0; i < count; i++) {
        char *end = text + runs[i].start + runs[i].len, keep = *end;
        int w = 0;
        *end = '\0';
        if (TTF_SizeUTF8(runs[i].font, text + runs[i].start, &w, NULL) == 0)
            total += w;
        *end = keep;
    }
    return total;
}

/* Rasterises `len` bytes of well-formed UTF-8 (text[len] is NUL), each run in its font. */
static SDL_Surface *render_runs(Renderer *r, FontRole role, char *text, int len, SDL_Color colour)
{
    Run runs[RENDER_MAX_RUNS];
    int count = split_runs(r, role, text, len, runs);
    if (count <= 1)
        return TTF_RenderUTF8_Blended(count ? runs[0].font : r->fonts[role], text, colour);
    SDL_Surface *parts[RENDER_MAX_RUNS] = { NULL };
    int width = 0, ascent = TTF_FontAscent(r->fonts[role]);
    for (int i = 0; i < count; i++) {
        char *end = text + runs[i].start + runs[i].len, keep = *end;
        *end = '\0';
        parts[i] = TTF_RenderUTF8_Blended(runs[i].font, text + runs[i].start, colour);
        *end = keep;
        width += parts[i] ? parts[i]->w : 0;
    }
    SDL_Surface *out = width > 0 ? SDL_CreateRGBSurfaceWithFormat(0, width, TTF_FontHeight(r->fonts[role]),
                                                                  32, SDL_PIXELFORMAT_ARGB8888)
                                 : NULL;
    if (out)
        SDL_FillRect(out, NULL, 0); /* transparent */
    for (int i = 0, x = 0; i < count; i++) {
        if (!parts[i])
            continue;
        if (out) {
            SDL_Rect at = { x, ascent - TTF_FontAscent(runs[i].font), 0, 0 };
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE); /* runs do not overlap */
            SDL_BlitSurface(parts[i], NULL, out, &at);
        }
        x += parts[i]->w;
        SDL_FreeSurface(parts[i]);
    }
    return out;
}

static void close_fallbacks(Renderer *r, bool all)
{
    for (int i = 0; i < r->fallback_count; i++) {
        close_fonts(r->fallback_fonts[i]);
        if (all && r->fallback_probe[i])
            TTF_CloseFont(r->fallback_probe[i]);
    }
    if (all) {
        r->fallback_count = 0;
        memset(r->glyphs, 0, sizeof(r->glyphs));
        font_search_close(&r->glyph_search);
        r->glyph_search_tried = false;
    }
}

/* ---- the text cache ----------------------------------------------------------------- *
 * Entries in a fixed array; a linear-probing table of entry numbers finds them by hash.
 * An entry used by the frame being built is never evicted, and the cache holds a whole
 * frame of lines, so an entry found while hashing is still there when drawing. */

static size_t home_slot(uint64_t hash)
{
    return (size_t)(hash ^ (hash >> 31)) & (RENDER_TEXT_TABLE - 1);
}

static uint64_t text_hash(FontRole font, uint32_t colour, const char *text, int len)
{
    uint64_t h = fnv(FNV_SEED, &font, sizeof(font));
    h = fnv(h, &colour, sizeof(colour));
    return fnv(h, text, (size_t)len);
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
        s = (s + 1) & (RENDER_TEXT_TABLE - 1);
    return s;
}

static void text_evict(Renderer *r, int e)
{
    RenderText *t = &r->texts[e];
    size_t hole = home_slot(t->hash);
    while (r->table[hole] != e + 1)
        hole = (hole + 1) & (RENDER_TEXT_TABLE - 1);
    /* Backward-shift deletion: pull later entries of the probe run into the hole unless
     * their home slot lies after the hole (they would then become unreachable). */
    for (size_t next = (hole + 1) & (RENDER_TEXT_TABLE - 1); r->table[next];
         next = (next + 1) & (RENDER_TEXT_TABLE - 1)) {
        size_t home = home_slot(r->texts[r->table[next] - 1].hash);
        bool stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
        if (!stays) {
            r->table[hole] = r->table[next];
            hole = next;
        }
    }
    r->table[hole] = 0;
    if (t->texture)
        SDL_DestroyTexture(t->texture);
    r->text_bytes -= (size_t)t->w * (size_t)t->h * 4;
    r->text_count--;
    memset(t, 0, sizeof(*t));
}

/* The least recently used entry not used by this frame, or -1. */
static int text_oldest(const Renderer *r)
{
    int oldest = -1;
    for (int i = 0; i < RENDER_TEXT_CACHE; i++) {
        const RenderText *t = &r->texts[i];
        if (t->live && t->used != r->frame_number && (oldest < 0 || t->used < r->texts[oldest].used))
            oldest = i;
    }
    return oldest;
}

static void text_flush(Renderer *r)
{
    for (int i = 0; i < RENDER_TEXT_CACHE; i++)
        if (r->texts[i].live)
            text_evict(r, i);
}

/* The cache entry for a line, rasterised now if it is new. */
static int text_get(Renderer *r, FontRole font, uint32_t colour, const char *text, int len)
{
    uint64_t hash = text_hash(font, colour, text, len);
    size_t s = text_slot(r, hash, font, colour, text, len);
    if (r->table[s]) {
        int e = r->table[s] - 1;
        r->texts[e].used = r->frame_number;
        r->stats.text_hits++;
        return e;
    }
    r->stats.text_misses++;
    int e = -1;
    if (r->text_count == RENDER_TEXT_CACHE) {
        e = text_oldest(r);
        assert(e >= 0); /* the cache holds more entries than a frame has commands */
        text_evict(r, e);
        s = text_slot(r, hash, font, colour, text, len); /* eviction moved slots */
    } else {
        for (e = 0; r->texts[e].live; e++)
            ;
    }
    RenderText *t = &r->texts[e];
    *t = (RenderText){ .hash = hash, .colour = colour, .font = font, .len = len,
                       .used = r->frame_number, .live = true };
    memcpy(t->key, text, (size_t)(len < RENDER_TEXT_KEY ? len : RENDER_TEXT_KEY));
    /* len < RENDER_LINE_BYTES, so even a line of broken bytes fits, each as U+FFFD */
    int n = (int)utf8_sanitize(text, (size_t)len, r->line, sizeof(r->line), NULL);
    SDL_Color c = { (Uint8)(colour >> 16), (Uint8)(colour >> 8), (Uint8)colour, 255 };
    SDL_Surface *surface = n > 0 ? render_runs(r, font, r->line, n, c) : NULL;
    if (surface) {
        t->texture = SDL_CreateTextureFromSurface(r->sdl, surface);
        if (t->texture) {
            SDL_SetTextureBlendMode(t->texture, SDL_BLENDMODE_BLEND);
            t->w = surface->w;
            t->h = surface->h;
        }
        SDL_FreeSurface(surface);
    }
    /* A line that cannot be drawn stays cached without a texture, so it is not retried
     * every frame. */
    r->table[s] = (int16_t)(e + 1);
    r->text_count++;
    r->text_bytes += (size_t)t->w * (size_t)t->h * 4;
    while (r->text_bytes > r->text_budget) {
        int old = text_oldest(r);
        if (old < 0)
            break;
        text_evict(r, old);
    }
    return e;
}

/* ---- measuring ---------------------------------------------------------------------- */

static int measure_width(void *ctx, FontRole font, const char *text, int len)
{
    Renderer *r = ctx;
    enum { PIECE = 1024 };
    char piece[3 * PIECE]; /* PIECE - 1 bytes, sanitized: each broken byte becomes 3 */
    int total = 0;
    assert(font >= 0 && font < FONT_ROLE_COUNT);
    if (len <= 0)
        return 0;
    uint64_t hash = fnv(fnv(FNV_SEED, &font, sizeof(font)), text, (size_t)len);
    RenderWidth *known = &r->widths[hash & (RENDER_WIDTH_CACHE - 1)];
    if (known->len == len && known->hash == hash) {
        r->stats.width_hits++;
        return known->width;
    }
    r->stats.width_misses++;
    *known = (RenderWidth){ hash, len, 0 };
    while (len > 0) {
        int n = len;
        if (n >= PIECE) {
            /* Cut after a space when there is one in the second half: no kerning is lost. */
            int space = PIECE - 1;
            while (space > PIECE / 2 && text[space - 1] != ' ')
                space--;
            n = space > PIECE / 2 ? space : cut_utf8(text, len, PIECE - 1);
        }
        int m = (int)utf8_sanitize(text, (size_t)n, piece, sizeof(piece), NULL);
        total += runs_width(r, font, piece, m);
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

/* ---- shapes ------------------------------------------------------------------------- *
 * Every shape is a rounded rectangle in its own frame: centre (cx, cy), x axis u, half size
 * hw x hh, corner radius. A contour is the outline pushed `e` pixels outwards (inwards when
 * negative): a larger radius outside, a smaller one inside, and past the corners' centres
 * the straight core shrinks instead. A fill is the contour at -0.5 (opaque) plus a ring out
 * to +0.5 (transparent), so each edge pixel gets about its covered fraction. */

typedef struct Shape {
    float cx, cy, ux, uy;
    float hw, hh, radius;
    int n;                                  /* segments per quarter circle */
    float cos_[RENDER_ARC_MAX + 1], sin_[RENDER_ARC_MAX + 1];
} Shape;

/* Enough segments per quarter circle that a chord strays at most 0.1 px from the outermost
 * arc, but (when `min_chord` > 0) no chord shorter than that many pixels. */
static void shape_init(Shape *s, float cx, float cy, float ux, float uy, float hw, float hh,
                       float radius, float min_chord)
{
    *s = (Shape){ .cx = cx, .cy = cy, .ux = ux, .uy = uy, .hw = hw, .hh = hh };
    s->radius = fmaxf(0.0f, fminf(radius, fminf(hw, hh)));
    float outer = s->radius + 0.5f;
    float step = 0.1f < outer ? 2.0f * acosf(1.0f - 0.1f / outer) : PI_F;
    s->n = (int)ceilf(PI_F / 2.0f / step);
    if (min_chord > 0 && (float)s->n > PI_F / 2.0f * outer / min_chord)
        s->n = (int)(PI_F / 2.0f * outer / min_chord);
    s->n = s->n < 2 ? 2 : s->n > RENDER_ARC_MAX ? RENDER_ARC_MAX : s->n;
    /* sin from cos mirrored, so that the ends are exactly 0 and 1: points that meet where
     * two corners touch must round to the same pixel. */
    for (int j = 0; j <= s->n; j++)
        s->cos_[j] = j == 0 ? 1.0f : 2 * j == s->n ? sqrtf(0.5f) : j == s->n ? 0.0f
                   : cosf(PI_F / 2.0f * (float)j / (float)s->n);
    for (int j = 0; j <= s->n; j++)
        s->sin_[j] = s->cos_[s->n - j];
}

static int contour_points(const Shape *s)
{
    return 4 * (s->n + 1);
}

/* For the software renderer, which cuts the fraction off: the nearest whole pixel (the
 * same way everywhere, so that widths survive; a shape placed on whole pixels may come out
 * half a pixel right of or below where a GPU draws it). */
static float to_pixel(float v)
{
    return floorf(v + 0.5f);
}

typedef struct Contour {
    float core_w, core_h, rad;  /* half the straight part, and the corners' radius */
} Contour;

/* The contour `edge + feather` pixels outside the shape's edge.
 *
 * The software renderer drops the fraction of every vertex and samples pixel centres, so
 * a feather there always gives the pixel it crosses half the colour: a 1 px line would
 * become two pale ones. So, on that renderer only, an axis-aligned contour with (next to)
 * no rounding gets no feather: rules, sharp rectangles and their outlines come out crisp,
 * as on a GPU. (Feathering only part of a contour would dent it, and rounding to whole
 * pixels then folds triangles over each other: it is all or nothing per contour.) And a
 * sliver under a pixel becomes a line, or its two sides could round past each other. */
static Contour contour_size(const Renderer *r, const Shape *s, float edge, float feather)
{
    bool hard = r->software && (s->ux == 0 || s->uy == 0) && s->radius + edge < 2.0f;
    float e = edge + (hard ? 0.0f : feather);
    Contour c = { s->hw - s->radius, s->hh - s->radius, s->radius + e };
    if (c.rad < 0) { /* inside the corners' centres: shrink the straight core */
        c.core_w = fmaxf(0.0f, c.core_w + c.rad);
        c.core_h = fmaxf(0.0f, c.core_h + c.rad);
        c.rad = 0;
    }
    if (r->software) {
        c.core_w = c.core_w < 0.5f ? 0.0f : c.core_w;
        c.core_h = c.core_h < 0.5f ? 0.0f : c.core_h;
    }
    return c;
}

/* True when that contour encloses nothing (a line or a point). */
static bool contour_flat(const Renderer *r, const Shape *s, float edge, float feather)
{
    Contour c = contour_size(r, s, edge, feather);
    return c.rad == 0 && (c.core_w == 0 || c.core_h == 0);
}

/* Appends that contour at r->vertices[at], clockwise from the right end of the bottom-right
 * corner, and returns where the next one goes. */
static int contour(Renderer *r, int at, const Shape *s, float edge, float feather, SDL_Color colour)
{
    static const float sign[4][2] = { { 1, 1 }, { -1, 1 }, { -1, -1 }, { 1, -1 } };
    Contour size = contour_size(r, s, edge, feather);
    float core_w = size.core_w, core_h = size.core_h, rad = size.rad;
    for (int k = 0; k < 4; k++) {
        for (int j = 0; j <= s->n; j++) {
            float c = s->cos_[j], sn = s->sin_[j], dx, dy;
            switch (k) { /* the quarter turned by k right angles */
            case 0: dx = c; dy = sn; break;
            case 1: dx = -sn; dy = c; break;
            case 2: dx = -c; dy = -sn; break;
            default: dx = sn; dy = -c; break;
            }
            float lx = sign[k][0] * core_w + rad * dx, ly = sign[k][1] * core_h + rad * dy;
            SDL_Vertex *v = &r->vertices[at++];
            v->position.x = s->cx + lx * s->ux - ly * s->uy;
            v->position.y = s->cy + lx * s->uy + ly * s->ux;
            if (r->software) {
                v->position.x = to_pixel(v->position.x);
                v->position.y = to_pixel(v->position.y);
            }
            v->color = colour;
            v->tex_coord.x = v->tex_coord.y = 0;
        }
    }
    return at;
}

/* Appends triangles joining contour a to contour b (a ring); returns the new count. */
static int ring(Renderer *r, int count, int a, int b, int points)
{
    for (int i = 0; i < points; i++) {
        int j = (i + 1) % points;
        int *x = &r->indices[count];
        x[0] = a + i, x[1] = b + i, x[2] = b + j;
        x[3] = a + i, x[4] = b + j, x[5] = a + j;
        count += 6;
    }
    return count;
}

/* Draws triangles from r->vertices. On the software renderer, first drops those that
 * rounding made flat: SDL 2 there turns two consecutive triangles that look like the
 * halves of an axis-aligned rectangle into one filled rectangle, and a flat triangle
 * passes that test, drawing a rectangle that was never there. */
static void submit(Renderer *r, int vertices, int *indices, int count)
{
    if (r->software) {
        int kept = 0;
        for (int i = 0; i < count; i += 3) {
            const SDL_FPoint *a = &r->vertices[indices[i]].position;
            const SDL_FPoint *b = &r->vertices[indices[i + 1]].position;
            const SDL_FPoint *c = &r->vertices[indices[i + 2]].position;
            if ((b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x) == 0)
                continue;
            memmove(&indices[kept], &indices[i], 3 * sizeof(*indices));
            kept += 3;
        }
        count = kept;
    }
    if (count > 0)
        SDL_RenderGeometry(r->sdl, NULL, r->vertices, vertices, indices, count);
}

/* The inside of an axis-aligned shape on the software renderer, whose first contour (at
 * r->vertices[0]) is on whole pixels: three rectangles (above, across and below the
 * corners' centres) and a fan around each corner's centre. SDL 2.26 rasterises a triangle by
 * testing every pixel of its bounding box, so wedges from the middle to the corners cost
 * about `n` times the shape's area; these parts cost about its area once, and the
 * rectangles blend in place (a blended triangle goes through a scratch surface as large as
 * its bounding box: a full-screen scrim cost four half-screen ones). The parts only share
 * edges on whole pixels, so no pixel is drawn twice. corner_fans puts the four
 * centres at r->vertices[at] and the fans' triangles first in r->indices, and returns how
 * many indices; inside_bands draws the rectangles. */
static int corner_fans(Renderer *r, const Shape *s, int at, SDL_Color colour)
{
    int n = s->n, count = 0;
    for (int k = 0; k < 4; k++) {
        const SDL_Vertex *arc = &r->vertices[k * (n + 1)];
        SDL_Vertex *centre = &r->vertices[at + k];
        /* each corner's arc starts and ends level with its centre, in turn x then y */
        centre->position.x = (k % 2 == 0 ? arc[n] : arc[0]).position.x;
        centre->position.y = (k % 2 == 0 ? arc[0] : arc[n]).position.y;
        centre->color = colour;
        centre->tex_coord.x = centre->tex_coord.y = 0;
        for (int j = 0; j < n; j++) {
            r->indices[count++] = at + k;
            r->indices[count++] = k * (n + 1) + j;
            r->indices[count++] = k * (n + 1) + j + 1;
        }
    }
    return count;
}

static void inside_bands(Renderer *r, const Shape *s, SDL_Color colour)
{
    int n = s->n;
    const SDL_Vertex *v = r->vertices, *tl = &v[2 * (n + 1)];
    int left = (int)tl[0].position.x, right = (int)v[0].position.x;       /* the widest */
    int top = (int)tl[n].position.y, bottom = (int)v[n].position.y;       /* the tallest */
    int xl = (int)tl[n].position.x, xr = (int)v[n].position.x;            /* the corners' */
    int yt = (int)tl[0].position.y, yb = (int)v[0].position.y;            /* centres */
    SDL_Rect bands[3] = { { xl, top, xr - xl, yt - top }, { left, yt, right - left, yb - yt },
                          { xl, yb, xr - xl, bottom - yb } };
    SDL_SetRenderDrawColor(r->sdl, colour.r, colour.g, colour.b, colour.a);
    for (int i = 0; i < 3; i++)
        if (bands[i].w > 0 && bands[i].h > 0)
            SDL_RenderFillRect(r->sdl, &bands[i]);
}

static void fill_shape(Renderer *r, Shape *s, SDL_Color colour)
{
    /* Thinner than a pixel: widen to one and fade by the same factor (same coverage). */
    if (s->hw < 0.5f) {
        colour.a = (Uint8)lroundf((float)colour.a * 2.0f * s->hw);
        s->hw = 0.5f;
    }
    if (s->hh < 0.5f) {
        colour.a = (Uint8)lroundf((float)colour.a * 2.0f * s->hh);
        s->hh = 0.5f;
    }
    if (colour.a == 0)
        return;
    SDL_Color clear = { colour.r, colour.g, colour.b, 0 };
    int points = contour_points(s);
    int outer = contour(r, 0, s, 0.0f, -0.5f, colour);
    int end = contour(r, outer, s, 0.0f, 0.5f, clear);
    /* The inside: on the software renderer, axis-aligned, in parts (see corner_fans);
     * else a fan around the centre rather than from a corner: rounding to whole pixels can
     * dent the contour, which would fold thin triangles from a corner over each other, but
     * not wedges from the middle. */
    int inside = 0;
    bool flat = contour_flat(r, s, 0.0f, -0.5f); /* a line: the feather is all there is */
    bool parts = r->software && s->ux == 1 && s->uy == 0 && !flat;
    if (parts) {
        inside = corner_fans(r, s, end, colour);
        end += 4;
    } else {
        SDL_Vertex *centre = &r->vertices[end];
        centre->position.x = r->software ? to_pixel(s->cx) : s->cx;
        centre->position.y = r->software ? to_pixel(s->cy) : s->cy;
        centre->color = colour;
        centre->tex_coord.x = centre->tex_coord.y = 0;
        for (int i = 0; i < points && !flat; i++) {
            r->indices[inside++] = end;
            r->indices[inside++] = i;
            r->indices[inside++] = (i + 1) % points;
        }
        end++;
    }
    int count = ring(r, inside, 0, outer, points);
    assert(end <= RENDER_MAX_VERTICES && count <= RENDER_MAX_INDICES);
    if (colour.a == 255) {
        /* An opaque inside needs no blending (the software renderer then needs no scratch
         * surface per triangle); only the feather does. */
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
        if (parts)
            inside_bands(r, s, colour);
        submit(r, end, r->indices, inside);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
        submit(r, end, r->indices + inside, count - inside);
    } else {
        if (parts)
            inside_bands(r, s, colour);
        submit(r, end, r->indices, count);
    }
}

static void outline_shape(Renderer *r, Shape *s, SDL_Color colour, float thickness)
{
    if (thickness > fminf(s->hw, s->hh) - 0.5f) { /* a hole under a pixel wide: fill it */
        fill_shape(r, s, colour);
        return;
    }
    if (thickness < 1.0f) {
        colour.a = (Uint8)lroundf((float)colour.a * thickness);
        thickness = 1.0f;
    }
    if (colour.a == 0)
        return;
    SDL_Color clear = { colour.r, colour.g, colour.b, 0 };
    int points = contour_points(s);
    int c1 = contour(r, 0, s, 0.0f, 0.5f, clear);
    int c2 = contour(r, c1, s, 0.0f, -0.5f, colour);
    int c3 = contour(r, c2, s, -thickness, 0.5f, colour);
    int end = contour(r, c3, s, -thickness, -0.5f, clear);
    int count = ring(r, 0, 0, c1, points);
    count = ring(r, count, c1, c2, points);
    count = ring(r, count, c2, c3, points);
    assert(end <= RENDER_MAX_VERTICES && count <= RENDER_MAX_INDICES);
    submit(r, end, r->indices, count);
}

/* ---- commands ----------------------------------------------------------------------- */

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
    case DRAW_TEXT: {
        assert(c->font >= 0 && c->font < FONT_ROLE_COUNT);
        int len = cut_utf8(c->text, c->len, RENDER_LINE_BYTES - 1);
        if (len <= 0)
            return none;
        int e = text_get(r, c->font, c->colour & 0xFFFFFF, c->text, len);
        r->text_of[index] = e;
        if (!r->texts[e].texture)
            return none;
        return (SDL_Rect){ (int)lroundf(clampf(g->x)), (int)lroundf(clampf(g->y)), r->texts[e].w,
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
    uint64_t h = fnv(FNV_SEED, &c->kind, sizeof(c->kind));
    h = fnv(h, &c->rect, sizeof(c->rect)); /* four floats, no padding */
    h = fnv(h, &c->colour, sizeof(c->colour));
    h = fnv(h, &c->alpha, sizeof(c->alpha));
    switch (c->kind) {
    case DRAW_RECT:
        h = fnv(h, &c->radius, sizeof(c->radius));
        /* fall through */
    case DRAW_CIRCLE:
    case DRAW_LINE:
        h = fnv(h, &c->thickness, sizeof(c->thickness));
        break;
    case DRAW_TEXT:
        h = fnv(h, &c->font, sizeof(c->font));
        h = fnv(h, &c->len, sizeof(c->len));
        h = fnv(h, c->text, (size_t)(c->len > 0 ? c->len : 0));
        break;
    default:
        break;
    }
    return h;
}

static void draw_cmd(Renderer *r, const DrawCmd *c, int index)
{
    /* On the software renderer vertices land on whole pixels: points 3 px apart or more
     * (nearly always) round without crossing each other. */
    float min_chord = r->software ? 3.0f : 0.0f;
    const Rect *g = &c->rect;
    SDL_Color colour = { (Uint8)(c->colour >> 16), (Uint8)(c->colour >> 8), (Uint8)c->colour, c->alpha };
    Shape s;
    switch (c->kind) {
    case DRAW_RECT:
    case DRAW_CIRCLE: {
        float radius = c->kind == DRAW_CIRCLE ? fminf(g->w, g->h) / 2.0f : c->radius;
        shape_init(&s, g->x + g->w / 2.0f, g->y + g->h / 2.0f, 1.0f, 0.0f, g->w / 2.0f, g->h / 2.0f,
                   radius, min_chord);
        if (c->thickness > 0)
            outline_shape(r, &s, colour, c->thickness);
        else
            fill_shape(r, &s, colour);
        break;
    }
    case DRAW_LINE: {
        float length = hypotf(g->w, g->h);
        if (length < 1e-3f)
            break;
        shape_init(&s, g->x + g->w / 2.0f, g->y + g->h / 2.0f, g->w / length, g->h / length,
                   length / 2.0f, c->thickness / 2.0f, 0.0f, min_chord);
        fill_shape(r, &s, colour);
        break;
    }
    case DRAW_TEXT: {
        SDL_Texture *texture = r->texts[r->text_of[index]].texture;
        SDL_SetTextureAlphaMod(texture, c->alpha);
        SDL_RenderCopy(r->sdl, texture, NULL, &r->bounds[index]);
        break;
    }
    default:
        break;
    }
}

/* ---- dirty cells -------------------------------------------------------------------- */

static void cell_grid(Renderer *r)
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

static void hash_into_cells(Renderer *r, uint64_t *cells, SDL_Rect b, uint64_t h)
{
    int x0 = b.x < 0 ? 0 : b.x, y0 = b.y < 0 ? 0 : b.y;
    int x1 = b.x + b.w > r->width ? r->width : b.x + b.w;
    int y1 = b.y + b.h > r->height ? r->height : b.y + b.h;
    if (x1 <= x0 || y1 <= y0)
        return;
    for (int y = y0 / r->cell_size; y <= (y1 - 1) / r->cell_size; y++)
        for (int x = x0 / r->cell_size; x <= (x1 - 1) / r->cell_size; x++)
            cells[y * r->cells_x + x] = fnv(cells[y * r->cells_x + x], &h, sizeof(h));
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
        for (int x = 0; x < r->cells_x;) {
            int i = y * r->cells_x + x;
            if (!r->full && now[i] == before[i]) {
                x++;
                continue;
            }
            int start = x;
            while (x < r->cells_x && (r->full || now[y * r->cells_x + x] != before[y * r->cells_x + x]))
                x++;
            cells += x - start;
            SDL_Rect a = { start * cs, y * cs, (x - start) * cs, cs };
            if (a.x + a.w > r->width)
                a.w = r->width - a.x;
            if (a.y + a.h > r->height)
                a.h = r->height - a.y;
            push_rect(r, &count, a);
        }
    }
    r->stats.dirty_cells = cells;
    r->stats.dirty_rects = count;
    r->stats.dirty_pixels = 0;
    for (int i = 0; i < count; i++)
        r->stats.dirty_pixels += (int)area(r->rects[i]);
    return count;
}

/* ---- the frame ---------------------------------------------------------------------- */

bool render_frame(Renderer *r, const DrawList *list, uint32_t background)
{
    assert(r->sdl && (r->frame || r->software) && list);
    background &= 0xFFFFFF;
    if (background != r->background)
        r->full = true;
    r->background = background;
    r->frame_number++;

    /* 1. Hash each command into the cells it touches, in drawing order. */
    int count = list->count < DRAW_MAX_CMDS ? list->count : DRAW_MAX_CMDS;
    int cells = r->cells_x * r->cells_y;
    uint64_t *now = r->cells[!r->current], *before = r->cells[r->current];
    for (int i = 0; i < cells; i++)
        now[i] = FNV_SEED;
    for (int i = 0; i < count; i++) {
        r->bounds[i] = bounds_of(r, &list->cmds[i], i);
        if (r->bounds[i].w > 0)
            hash_into_cells(r, now, r->bounds[i], cmd_hash(&list->cmds[i]));
    }
    r->current = !r->current;

    /* 2. Nothing changed: nothing to draw, nothing to present. */
    int rects = dirty_rects(r, now, before);
    r->full = false;
    if (rects == 0) {
        r->stats.frames_skipped++;
        return false;
    }

    /* 3. Redraw each dirty rectangle from the background up, clipped to it (r->frame is
     * NULL on the software renderer: the window itself is the target). */
    SDL_SetRenderTarget(r->sdl, r->frame);
    for (int k = 0; k < rects; k++) {
        const SDL_Rect *clip = &r->rects[k];
        SDL_RenderSetClipRect(r->sdl, clip);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(r->sdl, (Uint8)(background >> 16), (Uint8)(background >> 8),
                               (Uint8)background, 255);
        SDL_RenderFillRect(r->sdl, clip);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
        for (int i = 0; i < count; i++)
            if (r->bounds[i].w > 0 && SDL_HasIntersection(&r->bounds[i], clip))
                draw_cmd(r, &list->cmds[i], i);
    }
    SDL_RenderSetClipRect(r->sdl, NULL);

    /* 4. Show the whole frame: after a present a GPU's back buffer is undefined. A turned
     * panel gets the frame turned (SDL does not rotate KMSDRM output itself). */
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
    r->stats.frames_presented++;
    return true;
}

void render_invalidate(Renderer *r)
{
    r->full = true;
}

/* ---- opening, resizing, closing ----------------------------------------------------- */

/* The text cache's budget for a screen size: half a frame's bytes, at least
 * RENDER_TEXT_BUDGET_MIN. Scaled, because text textures scale with the screen: a fixed
 * 16 MiB was twice a 1080p frame, the largest part of peak memory there (issue 3). */
static size_t text_budget(int width, int height)
{
    size_t half_frame = (size_t)width * (size_t)height * 4 / 2;
    return half_frame > RENDER_TEXT_BUDGET_MIN ? half_frame : RENDER_TEXT_BUDGET_MIN;
}

static SDL_Texture *make_frame(SDL_Renderer *sdl, int width, int height)
{
    SDL_Texture *t = SDL_CreateTexture(sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                       width, height);
    if (t)
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
    return t;
}

bool render_open(Renderer *r, SDL_Renderer *sdl, const Config *config, int width, int height,
                 const int font_px[FONT_ROLE_COUNT], char *error, size_t error_size)
{
    memset(r, 0, sizeof(*r));
    r->sdl = sdl;
    SDL_RendererInfo info;
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
    if (!find_faces(r, config, error, error_size) || !open_fonts(r, r->fonts, font_px, error, error_size))
        goto fail;
    memcpy(r->font_px, font_px, sizeof(r->font_px));
    /* The software renderer draws into the window's surface, which keeps its pixels between
     * presents: a frame texture there would be a second copy of the screen (8 MiB at 1080p). */
    r->frame = r->software ? NULL : make_frame(sdl, width, height);
    if (!r->frame && !r->software) {
        snprintf(error, error_size, "cannot make a %dx%d frame texture: %s", width, height, SDL_GetError());
        goto fail;
    }
    r->width = width;
    r->height = height;
    r->text_budget = text_budget(width, height);
    cell_grid(r);
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
    if (new_fonts && !open_fonts(r, fonts, font_px, error, sizeof(error))) {
        SDL_SetError("%s", error);
        goto fail;
    }
    frame = r->software && !r->rotation ? NULL : make_frame(r->sdl, width, height); /* see render_open */
    if (!frame && !(r->software && !r->rotation))
        goto fail;
    if (new_fonts) {
        text_flush(r);
        memset(r->widths, 0, sizeof(r->widths));
        close_fonts(r->fonts);
        close_fallbacks(r, false); /* opened at the old sizes; reopened when next used */
        memcpy(r->fonts, fonts, sizeof(r->fonts));
        memcpy(r->font_px, font_px, sizeof(r->font_px));
    }
    if (r->frame)
        SDL_DestroyTexture(r->frame);
    r->frame = frame;
    r->width = width;
    r->height = height;
    r->text_budget = text_budget(width, height); /* trimmed to it at the next new line */
    cell_grid(r);
    return true;
fail:
    close_fonts(fonts);
    return false;
}

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
    text_flush(r);
    close_fonts(r->fonts);
    close_fallbacks(r, true);
    if (r->frame)
        SDL_DestroyTexture(r->frame);
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
