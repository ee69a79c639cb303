/* font.c — see font.h. One fontconfig query per call, in a configuration loaded once by
 * font_search_open: ask for family, weight and slant, then check that the match really is
 * that family (and, when strict, that face). */
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

bool font_search_open(FontSearch *search, char *error, size_t error_size)
{
    search->config = FcInitLoadConfigAndFonts();
    if (!search->config)
        snprintf(error, error_size, "fontconfig could not start, so no font can be found");
    return search->config != NULL;
}

void font_search_close(FontSearch *search)
{
    if (search->config)
        FcConfigDestroy(search->config);
    search->config = NULL;
}

static bool find(const FontSearch *search, const char *family, FontStyle style, bool strict,
                 char *path, size_t size, char *error, size_t error_size)
{
    bool found = false;
    FcConfig *fc = search->config;
    FcPattern *pattern = FcPatternCreate();
    FcPattern *match = NULL;
    if (!fc || !pattern) {
        snprintf(error, error_size, "fontconfig could not start, so no font can be found");
        goto done;
    }
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pattern, FC_WEIGHT, styles[style].weight);
    FcPatternAddInteger(pattern, FC_SLANT, styles[style].slant);
    FcPatternAddInteger(pattern, FC_WIDTH, FC_WIDTH_NORMAL);
    FcConfigSubstitute(fc, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    match = FcFontMatch(fc, pattern, &result);
    FcChar8 *file = NULL, *got = NULL;
    if (!match || FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetString(match, FC_FAMILY, 0, &got) != FcResultMatch ||
        strcasecmp((const char *)got, family) != 0) {
        snprintf(error, error_size,
                 "no font of the family '%s' is installed (install fonts-open-sans, or set "
                 "[theme] font or font_regular in the config)", family);
        goto done;
    }
    if (strict) {
        /* fontconfig always answers with the nearest face; we want to know if it is the
         * one asked for, so the caller's fallback order decides, not fontconfig's. */
        int weight = -1, slant = -1;
        FcPatternGetInteger(match, FC_WEIGHT, 0, &weight);
        FcPatternGetInteger(match, FC_SLANT, 0, &slant);
        bool italic = slant == FC_SLANT_ITALIC || slant == FC_SLANT_OBLIQUE;
        if (weight != styles[style].weight || italic != (styles[style].slant != FC_SLANT_ROMAN)) {
            snprintf(error, error_size, "the font family '%s' has no %s face", family,
                     styles[style].name);
            goto done;
        }
    }
    snprintf(path, size, "%s", (const char *)file);
    found = true;
done:
    if (match)
        FcPatternDestroy(match);
    if (pattern)
        FcPatternDestroy(pattern);
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
