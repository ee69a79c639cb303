/* screen_present.c — presenter mode's own screens (flow_talk.c walks them): the four styles
 * side by side with the map, and the sample map a facilitator steps through (a point in
 * each quadrant, one near a line, one in the middle, each with its caption from the
 * bundle). Both keep the bottom row whether the chrome shows or not, so that H changes
 * nothing but the buttons. */
#include "view_internal.h"

#include <math.h>
#include <string.h>

/* The bottom of a presenter screen: the page marker and [Next] with the chrome shown, else
 * only the talk's count. */
static void present_footer(Ctx *x)
{
    if (flow_chrome_hidden(x->f)) {
        talk_marker(x);
        return;
    }
    float m = x->vm->margin, t = x->vm->target, gap = x->vm->gap;
    float nw = deck_next(x, deck_end_word(x), BUTTON_SECONDARY);
    page_marker(x, (Rect){ m, bottom_row(x), x->w - 2 * m - nw - gap, t });
}

/* The width of `word` in the caption font (the map's words). */
static float caption_width(Ctx *x, Word word)
{
    const char *w = bundle_word(x->b, word);
    return (float)width_of(x, FONT_CAPTION, w, (int)strlen(w));
}

/* The least side of the map in a room `width` wide (map_shape; INFINITY: the usual map):
 * its least width holds each quadrant's name in halves, and a threshold off the scale's
 * middle makes one quadrant narrower than half; the words under it hold "Low" and "High"
 * in a quarter each and "Avoidance" in the half between. */
static float map_least(Ctx *x, float width)
{
    const Quiz *q = &x->b->quiz;
    float u = x->vm->unit, inset = 22 * u, least = map_shape(x, width).least; /* map_draw's inset */
    float k = (float)((q->threshold - 1) / (q->points - 1));
    k = fmaxf(fminf(k, 1 - k), 0.1f);
    float quadrant = (least - 4 * u) / 2;
    float ends = fmaxf(caption_width(x, WORD_RESULT_LOW), caption_width(x, WORD_RESULT_HIGH));
    float axis = fmaxf(4 * ends, 2 * caption_width(x, WORD_RESULT_AVOIDANCE)) + 2 * u;
    return fmaxf(fmaxf(least, axis), 2 * inset + (quadrant - inset) / k);
}

/* The map's width and height in `area` with its gutter and its words: `want` wide (a
 * square where the height allows; INFINITY: as large as fits), at least map_least, and
 * wider where its quadrants' names then need fewer lines to fit the height; as tall as it
 * is wide, or as the names need, within the area. False where it does not fit. */
static bool map_fit(Ctx *x, Rect area, float want, float *w, float *h)
{
    MapShape sh = map_shape(x, area.w);
    float u = x->vm->unit, room_w = area.w - sh.gutter, room_h = area.h - map_extra(x) - 6 * u - sh.above;
    *w = fmaxf(fminf(fminf(want, room_w), room_h), map_least(x, area.w));
    while (*w + 8 * u <= room_w && map_shape_least_height(x, &sh, *w) > room_h)
        *w += 8 * u;
    float need = map_shape_least_height(x, &sh, *w);
    *h = fminf(room_h, fmaxf(fminf(*w, room_h), need));
    return *w <= room_w + 0.5f && need <= room_h + 0.5f;
}

/* The map in `area`, `want` wide (map_fit), with its axes' words, at its top left
 * (`centre`: centred across the area). Returns the rect it took, words and all. */
static Rect present_map(Ctx *x, Rect area, float want, const MapPoint *points, int n, Style shaded, bool centre)
{
    MapShape sh = map_shape(x, area.w);
    float gw = sh.gutter, extra = map_extra(x) + sh.above, u = x->vm->unit, w, h;
    map_fit(x, area, want, &w, &h);
    float left = centre ? area.x + (area.w - w - gw) / 2 : area.x;
    map_draw_shaped(x, (Rect){ left + gw, area.y + 6 * u + sh.above, w, h }, points, n, shaded, &sh);
    return (Rect){ left, area.y, w + gw, h + extra + 6 * u };
}

/* --- the four styles side by side ---------------------------------------------------------- */

