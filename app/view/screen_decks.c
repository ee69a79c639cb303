/* screen_decks.c — the reading screens, each a deck of pages: guidance on a style (and the
 * chooser of styles), chemistry, partners, support, and calm (a breathing guide, then a
 * grounding deck). */
#include "view_internal.h"

#include <math.h>

/* --- a deck's tools: its contents, the understanding, a tip's links ------------------- */

enum {
    CONTENTS_PAGES = 6, /* a deck longer than this offers its contents */
    MAX_TOOLS = 4,
};

typedef struct Tool {
    const char *label;
    Action action;
    int arg;
} Tool;

/* The cards of the deck on screen: the item of each heading (a heading repeated, as on a
 * continued page, is counted once). Returns how many. */
static int deck_cards(const Ctx *x, int *item, int cap)
{
    const View *v = x->v;
    int n = 0;
    for (int i = 0; i < v->item_count && n < cap; i++) {
        bool seen = v->items[i].kind != ITEM_HEADING;
        for (int k = 0; k < n && !seen; k++)
            seen = v->items[item[k]].text == v->items[i].text;
        if (!seen)
            item[n++] = i;
    }
    return n;
}

/* Where page `p` starts: the item of its first deck line, and which of that item's lines. */
static void page_start(const View *v, int p, int *item, int *line)
{
    int k = v->pages[p].line;
    bool inside = k >= 0 && k < v->line_count;
    *item = inside ? v->deck[k].item : v->item_count;
    *line = inside ? v->deck[k].line : 0;
}

/* The page on which item `i` starts (once paginated). */
static int page_of(const Ctx *x, int i)
{
    const View *v = x->v;
    int p = 0;
    while (p + 1 < v->page_count) {
        int item, line;
        page_start(v, p + 1, &item, &line);
        if (!(item < i || (item == i && line == 0)))
            break;
        p++;
    }
    return p;
}

/* Whether card `k` of `n` (their heading items in `cards`) shows on page `p`: from the page
 * its heading is on to the page before the next card's, or that page too when the next
 * card (with its kicker) starts partway down it. */
static bool card_on_page(const Ctx *x, const int *cards, int n, int k, int p)
{
    const View *v = x->v;
    int first = page_of(x, cards[k]), last = v->page_count - 1;
    if (k + 1 < n) {
        int start = cards[k + 1];
        while (start > 0 && (v->items[start - 1].kind == ITEM_KICKER || v->items[start - 1].kind == ITEM_CONTEXT ||
                             v->items[start - 1].kind == ITEM_BREAK))
            start--;
        int next = page_of(x, cards[k + 1]), item, line;
        page_start(v, next, &item, &line);
        bool at_top = line == 0 && item >= start;
        last = next - (at_top ? 1 : 0);
    }
    return p >= first && p <= (last > first ? last : first);
}

static CardLink link_of(const Deck *tips, const char *title)
{
    for (int k = 0; tips && k < tips->count; k++)
        if (tips->cards[k].title == title)
            return tips->cards[k].link;
    return LINK_NONE;
}

static Tool link_tool(const Ctx *x, CardLink link)
{
    if (link == LINK_CALM)
        return (Tool){ bundle_word(x->b, WORD_HOME_CALM), ACT_LINK, SCREEN_CALM };
    return (Tool){ bundle_word(x->b, WORD_HOME_SUPPORT), ACT_LINK, SCREEN_SUPPORT };
}

/* The tools of the page on screen: the contents of a long deck, the understanding on a
 * style's first page of tips, the links of the tips on this page, wholly or in part (each
 * once). */
static int page_tools(const Ctx *x, const Deck *tips, bool understanding, Tool *out)
{
    int n = 0, cards[BUNDLE_MAX_CARDS];
    if (x->f->screen == SCREEN_SUPPORT && takeaway_shown(x)) /* on every page of Get support */
        out[n++] = (Tool){ bundle_word(x->b, WORD_TAKEAWAY_OPEN), ACT_TAKEAWAY, 0 };
    if (x->f->page_count > CONTENTS_PAGES)
        out[n++] = (Tool){ bundle_word(x->b, WORD_APP_CONTENTS), ACT_CONTENTS, 0 };
    if (understanding && x->f->page == 0)
        out[n++] = (Tool){ bundle_word(x->b, WORD_GUIDANCE_OPEN_UNDERSTANDING), ACT_UNDERSTANDING, 0 };
    int count = tips ? deck_cards(x, cards, BUNDLE_MAX_CARDS) : 0;
    for (int k = 0; k < count && n < MAX_TOOLS; k++) {
        CardLink link = link_of(tips, x->v->items[cards[k]].text);
        if (link == LINK_NONE || !card_on_page(x, cards, count, k, x->f->page))
            continue;
        Tool t = link_tool(x, link);
        bool dup = false;
        for (int j = 0; j < n; j++)
            dup = dup || (out[j].action == t.action && out[j].arg == t.arg);
        if (!dup)
            out[n++] = t;
    }
    return n;
}

