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

/* Like utf8_next, but reads nothing at or past s[len] (s need not be NUL-terminated; a NUL
 * byte is decoded as U+0000). Call only with *pos < len. A broken or cut sequence yields
 * U+FFFD and advances one byte. */
uint32_t utf8_decode(const char *s, size_t len, size_t *pos);

/* The bytes of the replacement character U+FFFD, which stands for every broken byte. */
#define UTF8_REPLACEMENT "\xEF\xBF\xBD"

/* Copies the `len` bytes at `src` into `dst` (`size` bytes, size >= 1) as well-formed UTF-8
 * for a renderer: each byte that does not start a well-formed sequence, and each NUL, is
 * replaced by U+FFFD (so the output is at most 3 * len bytes). Stops before a character that
 * would not fit, never cutting one in two; `dst` is always NUL-terminated. Returns the bytes
 * written (without the NUL); *used, when not NULL, gets how many bytes of `src` they stand
 * for. */
size_t utf8_sanitize(const char *src, size_t len, char *dst, size_t size, size_t *used);

/* The cutter: the largest n <= len such that the first n bytes of s end on a character
 * boundary (s[len] is read: the text must be longer than len). 0 when every byte up to
 * s[len] continues a character. */
size_t utf8_floor(const char *s, size_t len);

/* How many of the `len` bytes at `s` to keep so that at most `max` bytes remain without
 * cutting a character in two: `len` when it fits, else utf8_floor(s, max), or `max` when
 * that is 0 (text that is not UTF-8 is cut anywhere rather than emptied). */
size_t utf8_cut(const char *s, size_t len, size_t max);

/* The characters in the `len` bytes at `s`: the bytes that do not continue a character.
 * The column of byte i, counted from 1, is utf8_count(s, i) + 1. */
size_t utf8_count(const char *s, size_t len);

#endif
