/* screen_couple.c — couple mode's screens (flow_couple.c is their flow): how it works, the
 * handover between turns, each partner's choice, and both points on one map with the
 * guidance for their pairing. A partner's questions and result are the usual screens
 * (screen_quiz.c), which say whose turn it is. */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The bottom row of a screen with pages: the marker, then [Next] until the last page,
 * where `last` takes its place. Where `last` is wider than the screen (larger text), its
 * label takes more lines in a taller button, and the marker has a row above it. */
typedef struct Footer {
    Rect button, marker; /* marker.w 0: none */
} Footer;

static Footer footer_at(Ctx *x, const char *last)
{
    const ViewMetrics *vm = x->vm;
    float t = vm->target, m = vm->margin, u = vm->unit;
    float w = fminf(fmaxf(fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), button_width(x, last)), t * 2),
                    x->w - 2 * m);
    float h = t;
    if (x->f->large_text && button_width(x, last) > w) { /* (button_face's padding) */
        int lines = text_wrap(x->m, FONT_BUTTON, last, (int)strlen(last), w - 28 * u, x->v->lines, 0);
        h = fmaxf(t, (float)(lines * line_h(x, FONT_BUTTON)) + 16 * u);
    }
    float y = bottom_row(x) + t - h;
    Footer f = { { x->w - m - w, y, w, h }, { m, y, x->w - 2 * m - w - vm->gap, t } };
    if (f.marker.w < t)
        f.marker = x->f->large_text ? (Rect){ m, y - t - vm->gap, x->w - 2 * m, t } : (Rect){ 0 };
    return f;
}

/* Where the footer starts (the deck ends above it). */
static float footer_top(Ctx *x, const char *last)
{
    Footer f = footer_at(x, last);
    return f.marker.w > 0 ? fminf(f.marker.y, f.button.y) : f.button.y;
}

static void pages_footer(Ctx *x, const char *last, Action action)
{
    Footer f = footer_at(x, last);
    if (x->f->page + 1 < x->f->page_count)
        button(x, f.button, bundle_word(x->b, WORD_APP_NEXT), ACT_NEXT, 0, BUTTON_PRIMARY);
    else
        button(x, f.button, last, action, 0, BUTTON_PRIMARY);
    if (f.marker.w > 0)
        page_marker(x, f.marker);
}

/* How it works, in two short paragraphs; both agree to begin (on its last page). */
void screen_couple_start(Ctx *x)
{
    float top = top_bar(x, bundle_word(x->b, WORD_COUPLE_TITLE), ACT_BACK, 0);
    deck_begin(x);
    deck_add(x, ITEM_PARA, bundle_word(x->b, WORD_COUPLE_TEXT));
    deck_add(x, ITEM_PARA, bundle_word(x->b, WORD_COUPLE_SHARED));
    deck_draw(x, deck_box(x, top, footer_top(x, bundle_word(x->b, WORD_COUPLE_AGREE))));
    pages_footer(x, bundle_word(x->b, WORD_COUPLE_AGREE), ACT_COUPLE_BEGIN);
}

/* A card in the middle of the screen: a title, a paragraph, and buttons under them (one,
 * or two side by side: `labels`, `actions` and `args`, the first the main one); only
 * Quick exit above it. */
