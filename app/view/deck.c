/* deck.c — the pagination engine (deck_*; see view_internal.h): a screen's items wrapped
 * into the deck's lines, cut into pages for a reader (whole sentences and quotes, two body
 * lines a side, continued headings, a list's lead-in repeated; in larger text planned over
 * a whole card) and placed once; drawing a page only draws what was placed, and marks each
 * line's reading role. deck_draw is where the page count goes back to the flow. */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/hash.h"
#include "check.h"

/* --- the pagination engine --------------------------------------------------------------- */

typedef struct ItemStyle {
    FontRole font;
    ThemeColour colour;
    float before;        /* space above, in units, unless first on a page */
    float indent;        /* in units */
    bool keep_with_next; /* never last on a page */
} ItemStyle;

static const ItemStyle item_styles[ITEM_KIND_COUNT] = {
    [ITEM_KICKER] = { FONT_CAPTION, COLOUR_ACCENT, 10, 0, true },
    [ITEM_CONTEXT] = { FONT_CAPTION, COLOUR_ACCENT, 10, 0, true },
    [ITEM_HEADING] = { FONT_HEADING, COLOUR_TEXT, 14, 0, true },
    [ITEM_SUBTITLE] = { FONT_BODY, COLOUR_MUTED, 4, 0, true },
    [ITEM_PARA] = { FONT_BODY, COLOUR_TEXT, 10, 0, false },
    [ITEM_BULLET] = { FONT_BODY, COLOUR_TEXT, 4, 26, false },
    [ITEM_QUOTE] = { FONT_QUOTE, COLOUR_TEXT, 10, 20, false },
    [ITEM_LABEL] = { FONT_CAPTION, COLOUR_MUTED, 14, 0, true },
    [ITEM_CAPTION] = { FONT_CAPTION, COLOUR_MUTED, 12, 0, false },
    [ITEM_BREAK] = { FONT_BODY, COLOUR_TEXT, 0, 0, false },
};

void deck_begin(Ctx *x)
{
    x->v->item_count = 0;
}

/* Adds text as items of `kind`, one per paragraph ('\n' separates them). NULL adds nothing. */
void deck_add(Ctx *x, ItemKind kind, const char *text)
{
    View *v = x->v;
    if (kind == ITEM_BREAK) {
        if (v->item_count > 0 && v->item_count < VIEW_MAX_ITEMS)
            v->items[v->item_count++] = (Item){ ITEM_BREAK, "", 0 };
        return;
    }
    if (!text || !text[0])
        return;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        if (v->item_count == VIEW_MAX_ITEMS) {
            x->out->overflowed = true;
            return;
        }
        v->items[v->item_count++] = (Item){ kind, p, len };
        p += len + (nl ? 1 : 0);
    }
}

/* What the cached pages were made for: the screen, the style, the box, the fonts' line
 * heights, and every item's kind and words (the words themselves, not where they are: a
 * line formatted into the frame's text buffer lands at the same address each frame). */
/* What the pages are made of: the screen, the style and the items' text. */
static uint64_t deck_text(const Ctx *x)
{
    long ints[] = { x->f->screen, x->f->style };
    uint64_t h = hash_bytes(HASH_SEED, ints, sizeof(ints));
    for (int i = 0; i < x->v->item_count; i++) {
        const Item *it = &x->v->items[i];
        h = hash_bytes(h, &it->kind, sizeof(it->kind));
        h = hash_bytes(h, &it->len, sizeof(it->len));
        h = hash_bytes(h, it->text ? it->text : "", it->text ? (size_t)it->len : 0);
    }
    return h;
}

/* What the pages were cut for: their text (deck_text), the box and the fonts' sizes. */
static uint64_t deck_key(const Ctx *x, Rect box)
{
    long ints[] = { lroundf(box.w), lroundf(box.h) };
    uint64_t h = hash_bytes(deck_text(x), ints, sizeof(ints));
    h = hash_bytes(h, x->m->line_height, sizeof(x->m->line_height));
    return hash_bytes(h, x->m->size, sizeof(x->m->size));
}

