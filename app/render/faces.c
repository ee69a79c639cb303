/* faces.c — the theme's fonts: which files the faces are (the config's files, else the
 * family through fontconfig, else any font that opens), opening every role at its size,
 * and the glyphs the theme's font lacks.
 *
 * SDL_ttf draws one font in one direction; a line is cut into runs of one direction and
 * script in the order they are seen (app/core/bidi.c), each cut again into pieces drawn
 * with a font that has their glyphs (the role's own font first, else a fallback fontconfig
 * finds: for a script such as Arabic, a font made for it), each piece shaped by HarfBuzz
 * told its direction and script, and the pieces are put side by side on the role's
 * baseline, left to right. A glyph no installed font has is left to the role's font, which
 * draws its box. Lines are sanitized first (broken bytes become U+FFFD), so the runs are
 * well-formed UTF-8.
 *
 * Every font file is opened through font_open: only a regular file is read, so a pipe or
 * a device put in a font's place is refused at once instead of hanging the app. */
#define _DEFAULT_SOURCE /* open_memstream, fdopen, O_CLOEXEC */
#include "render_internal.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/bidi.h"
#include "../core/bundle.h"
#include "../core/utf8.h"
#include "font.h"
#include "../core/hash.h"

static const RenderFace face_of_role[FONT_ROLE_COUNT] = {
    [FONT_DISPLAY] = RENDER_FACE_STRONG,
    [FONT_TITLE] = RENDER_FACE_STRONG,
    [FONT_HEADING] = RENDER_FACE_STRONG,
    [FONT_BODY] = RENDER_FACE_REGULAR,
    [FONT_QUOTE] = RENDER_FACE_ITALIC,
    [FONT_BUTTON] = RENDER_FACE_STRONG,
    [FONT_CAPTION] = RENDER_FACE_REGULAR,
};

enum { PROBE_PX = 16 }; /* the size a font is opened at to see whether it opens, or has a glyph */

static const char *const role_names[FONT_ROLE_COUNT] = {
    "display", "title", "heading", "body", "quote", "button", "caption",
};

/* ---- which files ---------------------------------------------------------------------- */

static bool copy_path(char *dst, const char *src, char *error, size_t error_size)
{
    if (snprintf(dst, RENDER_PATH_BYTES, "%s", src) < RENDER_PATH_BYTES)
        return true;
    snprintf(error, error_size, "the font path '%s' is too long", src);
    return false;
}

/* The font file at `path` at `px` pixels, like TTF_OpenFont, but a file that is not a
 * regular one (a pipe, a device, a folder) is never waited on: it is opened non-blocking
 * and refused, NULL with SDL's error set. */
static TTF_Font *font_open(const char *path, int px)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        SDL_SetError("cannot open %s", path);
        return NULL;
    }
    struct stat st;
    FILE *f = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "rb") : NULL;
    if (!f) {
        close(fd);
        SDL_SetError("%s is not a regular file", path);
        return NULL;
    }
    SDL_RWops *rw = SDL_RWFromFP(f, SDL_TRUE); /* O_NONBLOCK changes nothing for a regular file */
    if (!rw) {
        fclose(f);
        return NULL;
    }
    return TTF_OpenFontRW(rw, 1, px); /* closes rw when it fails, or with the font */
}

/* Why SDL_ttf could not open the font file at `path`, in one sentence. */
static void say_unopened(const char *path, char *why, size_t why_size)
{
    struct stat st;
    if (stat(path, &st) != 0)
        snprintf(why, why_size, "the font file %s does not exist or cannot be read", path);
    else if (!S_ISREG(st.st_mode))
        snprintf(why, why_size, "the font file %s is not a regular file (a pipe, a device or a "
                 "folder)", path);
    else
        snprintf(why, why_size, "the font file %s is not a font SDL_ttf can read (%s)", path,
                 TTF_GetError());
}

