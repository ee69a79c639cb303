/* schema.c — see schema.h. Tables are small (tens of rows), so lookups are linear scans. */
#include "schema.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "suggest.h"

static bool is_kind(const char *spec_section)
{
    size_t n = strlen(spec_section);
    return n > 0 && spec_section[n - 1] == '.';
}

static bool section_matches(const char *spec_section, const char *name)
{
    if (is_kind(spec_section)) {
        size_t n = strlen(spec_section);
        return strncmp(name, spec_section, n) == 0;
    }
    return strcmp(spec_section, name) == 0;
}

static bool key_matches(const char *spec_key, const char *key)
{
    size_t n = strlen(spec_key);
    if (n > 0 && spec_key[n - 1] == '#') {
        if (strncmp(spec_key, key, n - 1) != 0 || key[n - 1] == '\0')
            return false;
        for (const char *p = key + n - 1; *p; p++)
            if (!isdigit((unsigned char)*p))
                return false;
        return strlen(key + n - 1) <= 3;
    }
    return strcmp(spec_key, key) == 0;
}

static bool section_known(const KeySpec *table, const char *name)
{
    for (const KeySpec *k = table; k->section; k++)
        if (section_matches(k->section, name))
            return true;
    return false;
}

static const KeySpec *find_spec(const KeySpec *table, const char *section, const char *key)
{
    for (const KeySpec *k = table; k->section; k++)
        if (section_matches(k->section, section) && key_matches(k->key, key))
            return k;
    return NULL;
}

const char *schema_section_label(const char *name, char *buf, size_t size)
{
    const char *dot = strchr(name, '.');
    if (dot && dot[1])
        snprintf(buf, size, "%.*s '%s'", (int)(dot - name), name, dot + 1);
    else
        snprintf(buf, size, "[%s]", name);
    return buf;
}

/* The section names of the table (kinds shown with an id: "item.ID" for "item."), and the
 * keys a section may hold (numbered keys shown with N), as NULL-terminated lists in `out`. */
enum { MAX_CANDIDATES = 96, CANDIDATE_BYTES = 64 };

typedef struct Candidates {
    const char *list[MAX_CANDIDATES + 1];
    char text[MAX_CANDIDATES][CANDIDATE_BYTES];
    int count;
} Candidates;

static void add_candidate(Candidates *c, const char *a, const char *b)
{
    if (c->count >= MAX_CANDIDATES)
        return;
    char tmp[CANDIDATE_BYTES];
    snprintf(tmp, sizeof(tmp), "%s%s", a, b);
    for (int i = 0; i < c->count; i++)
        if (strcmp(c->list[i], tmp) == 0)
            return;
    memcpy(c->text[c->count], tmp, sizeof(tmp));
    c->list[c->count] = c->text[c->count];
    c->list[++c->count] = NULL;
}

static void section_candidates(const KeySpec *table, const char *name, Candidates *c)
{
    c->count = 0;
    c->list[0] = NULL;
    const char *dot = strchr(name, '.');
    for (const KeySpec *k = table; k->section; k++)
        add_candidate(c, k->section, is_kind(k->section) ? (dot ? dot + 1 : "id") : "");
}

static void key_candidates(const KeySpec *table, const char *section, const char *key, Candidates *c)
{
    c->count = 0;
    c->list[0] = NULL;
    const char *digits = key + strlen(key);
    while (digits > key && isdigit((unsigned char)digits[-1]))
        digits--;
    for (const KeySpec *k = table; k->section; k++) {
        if (!section_matches(k->section, section))
            continue;
        size_t n = strlen(k->key);
        if (n > 0 && k->key[n - 1] == '#') {
            char stem[CANDIDATE_BYTES];
            snprintf(stem, sizeof(stem), "%.*s", (int)(n - 1), k->key);
            add_candidate(c, stem, *digits ? digits : "N");
        } else {
            add_candidate(c, k->key, "");
        }
    }
}

/* --- values ------------------------------------------------------------------------ */

bool schema_parse_int(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || errno != 0 || isspace((unsigned char)*s))
        return false;
    *out = v;
    return true;
}