/* What each kind of item is to a reader (the reading check reads it from the draw list). */
static const TextRole item_roles[ITEM_KIND_COUNT] = {
    [ITEM_KICKER] = TEXT_KICKER, [ITEM_HEADING] = TEXT_HEADING, [ITEM_SUBTITLE] = TEXT_SUBTITLE,
    [ITEM_PARA] = TEXT_BODY, [ITEM_BULLET] = TEXT_ITEM, [ITEM_QUOTE] = TEXT_QUOTE,
    [ITEM_LABEL] = TEXT_LABEL, [ITEM_CAPTION] = TEXT_NOTE, [ITEM_BREAK] = TEXT_PLAIN, [ITEM_CONTEXT] = TEXT_KICKER,
};

static ItemKind kind_of(const View *v, const DeckLine *l)
{
    return v->items[l->item].kind;
}

/* The space above a line when it is not first on its page, and its height. */
static float line_gap(const Ctx *x, const DeckLine *l)
{
    return l->line == 0 ? item_styles[kind_of(x->v, l)].before * x->vm->unit : 0;
}

static float line_height(const Ctx *x, const DeckLine *l)
{
    return (float)line_h(x, item_styles[kind_of(x->v, l)].font);
}

/* Adds a deck line; false when the deck is full. */
static bool deck_push(Ctx *x, DeckLine line)
{
    View *v = x->v;
    if (v->line_count == VIEW_MAX_LINES) {
        x->out->overflowed = true;
        return false;
    }
    v->deck[v->line_count++] = line;
    return true;
}

/* A list of short items (LIST_PAIR_LEAST or more, each one line at half the width) is set
 * in two columns, read down the first then the second: it then stays whole on a page and
 * with its label and owner where one column would push it to the next. Returns the item
 * after the list, or `from` when the list is not set so. */
enum { LIST_PAIR_LEAST = 4 };
static int deck_list_pair(Ctx *x, float width, int from, int card)
{
    View *v = x->v;
    const ItemStyle *st = &item_styles[ITEM_BULLET];
    float gap = x->vm->gap * 2, half = (width - gap) / 2, w = half - st->indent * x->vm->unit;
    int to = from;
    while (to < v->item_count && v->items[to].kind == ITEM_BULLET) {
        if (width_of(x, st->font, v->items[to].text, v->items[to].len) > w)
            return from;
        to++;
    }
    int n = to - from, rows = (n + 1) / 2;
    if (n < LIST_PAIR_LEAST)
        return from;
    for (int i = from; i < to; i++) {
        const Item *it = &v->items[i];
        bool second = i - from >= rows;
        DeckLine l = { i, 0, card, 0, it->len, width_of(x, st->font, it->text, it->len), second ? rows : 0, true,
                       false, second ? half + gap : 0, 0, 0 };
        if (!deck_push(x, l))
            break;
    }
    return to;
}

/* Where the sentence of `text` that starts at byte `from` ends: after the spaces that
 * follow its last mark (check_ends_sentence), or at `len`. */
int sentence_end(const char *text, int from, int len)
{
    for (int k = from + 1; k < len; k++)
        if (text[k] == ' ' && text[k - 1] != ' ' && check_ends_sentence(text, k)) {
            while (k < len && text[k] == ' ')
                k++;
            return k;
        }
    return len;
}

/* Wraps items [from, to) of the card that starts at item `card` into deck lines `width`
 * wide (short lists in two columns when `pairs`). False when the deck is full. */
