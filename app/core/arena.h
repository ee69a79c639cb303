/* arena.h — a bump allocator that owns many small strings and frees them at once.
 *
 * The content bundle and the config keep every string they read in one Arena, so that
 * inih's short-lived buffers can be copied cheaply and a whole bundle released with one
 * call. Not for secrets: the quiz answers never live here. */
#ifndef ATTUNE_ARENA_H
#define ATTUNE_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
    ArenaBlock *head;   /* newest block first */
    size_t used_bytes;  /* what callers asked for, for reports */
} Arena;

/* Returns zeroed memory of `size` bytes aligned for any type, owned by the arena until
 * arena_free(). Returns NULL only when the system is out of memory. */
void *arena_alloc(Arena *arena, size_t size);

/* Copies the first `len` bytes of `s` and adds a terminating NUL. NULL when out of memory. */
char *arena_strndup(Arena *arena, const char *s, size_t len);

/* Copies a NUL-terminated string. NULL when out of memory. */
char *arena_strdup(Arena *arena, const char *s);

/* Returns "a" + sep + "b" as a new string (sep may be ""). NULL when out of memory. */
char *arena_concat(Arena *arena, const char *a, const char *sep, const char *b);

/* Releases every block; the arena is empty and can be used again. */
void arena_free(Arena *arena);

#endif