static void card_screen(Ctx *x, const char *title, const char *text, const char *const *labels,
                        const Action *actions, const int *args, int n)
{
    const ViewMetrics *vm = x->vm;
    float u = vm->unit, m = vm->margin, t = vm->target, gap = vm->gap;
    float top = top_bar(x, NULL, ACT_NONE, 0);
    float avail = x->h - top - m, w = 0, pad = 0, inner = 0, h = 0, bw[2] = { 0, 0 };
    bool side = true;
    /* the usual card; in larger text, when it is taller than the screen, the whole width
     * with less padding, else no card: the words and buttons on the screen's background */
    for (int wide = 0; wide < 3 && (wide == 0 || (x->f->large_text && h > avail)); wide++) {
        w = wide ? x->w - 2 * m : fminf(x->w - 2 * m, 620 * u);
        pad = wide == 2 ? 0 : wide ? 12 * u : 24 * u;
        inner = w - 2 * pad;
        for (int i = 0; i < n; i++)
            bw[i] = fminf(fmaxf(button_width(x, labels[i]), t * 2.4f), inner);
        side = n < 2 || bw[0] + bw[1] + gap <= inner; /* side by side, else one above the other */
        h = pad * 2 + paragraph_height(x, FONT_TITLE, title, inner) + gap + paragraph_height(x, FONT_BODY, text, inner) +
            gap * 2 + (side ? t : 2 * t + gap);
    }
    Rect card = { (x->w - w) / 2, top + fmaxf(0, (avail - h) / 2), w, h };
    uint32_t surface = colour(x, pad > 0 ? COLOUR_SURFACE : COLOUR_BACKGROUND), fg = colour(x, COLOUR_TEXT);
    if (pad > 0)
        draw_rect(x->out, card, surface, 18 * u);
    float y = card.y + pad;
    y += paragraph(x, FONT_TITLE, title, (Rect){ card.x + pad, y, inner, h }, ALIGN_CENTRE, fg, surface) + gap;
    y += paragraph(x, FONT_BODY, text, (Rect){ card.x + pad, y, inner, h }, ALIGN_CENTRE, fg, surface) + gap * 2;
    if (side) {
        float total = n < 2 ? bw[0] : bw[0] + bw[1] + gap, bx = card.x + (w - total) / 2;
        /* the main one on the reading side's end: after the other, as on every screen */
        for (int i = n - 1; i >= 0; i--) {
            button(x, (Rect){ bx, y, bw[i], t }, labels[i], actions[i], args[i], n < 2 ? BUTTON_PRIMARY : BUTTON_SECONDARY);
            bx += bw[i] + gap;
        }
    } else {
        for (int i = 0; i < n; i++)
            button(x, (Rect){ card.x + pad, y + i * (t + gap), inner, t }, labels[i], actions[i], args[i],
                   BUTTON_SECONDARY);
    }
}

/* Between turns: nothing of anyone's, only who the screen goes to. */
void screen_handover(Ctx *x)
{
    int p = flow_couple_partner(x->f);
    const char *labels[] = { couple_fill(x, WORD_HANDOVER_READY, p, NULL) };
    const Action actions[] = { ACT_COUPLE_NEXT };
    const int args[] = { 0 };
    card_screen(x, couple_fill(x, WORD_HANDOVER_TITLE, p, NULL), bundle_word(x->b, WORD_HANDOVER_TEXT), labels,
                actions, args, 1);
}

/* A partner's choice: show my point, or keep it private (neither urged: both look alike). */
void screen_couple_choice(Ctx *x)
{
    int p = flow_couple_partner(x->f);
    const char *labels[] = { bundle_word(x->b, WORD_CHOICE_SHARE), bundle_word(x->b, WORD_CHOICE_KEEP) };
    const Action actions[] = { ACT_COUPLE_SHARE, ACT_COUPLE_SHARE };
    const int args[] = { 1, 0 };
    card_screen(x, couple_fill(x, WORD_CHOICE_TITLE, p, NULL), bundle_word(x->b, WORD_CHOICE_TEXT), labels, actions,
                args, 2);
}

/* What the legend says of a partner's point: their style, near the middle, or too few
 * answers for one. */
static const char *legend_style(Ctx *x, const QuizScore *s)
{
    switch (result_kind(s)) {
    case RESULT_STYLE:
        return x->b->styles[s->style].name;
    case RESULT_MIDDLE:
        return bundle_word(x->b, WORD_COUPLE_MAP_MIDDLE);
    default:
        return bundle_word(x->b, WORD_COUPLE_MAP_UNPLACED);
    }
}

/* The legend under the map: each partner's marker and "Partner 1: Anxious". Returns its
 * height (drawn only when `draw`). */
static float legend(Ctx *x, const MapPoint *points, Rect box, bool draw)
{
    float u = x->vm->unit, ring = 3 * u, y = box.y;
    float d = fmaxf(26 * u, (float)line_h(x, FONT_CAPTION) + 2 * ring); /* its mark fits inside */
    for (int i = 0; i < 2; i++) {
        const char *line = couple_fill(x, WORD_COUPLE_MAP_LEGEND, i, legend_style(x, points[i].score));
        float tx = box.x + d + 10 * u, tw = box.w - (tx - box.x);
        float th = paragraph_height(x, FONT_CAPTION, line, tw), h = fmaxf(th, d);
        if (draw) {
            map_marker(x, (Rect){ box.x, y + (h - d) / 2, d, d }, &points[i], ring);
            paragraph(x, FONT_CAPTION, line, (Rect){ tx, y + (h - th) / 2, tw, th }, ALIGN_LEFT, colour(x, COLOUR_TEXT),
                      colour(x, COLOUR_BACKGROUND));
        }
        y += h + 6 * u;
    }
    return y - box.y;
}

