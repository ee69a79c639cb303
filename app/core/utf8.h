/* utf8.h — checking and decoding UTF-8, the encoding of every bundle and config file. */
#ifndef ATTUNE_UTF8_H
#define ATTUNE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Returns true when the `len` bytes at `s` are well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF). Otherwise sets *bad to the offset of the first
 * byte that starts a broken sequence and returns false. */
bool utf8_valid(const char *s, size_t len, size_t *bad);

/* Decodes the code point starting at s[*pos] (s is NUL-terminated) and advances *pos past
 * it. A broken sequence yields U+FFFD and advances one byte, so loops always end. */
uint32_t utf8_next(const char *s, size_t *pos);

/* The largest n <= len such that the first n bytes of s end on a character boundary. */
size_t utf8_floor(const char *s, size_t len);

#endif
