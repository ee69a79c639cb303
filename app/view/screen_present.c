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

/* The least side of the map: map_least_width holds each quadrant's name in halves, and a
 * threshold off the scale's middle makes one quadrant narrower than half. */
static float map_least(Ctx *x)
{
    const Quiz *q = &x->b->quiz;
    float u = x->vm->unit, inset = 22 * u, least = map_least_width(x); /* map_draw's inset */
    float k = (float)((q->threshold - 1) / (q->points - 1));
    k = fmaxf(fminf(k, 1 - k), 0.1f);
    float quadrant = (least - 4 * u) / 2;
    return fmaxf(least, 2 * inset + (quadrant - inset) / k);
}

/* The map in `area`, as large a square as fits with its axes' words, at its top left
 * (`centre`: centred across the area). Returns the rect it took, words and all. */
static Rect present_map(Ctx *x, Rect area, const MapPoint *points, int n, Style shaded, bool centre)
{
    float gw = map_gutter(x), extra = map_extra(x), u = x->vm->unit;
    float side = fminf(area.w - gw, area.h - extra - 6 * u);
    side = fmaxf(side, map_least(x));
    float left = centre ? area.x + (area.w - side - gw) / 2 : area.x;
    map_draw(x, (Rect){ left + gw, area.y + 6 * u, side, side }, points, n, shaded);
    return (Rect){ left, area.y, side + gw, side + extra + 6 * u };
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

/* A style's summary as a card shows it: whole, or up to the end of its first sentence
 * (". ", "? ", "! ", "。", "؟ "); NULL when it has none. Lives in the draw list. */
static const char *card_text(Ctx *x, const StyleInfo *s, bool whole)
{
    if (!s->summary || whole)
        return s->summary;
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
    return draw_printf(x->out, "%.*s", (int)len, s->summary);
}

/* The heights of the two rows of cards in two columns `width` wide, set as `fit`; returns
 * their sum with the gap between. */
static float cards_rows(Ctx *x, float width, CardFit fit, float rows[2])
{
    float gap = x->vm->gap, pad = 12 * x->vm->unit, cw = (width - gap) / 2 - 2 * pad;
    rows[0] = rows[1] = 0;
    for (int i = 0; i < STYLE_COUNT; i++) {
        const StyleInfo *s = card_style(x, i);
        const char *text = card_text(x, s, fit.whole);
        float h = paragraph_height(x, fit.name, s->name, cw) + 2 * pad;
        if (text)
            h += paragraph_height(x, fit.text, text, cw) + gap * 0.5f;
        rows[i / 2] = fmaxf(rows[i / 2], h);
    }
    return rows[0] + rows[1] + gap;
}

static float cards_height(Ctx *x, float width, CardFit fit)
{
    float rows[2];
    return cards_rows(x, width, fit, rows);
}

/* The four cards, two by two, from the top of `area` (as tall as cards_height says), each
 * row as tall as its taller card; `pressable`: each a button to its style's guidance,
 * pressed and focused as a button shows it. */
static void cards_draw(Ctx *x, Rect area, CardFit fit, bool pressable)
{
    float gap = x->vm->gap, u = x->vm->unit, pad = 12 * u, rows[2];
    cards_rows(x, area.w, fit, rows);
    float cw = (area.w - gap) / 2;
    for (int i = 0; i < STYLE_COUNT; i++) {
        const StyleInfo *s = card_style(x, i);
        const char *text = card_text(x, s, fit.whole);
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
static bool overview_side(Ctx *x, Rect area, CardFit *fit, float *side)
{
    float gw = map_gutter(x), gap = x->vm->gap, least = map_least(x);
    float most = fmaxf(fminf(area.h - map_extra(x) - 6 * x->vm->unit, area.w * 0.45f - gw), least);
    for (int i = 0; i < CARD_FITS; i++)
        for (*side = most; *side >= least; *side -= (most - least) / 8 + 1)
            if (cards_height(x, area.w - *side - gw - gap * 2, card_fits[i]) <= area.h) {
                *fit = card_fits[i];
                return true;
            }
    *fit = card_fits[CARD_FITS - 1];
    *side = least;
    return false;
}

/* Portrait: how the cards under the map are set, in at most `h`; false when none fits
 * (then *fit is the least). */
static bool overview_fit(Ctx *x, float w, float h, CardFit *fit)
{
    for (int i = 0; i < CARD_FITS; i++)
        if (cards_height(x, w, card_fits[i]) <= h) {
            *fit = card_fits[i];
            return true;
        }
    *fit = card_fits[CARD_FITS - 1];
    return false;
}

/* Larger text, presenting, where the map and the cards do not fit together: the cards
 * alone across `area` (the map has a step of the talk to itself next, the sample map, and
 * the cards name each style and say what it is). False when even they do not fit. */
static bool cards_alone(Ctx *x, Rect area, bool force)
{
    CardFit fit;
    if (!overview_fit(x, area.w, area.h, &fit) && !force)
        return false;
    float ch = cards_height(x, area.w, fit);
    cards_draw(x, (Rect){ area.x, area.y + fmaxf(0, (area.h - ch) / 2), area.w, ch }, fit, false);
    return true;
}

bool styles_overview(Ctx *x, Rect area, bool pressable, bool force)
{
    float gap = x->vm->gap;
    CardFit fit;
    if (x->f->large_text && !pressable) { /* the map beside or above the cards where both fit */
        float side, least = fmaxf(map_least(x), area.w * 0.5f) + map_extra(x) + gap;
        bool both = x->w >= x->h ? overview_side(x, area, &fit, &side)
                                 : overview_fit(x, area.w, area.h - least, &fit);
        if (!both)
            return cards_alone(x, area, force);
    }
    if (x->w >= x->h) { /* landscape: the map at the left, the cards beside it */
        float gw = map_gutter(x), side;
        if (!overview_side(x, area, &fit, &side) && !force)
            return false;
        Rect cards = { area.x + side + gw + gap * 2, area.y, 0, 0 };
        cards.w = area.x + area.w - cards.x;
        cards.h = cards_height(x, cards.w, fit);
        cards.y = area.y + fmaxf(0, (area.h - cards.h) / 2);
        present_map(x, (Rect){ area.x, area.y, side + gw, area.h }, NULL, 0, STYLE_COUNT, false);
        cards_draw(x, cards, fit, pressable);
    } else { /* portrait: the map above (at least half the width), the cards under it */
        float least = fmaxf(map_least(x), area.w * 0.5f) + map_extra(x) + gap;
        if (!overview_fit(x, area.w, area.h - least, &fit) && !force)
            return false;
        float ch = cards_height(x, area.w, fit);
        Rect used = present_map(x, (Rect){ area.x, area.y, area.w, area.h - ch - gap }, NULL, 0, STYLE_COUNT, true);
        cards_draw(x, (Rect){ area.x, used.y + used.h + gap, area.w, ch }, fit, pressable);
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
        float side = fminf(area.h - map_extra(x) - 6 * vm->unit, area.w * 0.55f - map_gutter(x));
        Rect used = present_map(x, (Rect){ area.x, area.y, side + map_gutter(x), area.h }, &point, 1, s.style, false);
        Rect text = { used.x + used.w + gap * 3, area.y, area.x + area.w - (used.x + used.w + gap * 3), used.h };
        FontRole font = paragraph_height(x, FONT_TITLE, caption, text.w) <= text.h ? FONT_TITLE : FONT_BODY;
        paragraph_middle(x, font, caption, text, text, ALIGN_LEFT, fg, bg);
    } else { /* portrait: the map above, the caption under it */
        /* the caption as large as fits under the least map (larger text: smaller sizes
         * of the larger text's, where the title's does not) */
        float room = area.h - map_least(x) - map_extra(x) - 6 * vm->unit - gap * 2;
        FontRole font = FONT_TITLE;
        if (paragraph_height(x, font, caption, area.w) > room)
            font = paragraph_height(x, FONT_HEADING, caption, area.w) <= room ? FONT_HEADING : FONT_BODY;
        float th = paragraph_height(x, font, caption, area.w);
        Rect used = present_map(x, (Rect){ area.x, area.y, area.w, area.h - th - gap * 2 }, &point, 1, s.style, true);
        paragraph(x, font, caption, (Rect){ area.x, used.y + used.h + gap, area.w, th }, ALIGN_LEFT, fg, bg);
    }
    present_footer(x);
}
