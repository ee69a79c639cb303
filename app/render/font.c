/* font.c — see font.h. One fontconfig query per call, in a configuration loaded once by
 * font_search_open: ask for family, weight and slant, then check that the match really is
 * that family (and, when strict, that face). The fallbacks (font_find_any,
 * font_find_for_char) walk fontconfig's sorted list instead, and take any family. */
#include "font.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <strings.h>

static const struct {
    int weight, slant;
    const char *name;
} styles[FONT_STYLE_COUNT] = {
    [FONT_STYLE_REGULAR] = { FC_WEIGHT_REGULAR, FC_SLANT_ROMAN, "regular" },
    [FONT_STYLE_SEMIBOLD] = { FC_WEIGHT_SEMIBOLD, FC_SLANT_ROMAN, "semibold" },
    [FONT_STYLE_BOLD] = { FC_WEIGHT_BOLD, FC_SLANT_ROMAN, "bold" },
    [FONT_STYLE_ITALIC] = { FC_WEIGHT_REGULAR, FC_SLANT_ITALIC, "italic" },
};

#define NO_FONTCONFIG "fontconfig could not start, so no font can be found"

bool font_search_open(FontSearch *search, char *error, size_t error_size)
{
    search->config = FcInitLoadConfigAndFonts();
    if (!search->config)
        snprintf(error, error_size, NO_FONTCONFIG);
    return search->config != NULL;
}

void font_search_close(FontSearch *search)
{
    if (search->config)
        FcConfigDestroy(search->config);
    search->config = NULL;
}

/* A pattern asking for `family` in `style`; NULL when fontconfig has not started. Add
 * what else to ask for, then call substitute. */
static FcPattern *style_pattern(const FontSearch *search, const char *family, FontStyle style)
{
    FcPattern *pattern = search->config ? FcPatternCreate() : NULL;
    if (pattern) {
        FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
        FcPatternAddInteger(pattern, FC_WEIGHT, styles[style].weight);
        FcPatternAddInteger(pattern, FC_SLANT, styles[style].slant);
    }
    return pattern;
}

