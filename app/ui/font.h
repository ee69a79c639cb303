/* font.h — finding the theme's font files through fontconfig. */
#ifndef ATTUNE_FONT_H
#define ATTUNE_FONT_H

#include <stdbool.h>
#include <stddef.h>

/* Finds the file of `family` (e.g. "Open Sans") in the regular or bold weight. Returns
 * false, with a sentence in `error`, when fontconfig has no font of that family (it would
 * otherwise substitute any font it has, which we do not want on a kiosk). */
bool font_find(const char *family, bool bold, char *path, size_t size, char *error, size_t error_size);

#endif
