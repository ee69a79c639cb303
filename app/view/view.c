/* view.c — see view.h. view_layout() (at the bottom) picks a screen function, then lays the
 * idle overlay, the shade and the fade over it. Above it, the pagination engine (deck_*):
 * items packed into pages, measured and drawn by one walk; deck_draw is where the page
 * count goes back to the flow. The screens are in screen_*.c, their pieces in chrome.c. */
#include "view_internal.h"

#include <math.h>
#include <string.h>

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

static unsigned deck_key(const Ctx *x, Rect box)
{
    unsigned h = 2166136261u;
#define MIX(value) (h = (h ^ (unsigned)(value)) * 16777619u)
    MIX(x->f->screen);
    MIX(x->f->style);
    MIX(lroundf(box.w));
    MIX(lroundf(box.h));
    for (int i = 0; i < x->v->item_count; i++) {
        MIX(x->v->items[i].kind);
        MIX((uintptr_t)x->v->items[i].text);
        MIX(x->v->items[i].len);
    }
    for (int r = 0; r < FONT_ROLE_COUNT; r++)
        MIX(x->m->line_height[r]);
#undef MIX
    return h;
}

/* A page ends here and the next starts at `at`. While drawing, the page drawn is done:
 * returns true to stop. While counting, records the start and begins an empty page. */
static bool page_break(View *v, bool draw, PageMark at, float *y, bool *empty)
{
    if (draw)
        return true;
    if (v->page_count < VIEW_MAX_PAGES)
        v->pages[v->page_count++] = at;
    *y = 0;
    *empty = true;
    return false;
}

/* Walks the items from page mark `from`, placing lines in a box `box_h` tall. With `draw`,
 * draws the page that starts at `from` into `box`; without, records every page start. The
 * same walk serves both, so what is measured is what is drawn. */
static void deck_walk(Ctx *x, Rect box, PageMark from, bool draw)
{
    View *v = x->v;
    float u = x->vm->unit, y = 0;
    bool empty = true;
    int cap = (int)(sizeof(v->lines) / sizeof(v->lines[0]));
    if (!draw) {
        v->page_count = 1;
        v->pages[0] = from;
    }
    for (int i = from.item; i < v->item_count; i++) {
        const Item *it = &v->items[i];
        const ItemStyle *st = &item_styles[it->kind];
        if (it->kind == ITEM_BREAK) {
            if (!empty && page_break(v, draw, (PageMark){ i + 1, 0 }, &y, &empty))
                return;
            continue;
        }
        float indent = st->indent * u, lh = (float)line_h(x, st->font);
        int n = text_wrap(x->m, st->font, it->text, it->len, box.w - indent, v->lines, cap);
        if (n > cap)
            n = cap;
        int first = (i == from.item) ? from.line : 0;
        float before = empty ? 0 : st->before * u;
        /* no orphans: a paragraph starts on the next page unless two of its lines fit here,
         * and a heading keeps two lines of what follows it */
        bool orphan = !empty && first == 0 && n >= 2 && !st->keep_with_next && y + before + 2 * lh > box.h;
        if (st->keep_with_next && !empty && first == 0 && i + 1 < v->item_count) {
            const ItemStyle *next = &item_styles[v->items[i + 1].kind];
            orphan = y + before + n * lh + next->before * u + 2.0f * line_h(x, next->font) > box.h;
        }
        if (orphan) {
            if (page_break(v, draw, (PageMark){ i, 0 }, &y, &empty))
                return;
            before = 0;
        }
        float top = y + before;
        for (int j = first; j < n; j++) {
            float extra = (j == first) ? before : 0;
            if (y + extra + lh > box.h && !empty) {
                if (page_break(v, draw, (PageMark){ i, j }, &y, &empty))
                    return;
                extra = 0;
                top = 0;
            }
            y += extra;
            if (draw) {
                uint32_t fg = colour(x, st->colour), bg = colour(x, COLOUR_BACKGROUND);
                draw_text(x->out, box.x + indent, box.y + y, (float)v->lines[j].width, lh,
                          st->font, it->text + v->lines[j].start, v->lines[j].len, fg, bg, box);
                if (j == first && it->kind == ITEM_BULLET) {
                    float d = 7 * u;
                    draw_circle(x->out, (Rect){ box.x + 8 * u, box.y + y + lh / 2 - d / 2, d, d },
                                colour(x, COLOUR_ACCENT));
                }
            }
            y += lh;
            empty = false;
        }
        if (draw) {
            if (it->kind == ITEM_QUOTE)
                draw_rect(x->out, (Rect){ box.x + 2 * u, box.y + top, 4 * u, y - top }, colour(x, COLOUR_ACCENT),
                          2 * u);
            if (first == 0 && it->text[it->len] == '\0')
                draw_block(x->out, it->text, (Rect){ box.x, box.y + top, box.w, y - top });
            else if (first == 0 && it->text[it->len] == '\n') {
                /* a paragraph of a longer text: its own block, copied to be NUL-terminated */
                draw_block(x->out, draw_printf(x->out, "%.*s", it->len, it->text),
                           (Rect){ box.x, box.y + top, box.w, y - top });
            }
        }
    }
}

