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

/* LINE_PIECE: the next piece of a line too long for inih's buffer, handed over as if it
 * were an indented continuation, and joined back as the line had it. */
typedef enum LineKind { LINE_BLANK, LINE_COMMENT, LINE_SECTION, LINE_KEY, LINE_CONT, LINE_BAD, LINE_PIECE } LineKind;

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
    const char *rest;    /* what is left of a long key or continuation line, or NULL */
    size_t rest_len;
    bool rest_utf8;      /* the line was checked as UTF-8 */
    const char *gap;     /* the spaces between the piece handed over and `rest` */
    size_t gap_len;
    char join[8];        /* ... and before the LINE_PIECE just handed over (at most 7 kept) */
    char note[64];       /* a long key line's ` ;` note, cut off before its pieces ("" none) */
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
            if (end - text >= INI_MAX_LINE - 1)
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

/* Copies `len` bytes of a line into inih's buffer; broken bytes must not reach the screen. */
static void copy_text(char *buffer, const char *line, size_t len, bool utf8)
{
    memcpy(buffer, line, len);
    buffer[len] = '\0';
    if (!utf8 && !utf8_valid(buffer, len, NULL))
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)buffer[i] >= 0x80)
                buffer[i] = '?';
}

/* Where to end a piece of at most `room` bytes of the `len` bytes at `s` (len > room) so
 * that inih, which trims each piece, loses nothing: at the last run of spaces in its second
 * half (the piece ends before it, *next is after it), else between two characters with no
 * space on either side (*next is the same). The next piece never starts with ';' or '#'
 * (inih would take it for a note). */
static size_t piece_end(const char *s, size_t len, size_t room, size_t *next)
{
    for (int spaces = 1; spaces >= 0; spaces--) {
        for (size_t c = room; c > (spaces ? room / 2 : 0); c--) {
            size_t n = c;
            while (n < len && (s[n] == ' ' || s[n] == '\t'))
                n++;
            if ((n > c) != spaces || n >= len || is_space(s[c - 1]) || s[n] == ';' || s[n] == '#' ||
                ((unsigned char)s[n] & 0xC0) == 0x80)
                continue;
            *next = n;
            return c;
        }
    }
    size_t cut = utf8_floor(s, room);
    *next = cut ? cut : room;
    return *next;
}

/* Hands inih the next piece of a long line, indented so that it continues the value. */
static char *next_piece(Reader *r, char *buffer, int num)
{
    size_t room = (size_t)num - 3; /* two spaces before it, a NUL after */
    size_t end = r->rest_len, next = r->rest_len;
    if (end > room)
        end = piece_end(r->rest, r->rest_len, room, &next);
    buffer[0] = buffer[1] = ' ';
    copy_text(buffer + 2, r->rest, end, r->rest_utf8);
    size_t keep = r->gap_len < sizeof(r->join) ? r->gap_len : sizeof(r->join) - 1;
    memcpy(r->join, r->gap, keep);
    r->join[keep] = '\0';
    r->gap = r->rest + end;
    r->gap_len = next - end;
    r->rest = next < r->rest_len ? r->rest + next : NULL;
    r->rest_len -= next;
    r->kind = LINE_PIECE;
    r->comment = NULL;
    note_comment(r, buffer + 2);
    return buffer;
}

/* Where a key line (`key = value`, not indented) of `len` bytes has a ` ;` note after its
 * `=`, or 0. A long line's pieces after the first are continuations, which inih keeps
 * whole, so the note is cut off before the line is cut into pieces. */
static size_t key_line_note(const char *line, size_t len)
{
    if (len == 0 || is_space(line[0]) || line[0] == ';' || line[0] == '#' || line[0] == '[')
        return 0;
    const char *eq = memchr(line, '=', len);
    if (!eq)
        return 0;
    for (size_t i = (size_t)(eq - line) + 1; i < len; i++)
        if (line[i] == ';' && (line[i - 1] == ' ' || line[i - 1] == '\t'))
            return i;
    return 0;
}

/* inih's reader: hands over one line at a time, at most num-1 bytes, after checking it; a
 * longer line (up to INIDOC_MAX_LINE) in pieces. */
static char *read_line(char *buffer, int num, void *stream)
{
    Reader *r = stream;
    if (r->failed)
        return NULL;
    if (r->rest)
        return next_piece(r, buffer, num);
    if (r->file.pos >= r->file.len)
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

    if (len > INIDOC_MAX_LINE) {
        diag_add(r->diags, path, r->line, DIAG_ERROR,
                 "line is %zu bytes long; at most %d fit: continue the text on the next "
                 "line, indented by two spaces", len, INIDOC_MAX_LINE);
        len = utf8_floor(line, INIDOC_MAX_LINE); /* line[max] exists: the line is longer */
    }
    size_t note = len > (size_t)num - 1 ? key_line_note(line, len) : 0;
    int note_gap = 0;
    r->note[0] = '\0';
    if (note) {
        size_t n = len - note; /* whole characters to the line's end, or cut where one starts */
        if (n > sizeof(r->note) - 1)
            n = utf8_floor(line + note, sizeof(r->note) - 1); /* line[note + max] exists */
        memcpy(r->note, line + note, n);
        r->note[n] = '\0';
        for (len = note; len > 0 && is_space(line[len - 1]); len--)
            note_gap += line[len - 1] == '\t' ? 2 : 1;
    }
    size_t end = len, next = len;
    if (len > (size_t)num - 1)
        end = piece_end(line, len, (size_t)num - 1, &next);
    copy_text(buffer, line, end, utf8);
    classify(r, buffer);
    if (r->note[0] && r->kind == LINE_KEY) { /* the note, as inih would have dropped it */
        r->comment = r->note;
        r->comment_gap = note_gap;
    }
    if (next < len && ((r->kind == LINE_KEY && r->have_key) || r->kind == LINE_CONT)) {
        r->rest = line + next; /* the text file's, which outlives the parse */
        r->rest_len = len - next;
        r->rest_utf8 = utf8;
        r->gap = line + end;
        r->gap_len = next - end;
    }
    return buffer;
}

/* A character of a language written without spaces between words: Chinese, Japanese
 * (ideographs, kana, their punctuation and full-width forms), Thai, Lao, Khmer, Myanmar. */
static bool spaceless(uint32_t c)
{
    return (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF) ||
           (c >= 0x2E80 && c <= 0x312F) || (c >= 0x3190 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF01 && c <= 0xFF9F) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* What joins a continuation line to the text before it: nothing between two characters of
 * a language written without spaces ("…います。" + "それでも"), else one space. */
static const char *cont_join(const char *before, const char *after)
{
    size_t n = strlen(before);
    if (n == 0)
        return "";
    size_t last = n - 1, first = 0;
    while (last > 0 && ((unsigned char)before[last] & 0xC0) == 0x80)
        last--;
    uint32_t a = utf8_decode(before, n, &last);
    uint32_t b = after[0] ? utf8_decode(after, strlen(after), &first) : 0;
    return spaceless(a) && spaceless(b) ? "" : " ";
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
    if ((r->kind == LINE_CONT || r->kind == LINE_PIECE) && doc->entry_count > 0) {
        IniEntry *e = &doc->entries[doc->entry_count - 1];
        const char *join = r->kind == LINE_PIECE ? r->join : cont_join(e->value, value);
        const char *joined = arena_concat(r->arena, e->value, join, value);
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
