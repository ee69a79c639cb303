/* inidoc.h — one INI file read with inih into sections and entries, with line numbers.
 *
 * inih (as Debian builds it) gives its handler no line numbers, cuts lines over 200 bytes
 * and section names over 49 bytes silently, and reads ` ;` as the start of a comment.
 * inidoc_load() feeds inih through its own line reader, which takes its lines from
 * textfile.h (line ends, the byte order mark, UTF-8, NUL bytes), so that it can count
 * lines and catch those cases and the lines inih would reject as `path:line` problems.
 * A line longer than inih's buffer (an Arabic line of 100 letters is) is handed over in
 * pieces, as continuations, and joined back as it was; past INIDOC_MAX_LINE it is an error.
 * What inih then parses becomes an IniDoc: the sections in file order (duplicates kept)
 * and each `key = value` with its line. Indented continuation lines are joined to their
 * entry's value with one space, or none between two characters of a language written
 * without spaces (Chinese, Japanese, Thai). The doc does not know which sections or keys
 * are allowed: that is schema.h's job. */
#ifndef ATTUNE_INIDOC_H
#define ATTUNE_INIDOC_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"

/* The longest line, in bytes without the newline, that is read whole. */
enum { INIDOC_MAX_LINE = 1000, INIDOC_MAX_SECTION = 49, INIDOC_MAX_FILE = 1024 * 1024 };

/* Past these a file is not read further (a content file has a few hundred of each); they
 * keep the checks, some of which compare entries pairwise, quick on any input. */
enum { INIDOC_MAX_ENTRIES = 4096, INIDOC_MAX_SECTIONS = 1024 };

typedef struct IniEntry {
    const char *key;
    const char *value;   /* continuation lines joined with one space (or none: cont_join) */
    int line;            /* the line of `key =` */
    int section;         /* index into IniDoc.sections, -1 before any section */
    /* A ` ;` that inih reads unlike a person would: on the key line with one space before
     * it (inih drops the words after it), or on a continuation with two or more (inih keeps
     * them as text). The first such line, else 0. */
    int comment_line;
    bool comment_cut;    /* on the key line */
    int comment_gap;     /* the white space before that ';', in columns (a tab counts 2) */
    const char *comment; /* the words after ';' on that line */
    const char *cont_key;/* an indented `name = …` line that continued this entry, or NULL */
    int cont_key_line;
} IniEntry;

typedef struct IniSection {
    const char *name;    /* the whole name as written, even when inih would cut it */
    int line;
} IniSection;

typedef struct IniDoc {
    const char *path;    /* as given to inidoc_load, owned by the arena */
    bool loaded;         /* false when the file could not be read or is empty */
    int line_count;
    IniSection *sections;
    int section_count, section_capacity;
    IniEntry *entries;
    int entry_count, entry_capacity;
} IniDoc;

/* Reads and parses `path`. Every problem goes to `diags` with `path:line`; what could be
 * read is kept. Strings live in `arena`. Returns false when the file is missing, unreadable,
 * too large or empty (the doc then has no sections); true otherwise, even with problems. */
bool inidoc_load(IniDoc *doc, const char *path, Arena *arena, Diags *diags);

/* Parses `text` as if it were the file `path` (for tests and the fuzzer). */
bool inidoc_load_text(IniDoc *doc, const char *path, const char *text, size_t len,
                      Arena *arena, Diags *diags);

/* Index of the first section named `name`, or -1. */
int inidoc_find_section(const IniDoc *doc, const char *name);

/* The first entry `key` in section index `section`, or NULL. */
const IniEntry *inidoc_find(const IniDoc *doc, int section, const char *key);

/* The value of inidoc_find(), or `fallback` when there is none. */
const char *inidoc_get(const IniDoc *doc, int section, const char *key, const char *fallback);

/* Frees the doc's arrays (its strings belong to the arena). */
void inidoc_free(IniDoc *doc);

#endif
