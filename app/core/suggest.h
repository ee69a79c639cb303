/* suggest.h — "did you mean": the one near-miss finder for every name a person types
 * (section and key names, bundle file names, style ids, script commands, screen ids).
 *
 * Closeness is the edit distance, ignoring ASCII case, where an edit inserts, deletes or
 * changes one character or swaps two neighbours. A candidate counts as a slip of the
 * finger when it is at most 1 edit away for a word of up to 4 characters, 2 for up to 8,
 * and 3 for longer words. */
#ifndef ATTUNE_SUGGEST_H
#define ATTUNE_SUGGEST_H

#include <stddef.h>

/* The longest word or candidate compared, in bytes; longer ones are never suggested. */
enum { SUGGEST_MAX_LEN = 63 };

/* The edits between the `len` bytes at `word` and the string `name`; SUGGEST_MAX_LEN + 1
 * when either is longer than SUGGEST_MAX_LEN. */
int suggest_distance(const char *word, size_t len, const char *name);

/* The candidate closest to the `len` bytes at `word` when it is a near miss, else NULL;
 * the first of equally close ones. `candidates` ends with NULL. */
const char *suggest_near(const char *word, size_t len, const char *const *candidates);

#endif