static bool deck_wrap(Ctx *x, int from, int to, int card, float width, bool pairs)
{
    View *v = x->v;
    int cap = (int)(sizeof(v->lines) / sizeof(v->lines[0]));
    for (int i = from; i < to; i++) {
        const Item *it = &v->items[i];
        if (pairs && it->kind == ITEM_BULLET && (i == 0 || v->items[i - 1].kind != ITEM_BULLET)) {
            int after = deck_list_pair(x, width, i, card);
            if (after > i) {
                i = after - 1;
                continue;
            }
        }
        if (it->kind == ITEM_CONTEXT && x->f->large_text)
            continue; /* the words keep the room the title already speaks for */
        float w = width - item_styles[it->kind].indent * x->vm->unit;
        /* larger text: each sentence of a paragraph starts a line, so that a page, holding
         * fewer lines, can still end where a sentence does */
        bool sentences = x->f->large_text && it->kind == ITEM_PARA;
        for (int from_byte = 0, line = 0; from_byte < it->len;) {
            int end = sentences ? sentence_end(it->text, from_byte, it->len) : it->len;
            int n = text_wrap(x->m, item_styles[it->kind].font, it->text + from_byte, end - from_byte, w, v->lines, cap);
            for (int j = 0; j < n && j < cap; j++, line++) {
                const TextLine *t = &v->lines[j];
                if (!deck_push(x, (DeckLine){ i, line, card, from_byte + t->start, t->len, t->width, 0, false, false,
                                              0, 0, t->hyphen }))
                    return false;
            }
            from_byte = end;
        }
    }
    return true;
}

static int page_fit(const Ctx *x, int start, int end, float head_h, bool cont, float squeeze, float box_h);

/* How much of the space between items lines [start, end) keep to fit on one page, with
 * `head_h` of continued heading above them: 1, less for a card that almost fits, or 0
 * when they do not fit. */
static float page_squeeze(const Ctx *x, int start, int end, float head_h, bool cont, float box_h)
{
    for (float s = 1; s > 0.2f; s -= s == 1 ? 0.5f : 0.25f)
        if (page_fit(x, start, end, head_h, cont, s, box_h) == end)
            return s;
    return 0;
}

/* Sets lines [from, end) of one card in two columns on one page: its heading lines across
 * the top, the rest read down the left column then the right, the columns balanced, the
 * space between items scaled by `squeeze`. Returns false when they do not fit. */
static bool deck_columns(Ctx *x, int from, int end, Rect box, float col_w, float gap, float squeeze)
{
    View *v = x->v;
    float y = 0, total = 0;
    int k = from;
    for (; k < end && item_styles[kind_of(v, &v->deck[k])].keep_with_next; k++) {
        y += k == from ? 0 : line_gap(x, &v->deck[k]) * squeeze;
        v->deck[k] = (DeckLine){ .item = v->deck[k].item, .line = v->deck[k].line, .card = v->deck[k].card,
                                 .start = v->deck[k].start, .len = v->deck[k].len, .width = v->deck[k].width,
                                 .hyphen = v->deck[k].hyphen, .placed = true, .y = y };
        y += line_height(x, &v->deck[k]);
    }
    for (int j = k; j < end; j++)
        total += line_gap(x, &v->deck[j]) * squeeze + line_height(x, &v->deck[j]);
    if (k < end)
        y += line_gap(x, &v->deck[k]) * squeeze * 0.5f; /* both columns start where the first would */
    float top = y, limit = fminf(box.h, top + total / 2 + line_height(x, &v->deck[k < end ? k : from]) * 0.5f);
    int col = 0;
    for (; k < end; k++) {
        DeckLine *l = &v->deck[k];
        float g = y > top ? line_gap(x, l) * squeeze : 0, lh = line_height(x, l);
        /* a new column rather than a heading at the foot of one */
        float need = item_styles[kind_of(v, l)].keep_with_next && k + 1 < end ? lh + line_height(x, l + 1) : lh;
        if (y + g + need > limit) {
            if (col == 1 || y == top)
                return false;
            col = 1;
            y = top;
            g = 0;
            limit = box.h;
        }
        l->placed = true;
        l->dx = col ? col_w + gap : 0;
        l->y = y + g;
        y += g + lh;
    }
    return true;
}

