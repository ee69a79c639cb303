/* hash.h — the one 64-bit hash (FNV-1a): the renderer's text cache keys, measured widths,
 * fallback glyphs, draw commands and the screen cells they touch; the soak's frame digest;
 * the bench's count of distinct lines. Plain C, no SDL. */
#ifndef ATTUNE_HASH_H
#define ATTUNE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* Where a hash starts: FNV-1a's 64-bit offset basis. */
#define HASH_SEED 14695981039346656037ull

/* Continues the hash `h` over the `n` bytes at `data` (n may be 0). Chain calls to hash
 * several fields: hash_bytes(hash_bytes(HASH_SEED, &a, sizeof(a)), &b, sizeof(b)). */
uint64_t hash_bytes(uint64_t h, const void *data, size_t n);

#endif