/* The pairing's guidance (after the legend's lines when `listed`: larger text without the
 * map); when a partner has too few answers for a style, or a point sits
 * near the middle (no one style fits it, so no pairing does: the [near] word says so), the
 * partners guidance instead (returns false).
 * The pairing's title (when `titled`) leads the first page only, as a subtitle: the legend
 * beside it names both styles, and a heading repeated on every page (continued) would
 * leave too little room for a paragraph whole. */
static bool pairing_items(Ctx *x, bool titled, const MapPoint *listed)
{
    const FlowCouple *c = &x->f->couple;
    Style a = c->score[0].style, b = c->score[1].style;
    const Card *pair = bundle_pairing(x->b, a, b);
    deck_begin(x);
    for (int i = 0; listed && i < 2; i++) /* the legend's lines, in words, on the first page */
        deck_add(x, ITEM_PARA, couple_fill(x, WORD_COUPLE_MAP_LEGEND, i, legend_style(x, listed[i].score)));
    /* a point near the middle has no one style (its result names none): no pairing either,
     * but the honest word, then the guidance for all partners */
    bool middle = result_kind(&c->score[0]) == RESULT_MIDDLE || result_kind(&c->score[1]) == RESULT_MIDDLE;
    if (!pair || a == STYLE_COUNT || b == STYLE_COUNT || middle) {
        if (middle && a != STYLE_COUNT && b != STYLE_COUNT)
            deck_add(x, ITEM_PARA, x->b->pairing_near);
        for (int i = 0; i < x->b->partners.count; i++) {
            deck_add(x, ITEM_BREAK, NULL);
            deck_add(x, ITEM_HEADING, x->b->partners.cards[i].title);
            deck_add(x, ITEM_PARA, x->b->partners.cards[i].text);
        }
        return false;
    }
    if (titled)
        deck_add(x, ITEM_SUBTITLE, pair->title);
    deck_add(x, ITEM_PARA, pair->text);
    return true;
}

/* The least height of a map `width` wide whose quadrants' names fit beside a marker: each
 * name at its quadrant's edge, padded (quadrant_label moves it there, away from a marker).
 * The quadrants are split where map_draw splits them: at the threshold, inside its inset. */
static float names_height(Ctx *x, float width)
{
    const Quiz *q = &x->b->quiz;
    float u = x->vm->unit, pad = 8 * u, inset = 22 * u, most = 0;
    float f = (float)((q->threshold - 1) / (q->points - 1)); /* the line, from the low end */
    float left = inset + (width - 2 * inset) * f;
    static const struct { Style style; bool right, top; } quads[] = {
        { STYLE_ANXIOUS, false, true }, { STYLE_DISORGANIZED, true, true },
        { STYLE_SECURE, false, false }, { STYLE_AVOIDANT, true, false },
    };
    for (int i = 0; i < 4; i++) {
        float qw = quads[i].right ? width - left : left, share = quads[i].top ? 1 - f : f;
        float h = paragraph_height(x, FONT_CAPTION, x->b->styles[quads[i].style].name, qw - 2 * pad) + 2 * pad + 2; /* + its lines rounded */
        if (share > 0.01f) /* the quadrant is inset + share of the rest tall */
            most = fmaxf(most, 2 * inset + (h - inset) / share);
    }
    return most;
}

/* The height the deck's items (pairing_items) need on one page `width` wide, so that no
 * paragraph is cut: the tallest paragraph (in larger text, where a page may end between
 * sentences, the tallest sentence, or pair of sentences where one of them is a line),
 * under its card's heading marked as continued. */
