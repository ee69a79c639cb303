/* font.c — see font.h. */
#include "font.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <strings.h>

bool font_find(const char *family, bool bold, char *path, size_t size, char *error, size_t error_size)
{
    bool found = false;
    FcConfig *fc = FcInitLoadConfigAndFonts();
    FcPattern *pattern = FcPatternCreate();
    FcPattern *match = NULL;
    if (!fc || !pattern) {
        snprintf(error, error_size, "fontconfig could not start, so no font can be found");
        goto done;
    }
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
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
    snprintf(path, size, "%s", (const char *)file);
    found = true;
done:
    if (match)
        FcPatternDestroy(match);
    if (pattern)
        FcPatternDestroy(pattern);
    if (fc)
        FcConfigDestroy(fc);
    return found;
}