/* The styles in the map's quadrants' places: the top row high anxiety, the right column
 * high avoidance. */
static const Style quadrant_order[STYLE_COUNT] = { STYLE_ANXIOUS, STYLE_DISORGANIZED, STYLE_SECURE, STYLE_AVOIDANT };

/* The style of card `i` (left to right, row by row, as laid out): a right-to-left screen is
 * mirrored but its map is not, so its columns are swapped first to stay by their quadrants. */
static Style card_style_of(const Ctx *x, int i)
{
    return quadrant_order[x->b->rtl ? i ^ 1 : i];
}

static const StyleInfo *card_style(const Ctx *x, int i)
{
    return &x->b->styles[card_style_of(x, i)];
}

/* How the cards are set: the fonts of a style's name and of its summary, and whether the
 * whole summary shows or only its first sentence (where the whole does not fit). */
typedef struct CardFit {
    FontRole name, text;
    bool whole;
} CardFit;

/* The ways to set the cards, the most readable from the back of a room first. */
static const CardFit card_fits[] = {
    { FONT_HEADING, FONT_BODY, true }, { FONT_HEADING, FONT_BODY, false }, { FONT_BODY, FONT_CAPTION, true },
    { FONT_BODY, FONT_CAPTION, false }, { FONT_CAPTION, FONT_CAPTION, false },
};
enum { CARD_FITS = sizeof(card_fits) / sizeof(card_fits[0]) };

/* The cards' summaries up to the end of their first sentences, found once a frame (they
 * live in the draw list, which the fitting's many measures would otherwise fill). */
typedef struct Cards {
    const char *first[STYLE_COUNT];
} Cards;

/* A style's summary up to the end of its first sentence (". ", "? ", "! ", "。", "؟ "); NULL
 * when it has none. */
static const char *first_sentence(Ctx *x, const StyleInfo *s)
{
    if (!s->summary)
        return NULL;
    static const char *const ends[] = { ". ", "? ", "! ", "\xe3\x80\x82", "\xd8\x9f " };
    size_t len = strlen(s->summary);
    for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
        const char *e = strstr(s->summary, ends[i]);
        size_t mark = strlen(ends[i]), at = len;
        if (e)
            at = (size_t)(e - s->summary) + mark - (ends[i][mark - 1] == ' ' ? 1 : 0); /* not the space */
        if (at < len)
            len = at;
    }
    return len == strlen(s->summary) ? s->summary : draw_printf(x->out, "%.*s", (int)len, s->summary);
}

static void cards_begin(Ctx *x, Cards *cards)
{
    for (int i = 0; i < STYLE_COUNT; i++)
        cards->first[i] = first_sentence(x, card_style(x, i));
}

/* Card `i`'s summary as it shows: whole, or its first sentence. */
static const char *card_text(const Cards *cards, const StyleInfo *s, int i, bool whole)
{
    return whole ? s->summary : cards->first[i];
}

/* The heights of the two rows of cards in two columns `width` wide, set as `fit`; returns
 * their sum with the gap between. */
static float cards_rows(Ctx *x, const Cards *cards, float width, CardFit fit, float rows[2])
{
    float gap = x->vm->gap, pad = 12 * x->vm->unit, cw = (width - gap) / 2 - 2 * pad;
    rows[0] = rows[1] = 0;
    for (int i = 0; i < STYLE_COUNT; i++) {
        const StyleInfo *s = card_style(x, i);
        const char *text = card_text(cards, s, i, fit.whole);
        float h = paragraph_height(x, fit.name, s->name, cw) + 2 * pad;
        if (text)
            h += paragraph_height(x, fit.text, text, cw) + gap * 0.5f;
        rows[i / 2] = fmaxf(rows[i / 2], h);
    }
    return rows[0] + rows[1] + gap;
}

static float cards_height(Ctx *x, const Cards *cards, float width, CardFit fit)
{
    float rows[2];
    return cards_rows(x, cards, width, fit, rows);
}

/* The four cards, two by two, from the top of `area` (as tall as cards_height says), each
 * row as tall as its taller card; `pressable`: each a button to its style's guidance,
 * pressed and focused as a button shows it. */