static float deck_need(Ctx *x, float width)
{
    const View *v = x->v;
    float u = x->vm->unit, head = 0, sub = 0, need = 0;
    char buf[512];
    for (int i = 0; i < v->item_count; i++) {
        const Item *it = &v->items[i];
        if (it->kind == ITEM_BREAK) {
            head = 0;
        } else if (it->kind == ITEM_HEADING) {
            snprintf(buf, sizeof(buf), "%.*s %s", it->len, it->text, bundle_word(x->b, WORD_APP_CONTINUED));
            head = paragraph_height(x, FONT_HEADING, buf, width) + 6 * u;
        } else if (it->kind == ITEM_SUBTITLE) { /* on the first page only, over what follows */
            sub = paragraph_height(x, FONT_BODY, it->text, width) + 4 * u;
        } else {
            FontRole font = it->kind == ITEM_CAPTION ? FONT_CAPTION : FONT_BODY;
            /* lines of the paragraph; larger text: of its longest sentence, or of a
             * sentence with a one-line one beside it (a line alone makes no page) */
            int n = 0, before = 0;
            bool sentences = x->f->large_text && it->kind == ITEM_PARA;
            for (int from = 0; from < it->len;) {
                int end = sentences ? sentence_end(it->text, from, it->len) : it->len;
                int lines = text_wrap(x->m, font, it->text + from, end - from, width, x->v->lines, 0);
                int pair = before > 0 && (before == 1 || lines == 1) ? before + lines : lines;
                n = sentences ? (pair > n ? pair : n) : lines;
                before = lines;
                from = end;
            }
            need = fmaxf(need, head + sub + 12 * u + (float)(n * line_h(x, font)));
            sub = 0;
        }
    }
    return need;
}

/* Landscape: the map and the legend under it in a column `share` of the width (at least
 * the map's least width). */
typedef struct Column {
    float lw, lh, room, side, text_w;
    bool named; /* the quadrants' names fit beside a marker */
} Column;

static Column column_at(Ctx *x, const MapPoint *points, Rect area, float share)
{
    float u = x->vm->unit, gw = map_gutter(x), least = map_least_width(x);
    Column c;
    c.lw = gw + fmaxf(fminf(area.w * share, area.h), least);
    c.lh = legend(x, points, (Rect){ area.x, 0, c.lw, 0 }, false);
    c.room = area.h - 6 * u - map_extra(x) - c.lh;
    c.side = fmaxf(fminf(area.w * share, c.room), least);
    c.named = c.room >= names_height(x, c.side);
    if (!c.named) { /* wider than tall, if that is what the names need */
        c.side = fmaxf(area.w * share, least);
        c.named = c.room >= names_height(x, c.side);
    }
    c.text_w = area.w - fmaxf(c.lw, gw + c.side) - 2 * x->vm->gap;
    return c;
}

/* Landscape: the map with the legend under it in a column, the pairing's words beside it
 * (returned). The column is 0.38 of the width, or narrower (down to the map's least) when
 * a paragraph needs the room, or wider (up to 0.5) when the legend wraps so much that the
 * quadrants' names would not fit; when no width leaves every paragraph room, the one
 * that leaves the most; when the names fit at none (a threshold far from the middle makes
 * two quadrants short), the map has the column's height and the legend goes over the words. */
static Rect map_beside(Ctx *x, const MapPoint *points, Rect area)
{
    static const float shares[] = { 0.38f, 0.35f, 0.32f, 0.29f, 0.26f, 0.23f, 0.41f, 0.44f, 0.47f, 0.50f };
    float u = x->vm->unit, gw = map_gutter(x);
    Column c = column_at(x, points, area, shares[0]), best = c;
    bool found = false;
    for (size_t i = 0; i < sizeof(shares) / sizeof(shares[0]) && !found; i++) {
        c = column_at(x, points, area, shares[i]);
        if (!c.named)
            continue;
        found = deck_need(x, c.text_w) <= area.h;
        if (found || !best.named || c.text_w > best.text_w)
            best = c;
    }
    if (!best.named) { /* the map needs the column's whole height: the legend over the words */
        float room = area.h - 6 * u - map_extra(x), side = fmaxf(fminf(area.w * shares[0], room), map_least_width(x));
        float mh = fminf(room, fmaxf(side, map_least_height(x, side)));
        map_draw(x, (Rect){ area.x + gw, area.y + 6 * u, side, mh }, points, 2, STYLE_COUNT);
        float tx = area.x + gw + side + 2 * x->vm->gap, tw = area.x + area.w - tx;
        float lh = legend(x, points, (Rect){ tx, area.y, tw, 0 }, true) + x->vm->gap;
        return (Rect){ tx, area.y + lh, tw, area.h - lh };
    }
    float mh = fminf(best.room, fmaxf(best.side, map_least_height(x, best.side)));
    map_draw(x, (Rect){ area.x + gw, area.y + 6 * u, best.side, mh }, points, 2, STYLE_COUNT);
    legend(x, points, (Rect){ area.x, area.y + 6 * u + mh + map_extra(x), best.lw, best.lh }, true);
    float tx = area.x + area.w - best.text_w;
    return (Rect){ tx, area.y, best.text_w, area.h };
}

