/* font.h — finding the theme's font files through fontconfig. */
#ifndef ATTUNE_FONT_H
#define ATTUNE_FONT_H

#include <stdbool.h>
#include <stddef.h>

struct _FcConfig; /* fontconfig's FcConfig */

/* The faces of one family the UI uses. */
typedef enum FontStyle {
    FONT_STYLE_REGULAR,
    FONT_STYLE_SEMIBOLD,
    FONT_STYLE_BOLD,
    FONT_STYLE_ITALIC,
    FONT_STYLE_COUNT
} FontStyle;

/* fontconfig's configuration and font list, loaded once for several lookups: loading them
 * reads every config file and font cache (about 5 ms), too slow to repeat per lookup. */
typedef struct FontSearch {
    struct _FcConfig *config;
} FontSearch;

/* Loads fontconfig's configuration into `search`. Returns false, with a sentence in
 * `error`, when fontconfig cannot start; `search` then holds nothing (closing it is
 * harmless). Close it with font_search_close. */
bool font_search_open(FontSearch *search, char *error, size_t error_size);

/* Frees what font_search_open loaded. Safe on a closed or failed FontSearch. */
void font_search_close(FontSearch *search);

/* Finds the file of `family` (e.g. "Open Sans") in the regular or bold weight. Returns
 * false, with a sentence in `error`, when fontconfig has no font of that family (it would
 * otherwise substitute any font it has, which we do not want on a kiosk). When the family
 * has no bold, fontconfig's nearest weight is returned. */
bool font_find(const FontSearch *search, const char *family, bool bold, char *path, size_t size,
               char *error, size_t error_size);

/* Like font_find, for one `style`, but strict: it returns true only when the family has
 * that very face (a semibold weight, an italic or oblique slant), so the caller can fall
 * back in its own order (semibold, then bold, then regular). The path is copied into
 * `path` (`size` bytes). On false, `error` holds one sentence. */
bool font_find_style(const FontSearch *search, const char *family, FontStyle style, char *path,
                     size_t size, char *error, size_t error_size);

/* The `n`th font (0 first) fontconfig offers for its default sans-serif family in `style`,
 * whatever its family: the last resort when the configured font cannot be found or opened.
 * Outline fonts only. Copies the file into `path` and the family into `family`. Returns
 * false, with a sentence in `error`, when fontconfig offers fewer than n + 1 fonts. */
bool font_find_any(const FontSearch *search, int n, FontStyle style, char *path, size_t size,
                   char *family, size_t family_size, char *error, size_t error_size);

/* A font that has a glyph for the code point `c`, as near to `style` of the family
 * `prefer` (NULL: sans-serif) as fontconfig can find, for the language `lang` (an
 * ISO 639 code such as "ar", or NULL) when one is installed: for text the theme's font
 * cannot draw (emoji, another script). Copies the file into `path` and the family into
 * `family`; returns false when no installed outline font has the glyph. */
bool font_find_for_char(const FontSearch *search, unsigned long c, FontStyle style,
                        const char *lang, const char *prefer, char *path, size_t size,
                        char *family, size_t family_size);

#endif