static void cards_draw(Ctx *x, const Cards *cards, Rect area, CardFit fit, bool pressable)
{
    float gap = x->vm->gap, u = x->vm->unit, pad = 12 * u, rows[2];
    cards_rows(x, cards, area.w, fit, rows);
    float cw = (area.w - gap) / 2;
    for (int i = 0; i < STYLE_COUNT; i++) {
        const StyleInfo *s = card_style(x, i);
        const char *text = card_text(cards, s, i, fit.whole);
        Rect c = { area.x + (i % 2) * (cw + gap), area.y + (i / 2) * (rows[0] + gap), cw, rows[i / 2] };
        int index = pressable ? x->out->target_count : -1;
        uint32_t surface = colour(x, COLOUR_SURFACE), name_c = colour(x, COLOUR_ACCENT);
        if (index >= 0 && x->f->pressed == index) { /* as a pressed button: darker, its words in text colour */
            surface = mix(surface, colour(x, COLOUR_TEXT), 0.18f);
            name_c = colour(x, COLOUR_TEXT);
        }
        if (index >= 0 && x->f->focus == index) /* the ring of a focused button */
            draw_outline(x->out, (Rect){ c.x - 6 * u, c.y - 6 * u, c.w + 12 * u, c.h + 12 * u },
                         colour(x, COLOUR_TEXT), 16 * u, 3 * u);
        draw_rect(x->out, c, surface, 10 * u);
        draw_outline(x->out, c, colour(x, COLOUR_LINE), 10 * u, 1.5f * u);
        if (pressable)
            draw_target(x->out, c, ACT_GUIDANCE, card_style_of(x, i), s->name);
        Rect in = { c.x + pad, c.y + pad, c.w - 2 * pad, c.h - 2 * pad };
        float y = in.y + paragraph(x, fit.name, s->name, in, ALIGN_LEFT, name_c, surface);
        if (text)
            paragraph(x, fit.text, text, (Rect){ in.x, y + gap * 0.5f, in.w, in.y + in.h - y - gap * 0.5f },
                      ALIGN_LEFT, colour(x, COLOUR_TEXT), surface);
    }
}

/* Landscape: the map's side, from as large as fits down to its least, and how the cards
 * beside it are set: the summaries' size matters more to the room than the map's. False
 * when even the least does not fit (then *fit is the least). */
static bool overview_side(Ctx *x, const Cards *cards, Rect area, CardFit *fit, float *side)
{
    float gw = map_gutter(x), gap = x->vm->gap, least = map_least(x, INFINITY);
    float most = fmaxf(fminf(area.h - map_extra(x) - 6 * x->vm->unit, area.w * 0.45f - gw), least);
    for (int i = 0; i < CARD_FITS; i++)
        for (*side = most; *side >= least; *side -= (most - least) / 8 + 1)
            if (cards_height(x, cards, area.w - *side - gw - gap * 2, card_fits[i]) <= area.h) {
                *fit = card_fits[i];
                return true;
            }
    *fit = card_fits[CARD_FITS - 1];
    *side = least;
    return false;
}

/* Portrait: how the cards under the map are set, in at most `h`; false when none fits
 * (then *fit is the least). */
static bool overview_fit(Ctx *x, const Cards *cards, float w, float h, CardFit *fit)
{
    for (int i = 0; i < CARD_FITS; i++)
        if (cards_height(x, cards, w, card_fits[i]) <= h) {
            *fit = card_fits[i];
            return true;
        }
    *fit = card_fits[CARD_FITS - 1];
    return false;
}

/* Larger text, presenting, where the map and the cards do not fit together: the cards
 * alone across `area` (the map has a step of the talk to itself next, the sample map, and
 * the cards name each style and say what it is). False when even they do not fit. */
static bool cards_alone(Ctx *x, const Cards *cards, Rect area, bool force)
{
    CardFit fit;
    if (!overview_fit(x, cards, area.w, area.h, &fit) && !force)
        return false;
    float ch = cards_height(x, cards, area.w, fit);
    cards_draw(x, cards, (Rect){ area.x, area.y + fmaxf(0, (area.h - ch) / 2), area.w, ch }, fit, false);
    return true;
}