/* Paginates the items for `box` (cached); sets page_count. */
void deck_paginate(Ctx *x, Rect box)
{
    View *v = x->v;
    unsigned key = deck_key(x, box);
    if (key != v->deck_key) {
        deck_walk(x, box, (PageMark){ 0, 0 }, false);
        v->deck_key = key;
    }
    flow_set_page_count(x->f, v->page_count);
}

/* Paginates the items for `box` (cached) and draws page flow->page; sets page_count. */
void deck_draw(Ctx *x, Rect box)
{
    deck_paginate(x, box);
    deck_walk(x, box, x->v->pages[x->f->page], true);
}

/* --- the whole frame ------------------------------------------------------------------ */

/* A rectangle over the whole screen, `alpha` of the way to opaque (255). */
static void cover(Ctx *x, uint32_t colour, uint8_t alpha)
{
    DrawCmd *c = draw_rect(x->out, (Rect){ 0, 0, x->w, x->h }, colour, 0);
    if (c)
        c->alpha = alpha;
}

/* The still-there overlay, over whatever is on screen. */
static void overlay_idle(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    float u = vm->unit, m = vm->margin, t = vm->target;
    draw_clear_targets(x->out); /* nothing under the overlay can be pressed */
    /* opaque: a passer-by must not read what the person was looking at */
    cover(x, mix(colour(x, COLOUR_BACKGROUND), colour(x, COLOUR_TEXT), 0.55f), 255);
    float w = fminf(x->w - 2 * m, 560 * u), pad = 28 * u;
    uint32_t surface = colour(x, COLOUR_SURFACE);
    const char *text = fill_number(x, WORD_IDLE_TEXT, "seconds", flow_idle_seconds(x->f, x->now));
    const char *title = bundle_word(x->b, WORD_IDLE_TITLE), *stay = bundle_word(x->b, WORD_IDLE_STAY);
    float inner = w - 2 * pad;
    float h = pad * 2 + paragraph_height(x, FONT_TITLE, title, inner) + vm->gap +
              paragraph_height(x, FONT_BODY, text, inner) + vm->gap * 2 + t;
    Rect card = { (x->w - w) / 2, (x->h - h) / 2, w, h };
    draw_rect(x->out, card, surface, 18 * u);
    float y = card.y + pad;
    y += paragraph(x, FONT_TITLE, title, (Rect){ card.x + pad, y, inner, h }, ALIGN_CENTRE, colour(x, COLOUR_TEXT), surface);
    y += vm->gap;
    y += paragraph(x, FONT_BODY, text, (Rect){ card.x + pad, y, inner, h }, ALIGN_CENTRE, colour(x, COLOUR_TEXT), surface);
    y += vm->gap * 2;
    float bw = fmaxf(button_width(x, stay), t * 3);
    button(x, (Rect){ card.x + (w - bw) / 2, y, bw, t }, stay, ACT_STAY, 0, BUTTON_PRIMARY);
    long to_next = 1000 - ((x->f->idle_since - x->now) % 1000 + 1000) % 1000;
    x->out->next_change_ms = (int)(to_next > 0 ? to_next : 1000);
}

/* "Start over? Your answers will be cleared": [Keep my result] [Clear], over the screen
 * (asked before a result is cleared; see flow.h). */