/* Wraps every item into the deck's lines for `box`. A card that does not fit on one page
 * is set in two columns instead when the box is wide enough for two of a readable
 * measure and the card then fits. */
static void deck_lines(Ctx *x, Rect box)
{
    View *v = x->v;
    float gap = x->vm->gap * 2, col_w = (box.w - gap) / 2;
    bool two = col_w >= 16 * x->m->size[FONT_BODY]; /* 35 characters a line or more */
    v->line_count = 0;
    for (int card = 0; card < v->item_count;) {
        int to = card;
        while (to < v->item_count && v->items[to].kind != ITEM_BREAK)
            to++;
        int first = v->line_count;
        if (!deck_wrap(x, card, to, card, box.w, !x->f->large_text))
            return;
        int mark = v->line_count;
        if (two && mark > first && page_squeeze(x, first, mark, 0, false, box.h) == 0) {
            bool fits = deck_wrap(x, card, to, card, col_w, false);
            fits = fits && (deck_columns(x, mark, v->line_count, box, col_w, gap, 1) ||
                            deck_columns(x, mark, v->line_count, box, col_w, gap, 0.5f));
            if (fits) {
                memmove(&v->deck[first], &v->deck[mark], (size_t)(v->line_count - mark) * sizeof(DeckLine));
                v->line_count = first + (v->line_count - mark);
            } else {
                v->line_count = mark;
            }
        }
        card = to + 1;
    }
}

/* The heading a page that starts at line `k` goes on under: the last heading of its card
 * before it, or -1 (the page starts a card, starts with a heading, or has none to repeat). */
static int card_heading(const View *v, int k)
{
    const DeckLine *l = &v->deck[k];
    ItemKind kind = v->items[l->item].kind;
    if (k == 0 || v->deck[k - 1].card != l->card || (l->line == 0 && (kind == ITEM_KICKER || kind == ITEM_CONTEXT || kind == ITEM_HEADING)))
        return -1;
    for (int i = l->item - 1; i >= l->card; i--)
        if (v->items[i].kind == ITEM_HEADING)
            return i;
    return -1;
}

/* A card's heading marked as continued ("Oxytocin (continued)"), in `buf`. */
static const char *continued_text(const Ctx *x, int heading, char *buf, size_t size)
{
    const Item *it = &x->v->items[heading];
    snprintf(buf, size, "%.*s %s", it->len, it->text, bundle_word(x->b, WORD_APP_CONTINUED));
    return buf;
}

/* The first line after the card that line k is in. */
static int card_end(const View *v, int k)
{
    int end = k;
    while (end < v->line_count && v->deck[end].card == v->deck[k].card)
        end++;
    return end;
}

/* Lines of body text (paragraphs, list items, quotes, notes) in [from, to). */
static int body_lines(const View *v, int from, int to)
{
    int n = 0;
    for (int k = from; k < to; k++) {
        ItemKind kind = kind_of(v, &v->deck[k]);
        n += kind == ITEM_PARA || kind == ITEM_BULLET || kind == ITEM_QUOTE || kind == ITEM_CAPTION;
    }
    return n;
}

/* How a reader meets a page that starts at line k (k > 0): 1 between items, or between
 * sentences with two lines of the paragraph on each side; 2 inside a list or a sentence;
 * 3 inside a quote or right after a heading (never, unless nothing else fits). With
 * `sentences` (larger text, where each sentence starts a line) a sentence's end with
 * fewer lines on a side is 2, and inside a sentence 3: a page holds few lines then. */