/* The widest set of tools any page of this deck may show (before it is paginated): the
 * contents, and the widest one of the understanding and the links. */
static float tools_reserve(Ctx *x, const Deck *tips, bool understanding)
{
    float widest = understanding ? button_width(x, bundle_word(x->b, WORD_GUIDANCE_OPEN_UNDERSTANDING)) : 0;
    for (int k = 0; tips && k < tips->count; k++)
        if (tips->cards[k].link != LINK_NONE)
            widest = fmaxf(widest, button_width(x, link_tool(x, tips->cards[k].link).label));
    float contents = button_width(x, bundle_word(x->b, WORD_APP_CONTENTS));
    if (x->f->screen == SCREEN_SUPPORT && takeaway_shown(x))
        contents += button_width(x, bundle_word(x->b, WORD_TAKEAWAY_OPEN)) + x->vm->gap;
    return contents + (widest > 0 ? widest + x->vm->gap : 0);
}

/* The height of the tallest of `cols` columns of the contents' `n` titles in `font`, each
 * `vpad` taller than its words (where that is more than a target). */
static float contents_tallest(Ctx *x, const char *const *titles, int n, int cols, FontRole font, float cw,
                              float vpad)
{
    const ViewMetrics *vm = x->vm;
    float gap = vm->gap * 0.75f, pad = 14 * vm->unit, tallest = 0;
    int per = (n + cols - 1) / cols;
    for (int c = 0; c < cols; c++) {
        float h = 0;
        for (int k = c * per; k < n && k < (c + 1) * per; k++)
            h += fmaxf(vm->target, paragraph_height(x, font, titles[k], cw - 2 * pad) + vpad) + gap;
        tallest = fmaxf(tallest, h - gap);
    }
    return tallest;
}

/* The column a contents button `h` tall goes in, and its top (`y`, from the area's top),
 * filling columns down to `area_h` one after the other (larger text: titles of unlike
 * heights share the room better than in columns of as many each). */
static int contents_next(float h, float area_h, int col, float *y)
{
    if (*y > 0 && *y + h > area_h) {
        col++;
        *y = 0;
    }
    return col;
}

/* How many columns the titles take when filled so (contents_next). */
static int contents_fill(Ctx *x, const char *const *titles, int n, FontRole font, float cw, float vpad,
                         float area_h)
{
    float gap = x->vm->gap * 0.75f, pad = 14 * x->vm->unit, y = 0;
    int col = 0;
    for (int k = 0; k < n; k++) {
        float h = fmaxf(x->vm->target, paragraph_height(x, font, titles[k], cw - 2 * pad) + vpad);
        col = contents_next(h, area_h, col, &y);
        if (h > area_h)
            return 99; /* taller than the screen: never fits */
        y += h + gap;
    }
    return col + 1;
}

/* The contents of a long deck: each card's title, a button to the page it starts on, in
 * the fewest columns (filled one after the other) that fit; each as tall as its title. In
 * larger text a column is never so narrow that words are cut, and where the titles do not
 * fit in the buttons' size they take the captions' (still larger than the usual), then
 * with no room above and below their words beyond their lines' own. */