/* Portrait: the least height of the map above the cards, its words and the gap under it. */
static float map_least_tall(Ctx *x, Rect area)
{
    MapShape sh = map_shape(x, area.w);
    float w = fmaxf(map_least(x, area.w), area.w * 0.5f);
    return fmaxf(w, map_shape_least_height(x, &sh, w)) + map_extra(x) + sh.above + x->vm->gap;
}

bool styles_overview(Ctx *x, Rect area, bool pressable, bool force)
{
    float gap = x->vm->gap;
    CardFit fit;
    Cards cards;
    cards_begin(x, &cards);
    if (x->f->large_text && !pressable) { /* the map beside or above the cards where both fit */
        float side;
        bool both = x->w >= x->h ? overview_side(x, &cards, area, &fit, &side)
                                 : overview_fit(x, &cards, area.w, area.h - map_least_tall(x, area), &fit);
        if (!both)
            return cards_alone(x, &cards, area, force);
    }
    if (x->w >= x->h) { /* landscape: the map at the left, the cards beside it */
        float gw = map_gutter(x), side;
        if (!overview_side(x, &cards, area, &fit, &side) && !force)
            return false;
        Rect box = { area.x + side + gw + gap * 2, area.y, 0, 0 };
        box.w = area.x + area.w - box.x;
        box.h = cards_height(x, &cards, box.w, fit);
        box.y = area.y + fmaxf(0, (area.h - box.h) / 2);
        present_map(x, (Rect){ area.x, area.y, side + gw, area.h }, side, NULL, 0, STYLE_COUNT, false);
        cards_draw(x, &cards, box, fit, pressable);
    } else { /* portrait: the map above (at least half the width), the cards under it */
        if (!overview_fit(x, &cards, area.w, area.h - map_least_tall(x, area), &fit) && !force)
            return false;
        float ch = cards_height(x, &cards, area.w, fit);
        Rect used = present_map(x, (Rect){ area.x, area.y, area.w, area.h - ch - gap }, INFINITY, NULL, 0,
                                STYLE_COUNT, true);
        cards_draw(x, &cards, (Rect){ area.x, used.y + used.h + gap, area.w, ch }, fit, pressable);
    }
    return true;
}

void screen_overview(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, gap = vm->gap;
    float top = top_bar(x, bundle_word(x->b, WORD_STYLES_TITLE), ACT_BACK, 0);
    flow_set_page_count(x->f, 1);
    /* presenting, down to the talk's count; with the chrome, above its bottom row (else
     * down to the count too, and no Next: the clicker goes on) */
    float low = x->h - m * 0.5f - (float)line_h(x, FONT_CAPTION) - gap;
    bool hidden = flow_chrome_hidden(x->f);
    Rect area = { m, top, x->w - 2 * m, (hidden ? low : bottom_row(x) - gap) - top };
    bool footer = styles_overview(x, area, false, hidden) || hidden;
    if (!footer)
        styles_overview(x, (Rect){ m, top, x->w - 2 * m, low - top }, false, true);
    if (footer)
        present_footer(x);
}

/* --- the sample map -------------------------------------------------------------------------- */

enum { SAMPLE_STEPS = 6 };

/* Step `step`'s point: each quadrant in turn, one near the anxiety line on the secure side,
 * the middle; its caption's word; the quadrant it shades (STYLE_COUNT: none). */
static Word sample_point(const Quiz *q, int step, QuizScore *s)
{
    static const Word words[SAMPLE_STEPS] = { WORD_SAMPLE_SECURE, WORD_SAMPLE_ANXIOUS, WORD_SAMPLE_AVOIDANT,
                                              WORD_SAMPLE_DISORGANIZED, WORD_SAMPLE_LINE, WORD_SAMPLE_MIDDLE };
    double span = q->points - 1, low = 1 + span * 0.2, high = 1 + span * 0.8, t = q->threshold;
    double near = q->near > 0 ? q->near : span * 0.05;
    double at[SAMPLE_STEPS][DIM_COUNT] = { /* anxiety, avoidance */
        { low, low }, { high, low }, { low, high }, { high, high }, { t - near * 0.5, low }, { t, t },
    };
    *s = (QuizScore){ .style = STYLE_COUNT };
    for (int d = 0; d < DIM_COUNT; d++) {
        s->placed[d] = true;
        s->mean[d] = at[step][d];
        s->high[d] = s->mean[d] >= t;
        s->near[d] = fabs(s->mean[d] - t) <= near;
    }
    if (step < 4)
        s->style = (Style)step; /* the quiz's styles in their order: secure, anxious, avoidant, disorganized */
    return words[step];
}