static int break_cost(const View *v, int k, bool sentences)
{
    const DeckLine *l = &v->deck[k], *p = &v->deck[k - 1];
    ItemKind kind = kind_of(v, l), prev = kind_of(v, p);
    if (l->paired && p->paired)
        return 3;
    if (l->line == 0) {
        if (item_styles[prev].keep_with_next)
            return 3;
        return kind == ITEM_BULLET && prev == ITEM_BULLET ? 2 : 1;
    }
    if (kind == ITEM_QUOTE || item_styles[kind].keep_with_next)
        return 3;
    if (kind == ITEM_BULLET)
        return 2;
    int after = 0; /* lines of the paragraph from this one on: two stay together each side */
    while (k + after < v->line_count && v->deck[k + after].item == l->item)
        after++;
    bool ends = check_ends_sentence(v->items[l->item].text, l->start);
    if (ends && l->line >= 2 && after >= 2)
        return 1;
    return sentences && !ends ? 3 : 2;
}

/* Where the page that starts at `start` (lines up to `fit` fit on it) should end, inside
 * a card that ends at `end`: the latest good break that leaves two body lines on both
 * sides, else a worse one, else wherever the page is full. */
static int best_break(const View *v, int start, int fit, int end, bool sentences)
{
    for (int cost = 1; cost <= (sentences ? 3 : 2); cost++)
        for (int k = fit; k > start; k--)
            if (break_cost(v, k, sentences) <= cost && body_lines(v, start, k) >= 2 && body_lines(v, k, end) >= 2)
                return k;
    return fit;
}

/* Whether a page's first line sits at its top, without the space before its item: a page
 * that starts a card, or (larger text, where a page holds few lines) any page: its
 * continued heading keeps its own space below. */
static bool top_flush(const Ctx *x, bool cont)
{
    return !cont || x->f->large_text;
}

/* The first line from `start` that no longer fits on a page `box_h` tall that begins
 * with `head_h` of continued heading, the space between items scaled by `squeeze`. */
static int page_fit(const Ctx *x, int start, int end, float head_h, bool cont, float squeeze, float box_h)
{
    const View *v = x->v;
    float y = head_h;
    for (int k = start; k < end; k++) {
        if (v->deck[k].beside && k - v->deck[k].beside >= start)
            continue; /* beside a line that fitted */
        float g = k == start && top_flush(x, cont) ? 0 : line_gap(x, &v->deck[k]) * squeeze;
        float lh = line_height(x, &v->deck[k]);
        if (y + g + lh > box_h && k > start)
            return k;
        y += g + lh;
    }
    return end;
}

/* Where the last sentence of paragraph `it` starts. */
static int last_sentence(const Item *it)
{
    int from = 0;
    for (int end = sentence_end(it->text, 0, it->len); end < it->len; end = sentence_end(it->text, end, it->len))
        from = end;
    return from;
}

/* Whether a paragraph ends with a colon (":" or a full-width "："), spaces aside. */
static bool ends_with_colon(const Item *it)
{
    int n = it->len;
    while (n > 0 && it->text[n - 1] == ' ')
        n--;
    return (n > 0 && it->text[n - 1] == ':') || (n >= 3 && memcmp(it->text + n - 3, "\xef\xbc\x9a", 3) == 0);
}

/* The lead-in of the list a page that starts at line k starts inside of (its items before
 * this one on the page before): the label, or the paragraph (of one sentence, or its last
 * when that ends with a colon), right above its first item, when it takes two lines or
 * fewer of a caption's size in the box (where it starts in `at`); else -1. */
static int list_label(const Ctx *x, int k, float w, int *at)
{
    const View *v = x->v;
    const DeckLine *l = &v->deck[k];
    if (k == 0 || kind_of(v, l) != ITEM_BULLET || kind_of(v, &v->deck[k - 1]) != ITEM_BULLET ||
        v->deck[k - 1].card != l->card)
        return -1;
    int i = l->item;
    while (i > l->card && v->items[i - 1].kind == ITEM_BULLET)
        i--;
    const Item *lead = i > l->card ? &v->items[i - 1] : NULL;
    if (!lead || (lead->kind != ITEM_LABEL && lead->kind != ITEM_PARA))
        return -1;
    *at = lead->kind == ITEM_PARA ? last_sentence(lead) : 0;
    if (*at > 0 && !ends_with_colon(lead))
        return -1; /* a paragraph's last sentence leads into a list only when it says so */
    return text_wrap(x->m, FONT_CAPTION, lead->text + *at, lead->len - *at, w, x->v->lines, 0) > 2 ? -1 : i - 1;
}