static void deck_contents(Ctx *x, float top)
{
    const ViewMetrics *vm = x->vm;
    bool large = x->f->large_text, fits = false;
    float m = vm->margin, gap = vm->gap * 0.75f, pad = 14 * vm->unit, vpad = (large ? 6 : 14) * vm->unit;
    static const FontRole fonts[] = { FONT_BUTTON, FONT_CAPTION, FONT_CAPTION };
    const float vpads[] = { vpad, vpad, 0 };
    int cards[BUNDLE_MAX_CARDS], n = deck_cards(x, cards, BUNDLE_MAX_CARDS);
    /* larger text: down to the bottom row's edge (as far from the bottom as the bar is from the top) */
    Rect area = { m, top, x->w - 2 * m, x->h - (large ? m * 0.6f : m) - top };
    const char *titles[BUNDLE_MAX_CARDS];
    for (int k = 0; k < n; k++)
        titles[k] = draw_printf(x->out, "%.*s", x->v->items[cards[k]].len, x->v->items[cards[k]].text);
    int cols = 1, per = n;
    FontRole font = FONT_BUTTON;
    float cw = area.w;
    for (int f = 0; f < (large ? 3 : 1) && !fits; f++)
        for (cols = 1; cols <= 4; cols++) {
            font = fonts[f];
            vpad = vpads[f];
            cw = (area.w - (cols - 1) * vm->gap) / cols;
            if (large && cols > 1 && cw < 7.0f * (float)x->m->size[font])
                break; /* words would be cut */
            fits = large ? contents_fill(x, titles, n, font, cw, vpad, area.h) <= cols
                         : contents_tallest(x, titles, n, cols, font, cw, vpad) <= area.h;
            if (fits || (!large && cols == 4))
                break;
        }
    if (cols > 4 || (large && !fits)) { /* the widest columns that leave words whole */
        for (cols = 4; cols > 1 && (area.w - (cols - 1) * vm->gap) / cols < 7.0f * (float)x->m->size[font]; cols--)
            ;
        cw = (area.w - (cols - 1) * vm->gap) / cols;
    }
    per = (n + cols - 1) / cols;
    float y = 0;
    for (int k = 0, col = 0; k < n; k++) {
        float h = fmaxf(vm->target, paragraph_height(x, font, titles[k], cw - 2 * pad) + vpad);
        if (large)
            col = contents_next(h, area.h, col, &y);
        else if (k % per == 0) {
            col = k / per;
            y = 0;
        }
        int page = page_of(x, cards[k]);
        button_in(x, (Rect){ area.x + (float)col * (cw + vm->gap), area.y + y, cw, h }, titles[k], ACT_JUMP, page,
                  page == x->f->page ? BUTTON_SELECTED : BUTTON_SECONDARY, font);
        y += h + gap;
    }
}

/* A deck screen with its tools (tools_reserve, page_tools) on the bottom row beside the
 * page marker and [Next], or on a row of their own above it when they would not fit; or,
 * when asked, the deck's contents instead of its page. */
static void deck_with_tools(Ctx *x, const char *title, const Deck *tips, bool understanding)
{
    const ViewMetrics *vm = x->vm;
    float t = vm->target, m = vm->margin, gap = vm->gap, y = bottom_row(x);
    /* a couple's outcome has no way back from its first page (to a choice) */
    bool first = x->f->couple.stage == COUPLE_TOGETHER && x->f->page == 0;
    float top = top_bar(x, title, first ? ACT_NONE : ACT_BACK, 0);
    const char *last = deck_end_word(x);
    float right = fmaxf(fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), button_width(x, last)), t * 2);
    /* larger text: the tools share the bottom row, so that the page keeps the row above
     * for its words; the page marker shows between them where room is left */
    float marker_w = x->f->large_text ? 0 : t * 1.5f;
    /* and Next's width, not the last page's word's: a tool with no room beside that is
     * left off the last page (the way on, often back to the result, offers it again) */
    float next_w = fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), t * 2);
    bool one_row = tools_reserve(x, tips, understanding) + (x->f->large_text ? next_w : right) + gap * 2 +
                   marker_w <= x->w - 2 * m;
    Rect box = deck_box(x, top, one_row ? y : y - t - gap);
    if (x->f->contents) {
        deck_paginate(x, box);
        deck_contents(x, top);
        return;
    }
    deck_draw(x, box); /* first: it counts the pages the footer shows */
    if (flow_chrome_hidden(x->f)) { /* presenting: the same pages, only the talk's count under them */
        talk_marker(x);
        return;
    }
    float nw = deck_next(x, last, BUTTON_SECONDARY);
    Tool tools[MAX_TOOLS];
    int n = page_tools(x, tips, understanding, tools);
    /* one row: the tools left to right, then the marker; two: the contents (first when
     * offered) at the bottom left, the rest on the row above, the marker between */
    float left = m, upper = m, row_y = one_row ? y : y - t - gap;
    for (int i = 0; i < n; i++) {
        float w = fmaxf(button_width(x, tools[i].label), t * 2);
        bool below = one_row || tools[i].action == ACT_CONTENTS;
        if (below && !one_row && left + w > x->w - m - nw - gap)
            below = false; /* [Next] takes the bottom row (a wide last word, larger text) */
        float *at = below ? &left : &upper, end = below ? x->w - m - nw - gap : x->w - m;
        if (*at + w > end)
            continue; /* no room on this screen: the contents still reaches every page */
        button(x, (Rect){ *at, below ? y : row_y, w, t }, tools[i].label, tools[i].action, tools[i].arg, BUTTON_QUIET);
        *at += w + gap;
    }
    Rect marker = { left, y, x->w - m - nw - gap - left, t };
    if (marker.w >= t)
        page_marker(x, marker);
}