/* Whether SDL_ttf can open the font file at `path`; when not, one sentence in `why`. */
static bool face_opens(const char *path, char *why, size_t why_size)
{
    TTF_Font *font = font_open(path, PROBE_PX);
    if (font) {
        TTF_CloseFont(font);
        return true;
    }
    say_unopened(path, why, why_size);
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

/* Whether the config's font_regular is set and opens; when set but not, says so. */
static bool configured_regular(Renderer *r, const Config *c)
{
    char *path = r->face_path[RENDER_FACE_REGULAR];
    char why[RENDER_PATH_BYTES + 256], instead[512];
    if (!c->font_regular[0])
        return false;
    if (copy_path(path, c->font_regular, why, sizeof(why)) && face_opens(path, why, sizeof(why)))
        return true;
    snprintf(instead, sizeof(instead), "the font family '%s'", c->font);
    font_warning(c, c->font_regular_line, "font_regular", why, instead);
    return false;
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

/* Whether `family` has a face of exactly `style`, copied into `path`. */
static bool family_has(const FontSearch *search, const char *family, FontStyle style, char *path)
{
    char ignored[256];
    return font_find_style(search, family, style, path, RENDER_PATH_BYTES, ignored,
                           sizeof(ignored));
}

static void same_as_regular(Renderer *r, RenderFace face)
{
    memcpy(r->face_path[face], r->face_path[RENDER_FACE_REGULAR], RENDER_PATH_BYTES);
}

/* The strong face: font_bold when set, else (no font_regular file) the family's semibold,
 * else its bold; the regular face when that does not open. */
static void find_strong(Renderer *r, const Config *c, const FontSearch *search,
                        const char *family, bool from_files)
{
    char *path = r->face_path[RENDER_FACE_STRONG], why[RENDER_PATH_BYTES + 256];
    if (c->font_bold[0]) {
        if (copy_path(path, c->font_bold, why, sizeof(why)) && face_opens(path, why, sizeof(why)))
            return;
        font_warning(c, c->font_bold_line, "font_bold", why, "the regular face");
    } else if (!from_files &&
               (family_has(search, family, FONT_STYLE_SEMIBOLD, path) ||
                family_has(search, family, FONT_STYLE_BOLD, path)) &&
               face_opens(path, why, sizeof(why))) {
        return;
    }
    same_as_regular(r, RENDER_FACE_STRONG);
}

/* The italic face: the family's (no font_regular file), else the regular face. */
static void find_italic(Renderer *r, const FontSearch *search, const char *family,
                        bool from_files)
{
    char *path = r->face_path[RENDER_FACE_ITALIC], ignored[RENDER_PATH_BYTES + 256];
    if (from_files || !family_has(search, family, FONT_STYLE_ITALIC, path) ||
        !face_opens(path, ignored, sizeof(ignored)))
        same_as_regular(r, RENDER_FACE_ITALIC);
}

/* A font that cannot be found or opened is said on stderr, named at the config's
 * path:line, and another is used: font_regular falls back to the family `font`, which
 * falls back to any font fontconfig offers; font_bold to the regular face. */
bool render_faces_find(Renderer *r, const Config *c, char *error, size_t error_size)
{
    char family[256] = "";
    FontSearch search = { NULL }; /* loaded once for every lookup: each load costs ~5 ms */
    bool from_files = configured_regular(r, c);
    bool ok = from_files ||
              (font_search_open(&search, error, error_size) &&
               find_regular(r, c, &search, family, sizeof(family), error, error_size));
    if (ok) {
        find_strong(r, c, &search, family, from_files);
        find_italic(r, &search, family, from_files);
    }
    font_search_close(&search);
    return ok;
}

/* ---- opening them --------------------------------------------------------------------- */

void render_fonts_close(TTF_Font *fonts[FONT_ROLE_COUNT])
{
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        if (fonts[i])
            TTF_CloseFont(fonts[i]);
        fonts[i] = NULL;
    }
}

int render_cap_height(Renderer *r, FontRole role)
{
    int minx, maxx, miny, maxy, advance;
    if ((unsigned)role >= FONT_ROLE_COUNT || !r->fonts[role] ||
        TTF_GlyphMetrics32(r->fonts[role], 'H', &minx, &maxx, &miny, &maxy, &advance) != 0)
        return 0;
    return maxy - (miny > 0 ? miny : 0);
}

bool render_fonts_open(const Renderer *r, TTF_Font *fonts[FONT_ROLE_COUNT],
                       const int font_px[FONT_ROLE_COUNT], char *error, size_t error_size)
{
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        const char *path = r->face_path[face_of_role[i]];
        if (font_px[i] <= 0) {
            snprintf(error, error_size, "the %s font size is %d pixels, which is too small",
                     role_names[i], font_px[i]);
            goto fail;
        }
        fonts[i] = font_open(path, font_px[i]);
        if (!fonts[i]) {
            say_unopened(path, error, error_size);
            goto fail;
        }
    }
    return true;
fail:
    render_fonts_close(fonts);
    return false;
}