/* What a page that starts at line k repeats above its lines, in a box `w` wide: its
 * card's heading marked continued (in larger text in the size of a button's words, a
 * running head that leaves the page's few lines to its words) and, when it starts inside
 * a list, the list's label under it, so that the rest of the list keeps its lead-in. */
static PageMark page_head(Ctx *x, int k, float w)
{
    const View *v = x->v;
    PageMark pm = { k, card_heading(v, k), -1, 0, FONT_HEADING, 0 };
    if (pm.heading < 0)
        return pm;
    char buf[512];
    const char *text = continued_text(x, pm.heading, buf, sizeof(buf));
    if (x->f->large_text)
        pm.font = FONT_BUTTON;
    float u = x->vm->unit;
    pm.head_h = paragraph_height(x, pm.font, text, w) + 6 * u;
    pm.label = list_label(x, k, w, &pm.label_at);
    if (pm.label >= 0) {
        const Item *lead = &v->items[pm.label];
        int n = text_wrap(x->m, FONT_CAPTION, lead->text + pm.label_at, lead->len - pm.label_at, w, x->v->lines, 0);
        pm.head_h += (float)(n * line_h(x, FONT_CAPTION)) + item_styles[ITEM_BULLET].before * u;
    }
    return pm;
}

/* What a break before line k costs a reader of larger text, where a page holds few lines:
 * between sentences little; inside a list much; inside a sentence or a quote or after a
 * heading twice that, more than a page of one whole sentence (plan_break's 1000). */
static float break_weight(const Ctx *x, int k, float w)
{
    const View *v = x->v;
    int cost = break_cost(v, k, true);
    if (kind_of(v, &v->deck[k]) == ITEM_BULLET && (v->deck[k].line > 0 || list_label(x, k, w, &(int){ 0 }) < 0))
        return 1000; /* an item cut, or the list's rest on a page with no lead-in */
    return cost == 1 ? 1 : cost == 2 ? 30 : 2000;
}

/* Larger text: where the page that starts at `start` should end, inside a card that ends
 * at `end`, chosen over the whole rest of the card (the fewest breaks inside sentences and
 * pages of one body line, then the fewest pages, then the fewest set closer than usual)
 * rather than page by page. `end` when a card is too long to plan. */
enum { PLAN_MAX = 320 };
#define PLAN_SQUEEZE 0.5f /* the space between items a planned page may close to, to fit */
static int plan_break(Ctx *x, int start, int end, float box_w, float box_h)
{
    const View *v = x->v;
    int n = end - start, next[PLAN_MAX + 1];
    float best[PLAN_MAX + 1];
    if (n > PLAN_MAX)
        return -1;
    best[n] = 0;
    next[n] = n;
    for (int i = n - 1; i >= 0; i--) {
        int s = start + i;
        PageMark head = page_head(x, s, box_w);
        float head_h = head.head_h;
        bool cont = head.heading >= 0;
        best[i] = 1e30f;
        next[i] = n;
        if (page_squeeze(x, s, end, head_h, cont, box_h) > 0) {
            best[i] = 1 + (body_lines(v, s, end) == 1 ? 1000 : 0);
            continue;
        }
        int fit = page_fit(x, s, end, head_h, cont, 1, box_h);
        int closer = page_fit(x, s, end, head_h, cont, PLAN_SQUEEZE, box_h);
        for (int k = closer; k > s; k--) {
            float b = 1 + (k > fit ? 0.5f : 0) + break_weight(x, k, box_w) + (body_lines(v, s, k) == 1 ? 1000 : 0) +
                      best[k - start];
            if (b < best[i]) {
                best[i] = b;
                next[i] = k - start;
            }
        }
    }
    return start + next[0];
}

