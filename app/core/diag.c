/* diag.c — see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *copy_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void diag_add(Diags *diags, const char *path, int line, DiagLevel level, const char *fmt, ...)
{
    if (level == DIAG_ERROR)
        diags->errors++;
    else
        diags->warnings++;
    if (diags->count >= DIAG_MAX_KEPT) {
        diags->dropped++;
        return;
    }
    if (diags->count == diags->capacity) {
        int cap = diags->capacity ? diags->capacity * 2 : 32;
        Diag *items = realloc(diags->items, (size_t)cap * sizeof(*items));
        if (!items) {
            diags->dropped++;
            return;
        }
        diags->items = items;
        diags->capacity = cap;
    }
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);

    int order = diags->count;
    for (int i = 0; i < diags->count; i++) {
        if (strcmp(diags->items[i].path, path) == 0) {
            order = diags->items[i].order;
            break;
        }
    }
    Diag d = { copy_string(path), line, level, copy_string(message), order };
    if (!d.path || !d.message) {
        free(d.path);
        free(d.message);
        return;
    }
    diags->items[diags->count++] = d;
}

static int compare_diags(const void *pa, const void *pb)
{
    const Diag *a = pa, *b = pb;
    if (a->order != b->order)
        return a->order < b->order ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return 0;
}

void diag_print(Diags *diags, FILE *out)
{
    /* qsort is not stable: an insertion sort keeps problems on one line in the order found. */
    for (int i = 1; i < diags->count; i++) {
        Diag d = diags->items[i];
        int j = i;
        while (j > 0 && compare_diags(&diags->items[j - 1], &d) > 0) {
            diags->items[j] = diags->items[j - 1];
            j--;
        }
        diags->items[j] = d;
    }
    static const char *const level_names[DIAG_LEVEL_COUNT] = { "error", "warning" };
    for (int i = 0; i < diags->count; i++) {
        const Diag *d = &diags->items[i];
        if (d->line > 0)
            fprintf(out, "%s:%d: %s: %s\n", d->path, d->line, level_names[d->level], d->message);
        else
            fprintf(out, "%s: %s: %s\n", d->path, level_names[d->level], d->message);
    }
    if (diags->dropped)
        fprintf(out, "attune: %d more problem%s not shown; fix the ones above first\n",
                diags->dropped, diags->dropped == 1 ? "" : "s");
}

void diag_free(Diags *diags)
{
    for (int i = 0; i < diags->count; i++) {
        free(diags->items[i].path);
        free(diags->items[i].message);
    }
    free(diags->items);
    *diags = (Diags){ 0 };
}