/* Portrait: the map, the legend under it, the pairing's words under them (returned). The
 * map is 0.34 of the height, or less (down to its least) when a paragraph needs room. */
static Rect map_above(Ctx *x, const MapPoint *points, Rect area)
{
    float u = x->vm->unit, gap = x->vm->gap, gw = map_gutter(x), width = area.w - gw;
    float lh = legend(x, points, (Rect){ area.x, 0, area.w, 0 }, false);
    float least = map_least_height(x, width), need = deck_need(x, area.w);
    float mh = fmaxf(fminf(width, area.h * 0.34f), least);
    float spare = area.h - 6 * u - map_extra(x) - lh - gap - need; /* < 0: a paragraph is cut */
    if (spare < 0)
        mh = fmaxf(mh + spare, least);
    map_draw(x, (Rect){ area.x + gw, area.y + 6 * u, width, mh }, points, 2, STYLE_COUNT);
    float ly = area.y + 6 * u + mh + map_extra(x);
    legend(x, points, (Rect){ area.x, ly, area.w, lh }, true);
    float ty = ly + lh + gap;
    return (Rect){ area.x, ty, area.w, area.y + area.h - ty };
}

/* Both points on one map (a dot marked 1, a square marked 2), the legend, and the
 * pairing's guidance in pages beside it (landscape) or under it (portrait); when a
 * partner has too few answers for a point, the legend over the partners guidance. */
void screen_couple_map(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    const FlowCouple *c = &x->f->couple;
    float m = vm->margin, gap = vm->gap;
    float top = top_bar(x, bundle_word(x->b, WORD_COUPLE_MAP_TITLE), x->f->page > 0 ? ACT_BACK : ACT_NONE, 0);
    float by = footer_top(x, bundle_word(x->b, WORD_COUPLE_MAP_FINISH));
    const MapPoint points[2] = { { &c->score[0], bundle_word(x->b, WORD_COUPLE_MARK_1), false },
                                 { &c->score[1], bundle_word(x->b, WORD_COUPLE_MARK_2), true } };
    Rect area = { m, top, x->w - 2 * m, by - gap - top };
    Rect text;
    bool placed = result_kind(&c->score[0]) != RESULT_UNPLACED && result_kind(&c->score[1]) != RESULT_UNPLACED;
    bool paired = pairing_items(x, true, NULL), mapped = paired || placed;
    DrawList *out = x->out;
    int cmds = out->count, targets = out->target_count, blocks = out->block_count, kept = x->kept_count;
    if (mapped) {
        text = x->w > x->h ? map_beside(x, points, area) : map_above(x, points, area);
        if (paired && deck_need(x, text.w) > text.h)
            pairing_items(x, false, NULL); /* no room for the title over the first paragraph */
        /* near the middle, or in larger text: the words beside or under the map have no
         * room for a paragraph (a sentence) whole; the map is taken back, the legend says
         * in words where each partner is */
        if ((!paired || x->f->large_text) && deck_need(x, text.w) > text.h) {
            out->count = cmds;
            out->target_count = targets;
            out->block_count = blocks;
            x->kept_count = kept;
            mapped = false;
        }
    }
    if (!mapped && x->f->large_text) { /* the legend's lines lead the words, on the first
        * page only: every page has the whole height for a sentence */
        pairing_items(x, true, points);
        text = area;
    } else if (!mapped) { /* the legend over the words at the whole width: it says why there
                           * is no pairing (a partner unplaced, or near the middle) */
        float lh = legend(x, points, (Rect){ area.x, area.y, area.w, 0 }, true) + gap;
        text = (Rect){ area.x, area.y + lh, area.w, area.h - lh };
    }
    deck_draw(x, text);
    pages_footer(x, bundle_word(x->b, WORD_COUPLE_MAP_FINISH), ACT_DONE);
}