/* Cuts the deck's lines into pages `box` big: each card starts a page; a card that does
 * not fit goes on to the next page under its heading marked as continued. Each line's y
 * on its page is set here, so drawing a page only draws. */
static void deck_cut(Ctx *x, Rect box)
{
    View *v = x->v;
    deck_lines(x, box);
    v->page_count = 0;
    for (int start = 0; start < v->line_count;) {
        if (v->page_count == VIEW_MAX_PAGES) {
            x->out->overflowed = true;
            break;
        }
        PageMark *pm = &v->pages[v->page_count++];
        if (v->deck[start].placed) { /* a card in two columns: a page of its own, placed */
            *pm = (PageMark){ start, -1, -1, 0, FONT_HEADING, 0 };
            start = card_end(v, start);
            continue;
        }
        *pm = page_head(x, start, box.w);
        bool cont = pm->heading >= 0;
        int end = card_end(v, start);
        /* the rest of a card that almost fits fits with less space between its items */
        float squeeze = page_squeeze(x, start, end, pm->head_h, cont, box.h);
        int fit = squeeze > 0 ? end : page_fit(x, start, end, pm->head_h, cont, 1, box.h);
        if (squeeze == 0)
            squeeze = 1;
        int next = fit < end ? best_break(v, start, fit, end, x->f->large_text) : end;
        int planned = fit < end && x->f->large_text ? plan_break(x, start, end, box.w, box.h) : -1;
        if (planned > start) { /* closer where the planned page would not fit otherwise */
            next = planned;
            squeeze = page_fit(x, start, next, pm->head_h, cont, 1, box.h) < next ? PLAN_SQUEEZE : 1;
        }
        float y = pm->head_h;
        for (int k = start; k < next; k++) {
            DeckLine *l = &v->deck[k];
            if (l->beside && k - l->beside >= start) {
                l->y = v->deck[k - l->beside].y;
                continue;
            }
            y += k == start && top_flush(x, cont) ? 0 : line_gap(x, l) * squeeze;
            l->y = y;
            y += line_height(x, l);
        }
        start = next;
    }
    if (v->page_count == 0)
        v->pages[v->page_count++] = (PageMark){ 0, -1, -1, 0, FONT_HEADING, 0 };
}

/* Gives the text commands from `from` on the reading role `role` within `text`. */
static void mark_roles(DrawList *out, int from, TextRole role, const char *text, int whole)
{
    for (int i = from; i < out->count; i++) {
        DrawCmd *c = &out->cmds[i];
        if (c->kind != DRAW_TEXT || c->text == text_hyphen)
            continue;
        c->role = role;
        c->at = (int)(c->text - text);
        c->whole = whole;
    }
}

/* The item whose lines on this page are [from, to): its quote bar and its text block. */
static void deck_item_done(Ctx *x, Rect box, int from, int to)
{
    const View *v = x->v;
    const DeckLine *a = &v->deck[from], *z = &v->deck[to - 1];
    const Item *it = &v->items[a->item];
    float u = x->vm->unit, top = a->y, bottom = z->y + line_height(x, z);
    if (it->kind == ITEM_QUOTE)
        draw_rect(x->out, (Rect){ box.x + a->dx + 2 * u, box.y + top, 4 * u, bottom - top }, colour(x, COLOUR_ACCENT),
                  2 * u);
    if (a->line != 0)
        return;
    Rect r = { box.x, box.y + top, box.w, bottom - top };
    if (it->text[it->len] == '\0')
        draw_block(x->out, it->text, r);
    else /* a paragraph of a longer text: its own block, copied to be NUL-terminated */
        draw_block(x->out, draw_printf(x->out, "%.*s", it->len, it->text), r);
}

