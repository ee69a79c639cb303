/* hash.c — see hash.h. */
#include "hash.h"

#define FNV_PRIME 1099511628211ull

uint64_t hash_bytes(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}