/* ---- glyphs the theme's font lacks ---------------------------------------------------- */

static FontStyle face_style(RenderFace face)
{
    return face == RENDER_FACE_STRONG ? FONT_STYLE_BOLD
         : face == RENDER_FACE_ITALIC ? FONT_STYLE_ITALIC : FONT_STYLE_REGULAR;
}

/* At most a few lines on stderr about fallback glyphs, so a long text cannot fill the
 * journal; and only while the bundle is checked (render_glyphs_check), never while a
 * screen is drawn: a line then would say when a text (a result) was shown. */
static bool glyph_note(Renderer *r)
{
    if (!r->glyph_say || r->glyph_notes >= 8)
        return false;
    if (++r->glyph_notes == 8)
        fprintf(stderr, "attune: note: more glyphs are missing from the theme's font; not "
                "listed\n");
    return r->glyph_notes < 8;
}

/* The scripts whose letters want a font made for them, not the first font fontconfig
 * finds with the glyph (DejaVu Sans has Arabic letters, but Noto Sans Arabic is drawn for
 * Arabic): the language fontconfig is asked for, and the family tried first. */
static const struct {
    char script[5];
    const char *lang, *family;
} script_fonts[] = {
    { "Arab", "ar", "Noto Sans Arabic" },
    { "Hebr", "he", "Noto Sans Hebrew" },
};

/* The entry of script_fonts for `c`'s script; -1: any font with the glyph will do. */
_Static_assert(sizeof(script_fonts) / sizeof(script_fonts[0]) * RENDER_FACE_COUNT <= 16,
               "Renderer.fallback_uses has a bit for each script and face");
static int script_font_of(uint32_t c)
{
    const char *script = bidi_script_of(c);
    for (int i = 0; i < (int)(sizeof(script_fonts) / sizeof(script_fonts[0])); i++)
        if (strcmp(script_fonts[i].script, script) == 0)
            return i;
    return -1;
}

/* A new fallback font at `path` for `c`, kept open to ask which glyphs it has; -1 when it
 * cannot be (too many, does not open, lacks the glyph after all). */
static int add_fallback(Renderer *r, const char *path, const char *family, uint32_t c,
                        uint16_t use)
{
    TTF_Font *probe = r->fallback_count < RENDER_FALLBACKS ? font_open(path, PROBE_PX) : NULL;
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
    r->fallback_uses[i] = use;
    r->fallback_probe[i] = probe;
    if (glyph_note(r))
        fprintf(stderr, "attune: note: the theme's font has no glyph for U+%04X; it and others "
                "like it are drawn with '%s' (%s)\n", (unsigned)c, family, path);
    return i;
}

/* The fallback that has `c` in `face`'s style, found and opened now if needed; -1: none.
 * A letter of a script in script_fonts takes the fallback chosen for that script in that
 * face (Noto Sans Arabic Bold for a button, Regular for the body), not just any that has
 * the glyph. */