/* Landscape: the map's width and the caption's font beside it: the title's size beside the
 * largest map, else the body's, beside a narrower map (down to its least) where the
 * caption needs the room. Sets the caption's box. */
static FontRole sample_beside(Ctx *x, const char *caption, Rect area, float *side, Rect *text)
{
    float u = x->vm->unit, gw = map_gutter(x), gap = x->vm->gap, least = map_least(x, INFINITY), w, h;
    float most = fmaxf(fminf(area.h - map_extra(x) - 6 * u, area.w * 0.55f - gw), least);
    for (*side = most;; *side = fmaxf(*side - 8 * u, least)) {
        map_fit(x, (Rect){ area.x, area.y, *side + gw, area.h }, *side, &w, &h);
        float tx = area.x + w + gw + gap * 3;
        *text = (Rect){ tx, area.y, area.x + area.w - tx, *side == most ? h + map_extra(x) + 6 * u : area.h };
        if (*side == most && paragraph_height(x, FONT_TITLE, caption, text->w) <= text->h)
            return FONT_TITLE;
        if (paragraph_height(x, FONT_BODY, caption, text->w) <= text->h)
            return FONT_BODY;
        if (*side <= least) /* larger text's caption size: about the usual body's */
            return paragraph_height(x, FONT_CAPTION, caption, text->w) <= text->h ? FONT_CAPTION : FONT_BODY;
    }
}

void screen_sample_map(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, gap = vm->gap;
    float top = top_bar(x, bundle_word(x->b, WORD_SAMPLE_TITLE), ACT_BACK, 0);
    flow_set_page_count(x->f, SAMPLE_STEPS);
    QuizScore s;
    Word word = sample_point(&x->b->quiz, x->f->page, &s);
    const char *caption = bundle_word(x->b, word);
    MapPoint point = { &s, NULL, false };
    Rect area = { m, top, x->w - 2 * m, bottom_row(x) - gap - top };
    uint32_t fg = colour(x, COLOUR_TEXT), bg = colour(x, COLOUR_BACKGROUND);
    if (x->w >= x->h) { /* landscape: the map at the left, the caption beside it */
        float side;
        Rect text;
        FontRole font = sample_beside(x, caption, area, &side, &text);
        present_map(x, (Rect){ area.x, area.y, side + map_gutter(x), area.h }, side, &point, 1, s.style, false);
        paragraph_middle(x, font, caption, text, text, ALIGN_LEFT, fg, bg);
    } else { /* portrait: the map above, the caption under it */
        /* the caption as large as fits under the least map (larger text: smaller sizes
         * of the larger text's, where the title's does not) */
        MapShape sh = map_shape(x, area.w);
        float least = map_least(x, area.w), tall = fmaxf(least, map_shape_least_height(x, &sh, least));
        float room = area.h - tall - map_extra(x) - sh.above - 6 * vm->unit - gap * 2;
        FontRole font = FONT_TITLE;
        if (paragraph_height(x, font, caption, area.w) > room)
            font = paragraph_height(x, FONT_HEADING, caption, area.w) <= room ? FONT_HEADING : FONT_BODY;
        float th = paragraph_height(x, font, caption, area.w);
        Rect used = present_map(x, (Rect){ area.x, area.y, area.w, area.h - th - gap * 2 }, INFINITY, &point, 1,
                                s.style, true);
        paragraph(x, font, caption, (Rect){ area.x, used.y + used.h + gap, area.w, th }, ALIGN_LEFT, fg, bg);
    }
    present_footer(x);
}