bool schema_parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno != 0 || !isfinite(v) || isspace((unsigned char)*s))
        return false;
    for (const char *p = s; *p; p++) /* no hex, no exponents: what a person writes */
        if (!isdigit((unsigned char)*p) && *p != '.' && *p != '-' && *p != '+')
            return false;
    *out = v;
    return true;
}

bool schema_parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = { "yes", "true", "on" }, *const no[] = { "no", "false", "off" };
    for (int i = 0; i < 3; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

bool schema_parse_colour(const char *s, unsigned long *out)
{
    if (s[0] != '#' || strlen(s) != 7)
        return false;
    for (int i = 1; i < 7; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    *out = strtoul(s + 1, NULL, 16);
    return true;
}

static bool choice_has(const char *choices, const char *word, size_t len)
{
    const char *p = choices;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == len && strncmp(p, word, len) == 0)
            return true;
        if (!bar)
            break;
        p = bar + 1;
    }
    return false;
}

/* Puts into `out` the choice (of "a|b|c") that `word` is a near miss of; false if none. */
static bool choice_near(const char *choices, const char *word, char *out, size_t size)
{
    char words[8][SUGGEST_MAX_LEN + 1];
    const char *list[9] = { 0 };
    int n = 0;
    for (const char *p = choices; *p && n < 8;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        snprintf(words[n], sizeof(words[n]), "%.*s", (int)len, p);
        list[n] = words[n];
        n++;
        p += len + (bar ? 1 : 0);
    }
    const char *near = suggest_near(word, strlen(word), list);
    if (near)
        snprintf(out, size, "%s", near);
    return near != NULL;
}

/* "'a' or 'b'", "'a', 'b' or 'c'", with `open`/`close` around each word. */
static void describe_choices(const char *choices, const char *open, const char *close,
                             char *buf, size_t size)
{
    buf[0] = '\0';
    int total = 1;
    for (const char *p = choices; *p; p++)
        total += *p == '|';
    const char *p = choices;
    for (int i = 0; i < total; i++) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        size_t used = strlen(buf);
        const char *sep = i == 0 ? "" : i == total - 1 ? " or " : ", ";
        snprintf(buf + used, size - used, "%s%s%.*s%s", sep, open, (int)n, p, close);
        p = bar ? bar + 1 : p + n;
    }
}

static void check_text(const IniDoc *doc, const IniEntry *e, const KeySpec *spec,
                       const char *where, Diags *diags)
{
    /* After a value, ` ;` with two or more spaces before it is a comment (as in the shipped
     * examples); with one space it is almost always text that inih would drop. On an
     * indented line inih keeps ` ;` as text, so there it is the comment-like one that
     * would show on screen. */
    if (e->comment_line && e->comment_cut && e->comment_gap < 2)
        diag_add(diags, doc->path, e->comment_line, DIAG_ERROR,
                 "%s: ' ;' starts a comment, so \"%s\" is dropped from '%s'; if it is text, "
                 "remove the space before ';'; for a comment, put two spaces before ';'",
                 where, e->comment, e->key);
    else if (e->comment_line && !e->comment_cut && e->comment_gap >= 2)
        diag_add(diags, doc->path, e->comment_line, DIAG_ERROR,
                 "%s: ' ;' on an indented line is not a comment, so \"; %s\" would be shown "
                 "as text; put the comment on its own line", where, e->comment);
    for (const char *p = strchr(e->value, '{'); p; p = strchr(p + 1, '{')) {
        const char *end = p + 1;
        while (isalnum((unsigned char)*end) || *end == '_')
            end++;
        if (*end != '}' || end == p + 1)
            continue;
        size_t n = (size_t)(end - p - 1);
        if (spec->extra && choice_has(spec->extra, p + 1, n))
            continue;
        char allowed[160];
        if (spec->extra && spec->extra[0])
            describe_choices(spec->extra, "{", "}", allowed, sizeof(allowed));
        else
            snprintf(allowed, sizeof(allowed), "none");
        diag_add(diags, doc->path, e->line, DIAG_ERROR,
                 "%s: unknown placeholder {%.*s} in '%s'; the placeholders it can use: %s",
                 where, (int)n, p + 1, e->key, allowed);
    }
}

