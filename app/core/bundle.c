/* bundle.c — see bundle.h. The tables at the top say what each file may hold; the
 * loaders below copy what was read into the Bundle; the cross-checks at the end find
 * what one section alone cannot show (labels outside the scale, a dimension without
 * items, a style without guidance). */
#define _DEFAULT_SOURCE /* DT_* in dirent.h */
#include "bundle.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inidoc.h"
#include "schema.h"
#include "suggest.h"

/* --- what each file may hold ------------------------------------------------------ */

#define WORD_ROW(id, section, key, kind, flags, placeholders, english) SCHEMA_KEY(section, key, kind, flags, placeholders),
static const KeySpec screens_keys[] = {
    BUNDLE_WORDS(WORD_ROW)
    SCHEMA_KEY("app", "direction", VALUE_CHOICE, 0, "ltr|rtl"), /* not a word: how screens are laid out */
    SCHEMA_KEY("talk", "sections", VALUE_LINE, 0, NULL), /* not a word: load_talk() */
    SCHEMA_END
};
#undef WORD_ROW

static const KeySpec quiz_keys[] = {
    SCHEMA_RANGE("scale", "points", VALUE_INT, KEY_REQUIRED, QUIZ_MIN_POINTS, QUIZ_MAX_POINTS),
    SCHEMA_KEY("scale", "label#", VALUE_LINE, 0, NULL),
    SCHEMA_KEY("scale", "threshold", VALUE_NUMBER, 0, NULL), /* ranges: load_quiz() */
    SCHEMA_KEY("scale", "near", VALUE_NUMBER, 0, NULL),
    SCHEMA_KEY("item.", "text", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("item.", "dimension", VALUE_CHOICE, KEY_REQUIRED, "anxiety|avoidance"),
    SCHEMA_KEY("item.", "reverse", VALUE_BOOL, 0, NULL),
    SCHEMA_END
};

#define STYLE_ROWS(section)                                \
    SCHEMA_KEY(section, "name", VALUE_LINE, KEY_REQUIRED, NULL),         \
    SCHEMA_KEY(section, "summary", VALUE_LINE, 0, NULL),                 \
    SCHEMA_KEY(section, "sounds", VALUE_PROSE, 0, NULL),                 \
    SCHEMA_KEY(section, "origins", VALUE_PROSE, 0, NULL),                \
    SCHEMA_KEY(section, "pattern", VALUE_PROSE, 0, NULL),                \
    SCHEMA_KEY(section, "chemistry", VALUE_PROSE, 0, NULL),              \
    SCHEMA_KEY(section, "helps", VALUE_LINE, 0, NULL),                   \
    SCHEMA_KEY(section, "takeaway", VALUE_LINE, 0, NULL)
#define STYLE_SECTION(name, id) STYLE_ROWS("style." id),
static const KeySpec styles_keys[] = { QUIZ_STYLES(STYLE_SECTION) SCHEMA_END };
#undef STYLE_SECTION
#undef STYLE_ROWS

static const KeySpec guidance_keys[] = {
    SCHEMA_KEY("tip.", "title", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("tip.", "text", VALUE_PROSE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("tip.", "item", VALUE_LIST, 0, NULL),
    SCHEMA_KEY("tip.", "link", VALUE_CHOICE, 0, "calm|support"),
    SCHEMA_END
};

static const KeySpec chemistry_keys[] = {
    SCHEMA_KEY("cocktail", "text", VALUE_PROSE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("chemical.", "name", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("chemical.", "nickname", VALUE_LINE, 0, NULL),
    SCHEMA_KEY("chemical.", "released", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("chemical.", "text", VALUE_PROSE, 0, NULL),
    SCHEMA_KEY("chemical.", "promotes", VALUE_LIST, KEY_REQUIRED, NULL),
    SCHEMA_END
};

static const KeySpec cards_keys[] = {
    SCHEMA_KEY("card.", "title", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("card.", "text", VALUE_PROSE, KEY_REQUIRED, NULL),
    SCHEMA_END
};

static const KeySpec calm_keys[] = {
    SCHEMA_RANGE("breathing", "inhale", VALUE_INT, KEY_REQUIRED, 1, 20),
    SCHEMA_RANGE("breathing", "hold", VALUE_INT, KEY_REQUIRED, 0, 20),
    SCHEMA_RANGE("breathing", "exhale", VALUE_INT, KEY_REQUIRED, 1, 20),
    SCHEMA_RANGE("breathing", "breaths", VALUE_INT, KEY_REQUIRED, 1, 10),
    SCHEMA_KEY("breathing", "text", VALUE_PROSE, 0, NULL),
    SCHEMA_KEY("grounding", "title", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("grounding", "text", VALUE_PROSE, 0, NULL),
    SCHEMA_KEY("grounding", "step", VALUE_LIST, KEY_REQUIRED, NULL),
    SCHEMA_KEY("grounding", "close", VALUE_LINE, 0, NULL),
    SCHEMA_END
};

static const KeySpec pairings_keys[] = {
    SCHEMA_KEY("near", "text", VALUE_PROSE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("pair.", "title", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("pair.", "text", VALUE_PROSE, KEY_REQUIRED, NULL),
    SCHEMA_END
};

typedef struct Loader {
    Bundle *bundle;
    const IniDoc *doc;
    Diags *diags;
} Loader;

typedef void LoadFn(Loader *l);

static LoadFn load_screens, load_quiz, load_styles, load_guidance, load_chemistry,
    load_partners, load_calm, load_support, load_pairings;

/* `optional`: a bundle may leave the file out (then what it holds is not offered). */
static const struct BundleFile {
    const char *name;
    const KeySpec *keys;
    LoadFn *load;
    bool optional;
} bundle_files[] = {
    { "screens.ini", screens_keys, load_screens, false },
    { "quiz.ini", quiz_keys, load_quiz, false },
    { "styles.ini", styles_keys, load_styles, false },
    { "guidance.ini", guidance_keys, load_guidance, false },
    { "chemistry.ini", chemistry_keys, load_chemistry, false },
    { "partners.ini", cards_keys, load_partners, false },
    { "calm.ini", calm_keys, load_calm, false },
    { "support.ini", cards_keys, load_support, false },
    { "pairings.ini", pairings_keys, load_pairings, true },
};
enum { BUNDLE_FILE_COUNT = sizeof(bundle_files) / sizeof(bundle_files[0]) };

/* --- helpers ------------------------------------------------------------------------ */

static const char *text_of(Loader *l, int section, const char *key)
{
    return schema_text(l->doc, section, key, &l->bundle->arena);
}

static long int_of(Loader *l, int section, const char *key, long fallback)
{
    long v;
    const char *s = inidoc_get(l->doc, section, key, NULL);
    return s && schema_parse_int(s, &v) ? v : fallback;
}

/* The sections of one kind ("card."), in file order, each visited once. */
static int next_of_kind(const IniDoc *doc, const char *kind, int after)
{
    size_t n = strlen(kind);
    for (int s = after + 1; s < doc->section_count; s++) {
        const char *name = doc->sections[s].name;
        if (strncmp(name, kind, n) != 0 || name[n] == '\0')
            continue;
        if (inidoc_find_section(doc, name) != s) /* a duplicate, already reported */
            continue;
        return s;
    }
    return -1;
}

static int count_of_kind(const IniDoc *doc, const char *kind)
{
    int n = 0;
    for (int s = next_of_kind(doc, kind, -1); s >= 0; s = next_of_kind(doc, kind, s))
        n++;
    return n;
}

/* Reads every [card.ID] of the file into a deck. */
static void load_deck(Loader *l, const char *kind, Deck *deck, const char *what)
{
    int n = count_of_kind(l->doc, kind);
    if (n == 0) {
        diag_add(l->diags, l->doc->path, 1, DIAG_ERROR,
                 "no [%sID] sections: %s would be empty", kind, what);
        return;
    }
    if (n > BUNDLE_MAX_CARDS)
        n = BUNDLE_MAX_CARDS;
    deck->cards = arena_alloc(&l->bundle->arena, (size_t)n * sizeof(Card));
    if (!deck->cards)
        return;
    int s = -1;
    for (int i = 0; i < n; i++) {
        s = next_of_kind(l->doc, kind, s);
        Card *c = &deck->cards[deck->count++];
        c->id = l->doc->sections[s].name + strlen(kind);
        c->title = inidoc_get(l->doc, s, "title", "");
        c->text = text_of(l, s, "text");
        if (!c->text)
            c->text = "";
    }
    s = next_of_kind(l->doc, kind, s);
    if (s >= 0)
        diag_add(l->diags, l->doc->path, l->doc->sections[s].line, DIAG_ERROR,
                 "more than %d cards: this one and those after it are not shown", BUNDLE_MAX_CARDS);
}

/* --- the files ---------------------------------------------------------------------- */

static void load_talk(Loader *l);

static void load_screens(Loader *l)
{
    static const struct { const char *section, *key; } where[WORD_COUNT] = {
#define WORD_WHERE(id, section, key, kind, flags, placeholders, english) { section, key },
        BUNDLE_WORDS(WORD_WHERE)
#undef WORD_WHERE
    };
    for (int w = 0; w < WORD_COUNT; w++) {
        int s = inidoc_find_section(l->doc, where[w].section);
        const char *v = s >= 0 ? text_of(l, s, where[w].key) : NULL;
        if (v && v[0])
            l->bundle->words[w] = v;
    }
    int app = inidoc_find_section(l->doc, "app");
    const char *direction = app >= 0 ? inidoc_get(l->doc, app, "direction", NULL) : NULL;
    l->bundle->rtl = direction && strcmp(direction, "rtl") == 0;
    load_talk(l);
}

static const char *const talk_ids[TALK_PART_COUNT] = {
#define TALK_ID(name, id) id,
    BUNDLE_TALK_PARTS(TALK_ID)
#undef TALK_ID
};

const char *bundle_talk_id(TalkPart part)
{
    return part >= 0 && part < TALK_PART_COUNT ? talk_ids[part] : "?";
}

int bundle_talk(const Bundle *b, const TalkPart **parts)
{
    static const TalkPart fallback[] = { TALK_CHEMISTRY, TALK_STYLES, TALK_MAP, TALK_PARTNERS, TALK_CALM };
    if (b->talk_count > 0) {
        *parts = b->talk;
        return b->talk_count;
    }
    *parts = fallback;
    return (int)(sizeof(fallback) / sizeof(fallback[0]));
}

/* [talk] sections: the parts presenter mode walks, separated by commas; an unknown one is
 * named at its line (and left out). */
static void load_talk(Loader *l)
{
    int s = inidoc_find_section(l->doc, "talk");
    const IniEntry *e = s >= 0 ? inidoc_find(l->doc, s, "sections") : NULL;
    Bundle *b = l->bundle;
    b->talk_count = 0;
    for (const char *p = e ? e->value : ""; *p;) {
        size_t n = strcspn(p, ",");
        const char *start = p;
        while (n > 0 && (*start == ' ' || *start == '\t'))
            start++, n--;
        while (n > 0 && (start[n - 1] == ' ' || start[n - 1] == '\t'))
            n--;
        int part = TALK_PART_COUNT;
        for (int i = 0; i < TALK_PART_COUNT; i++)
            if (strlen(talk_ids[i]) == n && strncmp(talk_ids[i], start, n) == 0)
                part = i;
        if (part == TALK_PART_COUNT && n > 0)
            diag_add(l->diags, l->doc->path, e->line, DIAG_WARNING,
                     "[talk] sections: '%.*s' is not a part of the talk (chemistry, styles, map, "
                     "partners, calm, support): the talk goes on without it", (int)n, start);
        else if (part != TALK_PART_COUNT && b->talk_count < BUNDLE_MAX_TALK)
            b->talk[b->talk_count++] = (TalkPart)part;
        p = start + n;
        p += strcspn(p, ",");
        if (*p == ',')
            p++;
    }
}

/* [scale]: its points, labels (label<N> within 1..points, both ends present), threshold
 * and near, each checked against the points. */
static void load_scale(Loader *l)
{
    Quiz *q = &l->bundle->quiz;
    const IniDoc *doc = l->doc;
    const char *path = doc->path;
    int scale = inidoc_find_section(doc, "scale");
    q->points = (int)int_of(l, scale, "points", 7);
    if (q->points < QUIZ_MIN_POINTS || q->points > QUIZ_MAX_POINTS)
        q->points = 7;
    int scale_line = scale >= 0 ? doc->sections[scale].line : 1;

    for (int i = 0; i < doc->entry_count; i++) {
        const IniEntry *e = &doc->entries[i];
        if (e->section != scale || strncmp(e->key, "label", 5) != 0)
            continue;
        long n;
        if (!schema_parse_int(e->key + 5, &n))
            continue; /* not label<N>: reported as an unknown key */
        if (n < 1 || n > q->points)
            diag_add(l->diags, path, e->line, DIAG_ERROR,
                     "[scale]: %s is outside the scale: with points = %d the labels are "
                     "label1 to label%d", e->key, q->points, q->points);
        else if (e->value[0])
            q->labels[n] = e->value;
    }
    if (scale >= 0 && (!q->labels[1] || !q->labels[q->points]))
        diag_add(l->diags, path, scale_line, DIAG_ERROR,
                 "[scale] needs label1 and label%d, the words at both ends of the scale",
                 q->points);

    q->threshold = quiz_default_threshold(q->points);
    const IniEntry *t = scale >= 0 ? inidoc_find(doc, scale, "threshold") : NULL;
    double v;
    if (t && schema_parse_number(t->value, &v)) {
        if (v < 1 || v > q->points)
            diag_add(l->diags, path, t->line, DIAG_ERROR,
                     "[scale]: threshold %s is outside the scale (1 to %d)", t->value, q->points);
        else
            q->threshold = v;
    }
    q->near = 0.5;
    const IniEntry *nr = scale >= 0 ? inidoc_find(doc, scale, "near") : NULL;
    if (nr && schema_parse_number(nr->value, &v)) {
        if (v < 0 || v > q->points - 1)
            diag_add(l->diags, path, nr->line, DIAG_ERROR,
                     "[scale]: near must be from 0 to %d (the width of the scale), not %s",
                     q->points - 1, nr->value);
        else
            q->near = v;
    }
}

/* The [item.ID] sections, in file order, and whether each dimension has enough. */
static void load_items(Loader *l)
{
    Quiz *q = &l->bundle->quiz;
    const IniDoc *doc = l->doc;
    const char *path = doc->path;
    int per_dim[DIM_COUNT] = { 0 };
    for (int s = next_of_kind(doc, "item.", -1); s >= 0; s = next_of_kind(doc, "item.", s)) {
        if (q->item_count == QUIZ_MAX_ITEMS) {
            diag_add(l->diags, path, doc->sections[s].line, DIAG_ERROR,
                     "more than %d items: this one and those after it are not asked",
                     QUIZ_MAX_ITEMS);
            break;
        }
        QuizItem *item = &q->items[q->item_count++];
        item->id = doc->sections[s].name + 5;
        item->text = inidoc_get(doc, s, "text", "");
        item->dimension = strcmp(inidoc_get(doc, s, "dimension", ""), "avoidance") == 0
                              ? DIM_AVOIDANCE : DIM_ANXIETY;
        bool reverse = false;
        const char *r = inidoc_get(doc, s, "reverse", "no");
        item->reverse = schema_parse_bool(r, &reverse) && reverse;
        per_dim[item->dimension]++;
    }
    for (int d = 0; d < DIM_COUNT; d++) {
        if (per_dim[d] == 0)
            diag_add(l->diags, path, 1, DIAG_ERROR,
                     "no item measures %s: add [item.ID] sections with dimension = %s "
                     "(%d or more are advised)", quiz_dimension_id(d), quiz_dimension_id(d),
                     QUIZ_ADVISED_ITEMS);
        else if (per_dim[d] < QUIZ_ADVISED_ITEMS)
            diag_add(l->diags, path, 1, DIAG_WARNING,
                     "only %d item%s measure%s %s; %d or more give a steadier result",
                     per_dim[d], per_dim[d] == 1 ? "" : "s", per_dim[d] == 1 ? "s" : "",
                     quiz_dimension_id(d), QUIZ_ADVISED_ITEMS);
    }
}

static void load_quiz(Loader *l)
{
    load_scale(l);
    load_items(l);
}

static void load_styles(Loader *l)
{
    for (int st = 0; st < STYLE_COUNT; st++) {
        char name[32];
        snprintf(name, sizeof(name), "style.%s", quiz_style_id(st));
        int s = inidoc_find_section(l->doc, name);
        if (s < 0)
            continue; /* reported as a missing section */
        StyleInfo *info = &l->bundle->styles[st];
        info->name = inidoc_get(l->doc, s, "name", NULL);
        info->summary = inidoc_get(l->doc, s, "summary", NULL);
        info->sounds = text_of(l, s, "sounds");
        info->origins = text_of(l, s, "origins");
        info->pattern = text_of(l, s, "pattern");
        info->chemistry = text_of(l, s, "chemistry");
        info->helps = inidoc_get(l->doc, s, "helps", NULL);
        const IniEntry *e = inidoc_find(l->doc, s, "takeaway");
        info->takeaway_ids = e ? inidoc_get(l->doc, s, "takeaway", NULL) : NULL;
        info->takeaway_path = l->doc->path;
        info->takeaway_line = e ? e->line : 0;
    }
}

/* The style of section `s`, a [tip.STYLE.ID]; STYLE_COUNT when it is not named so. */
static Style tip_style(const IniDoc *doc, int s)
{
    const char *id = doc->sections[s].name + 4;
    const char *dot = strchr(id, '.');
    size_t n = dot ? (size_t)(dot - id) : strlen(id);
    if (!dot || !dot[1])
        return STYLE_COUNT;
    for (int k = 0; k < STYLE_COUNT; k++)
        if (strlen(quiz_style_id(k)) == n && strncmp(quiz_style_id(k), id, n) == 0)
            return (Style)k;
    return STYLE_COUNT;
}

/* A [tip.…] section not named [tip.STYLE.ID]: says how, with the nearest style. */
static void report_bad_tip(Loader *l, int s)
{
    const IniDoc *doc = l->doc;
    const char *id = doc->sections[s].name + 4;
    const char *dot = strchr(id, '.');
    size_t n = dot ? (size_t)(dot - id) : strlen(id);
    const char *ids[STYLE_COUNT + 1] = { 0 };
    char styles[96] = "";
    for (int k = 0; k < STYLE_COUNT; k++) {
        ids[k] = quiz_style_id(k);
        size_t used = strlen(styles);
        snprintf(styles + used, sizeof(styles) - used, "%s%s",
                 k == 0 ? "" : k == STYLE_COUNT - 1 ? " or " : ", ", ids[k]);
    }
    char hint[96] = "";
    const char *near = suggest_near(id, n < 31 ? n : 31, ids);
    if (near)
        snprintf(hint, sizeof(hint), "; did you mean [tip.%s%s]?", near, dot ? dot : ".ID");
    diag_add(l->diags, doc->path, doc->sections[s].line, DIAG_ERROR,
             "[%s]: tips are named [tip.STYLE.ID] with STYLE one of %s%s",
             doc->sections[s].name, styles, hint);
}

/* Two passes over the [tip.STYLE.ID] sections: count each style's tips (reporting the
 * misnamed), then fill the decks, each allocated to its size. */
static void resolve_takeaway(Loader *l, Style st);

static void load_guidance(Loader *l)
{
    const IniDoc *doc = l->doc;
    Bundle *b = l->bundle;
    int count[STYLE_COUNT] = { 0 };
    for (int s = next_of_kind(doc, "tip.", -1); s >= 0; s = next_of_kind(doc, "tip.", s)) {
        Style st = tip_style(doc, s);
        if (st == STYLE_COUNT)
            report_bad_tip(l, s);
        else
            count[st]++;
    }
    for (int st = 0; st < STYLE_COUNT; st++) {
        if (count[st] == 0) {
            diag_add(l->diags, doc->path, 1, DIAG_ERROR,
                     "no tips for %s: add [tip.%s.ID] sections, or its 'What helps' pages "
                     "would be empty", quiz_style_id(st), quiz_style_id(st));
            continue;
        }
        int n = count[st] < BUNDLE_MAX_CARDS ? count[st] : BUNDLE_MAX_CARDS;
        b->styles[st].tips.cards = arena_alloc(&b->arena, (size_t)n * sizeof(Card));
    }
    for (int s = next_of_kind(doc, "tip.", -1); s >= 0; s = next_of_kind(doc, "tip.", s)) {
        Style st = tip_style(doc, s);
        if (st == STYLE_COUNT)
            continue;
        Deck *deck = &b->styles[st].tips;
        if (deck->count == BUNDLE_MAX_CARDS)
            continue;
        Card *c = &deck->cards[deck->count++];
        c->id = strchr(doc->sections[s].name + 4, '.') + 1;
        c->title = inidoc_get(doc, s, "title", "");
        c->text = text_of(l, s, "text");
        if (!c->text)
            c->text = "";
        c->items = schema_list(doc, s, "item", &b->arena, &c->item_count);
        const char *link = inidoc_get(doc, s, "link", "");
        c->link = strcmp(link, "calm") == 0 ? LINK_CALM : strcmp(link, "support") == 0 ? LINK_SUPPORT : LINK_NONE;
    }
    for (int st = 0; st < STYLE_COUNT; st++)
        resolve_takeaway(l, (Style)st);
}

/* The tips "Take it home" carries for `st`: the IDs styles.ini's `takeaway` names (each
 * one of the style's tips, said at its line when not), else the first ones. */
static void resolve_takeaway(Loader *l, Style st)
{
    StyleInfo *info = &l->bundle->styles[st];
    info->takeaway_count = 0;
    const char *p = info->takeaway_ids;
    if (!p) {
        for (int i = 0; i < info->tips.count && i < BUNDLE_TAKEAWAY_TIPS; i++)
            info->takeaway[info->takeaway_count++] = i;
        return;
    }
    int named = 0;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = strcspn(p, " ,");
        if (n == 0)
            break;
        int found = -1;
        for (int i = 0; i < info->tips.count && found < 0; i++)
            if (strlen(info->tips.cards[i].id) == n && strncmp(info->tips.cards[i].id, p, n) == 0)
                found = i;
        if (found < 0)
            diag_add(l->diags, info->takeaway_path, info->takeaway_line, DIAG_ERROR,
                     "[style.%s] takeaway: '%.*s' is not one of its tips (name them by the ID "
                     "of their [tip.%s.ID] in guidance.ini)", quiz_style_id(st), (int)n, p, quiz_style_id(st));
        else if (info->takeaway_count < BUNDLE_TAKEAWAY_TIPS)
            info->takeaway[info->takeaway_count++] = found;
        named++;
        p += n;
    }
    if (named != BUNDLE_TAKEAWAY_TIPS)
        diag_add(l->diags, info->takeaway_path, info->takeaway_line, DIAG_WARNING,
                 "[style.%s] takeaway names %d tips; \"Take it home\" carries %d (the first %d "
                 "named)", quiz_style_id(st), named, BUNDLE_TAKEAWAY_TIPS, BUNDLE_TAKEAWAY_TIPS);
}

static void load_chemistry(Loader *l)
{
    const IniDoc *doc = l->doc;
    Bundle *b = l->bundle;
    int s = inidoc_find_section(doc, "cocktail");
    b->cocktail = s >= 0 ? text_of(l, s, "text") : NULL;
    for (s = next_of_kind(doc, "chemical.", -1); s >= 0; s = next_of_kind(doc, "chemical.", s)) {
        if (b->chemical_count == BUNDLE_MAX_CHEMICALS) {
            diag_add(l->diags, doc->path, doc->sections[s].line, DIAG_ERROR,
                     "more than %d chemicals: this one and those after it are not shown",
                     BUNDLE_MAX_CHEMICALS);
            break;
        }
        Chemical *c = &b->chemicals[b->chemical_count++];
        c->id = doc->sections[s].name + 9;
        c->name = inidoc_get(doc, s, "name", "");
        c->nickname = inidoc_get(doc, s, "nickname", NULL);
        c->released = inidoc_get(doc, s, "released", "");
        c->text = text_of(l, s, "text");
        c->promotes = schema_list(doc, s, "promotes", &b->arena, &c->promote_count);
    }
    if (b->chemical_count == 0)
        diag_add(l->diags, doc->path, 1, DIAG_ERROR,
                 "no [chemical.ID] sections: the chemistry screen would be empty");
}

static void load_partners(Loader *l)
{
    load_deck(l, "card.", &l->bundle->partners, "the partners screen");
}

static void load_support(Loader *l)
{
    load_deck(l, "card.", &l->bundle->support, "the support screen");
}

static void load_calm(Loader *l)
{
    const IniDoc *doc = l->doc;
    Calm *c = &l->bundle->calm;
    int s = inidoc_find_section(doc, "breathing");
    c->inhale = (int)int_of(l, s, "inhale", 4);
    c->hold = (int)int_of(l, s, "hold", 4);
    c->exhale = (int)int_of(l, s, "exhale", 6);
    c->breaths = (int)int_of(l, s, "breaths", 3);
    c->text = s >= 0 ? text_of(l, s, "text") : NULL;
    s = inidoc_find_section(doc, "grounding");
    if (s < 0)
        return;
    c->grounding_title = inidoc_get(doc, s, "title", NULL);
    c->grounding_text = text_of(l, s, "text");
    c->close = inidoc_get(doc, s, "close", NULL);
    c->steps = schema_list(doc, s, "step", &l->bundle->arena, &c->step_count);
}

/* --- pairings.ini ------------------------------------------------------------------- */

/* The style named by the `n` bytes at `id`; STYLE_COUNT when none is. */
static Style style_named(const char *id, size_t n)
{
    for (int k = 0; k < STYLE_COUNT; k++)
        if (strlen(quiz_style_id(k)) == n && strncmp(quiz_style_id(k), id, n) == 0)
            return (Style)k;
    return STYLE_COUNT;
}

/* A [pair.…] part that is not a style: says so at the section's line, with the nearest. */
static void report_bad_pair(Loader *l, int s, const char *part, size_t n)
{
    const IniDoc *doc = l->doc;
    const char *ids[STYLE_COUNT + 1] = { 0 };
    for (int k = 0; k < STYLE_COUNT; k++)
        ids[k] = quiz_style_id(k);
    char hint[64] = "";
    const char *near = n ? suggest_near(part, n < 31 ? n : 31, ids) : NULL;
    if (near)
        snprintf(hint, sizeof(hint), "; did you mean %s?", near);
    diag_add(l->diags, doc->path, doc->sections[s].line, DIAG_ERROR,
             "[%s]: '%.*s' is not a style%s (pairs are named [pair.STYLE.STYLE] with each "
             "STYLE one of secure, anxious, avoidant or disorganized)",
             doc->sections[s].name, (int)n, part, hint);
}

/* Reads [pair.A.B] into styles `a` and `b`; false (reported) when it is not named so. */
static bool pair_styles(Loader *l, int s, Style *a, Style *b)
{
    const char *first = l->doc->sections[s].name + 5;
    const char *dot = strchr(first, '.');
    size_t n1 = dot ? (size_t)(dot - first) : strlen(first);
    const char *second = dot ? dot + 1 : "";
    *a = style_named(first, n1);
    *b = style_named(second, strlen(second));
    if (*a == STYLE_COUNT)
        report_bad_pair(l, s, first, n1);
    if (*b == STYLE_COUNT)
        report_bad_pair(l, s, second, strlen(second));
    return *a != STYLE_COUNT && *b != STYLE_COUNT;
}

/* Every [pair.A.B] (either order; a pair written twice is an error), then which of the
 * 10 pairs are missing, each named. */
static void load_pairings(Loader *l)
{
    const IniDoc *doc = l->doc;
    Bundle *bu = l->bundle;
    int line_of[STYLE_COUNT][STYLE_COUNT] = { { 0 } };
    bu->has_pairings = true;
    int near = inidoc_find_section(doc, "near");
    bu->pairing_near = near >= 0 ? text_of(l, near, "text") : NULL;
    for (int s = next_of_kind(doc, "pair.", -1); s >= 0; s = next_of_kind(doc, "pair.", s)) {
        Style a, b;
        if (!pair_styles(l, s, &a, &b))
            continue;
        if (line_of[a][b]) {
            diag_add(l->diags, doc->path, doc->sections[s].line, DIAG_ERROR,
                     "[%s]: this pair is already written at line %d (either order names the "
                     "same pair): keep one", doc->sections[s].name, line_of[a][b]);
            continue;
        }
        line_of[a][b] = line_of[b][a] = doc->sections[s].line;
        Card c = { .id = doc->sections[s].name + 5, .title = inidoc_get(doc, s, "title", ""),
                   .text = text_of(l, s, "text"), .link = LINK_NONE };
        if (!c.text)
            c.text = "";
        bu->pairings[a][b] = bu->pairings[b][a] = c;
    }
    for (int a = 0; a < STYLE_COUNT; a++)
        for (int b = a; b < STYLE_COUNT; b++)
            if (!line_of[a][b])
                diag_add(l->diags, doc->path, 1, DIAG_ERROR,
                         "no [pair.%s.%s] section: every pair of styles needs its guidance "
                         "(10 in all)", quiz_style_id(a), quiz_style_id(b));
}

/* --- loading ------------------------------------------------------------------------ */

/* A file in the folder that the bundle does not read: likely a misspelt name. */
static void check_unknown_files(const char *dir, Diags *diags)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    const char *names[BUNDLE_FILE_COUNT + 1];
    for (int i = 0; i < BUNDLE_FILE_COUNT; i++)
        names[i] = bundle_files[i].name;
    names[BUNDLE_FILE_COUNT] = NULL;
    /* collect and sort, so the report does not depend on the file system's order */
    char found[32][64];
    int n = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) && n < 32) {
        size_t len = strlen(ent->d_name);
        if (len < 5 || len >= 64 || strcmp(ent->d_name + len - 4, ".ini") != 0)
            continue;
        bool known = false;
        for (int i = 0; i < BUNDLE_FILE_COUNT; i++)
            known = known || strcmp(ent->d_name, names[i]) == 0;
        if (!known)
            memcpy(found[n++], ent->d_name, len + 1);
    }
    closedir(d);
    qsort(found, (size_t)n, sizeof(found[0]), (int (*)(const void *, const void *))strcmp);
    for (int i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s", dir, found[i]);
        const char *hint = suggest_near(found[i], strlen(found[i]), names);
        if (hint)
            diag_add(diags, path, 1, DIAG_WARNING, "this file is not read; did you mean %s?", hint);
        else
            diag_add(diags, path, 1, DIAG_WARNING, "this file is not read; it is ignored");
    }
}

/* Checks and reads one parsed file of the bundle. */
static void read_file(Bundle *bundle, const struct BundleFile *file, const IniDoc *doc, Diags *diags)
{
    bundle->file_count++;
    schema_check(doc, file->keys, DIAG_ERROR, diags);
    Loader l = { bundle, doc, diags };
    file->load(&l);
}

bool bundle_load(Bundle *bundle, const char *dir, Diags *diags)
{
    int errors_before = diags->errors;
    *bundle = (Bundle){ 0 };
    bundle->dir = arena_strdup(&bundle->arena, dir);
    DIR *folder = opendir(dir);
    if (!folder) {
        diag_add(diags, dir, 1, DIAG_ERROR, "cannot open the bundle folder: %s (give the folder "
                 "of one language, like assets/content/en)", strerror(errno));
        return false;
    }
    closedir(folder);
    for (int i = 0; i < BUNDLE_FILE_COUNT; i++) {
        char path[4096];
        size_t len = strlen(dir);
        snprintf(path, sizeof(path), "%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/",
                 bundle_files[i].name);
        if (access(path, F_OK) != 0 && errno == ENOENT) {
            if (bundle_files[i].optional)
                continue;
            diag_add(diags, path, 1, DIAG_ERROR,
                     "this file is missing; every bundle needs %s (copy it from the default "
                     "bundle, assets/content/en, and edit it)", bundle_files[i].name);
            continue;
        }
        IniDoc doc;
        if (inidoc_load(&doc, path, &bundle->arena, diags))
            read_file(bundle, &bundle_files[i], &doc, diags);
        inidoc_free(&doc);
    }
    check_unknown_files(dir, diags);
    char screens[4096];
    snprintf(screens, sizeof(screens), "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/",
             bundle_files[0].name);
    bundle_check_couple_words(bundle, screens, diags);
    return diags->errors == errors_before;
}

bool bundle_load_text(Bundle *bundle, const char *name, const char *text, size_t len, Diags *diags)
{
    int errors_before = diags->errors;
    for (int i = 0; i < BUNDLE_FILE_COUNT; i++) {
        if (strcmp(bundle_files[i].name, name) != 0)
            continue;
        IniDoc doc;
        if (inidoc_load_text(&doc, name, text, len, &bundle->arena, diags))
            read_file(bundle, &bundle_files[i], &doc, diags);
        inidoc_free(&doc);
        return diags->errors == errors_before;
    }
    return false;
}

const char *bundle_file_name(int index)
{
    return index >= 0 && index < BUNDLE_FILE_COUNT ? bundle_files[index].name : NULL;
}

bool bundle_file_optional(int index)
{
    return index >= 0 && index < BUNDLE_FILE_COUNT && bundle_files[index].optional;
}

const char *bundle_word(const Bundle *bundle, Word word)
{
    static const char *const stand_ins[WORD_COUNT] = {
#define WORD_STAND_IN(id, section, key, kind, flags, placeholders, english) english,
        BUNDLE_WORDS(WORD_STAND_IN)
#undef WORD_STAND_IN
    };
    if (word < 0 || word >= WORD_COUNT)
        return "";
    const char *w = bundle->words[word] ? bundle->words[word] : stand_ins[word];
    return w ? w : "";
}

void bundle_free(Bundle *bundle)
{
    arena_free(&bundle->arena);
    *bundle = (Bundle){ 0 };
}
