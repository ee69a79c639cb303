/* arena.c — see arena.h. Blocks grow to fit large requests; nothing is freed singly. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK_BYTES = 16 * 1024 };

struct ArenaBlock {
    ArenaBlock *next;
    size_t size, used;
    max_align_t data[]; /* aligned storage */
};

void *arena_alloc(Arena *arena, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size_t want = (size + align - 1) / align * align;
    if (want == 0)
        want = align;
    ArenaBlock *b = arena->head;
    if (!b || b->size - b->used < want) {
        size_t bytes = want > ARENA_BLOCK_BYTES ? want : ARENA_BLOCK_BYTES;
        b = calloc(1, sizeof(*b) + bytes);
        if (!b)
            return NULL;
        b->size = bytes;
        b->next = arena->head;
        arena->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += want;
    arena->used_bytes += size;
    return p;
}

char *arena_strndup(Arena *arena, const char *s, size_t len)
{
    char *p = arena_alloc(arena, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

char *arena_strdup(Arena *arena, const char *s)
{
    return arena_strndup(arena, s, strlen(s));
}

char *arena_concat(Arena *arena, const char *a, const char *sep, const char *b)
{
    size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
    char *p = arena_alloc(arena, la + ls + lb + 1);
    if (p) {
        memcpy(p, a, la);
        memcpy(p + la, sep, ls);
        memcpy(p + la + ls, b, lb + 1);
    }
    return p;
}

void arena_free(Arena *arena)
{
    ArenaBlock *b = arena->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
    arena->used_bytes = 0;
}
