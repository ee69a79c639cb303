/* render_faults.c — the renderer meets text the loaders would have refused or the theme's
 * font cannot draw; `make test` builds it with ASan+UBSan and tests/faults.sh runs
 * it. Broken UTF-8 handed straight to measure and render_frame (in heap blocks of exactly
 * its length, so any overread is caught) is measured like the same text with U+FFFD in
 * place of each bad byte, and drawn; a line with CJK, Arabic and an emoji gets a fallback
 * font from fontconfig for the glyphs the theme's font lacks; a code point no font has is
 * drawn as the font's box. One line per check, "ok" or "FAIL"; exit 1 when any fails.
 */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/core/config.h"
#include "../app/view/draw.h"
#include "../app/view/text.h"
#include "../app/render/render.h"

static Renderer renderer; /* large: keep it off the stack */
static DrawList list;
static int failed;

static void check(bool ok, const char *what)
{
    printf("%s render: %s\n", ok ? "ok  " : "FAIL", what);
    failed += !ok;
}

/* `len` bytes in a heap block of exactly that size: no NUL after them. */
static char *exact(const char *bytes, size_t len)
{
    char *p = malloc(len);
    if (!p)
        abort();
    memcpy(p, bytes, len);
    return p;
}

/* Draws one line of `len` bytes; true when it presented a frame and the line has a texture. */
static bool draw_line_of(const char *text, int len, FontRole font)
{
    draw_reset(&list);
    Rect clip = { 0, 0, 800, 480 };
    draw_text(&list, 10, 10, 780, 60, font, text, len, 0x202020, 0xffffff, clip);
    render_invalidate(&renderer);
    if (!render_frame(&renderer, &list, 0xffffff))
        return false;
    return renderer.texts[renderer.text_of[0]].texture != NULL;
}

static void broken_utf8(const Measure *m)
{
    static const struct {
        const char *bytes, *fixed;
        size_t len;
    } cases[] = {
        { "caf\xC3", "caf\xEF\xBF\xBD", 4 },
        { "a\xFF" "b\x80" "c", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c", 5 },
        { "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3 },
        { "x\0y", "x\xEF\xBF\xBDy", 3 },
        { "\xF0\x9F\x98", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3 },
    };
    bool same = true, drawn = true;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *s = exact(cases[i].bytes, cases[i].len);
        int w = m->width(m->ctx, FONT_BODY, s, (int)cases[i].len);
        int want = m->width(m->ctx, FONT_BODY, cases[i].fixed, (int)strlen(cases[i].fixed));
        if (w != want || w <= 0) {
            printf("     case %zu: width %d, with U+FFFD %d\n", i, w, want);
            same = false;
        }
        drawn = draw_line_of(s, (int)cases[i].len, FONT_BODY) && drawn;
        free(s);
    }
    check(same, "broken UTF-8 measures as U+FFFD in place of each bad byte");
    check(drawn, "broken UTF-8 is drawn");

    /* a whole line, and a long text, of nothing but broken bytes */
    enum { LONG = 5000 };
    char *junk = malloc(LONG);
    if (!junk)
        abort();
    for (int i = 0; i < LONG; i++)
        junk[i] = (char)(0x80 + i % 0x7F);
    int w = m->width(m->ctx, FONT_CAPTION, junk, LONG);
    check(w > 0, "5000 broken bytes are measured");
    check(draw_line_of(junk, RENDER_LINE_BYTES - 1, FONT_CAPTION), "a full line of broken bytes is drawn");
    TextLine lines[64];
    int count = text_wrap(m, FONT_BODY, junk, LONG, 700.0f, lines, 64);
    check(count > 1, "broken bytes wrap into lines");
    free(junk);
}

static void missing_glyphs(const Measure *m)
{
    static const struct {
        const char *what, *text;
        uint32_t c;
    } cases[] = {
        { "CJK", "Hello \xE4\xBD\xA0\xE5\xA5\xBD world", 0x4F60 },
        { "Arabic", "Salaam \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 again", 0x0633 },
        { "emoji", "Smile \xF0\x9F\x98\x80 now", 0x1F600 },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char what[128];
        int len = (int)strlen(cases[i].text);
        char *s = exact(cases[i].text, (size_t)len);
        bool own = TTF_GlyphIsProvided32(renderer.fonts[FONT_BODY], cases[i].c);
        int w = m->width(m->ctx, FONT_BODY, s, len);
        snprintf(what, sizeof(what), "a line with %s is measured and drawn", cases[i].what);
        check(w > 0 && draw_line_of(s, len, FONT_BODY) && draw_line_of(s, len, FONT_TITLE), what);
        if (own) {
            printf("skip render: the theme's font has %s glyphs itself\n", cases[i].what);
        } else {
            char command[128];
            snprintf(command, sizeof(command), "fc-list ':charset=%x' file 2>/dev/null | grep -q .",
                     (unsigned)cases[i].c);
            if (system(command) != 0) {
                printf("skip render: no installed font has U+%04X (%s)\n", (unsigned)cases[i].c,
                       cases[i].what);
            } else {
                bool found = false;
                for (int k = 0; k < renderer.fallback_count; k++)
                    found = found || TTF_GlyphIsProvided32(renderer.fallback_probe[k], cases[i].c);
                snprintf(what, sizeof(what), "%s glyphs come from a fallback font", cases[i].what);
                check(found, what);
            }
        }
        free(s);
    }
    /* a code point in a private-use plane: no font has it; the font's box is drawn */
    const char *nowhere = "box \xF4\x8F\xBF\xBD here";
    check(draw_line_of(nowhere, (int)strlen(nowhere), FONT_BODY),
          "a glyph no font has is drawn as a box, the rest as text");
}

int main(void)
{
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 0);
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    char error[512];
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "render_faults: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *window = SDL_CreateWindow("render_faults", 0, 0, 800, 480, 0);
    SDL_Renderer *sdl = window ? SDL_CreateRenderer(window, -1, 0) : NULL;
    if (!sdl) {
        fprintf(stderr, "render_faults: %s\n", SDL_GetError());
        return 1;
    }
    Config config;
    config_defaults(&config);
    int font_px[FONT_ROLE_COUNT] = { 51, 34, 28, 22, 22, 22, 17 };
    if (!render_open(&renderer, sdl, &config, 800, 480, font_px, error, sizeof(error))) {
        fprintf(stderr, "render_faults: %s\n", error);
        return 1;
    }
    Measure m = render_measure(&renderer);
    broken_utf8(&m);
    missing_glyphs(&m);
    render_close(&renderer);
    SDL_DestroyRenderer(sdl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return failed ? 1 : 0;
}
