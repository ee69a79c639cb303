/* font.h — finding the theme's font files through fontconfig. */
#ifndef ATTUNE_FONT_H
#define ATTUNE_FONT_H

#include <stdbool.h>
#include <stddef.h>

/* The faces of one family the UI uses. */
typedef enum FontStyle {
    FONT_STYLE_REGULAR,
    FONT_STYLE_SEMIBOLD,
    FONT_STYLE_BOLD,
    FONT_STYLE_ITALIC,
    FONT_STYLE_COUNT
} FontStyle;

/* Finds the file of `family` (e.g. "Open Sans") in the regular or bold weight. Returns
 * false, with a sentence in `error`, when fontconfig has no font of that family (it would
 * otherwise substitute any font it has, which we do not want on a kiosk). When the family
 * has no bold, fontconfig's nearest weight is returned. */
bool font_find(const char *family, bool bold, char *path, size_t size, char *error, size_t error_size);

/* Like font_find, for one `style`, but strict: it returns true only when the family has
 * that very face (a semibold weight, an italic or oblique slant), so the caller can fall
 * back in its own order (semibold, then bold, then regular). The path is copied into
 * `path` (`size` bytes). On false, `error` holds one sentence. */
bool font_find_style(const char *family, FontStyle style, char *path, size_t size,
                     char *error, size_t error_size);

#endif