static int find_fallback(Renderer *r, RenderFace face, uint32_t c)
{
    int s = script_font_of(c);
    uint16_t use = s < 0 ? 0 : (uint16_t)(1u << (s * RENDER_FACE_COUNT + (int)face));
    for (int i = 0; i < r->fallback_count; i++)
        if ((s < 0 || (r->fallback_uses[i] & use)) && TTF_GlyphIsProvided32(r->fallback_probe[i], c))
            return i;
    char ignored[256], path[RENDER_PATH_BYTES], family[256];
    if (!r->glyph_search_tried) {
        r->glyph_search_tried = true;
        font_search_open(&r->glyph_search, ignored, sizeof(ignored));
    }
    if (!r->glyph_search.config ||
        !font_find_for_char(&r->glyph_search, c, face_style(face), s >= 0 ? script_fonts[s].lang : NULL,
                            s >= 0 ? script_fonts[s].family : NULL, path, sizeof(path), family,
                            sizeof(family))) {
        if (glyph_note(r))
            fprintf(stderr, "attune: warning: no installed font has a glyph for U+%04X, so it "
                    "is drawn as a box (see assets/content/README.md)\n", (unsigned)c);
        return -1;
    }
    for (int i = 0; i < r->fallback_count; i++)
        if (strcmp(r->fallback_path[i], path) == 0) {
            r->fallback_uses[i] |= use;
            return i; /* another face's file has it, not this one's: use it anyway */
        }
    return add_fallback(r, path, family, c, use);
}

/* The font that draws `c` in `role`. */
static TTF_Font *font_for(Renderer *r, FontRole role, uint32_t c)
{
    TTF_Font *own = r->fonts[role];
    if (c < 0x20 || TTF_GlyphIsProvided32(own, c))
        return own;
    RenderFace face = face_of_role[role];
    uint64_t h = hash_bytes(hash_bytes(HASH_SEED, &c, sizeof(c)), &face, sizeof(face));
    RenderGlyph *g = &r->glyphs[h & (RENDER_GLYPH_MEMO - 1)];
    if (g->c != c || g->face != (int8_t)face)
        *g = (RenderGlyph){ c, (int8_t)face, (int8_t)find_fallback(r, face, c) };
    if (g->font < 0)
        return own;
    TTF_Font **font = &r->fallback_fonts[g->font][role];
    if (!*font)
        *font = font_open(r->fallback_path[g->font], r->font_px[role]);
    return *font ? *font : own;
}

