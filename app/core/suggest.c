/* suggest.c — see suggest.h. Three rows of the edit-distance table are enough: a swap
 * looks back two rows. */
#include "suggest.h"

#include <string.h>

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int min2(int a, int b)
{
    return a < b ? a : b;
}

int suggest_distance(const char *a, size_t la, const char *b)
{
    size_t lb = strlen(b);
    if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
        return SUGGEST_MAX_LEN + 1;
    int rows[3][SUGGEST_MAX_LEN + 1];
    int *two = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cost = lower(a[i - 1]) != lower(b[j - 1]);
            int best = min2(min2(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]))
                best = min2(best, two[j - 2] + 1);
            cur[j] = best;
        }
        int *t = two;
        two = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

const char *suggest_near(const char *word, size_t len, const char *const *candidates)
{
    int limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    const char *best = NULL;
    int best_d = limit + 1;
    for (const char *const *c = candidates; *c; c++) {
        int d = suggest_distance(word, len, *c);
        if (d < best_d) {
            best_d = d;
            best = *c;
        }
    }
    return best;
}