static void overlay_confirm(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    float u = vm->unit, m = vm->margin, t = vm->target, gap = vm->gap;
    draw_clear_targets(x->out); /* only the question's buttons, and Quick exit, can be pressed */
    cover(x, mix(colour(x, COLOUR_BACKGROUND), colour(x, COLOUR_TEXT), 0.55f), 255);
    top_bar(x, NULL, ACT_NONE, 0);
    float w = fminf(x->w - 2 * m, 560 * u), pad = 28 * u, inner = w - 2 * pad;
    const char *title = bundle_word(x->b, WORD_CONFIRM_TITLE), *text = bundle_word(x->b, WORD_CONFIRM_TEXT);
    const char *keep = bundle_word(x->b, WORD_CONFIRM_KEEP), *clear = bundle_word(x->b, WORD_CONFIRM_CLEAR);
    float kw = fmaxf(button_width(x, keep), t * 2), cw = fmaxf(button_width(x, clear), t * 2);
    bool side = kw + cw + gap <= inner; /* side by side, else one above the other */
    float rows = side ? t : 2 * t + gap;
    float h = pad * 2 + paragraph_height(x, FONT_TITLE, title, inner) + gap +
              paragraph_height(x, FONT_BODY, text, inner) + gap * 2 + rows;
    Rect card = { (x->w - w) / 2, (x->h - h) / 2, w, h };
    uint32_t surface = colour(x, COLOUR_SURFACE);
    draw_rect(x->out, card, surface, 18 * u);
    float y = card.y + pad;
    y += paragraph(x, FONT_TITLE, title, (Rect){ card.x + pad, y, inner, h }, ALIGN_CENTRE, colour(x, COLOUR_TEXT), surface);
    y += gap;
    y += paragraph(x, FONT_BODY, text, (Rect){ card.x + pad, y, inner, h }, ALIGN_CENTRE, colour(x, COLOUR_TEXT), surface);
    y += gap * 2;
    if (side) {
        float x0 = card.x + (w - kw - cw - gap) / 2;
        button(x, (Rect){ x0, y, kw, t }, keep, ACT_KEEP, 0, BUTTON_PRIMARY);
        button(x, (Rect){ x0 + kw + gap, y, cw, t }, clear, ACT_CLEAR, 0, BUTTON_SECONDARY);
    } else {
        button(x, (Rect){ card.x + pad, y, inner, t }, keep, ACT_KEEP, 0, BUTTON_PRIMARY);
        button(x, (Rect){ card.x + pad, y + t + gap, inner, t }, clear, ACT_CLEAR, 0, BUTTON_SECONDARY);
    }
}

void view_layout(View *v, Flow *f, const Measure *m, int width, int height, long now, DrawList *out)
{
    if (v->width != width || v->height != height) {
        v->width = width;
        v->height = height;
        v->deck_key = 0;
    }
    view_metrics(f->config, width, height, &v->metrics);
    Ctx x = { v, f, f->bundle, f->config, m, out, &v->metrics, (float)width, (float)height, now };
    draw_reset(out);
    switch (f->screen) {
    case SCREEN_ATTRACT: screen_attract(&x); break;
    case SCREEN_CONSENT: screen_consent(&x); break;
    case SCREEN_HOME: screen_home(&x); break;
    case SCREEN_QUESTION: screen_question(&x); break;
    case SCREEN_RESULT: screen_result(&x); break;
    case SCREEN_GUIDANCE: screen_guidance(&x); break;
    case SCREEN_CHEMISTRY: screen_chemistry(&x); break;
    case SCREEN_PARTNERS: screen_partners(&x); break;
    case SCREEN_CALM: screen_calm(&x); break;
    case SCREEN_SUPPORT: screen_support(&x); break;
    case SCREEN_STAFF: screen_staff(&x); break;
    case SCREEN_UNAVAILABLE: screen_unavailable(&x); break;
    case SCREEN_COUNT: break;
    }
    if (f->blank || f->shade >= 255) { /* blanked (workshop) or dark: black, and nothing moves */
        draw_reset(out);
        cover(&x, 0x000000, 255);
        return;
    }
    if (f->confirm)
        overlay_confirm(&x);
    if (f->idle)
        overlay_idle(&x);
    if (f->shade > 0) /* a panel without backlight control, dimmed: black over it */
        cover(&x, 0x000000, (uint8_t)(f->shade > 255 ? 255 : f->shade));
    long since = now - f->screen_since;
    if (f->transition && since >= 0 && since < FLOW_TRANSITION_MS && !f->idle) {
        cover(&x, colour(&x, COLOUR_BACKGROUND), (uint8_t)(230 * (1 - (float)since / FLOW_TRANSITION_MS)));
        out->animating = true;
        if (out->next_change_ms < 0 || out->next_change_ms > 16)
            out->next_change_ms = 16;
    }
}
