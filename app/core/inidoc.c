/* inidoc.c — see inidoc.h. The line reader below mirrors inih's own line classification
 * (ini.c, r55) so that it knows, before inih does, which line is a section, a key, a
 * continuation or a comment, and can name problems at their line. */
#define _POSIX_C_SOURCE 200809L /* strnlen */
#include "inidoc.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textfile.h"
#include "utf8.h"

typedef enum LineKind { LINE_BLANK, LINE_COMMENT, LINE_SECTION, LINE_KEY, LINE_CONT, LINE_BAD } LineKind;

typedef struct Reader {
    IniDoc *doc;
    Arena *arena;
    Diags *diags;
    TextFile file;       /* the text, cut into lines */
    int line;            /* the line just handed to inih */
    bool have_key;       /* mirrors inih's prev_name: a continuation is possible */
    LineKind kind;
    const char *comment; /* where ` ;` starts a comment on this line (after the key's `=`), or NULL */
    int comment_gap;     /* the white space before it */
    int failed;          /* out of memory */
} Reader;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Like inih's find_chars_or_comment: the first of `chars`, or a ';' after white space. */
static const char *find_chars_or_comment(const char *s, const char *chars)
{
    bool was_space = false;
    while (*s && (!chars || !strchr(chars, *s)) && !(was_space && *s == ';')) {
        was_space = is_space(*s);
        s++;
    }
    return s;
}

static void grow(void **items, int *capacity, int count, size_t size, int *failed)
{
    if (count < *capacity)
        return;
    int cap = *capacity ? *capacity * 2 : 16;
    void *p = realloc(*items, (size_t)cap * size);
    if (!p) {
        *failed = 1;
        return;
    }
    *items = p;
    *capacity = cap;
}

/* Remembers where a ` ;` comment starts in `s`, and how much white space precedes it. */
static void note_comment(Reader *r, const char *s)
{
    const char *semi = find_chars_or_comment(s, NULL);
    if (*semi != ';')
        return;
    r->comment = semi;
    r->comment_gap = 0;
    for (const char *p = semi; p > s && is_space(p[-1]); p--)
        r->comment_gap += p[-1] == '\t' ? 2 : 1;
}