/* --- the decks ------------------------------------------------------------------------- */

/* A style's "what helps" cards, or (understanding) where it comes from, the pattern in
 * intimacy, how the chemistry lands and what it can sound like. */
static void guidance_items(Ctx *x, Style style, bool understanding)
{
    const StyleInfo *info = &x->b->styles[style];
    const char *kicker = bundle_word(x->b, WORD_GUIDANCE_UNDERSTANDING);
    struct { Word heading; const char *text; ItemKind kind; } parts[] = {
        { WORD_GUIDANCE_ORIGINS, info->origins, ITEM_PARA },
        { WORD_GUIDANCE_PATTERN, info->pattern, ITEM_PARA },
        { WORD_GUIDANCE_CHEMISTRY, info->chemistry, ITEM_PARA },
        { WORD_GUIDANCE_SOUNDS, info->sounds, ITEM_QUOTE },
    };
    for (size_t i = 0; understanding && i < sizeof(parts) / sizeof(parts[0]); i++) {
        if (!parts[i].text)
            continue;
        deck_add(x, ITEM_BREAK, NULL);
        deck_add(x, ITEM_CONTEXT, kicker); /* the bar names the style */
        deck_add(x, ITEM_HEADING, bundle_word(x->b, parts[i].heading));
        deck_add(x, parts[i].kind, parts[i].text);
    }
    const char *helps = info->helps ? info->helps : bundle_word(x->b, WORD_GUIDANCE_HELPS);
    for (int i = 0; !understanding && i < info->tips.count; i++) {
        deck_add(x, ITEM_BREAK, NULL);
        deck_add(x, ITEM_CONTEXT, helps);
        deck_add(x, ITEM_HEADING, info->tips.cards[i].title);
        deck_add(x, ITEM_PARA, info->tips.cards[i].text);
        for (int k = 0; k < info->tips.cards[i].item_count; k++)
            deck_add(x, ITEM_BULLET, info->tips.cards[i].items[k]);
    }
}