static void check_value(const IniDoc *doc, const IniEntry *e, const KeySpec *spec,
                        const char *where, Diags *diags)
{
    const char *v = e->value;
    if (v[0] == '\0' && (spec->flags & KEY_EMPTY_OK))
        return;
    if (v[0] == '\0') {
        diag_add(diags, doc->path, e->line, DIAG_ERROR,
                 "%s: '%s' is empty; write a value or remove the line", where, e->key);
        return;
    }
    char choices[200];
    long n;
    double d;
    bool b;
    unsigned long c;
    switch (spec->kind) {
    case VALUE_LINE:
    case VALUE_PROSE:
    case VALUE_LIST:
        check_text(doc, e, spec, where, diags);
        break;
    case VALUE_INT:
        if (!schema_parse_int(v, &n) || n < spec->min || n > spec->max)
            diag_add(diags, doc->path, e->line, DIAG_ERROR,
                     "%s: '%s' must be a whole number from %g to %g, not '%s'", where, e->key,
                     spec->min, spec->max, v);
        break;
    case VALUE_NUMBER: {
        const char *hint = strchr(v, ',') ? " (write decimals with a point, like 4.5)" : "";
        if (!schema_parse_number(v, &d) && spec->min == spec->max)
            diag_add(diags, doc->path, e->line, DIAG_ERROR, "%s: '%s' must be a number, not '%s'%s",
                     where, e->key, v, hint);
        else if (spec->min != spec->max && (!schema_parse_number(v, &d) || d < spec->min || d > spec->max))
            diag_add(diags, doc->path, e->line, DIAG_ERROR,
                     "%s: '%s' must be a number from %g to %g, not '%s'%s", where, e->key,
                     spec->min, spec->max, v, hint);
        break;
    }
    case VALUE_BOOL:
        if (!schema_parse_bool(v, &b))
            diag_add(diags, doc->path, e->line, DIAG_ERROR,
                     "%s: '%s' must be 'yes' or 'no', not '%s'", where, e->key, v);
        break;
    case VALUE_CHOICE:
        if (!choice_has(spec->extra, v, strlen(v))) {
            describe_choices(spec->extra, "'", "'", choices, sizeof(choices));
            char near[SUGGEST_MAX_LEN + 1], hint[SUGGEST_MAX_LEN + 24] = "";
            if (choice_near(spec->extra, v, near, sizeof(near)))
                snprintf(hint, sizeof(hint), "; did you mean '%s'?", near);
            diag_add(diags, doc->path, e->line, DIAG_ERROR, "%s: %s must be %s, not '%s'%s",
                     where, e->key, choices, v, hint);
        }
        break;
    case VALUE_COLOUR:
        if (!schema_parse_colour(v, &c))
            diag_add(diags, doc->path, e->line, DIAG_ERROR,
                     "%s: '%s' must be a colour written #rrggbb (like #2f4858), not '%s'",
                     where, e->key, v);
        break;
    case VALUE_PATH:
    case VALUE_KIND_COUNT:
        break;
    }
}