/* True when `s` (up to `end`) is a key name: letters, digits, '_', '-', '.'. */
static bool is_key_name(const char *s, const char *end)
{
    for (; s < end; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-' && *s != '.')
            return false;
    return true;
}

/* Looks at one line (NUL-terminated, newline removed) before inih does. Where a line is
 * a mistake with an obvious reading, the buffer handed to inih is mended after the error
 * is reported (a section unindented, a ']' added, a stray text line blanked), so that one
 * mistake gives one message rather than a cascade of false ones. */
static void classify(Reader *r, char *text)
{
    IniDoc *doc = r->doc;
    char *start = text;
    while (is_space(*start))
        start++;
    r->comment = NULL;
    if (*start == '[' && start > text && r->have_key && strchr(start, ']')) {
        diag_add(r->diags, doc->path, r->line, DIAG_ERROR,
                 "this [section] line is indented, so it would be read as more text for the "
                 "key above; remove the spaces before '['");
        memmove(text, start, strlen(start) + 1);
        start = text;
    }
    if (*start == '\0') {
        r->kind = LINE_BLANK;
    } else if (*start == ';' || *start == '#') {
        r->kind = LINE_COMMENT;
    } else if (r->have_key && start > text) {
        r->kind = LINE_CONT;
        note_comment(r, start);
    } else if (*start == '[') {
        char *end = (char *)find_chars_or_comment(start + 1, "]");
        if (*end != ']') {
            diag_add(r->diags, doc->path, r->line, DIAG_ERROR,
                     "section name has no closing ']'; add it at the end of the name");
            while (end > start + 1 && is_space(end[-1]))
                end--;
            if (end - text >= INIDOC_MAX_LINE)
                end--;
            end[0] = ']';
            end[1] = '\0';
        }
        r->kind = LINE_SECTION;
        r->have_key = false;
        size_t len = (size_t)(end - (start + 1));
        if (len > INIDOC_MAX_SECTION)
            diag_add(r->diags, doc->path, r->line, DIAG_ERROR,
                     "section name is %zu bytes long; at most %d fit: use a shorter id",
                     len, INIDOC_MAX_SECTION);
        grow((void **)&doc->sections, &doc->section_capacity, doc->section_count,
             sizeof(IniSection), &r->failed);
        if (r->failed)
            return;
        IniSection *s = &doc->sections[doc->section_count++];
        s->name = arena_strndup(r->arena, start + 1, len);
        s->line = r->line;
        if (!s->name)
            r->failed = 1;
    } else {
        const char *end = find_chars_or_comment(start, "=:");
        const char *key_end = end;
        while (key_end > start && is_space(key_end[-1]))
            key_end--;
        if ((*end != '=' && *end != ':') || !is_key_name(start, key_end)) {
            r->kind = LINE_BAD;
            diag_add(r->diags, doc->path, r->line, DIAG_ERROR,
                     "this line is not 'key = value', a [section] or a note; if it continues "
                     "the text above, indent it by two spaces");
            text[0] = '\0'; /* inih skips it, as if it were blank */
            return;
        }
        r->kind = LINE_KEY;
        r->have_key = key_end > start;
        if (key_end == start)
            diag_add(r->diags, doc->path, r->line, DIAG_ERROR, "a value with no key before '%c'", *end);
        note_comment(r, end + 1);
    }
}

/* inih's reader: hands over one line at a time, at most num-1 bytes, after checking it. */
static char *read_line(char *buffer, int num, void *stream)
{
    Reader *r = stream;
    if (r->file.pos >= r->file.len || r->failed)
        return NULL;
    if (r->doc->entry_count >= INIDOC_MAX_ENTRIES || r->doc->section_count >= INIDOC_MAX_SECTIONS) {
        diag_add(r->diags, r->doc->path, r->line, DIAG_ERROR,
                 "more than %d keys or %d sections: the rest of the file is not read",
                 INIDOC_MAX_ENTRIES, INIDOC_MAX_SECTIONS);
        return NULL;
    }
    const char *line;
    size_t len;
    bool utf8;
    if (!textfile_next(&r->file, &line, &len, &utf8))
        return NULL;
    r->line = r->file.line;
    const char *path = r->doc->path;

    size_t max = (size_t)num - 1 < INIDOC_MAX_LINE ? (size_t)num - 1 : INIDOC_MAX_LINE;
    if (len > max) {
        diag_add(r->diags, path, r->line, DIAG_ERROR,
                 "line is %zu bytes long; at most %d fit: continue the text on the next "
                 "line, indented by two spaces", len, INIDOC_MAX_LINE);
        len = utf8_floor(line, max); /* line[max] exists: the line is longer */
    }
    memcpy(buffer, line, len);
    buffer[len] = '\0';
    /* Broken bytes must not reach the screen. */
    if (!utf8 && !utf8_valid(buffer, len, NULL))
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)buffer[i] >= 0x80)
                buffer[i] = '?';
    classify(r, buffer);
    return buffer;
}

static void keep_comment(Reader *r, IniEntry *e, bool cut)
{
    const char *words = r->comment + 1;
    while (is_space(*words))
        words++;
    e->comment_line = r->line;
    e->comment_cut = cut;
    e->comment_gap = r->comment_gap;
    e->comment = arena_strndup(r->arena, words, utf8_floor(words, strnlen(words, 40)));
    if (!e->comment)
        r->failed = 1;
}