void screen_guidance(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    if (x->f->style == STYLE_COUNT) {
        /* the four styles, to choose from */
        float m = vm->margin, gap = vm->gap * 1.4f;
        float top = top_bar(x, bundle_word(x->b, WORD_STYLES_TITLE), ACT_BACK, 0);
        if (styles_overview(x, (Rect){ m, top, x->w - 2 * m, x->h - top - m }, true, false))
            return; /* where it fits: each style's summary by the map (no intro), a card to press */
        const char *intro = bundle_word(x->b, WORD_STYLES_INTRO); /* else the list, as menu_top lays it */
        if (intro[0])
            top += paragraph(x, FONT_BODY, intro, (Rect){ m, top, x->w - 2 * m, x->h - top }, ALIGN_LEFT,
                             colour(x, COLOUR_MUTED), colour(x, COLOUR_BACKGROUND)) + gap;
        int cols = x->w > x->h ? 2 : 1, rows = STYLE_COUNT / cols;
        float ch = menu_cell_h(x, top, rows, gap, vm->target * 2);
        Rect area = { m, top, x->w - 2 * m, x->h - top - m };
        for (int i = 0; i < STYLE_COUNT; i++)
            button(x, grid_cell(area, cols, ch, gap, i), x->b->styles[i].name, ACT_GUIDANCE, i, BUTTON_SECONDARY);
        return;
    }
    const StyleInfo *info = &x->b->styles[x->f->style];
    bool understanding = x->f->understanding;
    deck_begin(x);
    guidance_items(x, x->f->style, understanding);
    deck_with_tools(x, info->name, understanding ? NULL : &info->tips, !understanding);
}
void screen_chemistry(Ctx *x)
{
    deck_begin(x);
    deck_add(x, ITEM_PARA, x->b->cocktail);
    for (int i = 0; i < x->b->chemical_count; i++) {
        const Chemical *c = &x->b->chemicals[i];
        deck_add(x, ITEM_BREAK, NULL);
        deck_add(x, ITEM_HEADING, c->name);
        deck_add(x, ITEM_SUBTITLE, c->nickname);
        deck_add(x, ITEM_LABEL, bundle_word(x->b, WORD_CHEMISTRY_RELEASED));
        deck_add(x, ITEM_PARA, c->released);
        /* the name, when it is released and what it promotes stay together; the longer
         * words about it follow (on the next page, under the name, when they must) */
        deck_add(x, ITEM_LABEL, bundle_word(x->b, WORD_CHEMISTRY_PROMOTES));
        for (int k = 0; k < c->promote_count; k++)
            deck_add(x, ITEM_BULLET, c->promotes[k]);
        deck_add(x, ITEM_PARA, c->text);
    }
    deck_with_tools(x, bundle_word(x->b, WORD_CHEMISTRY_TITLE), NULL, false);
}

/* The cards of `deck`, each on a new page; the first shares the page of what came before
 * it when `with_intro` (an intro line is not a page of its own). */
static void cards_items(Ctx *x, const Deck *deck, bool with_intro)
{
    for (int i = 0; i < deck->count; i++) {
        if (i > 0 || !with_intro)
            deck_add(x, ITEM_BREAK, NULL);
        deck_add(x, ITEM_HEADING, deck->cards[i].title);
        deck_add(x, ITEM_PARA, deck->cards[i].text);
    }
}

void screen_partners(Ctx *x)
{
    deck_begin(x);
    deck_add(x, ITEM_SUBTITLE, bundle_word(x->b, WORD_PARTNERS_INTRO));
    cards_items(x, &x->b->partners, true);
    deck_with_tools(x, bundle_word(x->b, WORD_PARTNERS_TITLE), NULL, false);
}

void screen_support(Ctx *x)
{
    deck_begin(x);
    /* where to turn when unsafe, first, read as text of its own; then the practice's card
     * shares its page, or else the first card does */
    deck_add(x, ITEM_PARA, x->c->crisis_text[0] ? x->c->crisis_text : bundle_word(x->b, WORD_SUPPORT_CRISIS));
    bool practice = x->c->practice_name[0] || x->c->practice_text[0];
    if (practice) {
        deck_add(x, ITEM_KICKER, bundle_word(x->b, WORD_SUPPORT_PRACTICE));
        deck_add(x, ITEM_HEADING, x->c->practice_name);
        deck_add(x, ITEM_PARA, x->c->practice_text);
    }
    cards_items(x, &x->b->support, !practice);
    deck_with_tools(x, bundle_word(x->b, WORD_SUPPORT_TITLE), NULL, false);
}

static float ease(float t)
{
    return t * t * (3 - 2 * t);
}

/* Where a breath is `in` ms into its cycle: the words for it, and how full the circle is
 * (0 empty, 1 full) in *k. */
static Word breath_phase(const Calm *calm, long in, float *k)
{
    if (in < calm->inhale * 1000L) {
        *k = ease((float)in / (calm->inhale * 1000.0f));
        return WORD_CALM_BREATHE_IN;
    }
    if (in < (calm->inhale + calm->hold) * 1000L) {
        *k = 1;
        return WORD_CALM_HOLD;
    }
    *k = 1 - ease((float)(in - (calm->inhale + calm->hold) * 1000L) / (calm->exhale * 1000.0f));
    return WORD_CALM_BREATHE_OUT;
}

/* The breathing guide, `elapsed` ms in: the screen's intro, then the article's words on
 * breathing, one paragraph a line; a circle that grows and shrinks; what to do now and
 * which breath this is. */