static bool valid_id(const char *id)
{
    if (!*id)
        return false;
    for (const char *p = id; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
            return false;
    return true;
}

/* What the passes of schema_check share. */
typedef struct Check {
    const IniDoc *doc;
    const KeySpec *table;
    Diags *diags;
    Candidates *cands;
    DiagLevel near_miss;  /* an unknown key near a known one: unknown_section's level */
} Check;

/* Pass 1, for each section: unknown (with "did you mean"; nothing more is checked in it),
 * its id, twice, its required keys. */
static void check_section(Check *c, int s, DiagLevel unknown_level)
{
    const IniDoc *doc = c->doc;
    const IniSection *sec = &doc->sections[s];
    if (!section_known(c->table, sec->name)) {
        section_candidates(c->table, sec->name, c->cands);
        const char *hint = suggest_near(sec->name, strlen(sec->name), c->cands->list);
        if (hint)
            diag_add(c->diags, doc->path, sec->line, unknown_level,
                     "unknown section [%s], so its lines are not used; did you mean [%s]?",
                     sec->name, hint);
        else
            diag_add(c->diags, doc->path, sec->line, unknown_level,
                     "unknown section [%s], so its lines are not used", sec->name);
        return;
    }
    const char *dot = strchr(sec->name, '.');
    bool kind = false;
    for (const KeySpec *k = c->table; k->section; k++)
        if (is_kind(k->section) && section_matches(k->section, sec->name))
            kind = true;
    if (kind && !valid_id(dot + 1))
        diag_add(c->diags, doc->path, sec->line, DIAG_ERROR,
                 "[%s] needs an id after '%.*s' made of letters, digits, '-' and '_'",
                 sec->name, (int)(dot + 1 - sec->name), sec->name);
    for (int t = 0; t < s; t++) {
        if (strcmp(doc->sections[t].name, sec->name) == 0) {
            diag_add(c->diags, doc->path, sec->line, DIAG_ERROR,
                     "[%s] appears twice (first on line %d); each section must be unique",
                     sec->name, doc->sections[t].line);
            break;
        }
    }
    char where[96];
    for (const KeySpec *k = c->table; k->section; k++) {
        if (!(k->flags & KEY_REQUIRED) || !section_matches(k->section, sec->name))
            continue;
        if (!inidoc_find(doc, s, k->key))
            diag_add(c->diags, doc->path, sec->line, DIAG_ERROR, "%s has no '%s'",
                     schema_section_label(sec->name, where, sizeof(where)), k->key);
    }
}

/* Pass 2: each exact section with a required key is there (reported once). */
static void check_required_sections(Check *c)
{
    for (const KeySpec *k = c->table; k->section; k++) {
        if (!(k->flags & KEY_REQUIRED) || is_kind(k->section))
            continue;
        bool first_row = true;
        for (const KeySpec *j = c->table; j < k; j++)
            if (strcmp(j->section, k->section) == 0 && (j->flags & KEY_REQUIRED))
                first_row = false;
        if (first_row && inidoc_find_section(c->doc, k->section) < 0)
            diag_add(c->diags, c->doc->path, 1, DIAG_ERROR, "missing section [%s]", k->section);
    }
}

/* The key of `e` is not in its section's table: a warning, with "did you mean". Where an
 * unknown section is an error (a bundle: what it holds would not be shown), a key near a
 * known one is an error too: the author misspelt it (`txt =` for `text =`), and the words
 * of that line would silently be missing from the screen. */
static void report_unknown_key(Check *c, const IniEntry *e, const char *name, const char *where)
{
    key_candidates(c->table, name, e->key, c->cands);
    const char *hint = suggest_near(e->key, strlen(e->key), c->cands->list);
    if (hint)
        diag_add(c->diags, c->doc->path, e->line, c->near_miss,
                 "%s: unknown key '%s'; did you mean '%s'?%s", where, e->key, hint,
                 c->near_miss == DIAG_ERROR ? " (a misspelt key's line is not used)" : "");
    else
        diag_add(c->diags, c->doc->path, e->line, DIAG_WARNING,
                 "%s: unknown key '%s'; it is ignored", where, e->key);
}

/* Pass 3, for each entry of a known section: outside any section, unknown, set twice,
 * its value, and an indented line that looks like a key of its own. */
static void check_entry(Check *c, int i)
{
    const IniDoc *doc = c->doc;
    const IniEntry *e = &doc->entries[i];
    if (e->section < 0) {
        diag_add(c->diags, doc->path, e->line, DIAG_ERROR,
                 "'%s' is outside any [section]; put it under one", e->key);
        return;
    }
    const char *name = doc->sections[e->section].name;
    if (!section_known(c->table, name))
        return;
    char where[96];
    schema_section_label(name, where, sizeof(where));
    const KeySpec *spec = find_spec(c->table, name, e->key);
    if (!spec) {
        report_unknown_key(c, e, name, where);
        return;
    }
    if (spec->kind != VALUE_PROSE && spec->kind != VALUE_LIST) {
        for (int j = 0; j < i; j++) {
            const IniEntry *f = &doc->entries[j];
            if (f->section == e->section && strcmp(f->key, e->key) == 0) {
                diag_add(c->diags, doc->path, e->line, DIAG_ERROR,
                         "%s: '%s' is set twice (first on line %d) and only the first "
                         "is used; delete one", where, e->key, f->line);
                break;
            }
        }
    }
    check_value(doc, e, spec, where, c->diags);
    if (e->cont_key && find_spec(c->table, name, e->cont_key))
        diag_add(c->diags, doc->path, e->cont_key_line, DIAG_WARNING,
                 "%s: this indented line continues '%s'; if '%s' is meant as a key of "
                 "its own, remove the indentation", where, e->key, e->cont_key);
}

int schema_check(const IniDoc *doc, const KeySpec *table, DiagLevel unknown_section, Diags *diags)
{
    int errors_before = diags->errors;
    Check c = { doc, table, diags, malloc(sizeof(Candidates)), unknown_section };
    if (!c.cands) {
        diag_add(diags, doc->path, 1, DIAG_ERROR, "out of memory while checking");
        return 1;
    }
    for (int s = 0; s < doc->section_count; s++)
        check_section(&c, s, unknown_section);
    check_required_sections(&c);
    for (int i = 0; i < doc->entry_count; i++)
        check_entry(&c, i);
    free(c.cands);
    return diags->errors - errors_before;
}

/* --- reading values out ------------------------------------------------------------ */

static void store(const KeySpec *k, void *target, const char *value)
{
    char *field = (char *)target + k->offset;
    long n;
    double d;
    bool b;
    unsigned long c;
    switch (k->kind) {
    case VALUE_INT:
        if (schema_parse_int(value, &n) && n >= k->min && n <= k->max)
            *(int *)(void *)field = (int)n;
        break;
    case VALUE_NUMBER:
        if (schema_parse_number(value, &d) && d >= k->min && d <= k->max)
            *(double *)(void *)field = d;
        break;
    case VALUE_BOOL:
        if (schema_parse_bool(value, &b))
            *(bool *)(void *)field = b;
        break;
    case VALUE_COLOUR:
        if (schema_parse_colour(value, &c))
            *(uint32_t *)(void *)field = (uint32_t)c;
        break;
    case VALUE_CHOICE:
        if (!choice_has(k->extra, value, strlen(value)))
            break;
        /* fall through */
    case VALUE_LINE:
    case VALUE_PROSE:
    case VALUE_LIST:
    case VALUE_PATH:
        *(const char **)(void *)field = value;
        break;
    case VALUE_KIND_COUNT:
        break;
    }
}

void schema_apply_defaults(const KeySpec *table, void *target)
{
    for (const KeySpec *k = table; k->section; k++)
        if ((k->flags & KEY_STORED) && k->fallback)
            store(k, target, k->fallback);
}

void schema_apply(const IniDoc *doc, const KeySpec *table, void *target, Arena *arena)
{
    for (const KeySpec *k = table; k->section; k++) {
        if (!(k->flags & KEY_STORED))
            continue;
        int s = inidoc_find_section(doc, k->section);
        if (s < 0)
            continue;
        const char *v = k->kind == VALUE_PROSE ? schema_text(doc, s, k->key, arena)
                                                : inidoc_get(doc, s, k->key, NULL);
        if (v && (v[0] || (k->flags & KEY_EMPTY_OK)))
            store(k, target, v);
    }
}

const char *schema_text(const IniDoc *doc, int section, const char *key, Arena *arena)
{
    const char *text = NULL;
    for (int i = 0; i < doc->entry_count; i++) {
        const IniEntry *e = &doc->entries[i];
        if (e->section != section || strcmp(e->key, key) != 0)
            continue;
        text = text ? arena_concat(arena, text, "\n", e->value) : e->value;
        if (!text)
            return NULL;
    }
    return text;
}

const char **schema_list(const IniDoc *doc, int section, const char *key, Arena *arena, int *count)
{
    int n = 0;
    for (int i = 0; i < doc->entry_count; i++)
        if (doc->entries[i].section == section && strcmp(doc->entries[i].key, key) == 0)
            n++;
    const char **list = arena_alloc(arena, (size_t)(n + 1) * sizeof(*list));
    *count = 0;
    if (!list)
        return NULL;
    for (int i = 0; i < doc->entry_count; i++)
        if (doc->entries[i].section == section && strcmp(doc->entries[i].key, key) == 0)
            list[(*count)++] = doc->entries[i].value;
    return list;
}