/* Draws page `p`: the continued heading if it has one, then its lines as placed. */
static void deck_page(Ctx *x, Rect box, int p)
{
    View *v = x->v;
    const PageMark *pm = &v->pages[p];
    int end = p + 1 < v->page_count ? v->pages[p + 1].line : v->line_count;
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    float u = x->vm->unit;
    if (pm->heading >= 0) {
        char buf[512];
        const char *text = draw_printf(x->out, "%s", continued_text(x, pm->heading, buf, sizeof(buf)));
        int from = x->out->count;
        float h = paragraph(x, pm->font, text, (Rect){ box.x, box.y, box.w, pm->head_h }, ALIGN_LEFT,
                            colour(x, COLOUR_TEXT), bg);
        mark_roles(x->out, from, TEXT_CONTINUED, text, (int)strlen(text));
        if (pm->label >= 0) { /* the list's lead-in again, over the rest of its items */
            const Item *it = &v->items[pm->label];
            int len = it->len - pm->label_at;
            const char *label = draw_printf(x->out, "%.*s", len, it->text + pm->label_at);
            from = x->out->count;
            Rect r = { box.x, box.y + h + 6 * u, box.w, pm->head_h - h - 6 * u };
            paragraph(x, FONT_CAPTION, label, r, ALIGN_LEFT, colour(x, COLOUR_MUTED), bg);
            mark_roles(x->out, from, TEXT_LABEL, label, len);
        }
    }
    int run = pm->line;
    for (int k = pm->line; k < end; k++) {
        const DeckLine *l = &v->deck[k];
        const Item *it = &v->items[l->item];
        const ItemStyle *st = &item_styles[it->kind];
        float lh = line_height(x, l), indent = st->indent * u;
        TextLine tl = { l->start, l->len, l->width, l->hyphen };
        DrawCmd *c = text_draw_line(x->out, box.x + l->dx + indent, box.y + l->y, lh, st->font, it->text, &tl,
                                    colour(x, st->colour), bg, box);
        if (c) {
            c->role = item_roles[it->kind];
            c->at = l->start;
            c->whole = it->len;
        }
        if (l->line == 0 && it->kind == ITEM_BULLET) {
            float d = 7 * u;
            draw_circle(x->out, (Rect){ box.x + l->dx + 8 * u, box.y + l->y + lh / 2 - d / 2, d, d },
                        colour(x, COLOUR_ACCENT));
        }
        if (k + 1 == end || v->deck[k + 1].item != l->item || v->deck[k + 1].dx != l->dx) {
            deck_item_done(x, box, run, k + 1);
            run = k + 1;
        }
    }
}

/* The page holding byte `start` of item `item` (the last page starting at or before it). */
static int deck_page_of(const View *v, int item, int start)
{
    int p = 0;
    for (int i = 1; i < v->page_count; i++) {
        const DeckLine *l = &v->deck[v->pages[i].line];
        if (l->item < item || (l->item == item && l->start <= start))
            p = i;
    }
    return p;
}

/* Paginates the items for `box` (cached); sets page_count. */
void deck_paginate(Ctx *x, Rect box)
{
    View *v = x->v;
    uint64_t key = deck_key(x, box), text = deck_text(x);
    if (key != v->deck_key) {
        /* the same text at another size (larger text, a new window): the page shown is the
         * one that holds the first line of the page shown before */
        bool same = v->deck_key != 0 && text == v->deck_text && x->f->page < v->page_count;
        DeckLine first = same ? v->deck[v->pages[x->f->page].line] : (DeckLine){ 0 };
        deck_cut(x, box);
        v->deck_key = key;
        v->deck_text = text;
        if (same)
            flow_reflow_page(x->f, deck_page_of(v, first.item, first.start));
    }
    flow_set_page_count(x->f, v->page_count);
}

/* Paginates the items for `box` (cached) and draws page flow->page; sets page_count. */
void deck_draw(Ctx *x, Rect box)
{
    deck_paginate(x, box);
    deck_page(x, box, x->f->page);
}