static void calm_breathing(Ctx *x, float top, long elapsed, long cycle)
{
    const ViewMetrics *vm = x->vm;
    const Calm *calm = &x->b->calm;
    float m = vm->margin;
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    float y = top;
    deck_begin(x);
    deck_add(x, ITEM_PARA, bundle_word(x->b, WORD_CALM_INTRO));
    deck_add(x, ITEM_PARA, calm->text);
    for (int i = 0; i < x->v->item_count; i++) {
        char *p = (char *)draw_printf(x->out, "%.*s", x->v->items[i].len, x->v->items[i].text);
        y += paragraph(x, i == 0 ? FONT_BODY : FONT_CAPTION, p, (Rect){ m, y, x->w - 2 * m, x->h - y },
                       ALIGN_CENTRE, colour(x, i == 0 ? COLOUR_TEXT : COLOUR_MUTED), bg);
    }
    int breath = (int)(elapsed / cycle);
    float k;
    Word phase = breath_phase(calm, elapsed % cycle, &k);
    float lh = (float)line_h(x, FONT_HEADING), ch = (float)line_h(x, FONT_CAPTION);
    float area = x->h - y - m - lh - ch - vm->gap * 2;
    float rmax = fminf(area, x->w - 2 * m) / 2, rmin = rmax * 0.45f, r = rmin + (rmax - rmin) * k;
    float cx = x->w / 2, cy = y + vm->gap + rmax;
    draw_circle(x->out, (Rect){ cx - rmax, cy - rmax, 2 * rmax, 2 * rmax }, mix(bg, colour(x, COLOUR_ACCENT), 0.08f));
    draw_circle(x->out, (Rect){ cx - r, cy - r, 2 * r, 2 * r }, mix(bg, colour(x, COLOUR_ACCENT), 0.45f));
    float ly = cy + rmax + vm->gap;
    paragraph(x, FONT_HEADING, bundle_word(x->b, phase), (Rect){ m, ly, x->w - 2 * m, lh }, ALIGN_CENTRE,
              colour(x, COLOUR_TEXT), bg);
    const char *count = draw_printf(x->out, "%d / %d", breath + 1, calm->breaths);
    paragraph(x, FONT_CAPTION, count, (Rect){ m, ly + lh, x->w - 2 * m, ch }, ALIGN_CENTRE, colour(x, COLOUR_MUTED), bg);
    x->out->animating = true;
    x->out->next_change_ms = 33;
    talk_marker(x);
}

/* After the breaths, the grounding deck (five things you can see), with [Again] and
 * [Next] or [Done]. */
static void calm_grounding(Ctx *x, float top)
{
    const ViewMetrics *vm = x->vm;
    const Calm *calm = &x->b->calm;
    float m = vm->margin, t = vm->target;
    deck_begin(x);
    deck_add(x, ITEM_HEADING, calm->grounding_title);
    deck_add(x, ITEM_PARA, calm->grounding_text);
    for (int i = 0; i < calm->step_count; i++)
        deck_add(x, ITEM_BULLET, calm->steps[i]);
    deck_add(x, ITEM_QUOTE, calm->close);
    const char *again = bundle_word(x->b, WORD_CALM_AGAIN);
    float y = bottom_row(x);
    float aw = fmaxf(button_width(x, again), t * 2);
    deck_draw(x, deck_box(x, top, y));
    if (flow_chrome_hidden(x->f)) {
        talk_marker(x);
        return;
    }
    float dw = deck_next(x, bundle_word(x->b, WORD_CALM_DONE), BUTTON_PRIMARY);
    button(x, (Rect){ x->w - m - dw - vm->gap - aw, y, aw, t }, again, ACT_CALM_AGAIN, 0, BUTTON_SECONDARY);
    if (x->f->page_count > 1)
        page_marker(x, (Rect){ m, y, x->w - 2 * m - dw - aw - 2 * vm->gap, t });
}

void screen_calm(Ctx *x)
{
    const Calm *calm = &x->b->calm;
    float top = top_bar(x, bundle_word(x->b, WORD_CALM_TITLE), ACT_BACK, 0);
    long cycle = (long)(calm->inhale + calm->hold + calm->exhale) * 1000;
    long elapsed = x->now - x->f->entered;
    if (elapsed < cycle * calm->breaths)
        calm_breathing(x, top, elapsed, cycle);
    else
        calm_grounding(x, top);
}