static int on_value(void *user, const char *section, const char *key, const char *value)
{
    (void)section; /* inih's copy may be cut; the doc keeps the whole name */
    Reader *r = user;
    IniDoc *doc = r->doc;
    if (r->failed || key[0] == '\0')
        return 1;
    if (r->kind == LINE_CONT && doc->entry_count > 0) {
        IniEntry *e = &doc->entries[doc->entry_count - 1];
        const char *joined = arena_concat(r->arena, e->value, e->value[0] ? " " : "", value);
        if (!joined) {
            r->failed = 1;
            return 1;
        }
        e->value = joined;
        if (r->comment && r->comment_gap >= 2 && !e->comment_line)
            keep_comment(r, e, false); /* looks like a comment, but will be text */
        /* An indented `name = …` may be a key the author meant to start. */
        const char *eq = strchr(value, '=');
        if (eq && !e->cont_key) {
            const char *k = value;
            while (k < eq && (isalnum((unsigned char)*k) || *k == '_'))
                k++;
            const char *after = k;
            while (after < eq && is_space(*after))
                after++;
            if (after == eq && k > value) {
                e->cont_key = arena_strndup(r->arena, value, (size_t)(k - value));
                e->cont_key_line = r->line;
            }
        }
        return 1;
    }
    grow((void **)&doc->entries, &doc->entry_capacity, doc->entry_count, sizeof(IniEntry),
         &r->failed);
    if (r->failed)
        return 1;
    IniEntry *e = &doc->entries[doc->entry_count++];
    *e = (IniEntry){ 0 };
    e->key = arena_strdup(r->arena, key);
    e->value = arena_strdup(r->arena, value);
    e->line = r->line;
    e->section = doc->section_count - 1;
    if (r->comment && r->comment_gap < 2)
        keep_comment(r, e, true); /* looks like text, but is dropped */
    if (!e->key || !e->value)
        r->failed = 1;
    return 1;
}

bool inidoc_load_text(IniDoc *doc, const char *path, const char *text, size_t len,
                      Arena *arena, Diags *diags)
{
    *doc = (IniDoc){ 0 };
    doc->path = arena_strdup(arena, path);
    if (!doc->path)
        return false;
    bool blank = true;
    for (size_t i = 0; i < len && blank; i++)
        blank = is_space(text[i]);
    if (blank) {
        diag_add(diags, path, 1, DIAG_ERROR, "the file is empty: was it saved?");
        return false;
    }
    Reader r = { .doc = doc, .arena = arena, .diags = diags };
    if (!textfile_start(&r.file, diags, doc->path, text, len, INIDOC_MAX_FILE))
        return false; /* one message for the file, which is not read */
    ini_parse_stream(read_line, &r, on_value, &r);
    doc->line_count = r.line;
    textfile_end(&r.file);
    if (r.failed) {
        diag_add(diags, path, 1, DIAG_ERROR, "out of memory while reading");
        return false;
    }
    doc->loaded = true;
    return true;
}

bool inidoc_load(IniDoc *doc, const char *path, Arena *arena, Diags *diags)
{
    *doc = (IniDoc){ 0 };
    bool ok = false;
    size_t len;
    char *data = textfile_read(diags, path, INIDOC_MAX_FILE, "the file", &len);
    if (data)
        ok = inidoc_load_text(doc, path, data, len, arena, diags);
    if (!doc->path)
        doc->path = arena_strdup(arena, path);
    free(data);
    return ok;
}

int inidoc_find_section(const IniDoc *doc, const char *name)
{
    for (int i = 0; i < doc->section_count; i++)
        if (strcmp(doc->sections[i].name, name) == 0)
            return i;
    return -1;
}

const IniEntry *inidoc_find(const IniDoc *doc, int section, const char *key)
{
    for (int i = 0; i < doc->entry_count; i++)
        if (doc->entries[i].section == section && strcmp(doc->entries[i].key, key) == 0)
            return &doc->entries[i];
    return NULL;
}

const char *inidoc_get(const IniDoc *doc, int section, const char *key, const char *fallback)
{
    const IniEntry *e = inidoc_find(doc, section, key);
    return e ? e->value : fallback;
}

void inidoc_free(IniDoc *doc)
{
    free(doc->sections);
    free(doc->entries);
    doc->sections = NULL;
    doc->entries = NULL;
    doc->section_count = doc->entry_count = 0;
    doc->section_capacity = doc->entry_capacity = 0;
}
