/* schema.h — what sections and keys an INI file may hold, as data, and the checks.
 *
 * A file's schema is a flat table of KeySpec rows, one per key, each naming its section:
 * an exact name ("scale") or a kind of section with ids ("item." matches [item.q1]).
 * schema_check() reports, with `path:line`, unknown sections and keys (with "did you
 * mean"), missing required sections and keys, sections that appear twice, keys set twice,
 * empty values, values of the wrong type or outside their range, unknown {placeholders},
 * and text that a ` ;` would cut. The config is read straight into its struct through
 * the table (KEY_STORED rows); the bundle reads its values with the helpers below. */
#ifndef ATTUNE_SCHEMA_H
#define ATTUNE_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "inidoc.h"

typedef enum ValueKind {
    VALUE_LINE,    /* one line of text (may continue on indented lines) */
    VALUE_PROSE,   /* paragraphs: the key written again starts a new paragraph */
    VALUE_LIST,    /* the key written again adds an item */
    VALUE_INT,     /* a whole number within [min, max] */
    VALUE_NUMBER,  /* a decimal number within [min, max] */
    VALUE_BOOL,    /* yes/no (also true/false, on/off) */
    VALUE_CHOICE,  /* one of the words in `extra`, separated by '|' */
    VALUE_COLOUR,  /* #rrggbb */
    VALUE_PATH,    /* a file or folder; relative paths are resolved by the caller */
    VALUE_KIND_COUNT
} ValueKind;

enum {
    KEY_REQUIRED = 1 << 0, /* the key must be present (and so must its exact section) */
    KEY_STORED = 1 << 1,   /* schema_apply() writes it at `offset` (config only) */
    KEY_EMPTY_OK = 1 << 2, /* an empty value is allowed and means "none" */
};

typedef struct KeySpec {
    const char *section; /* exact, or a kind ending in '.' */
    const char *key;     /* exact, or ending in '#' for that name followed by a number */
    ValueKind kind;
    unsigned flags;
    const char *extra;   /* CHOICE: "a|b"; text: the placeholders allowed, "n|total" */
    double min, max;     /* INT and NUMBER; min == max: any number (checked elsewhere) */
    size_t offset;       /* KEY_STORED: where in the struct (int, double, bool, uint32_t
                            colour or const char *) */
    const char *fallback;/* KEY_STORED: the default, parsed like a value */
} KeySpec;

/* Rows for tables: a key with no range, a key with a range, the end of a table. */
#define SCHEMA_KEY(sec, name, kind_, flags_, extra_) \
    { .section = (sec), .key = (name), .kind = (kind_), .flags = (flags_), .extra = (extra_) }
#define SCHEMA_RANGE(sec, name, kind_, flags_, lo, hi) \
    { .section = (sec), .key = (name), .kind = (kind_), .flags = (flags_), .min = (lo), .max = (hi) }
#define SCHEMA_END { .section = NULL }

/* Checks `doc` against `table` (ending with a row whose section is NULL). An unknown
 * section is reported at `unknown_section` level (an error where its content would be
 * silently lost, a warning where it is harmless). Returns the number of errors it added. */
int schema_check(const IniDoc *doc, const KeySpec *table, DiagLevel unknown_section, Diags *diags);

/* Writes the fallback of every KEY_STORED row into `target`. Strings point at the table. */
void schema_apply_defaults(const KeySpec *table, void *target);

/* Writes each valid value of `doc` for a KEY_STORED row into `target` (strings copied into
 * `arena`); call after schema_check, which has reported the invalid ones. */
void schema_apply(const IniDoc *doc, const KeySpec *table, void *target, Arena *arena);

/* The text of every `key` entry of `section`, joined with '\n' (paragraphs), in `arena`;
 * NULL when there is none. */
const char *schema_text(const IniDoc *doc, int section, const char *key, Arena *arena);

/* The values of every `key` entry of `section` as a NULL-terminated array in `arena`;
 * *count gets the number. Never NULL unless out of memory. */
const char **schema_list(const IniDoc *doc, int section, const char *key, Arena *arena, int *count);

/* Strict parsers: the whole string must be the value. They return false otherwise. */
bool schema_parse_int(const char *s, long *out);
bool schema_parse_number(const char *s, double *out);
bool schema_parse_bool(const char *s, bool *out);
bool schema_parse_colour(const char *s, unsigned long *out);

/* "item 'q7'" for [item.q7], "[scale]" for [scale]: how messages name a section. Uses `buf`. */
const char *schema_section_label(const char *name, char *buf, size_t size);

#endif