void render_fallbacks_close(Renderer *r, bool all)
{
    for (int i = 0; i < r->fallback_count; i++) {
        render_fonts_close(r->fallback_fonts[i]);
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

/* A role drawn in each face, for looking glyphs up. */
static const FontRole role_of_face[RENDER_FACE_COUNT] = {
    [RENDER_FACE_REGULAR] = FONT_BODY, [RENDER_FACE_STRONG] = FONT_TITLE, [RENDER_FACE_ITALIC] = FONT_QUOTE,
};

void render_glyphs_text(Renderer *r, const char *text, size_t len)
{
    uint64_t seen[0x10000 / 64] = { 0 }; /* the BMP's code points already looked up */
    r->glyph_say = true;
    for (size_t pos = 0; pos < len;) {
        uint32_t c = utf8_decode(text, len, &pos);
        if (c < 0x20)
            continue;
        if (c < 0x10000) {
            if (seen[c / 64] & (UINT64_C(1) << (c % 64)))
                continue;
            seen[c / 64] |= UINT64_C(1) << (c % 64);
        }
        for (RenderFace face = 0; face < RENDER_FACE_COUNT; face++) {
            FontRole role = role_of_face[face];
            font_for(r, role, c);
            uint64_t h = hash_bytes(hash_bytes(HASH_SEED, &c, sizeof(c)), &face, sizeof(face));
            const RenderGlyph *g = &r->glyphs[h & (RENDER_GLYPH_MEMO - 1)];
            if (g->c == c && g->font < 0)
                break; /* no font has it: said once, not once a face */
        }
    }
    r->glyph_say = false;
}

void render_glyphs_check(Renderer *r, const Bundle *bundle)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return;
    bundle_dump(bundle, out);
    if (fclose(out) == 0)
        render_glyphs_text(r, text, len);
    free(text);
}

/* ---- a line: runs in visual order ---------------------------------------------------- */

/* A piece of a line drawn by one SDL_ttf call: one font, one direction, one script. */
typedef struct Run {
    TTF_Font *font;
    int start, len;
    BidiDir dir;
    char script[5];
} Run;

static bool is_common(uint32_t c)
{
    const char *script = bidi_script_of(c);
    return strcmp(script, "Zyyy") == 0 || strcmp(script, "Zinh") == 0;
}

/* The font of a run's first letter when its script is neither Latin nor common (Arabic):
 * its spaces, marks and punctuation are drawn with that font when it has them, so the
 * run is shaped as one. NULL: each character takes its own font, a space the one before. */
static TTF_Font *script_font(Renderer *r, FontRole role, const char *text, const BidiRun *b)
{
    if (strcmp(b->script, "Latn") == 0 || strcmp(b->script, "Zyyy") == 0)
        return NULL;
    size_t end = (size_t)(b->start + b->len);
    for (size_t pos = (size_t)b->start; pos < end;) {
        uint32_t c = utf8_decode(text, end, &pos);
        if (!is_common(c))
            return font_for(r, role, c);
    }
    return NULL;
}

/* Appends run `b` cut into pieces of one font to runs[*count ..], at most up to `limit`
 * (the rest joins the last piece), in visual order: a right-to-left run's pieces from its
 * end. */
static void split_fonts(Renderer *r, FontRole role, const char *text, const BidiRun *b,
                        Run *runs, int *count, int limit)
{
    TTF_Font *own = script_font(r, role, text, b);
    int first = *count;
    size_t end = (size_t)(b->start + b->len);
    for (size_t pos = (size_t)b->start; pos < end;) {
        size_t start = pos;
        uint32_t c = utf8_decode(text, end, &pos);
        Run *last = *count > first ? &runs[*count - 1] : NULL;
        TTF_Font *font = own && is_common(c) && TTF_GlyphIsProvided32(own, c) ? own
                       : c == ' ' && last ? last->font : font_for(r, role, c);
        if (last && (last->font == font || *count == limit)) {
            last->len += (int)(pos - start);
            continue;
        }
        runs[*count] = (Run){ font, (int)start, (int)(pos - start), b->dir, "" };
        memcpy(runs[(*count)++].script, b->script, sizeof(b->script));
    }
    for (int i = first, j = *count - 1; b->dir == BIDI_RTL && i < j; i++, j--) {
        Run t = runs[i];
        runs[i] = runs[j];
        runs[j] = t;
    }
}

/* Cuts `len` bytes of well-formed UTF-8 into pieces, left to right; returns how many. */
static int plan_runs(Renderer *r, FontRole role, const char *text, int len, Run runs[RENDER_MAX_RUNS])
{
    BidiRun line[RENDER_MAX_RUNS];
    /* a right-to-left bundle's lines are right to left, except one with no right-to-left
     * character at all (an English line: the config's words, an error): its full stop
     * stays at its end */
    BidiDir base = r->base == RENDER_BASE_RTL ? (bidi_needed(text, len, BIDI_LTR) ? BIDI_RTL : BIDI_LTR)
                 : r->base == RENDER_BASE_LTR ? BIDI_LTR : bidi_first_strong(text, len, BIDI_LTR);
    int n = bidi_runs(&r->bidi, text, len, base, line, RENDER_MAX_RUNS), count = 0;
    for (int i = 0; i < n; i++) /* room is left for one piece of each run after this one */
        split_fonts(r, role, text, &line[i], runs, &count, RENDER_MAX_RUNS - (n - 1 - i));
    return count;
}

/* Reverses the order of the characters of a run in place (a second call undoes it): a
 * right-to-left run drawn without HarfBuzz, whose glyphs SDL_ttf lays left to right. */
static void reverse_chars(char *text, const Run *run)
{
    char *a = text + run->start, *z = a + run->len - 1;
    for (char *i = a, *j = z; i < j; i++, j--) {
        char t = *i;
        *i = *j;
        *j = t;
    }
    for (char *i = a; i <= z;) { /* each character's bytes are now backwards: turn them */
        char *j = i;
        while (j < z && ((unsigned char)*j & 0xC0) == 0x80)
            j++;
        for (char *p = i, *q = j; p < q; p++, q--) {
            char t = *p;
            *p = *q;
            *q = t;
        }
        i = j + 1;
    }
}

/* How a run was readied for SDL_ttf: the byte its NUL replaced, and whether its
 * characters were turned round. */
typedef struct Readied {
    char keep;
    bool reversed;
} Readied;

/* Readies `run` for SDL_ttf: ends it with a NUL and tells its font the run's direction and
 * script; without HarfBuzz, turns a right-to-left run's characters round instead. Undo
 * with run_restore. */
static Readied run_prepare(const Renderer *r, char *text, const Run *run)
{
    Readied done = { text[run->start + run->len], false };
    text[run->start + run->len] = '\0';
    bool rtl = run->dir == BIDI_RTL;
    if (!r->shaping ||
        TTF_SetFontDirection(run->font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR) != 0 ||
        TTF_SetFontScriptName(run->font, run->script) != 0) {
        done.reversed = rtl;
        if (rtl)
            reverse_chars(text, run);
    }
    return done;
}

static void run_restore(char *text, const Run *run, Readied done)
{
    if (done.reversed)
        reverse_chars(text, run);
    text[run->start + run->len] = done.keep;
}

bool render_shaping_check(Renderer *r)
{
    r->shaping = TTF_SetFontDirection(r->fonts[0], TTF_DIRECTION_LTR) == 0 &&
                 TTF_SetFontScriptName(r->fonts[0], "Zyyy") == 0;
    if (!r->shaping)
        fprintf(stderr, "attune: warning: this SDL_ttf cannot shape text (it was built without "
                "HarfBuzz): right-to-left lines are put in the right order, but Arabic letters "
                "are drawn unjoined (%s)\n", TTF_GetError());
    return r->shaping;
}

int render_runs_width(Renderer *r, FontRole role, char *text, int len)
{
    Run runs[RENDER_MAX_RUNS];
    int count = plan_runs(r, role, text, len, runs), total = 0;
    for (int i = 0; i < count; i++) {
        Readied done = run_prepare(r, text, &runs[i]);
        int w = 0;
        if (TTF_SizeUTF8(runs[i].font, text + runs[i].start, &w, NULL) == 0)
            total += w;
        run_restore(text, &runs[i], done);
    }
    return total;
}

/* Puts the runs' surfaces side by side on the role's baseline into one transparent
 * surface `width` wide, freeing them. It is as tall as the role's font, or deeper when a
 * run's font reaches further below the baseline (Arabic letters' tails), so nothing is cut
 * off; its top is the role's, so a line of another script sits on the same baseline as
 * the role's own. */
static SDL_Surface *join_runs(Renderer *r, FontRole role, const Run *runs, SDL_Surface **parts,
                              int count, int width)
{
    int ascent = TTF_FontAscent(r->fonts[role]), height = TTF_FontHeight(r->fonts[role]);
    for (int i = 0; i < count; i++)
        if (ascent - TTF_FontDescent(runs[i].font) > height)
            height = ascent - TTF_FontDescent(runs[i].font);
    SDL_Surface *out = width > 0 ? SDL_CreateRGBSurfaceWithFormat(0, width, height, 32,
                                                                  SDL_PIXELFORMAT_ARGB8888)
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
        render_free_surface(parts[i]);
    }
    return out;
}

SDL_Surface *render_runs_draw(Renderer *r, FontRole role, char *text, int len, SDL_Color colour)
{
    Run runs[RENDER_MAX_RUNS];
    int count = plan_runs(r, role, text, len, runs);
    SDL_Surface *parts[RENDER_MAX_RUNS] = { NULL };
    int width = 0;
    for (int i = 0; i < count; i++) {
        Readied done = run_prepare(r, text, &runs[i]);
        parts[i] = TTF_RenderUTF8_Blended(runs[i].font, text + runs[i].start, colour);
        run_restore(text, &runs[i], done);
        width += parts[i] ? parts[i]->w : 0;
    }
    if (count == 1 && runs[0].font == r->fonts[role])
        return parts[0];
    return join_runs(r, role, runs, parts, count, width);
}