/* Fills in the rest of `pattern` as the configuration and fontconfig's defaults say. */
static void substitute(const FontSearch *search, FcPattern *pattern)
{
    FcConfigSubstitute(search->config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
}

/* Whether fontconfig's `match` is the very face `style` asked for. fontconfig always
 * answers with the nearest face; we want to know if it is the one asked for, so the
 * caller's fallback order decides, not fontconfig's. */
static bool is_style(FcPattern *match, FontStyle style)
{
    int weight = -1, slant = -1;
    FcPatternGetInteger(match, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(match, FC_SLANT, 0, &slant);
    bool italic = slant == FC_SLANT_ITALIC || slant == FC_SLANT_OBLIQUE;
    return weight == styles[style].weight && italic == (styles[style].slant != FC_SLANT_ROMAN);
}

static bool find(const FontSearch *search, const char *family, FontStyle style, bool strict,
                 char *path, size_t size, char *error, size_t error_size)
{
    FcPattern *pattern = style_pattern(search, family, style), *match = NULL;
    if (!pattern) {
        snprintf(error, error_size, NO_FONTCONFIG);
        return false;
    }
    FcPatternAddInteger(pattern, FC_WIDTH, FC_WIDTH_NORMAL);
    substitute(search, pattern);
    FcResult result;
    match = FcFontMatch(search->config, pattern, &result);
    FcPatternDestroy(pattern);
    FcChar8 *file = NULL, *got = NULL;
    bool found = false;
    if (!match || FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetString(match, FC_FAMILY, 0, &got) != FcResultMatch ||
        strcasecmp((const char *)got, family) != 0) {
        snprintf(error, error_size,
                 "no font of the family '%s' is installed (install fonts-open-sans, or set "
                 "[theme] font or font_regular in the config)", family);
    } else if (strict && !is_style(match, style)) {
        snprintf(error, error_size, "the font family '%s' has no %s face", family,
                 styles[style].name);
    } else {
        snprintf(path, size, "%s", (const char *)file);
        found = true;
    }
    if (match)
        FcPatternDestroy(match);
    return found;
}

bool font_find(const FontSearch *search, const char *family, bool bold, char *path, size_t size,
               char *error, size_t error_size)
{
    return find(search, family, bold ? FONT_STYLE_BOLD : FONT_STYLE_REGULAR, false, path, size,
                error, error_size);
}

bool font_find_style(const FontSearch *search, const char *family, FontStyle style, char *path,
                     size_t size, char *error, size_t error_size)
{
    return find(search, family, style, true, path, size, error, error_size);
}

/* Calls `take` on each outline font of fontconfig's sorted list for `family` in `style`
 * (with a glyph for `c`, when c != 0; for the language `lang`, when not NULL) until it
 * returns true. */
static bool each_fallback(const FontSearch *search, const char *family, FontStyle style,
                          unsigned long c, const char *lang,
                          bool (*take)(FcPattern *font, void *ctx), void *ctx)
{
    FcPattern *pattern = style_pattern(search, family, style);
    FcCharSet *wanted = c ? FcCharSetCreate() : NULL;
    FcFontSet *set = NULL;
    bool taken = false;
    if (!pattern || (c && !wanted))
        goto done;
    if (lang)
        FcPatternAddString(pattern, FC_LANG, (const FcChar8 *)lang);
    if (wanted) {
        FcCharSetAddChar(wanted, (FcChar32)c);
        FcPatternAddCharSet(pattern, FC_CHARSET, wanted);
    }
    substitute(search, pattern);
    FcResult result;
    set = FcFontSort(search->config, pattern, FcFalse, NULL, &result);
    for (int i = 0; set && i < set->nfont && !taken; i++) {
        FcPattern *font = set->fonts[i];
        FcBool outline = FcFalse;
        FcCharSet *has = NULL;
        if (FcPatternGetBool(font, FC_OUTLINE, 0, &outline) != FcResultMatch || !outline)
            continue;
        if (c && (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch ||
                  !FcCharSetHasChar(has, (FcChar32)c)))
            continue;
        taken = take(font, ctx);
    }
done:
    if (set)
        FcFontSetDestroy(set);
    if (wanted)
        FcCharSetDestroy(wanted);
    if (pattern)
        FcPatternDestroy(pattern);
    return taken;
}

typedef struct Wanted {
    int skip;                 /* fonts still to pass over */
    char *path, *family;
    size_t size, family_size;
} Wanted;

static bool take_font(FcPattern *font, void *ctx)
{
    Wanted *w = ctx;
    FcChar8 *file = NULL, *family = NULL;
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
        return false;
    if (w->skip-- > 0)
        return false;
    if (FcPatternGetString(font, FC_FAMILY, 0, &family) != FcResultMatch)
        family = (FcChar8 *)"";
    snprintf(w->path, w->size, "%s", (const char *)file);
    snprintf(w->family, w->family_size, "%s", (const char *)family);
    return true;
}

bool font_find_any(const FontSearch *search, int n, FontStyle style, char *path, size_t size,
                   char *family, size_t family_size, char *error, size_t error_size)
{
    Wanted w = { n, path, family, size, family_size };
    if (each_fallback(search, "sans-serif", style, 0, NULL, take_font, &w))
        return true;
    snprintf(error, error_size, "fontconfig finds %s other font (install fonts-open-sans or "
             "fonts-dejavu-core)", n == 0 ? "no" : "no usable");
    return false;
}

bool font_find_for_char(const FontSearch *search, unsigned long c, FontStyle style,
                        const char *lang, const char *prefer, char *path, size_t size,
                        char *family, size_t family_size)
{
    Wanted w = { 0, path, family, size, family_size };
    return c != 0 && each_fallback(search, prefer ? prefer : "sans-serif", style, c, lang,
                                   take_font, &w);
}
