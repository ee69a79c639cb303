/* screen_entry.c — the way in: the attract loop, the consent screen, the home menu, and
 * the language choice that attract and home show when the kiosk offers several. */
#include "view_internal.h"

#include <math.h>
#include <string.h>

/* --- the language choice ----------------------------------------------------------------- */

/* Where the language choice's row starts: x->h when the screen shows none. */
static float language_row_top(const Ctx *x)
{
    return flow_offers_languages(x->f) ? bottom_row(x) : x->h;
}

/* A language's name in itself (its bundle's [app] language_name; content.c refuses a
 * bundle without it on a kiosk that offers several), else its code. */
static const char *language_name(const Ctx *x, int i)
{
    const Kiosk *k = x->f->kiosk;
    const char *name = bundle_word(k->languages[i], WORD_APP_LANGUAGE_NAME);
    return name[0] ? name : k->language_codes[i];
}

/* The language choice: each language named in itself, never a flag, one button each in a
 * row centred on the bottom edge, in the kiosk's order, the one in use selected. The same
 * place on attract and home. Right to left: the row is laid out here, left to right, so a
 * mirrored layout has only to reverse the x of each button (`slot`) in this function. */
static void language_row(Ctx *x)
{
    if (!flow_offers_languages(x->f))
        return;
    const Kiosk *k = x->f->kiosk;
    float t = x->vm->target, gap = x->vm->gap, y = language_row_top(x);
    float widths[CONFIG_MAX_LANGUAGES], total = -gap;
    for (int i = 0; i < k->language_count; i++) {
        widths[i] = fmaxf(button_width(x, language_name(x, i)), t * 2);
        total += widths[i] + gap;
    }
    float room = x->w - 2 * x->vm->margin;
    if (total > room) { /* narrow: the buttons share the width (their text is checked) */
        for (int i = 0; i < k->language_count; i++)
            widths[i] = (room - gap * (float)(k->language_count - 1)) / (float)k->language_count;
        total = room;
    }
    /* a name that would wrap in its share (larger text, portrait) takes the captions' size,
     * there about the usual buttons' */
    FontRole font = FONT_BUTTON;
    for (int i = 0; i < k->language_count; i++) {
        const char *name = language_name(x, i);
        if (width_of(x, FONT_BUTTON, name, (int)strlen(name)) > widths[i] - 2 * 14 * x->vm->unit)
            font = FONT_CAPTION;
    }
    float slot = (x->w - total) / 2;
    for (int i = 0; i < k->language_count; i++) {
        button_in(x, (Rect){ slot, y, widths[i], t }, language_name(x, i), ACT_LANGUAGE, i,
                  i == x->f->language ? BUTTON_SELECTED : BUTTON_QUIET, font);
        slot += widths[i] + gap;
    }
}

void screen_attract(Ctx *x)
{
    float u = x->vm->unit, m = x->vm->margin, t = x->vm->target, gap = x->vm->gap;
    /* with the language choice, the picture and the words fit above its row */
    float row = language_row_top(x), hh = row < x->h ? row - gap : x->h;
    const char *title = bundle_word(x->b, WORD_ATTRACT_TITLE), *sub = bundle_word(x->b, WORD_ATTRACT_SUBTITLE);
    const char *touch = bundle_word(x->b, WORD_ATTRACT_TOUCH);
    /* the words start just over halfway down, or higher when the pill would come closer
     * than half a gap under them (a long subtitle on two lines over a language choice);
     * the circles follow them */
    float words = paragraph_height(x, FONT_DISPLAY, title, x->w - 2 * m) +
                  (sub[0] ? paragraph_height(x, FONT_BODY, sub, x->w - 4 * m) + 4 * u : 0);
    float y = fminf(hh * 0.56f, (row < x->h ? hh : x->h - m) - t - gap * 0.5f - words);
    float scale = y < hh * 0.56f ? fmaxf(y, 0) / (hh * 0.56f) : 1;
    double phase = 2 * 3.14159265358979 * (double)(x->now % 24000) / 24000.0;
    /* two soft circles drifting around each other: calm, slow, and cheap to redraw */
    float r = fminf(x->w, hh) * 0.2f * scale, cx = x->w / 2, cy = hh * 0.31f * scale;
    float dx = (float)(cos(phase) * r * 0.45), dy = (float)(sin(phase) * r * 0.18);
    DrawCmd *a = draw_circle(x->out, (Rect){ cx - dx - r, cy - dy - r, 2 * r, 2 * r },
                             mix(colour(x, COLOUR_BACKGROUND), colour(x, COLOUR_ACCENT), 0.16f));
    DrawCmd *b = draw_circle(x->out, (Rect){ cx + dx - r, cy + dy - r, 2 * r, 2 * r },
                             mix(colour(x, COLOUR_BACKGROUND), colour(x, COLOUR_ACCENT), 0.28f));
    if (a && b)
        b->alpha = 170;
    x->out->animating = true;
    x->out->next_change_ms = 50; /* 20 frames a second is plenty for this pace */

    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    Rect box = { m, y, x->w - 2 * m, hh - y };
    y += paragraph(x, FONT_DISPLAY, title, box, ALIGN_CENTRE, colour(x, COLOUR_TEXT), bg);
    if (sub[0])
        y += paragraph(x, FONT_BODY, sub, (Rect){ m * 2, y + 4 * u, x->w - 4 * m, hh - y }, ALIGN_CENTRE,
                       colour(x, COLOUR_MUTED), bg) + 4 * u;
    float bw = fmaxf(button_width(x, touch), 3 * t);
    float by = fminf(y + gap * 1.5f, (row < x->h ? hh : x->h - m) - t);
    /* the whole screen is the target (above the language choice, when there is one); the
     * pill shows where to touch */
    button_face(x, (Rect){ (x->w - bw) / 2, by, bw, t }, touch, BUTTON_PRIMARY, 0);
    draw_target(x->out, (Rect){ 0, 0, x->w, row < x->h ? row - gap / 2 : x->h }, ACT_BEGIN, 0, touch);
    language_row(x);
}

void screen_consent(Ctx *x)
{
    float top = top_bar(x, bundle_word(x->b, WORD_CONSENT_TITLE), ACT_NONE, 0);
    const ViewMetrics *vm = x->vm;
    float t = vm->target, m = vm->margin, y = bottom_row(x);
    const char *start = bundle_word(x->b, WORD_CONSENT_START), *no = bundle_word(x->b, WORD_CONSENT_DECLINE);
    float sw = fmaxf(button_width(x, start), t * 2.6f), nw = fmaxf(button_width(x, no), t * 2.2f);
    button(x, (Rect){ x->w - m - sw, y, sw, t }, start, ACT_START, 0, BUTTON_PRIMARY);
    button(x, (Rect){ x->w - m - sw - vm->gap - nw, y, nw, t }, no, ACT_DECLINE, 0, BUTTON_SECONDARY);
    deck_begin(x);
    deck_add(x, ITEM_PARA, bundle_word(x->b, WORD_CONSENT_NOTE));
    deck_add(x, ITEM_BULLET, bundle_word(x->b, WORD_CONSENT_NOT_DIAGNOSIS));
    deck_add(x, ITEM_BULLET, bundle_word(x->b, WORD_CONSENT_NOTHING_SAVED));
    deck_draw(x, deck_box(x, top, y));
    if (x->f->page_count > 1) {
        /* Back and Next the same width, each label on one line */
        float bw = fmaxf(fmaxf(button_width(x, bundle_word(x->b, WORD_APP_BACK)),
                               button_width(x, bundle_word(x->b, WORD_APP_NEXT))), t * 1.6f);
        if (x->f->page > 0)
            button(x, (Rect){ m, y, bw, t }, bundle_word(x->b, WORD_APP_BACK), ACT_BACK, 0, BUTTON_SECONDARY);
        else if (x->f->page + 1 < x->f->page_count)
            button(x, (Rect){ m, y, bw, t }, bundle_word(x->b, WORD_APP_NEXT), ACT_NEXT, 0, BUTTON_SECONDARY);
    }
}

/* The home menu's items, in order: couple mode last, when offered. */
static const struct {
    Word word;
    Screen screen;
} home_items[] = {
    { WORD_HOME_QUIZ, SCREEN_QUESTION },     { WORD_HOME_CHEMISTRY, SCREEN_CHEMISTRY },
    { WORD_HOME_STYLES, SCREEN_GUIDANCE },   { WORD_HOME_PARTNERS, SCREEN_PARTNERS },
    { WORD_HOME_CALM, SCREEN_CALM },         { WORD_HOME_SUPPORT, SCREEN_SUPPORT },
    { WORD_HOME_COUPLE, SCREEN_COUPLE_START },
};

/* The home menu's grid: where it starts, its columns and rows, their height and gap. */
typedef struct {
    float top, gap, ch;
    int cols, rows;
    FontRole font; /* the labels' size */
} HomeGrid;

/* Larger text: whether every label fits its cell of `g` and the rows end by `bottom`. */
static bool home_fits(Ctx *x, const HomeGrid *g, int count, float bottom)
{
    if (!x->f->large_text)
        return true;
    if (g->top + g->rows * g->ch + (g->rows - 1) * g->gap > bottom + 0.5f)
        return false;
    Rect area = { x->vm->margin, g->top, x->w - 2 * x->vm->margin, 0 };
    float cw = grid_cell(area, g->cols, g->ch, g->gap, 0).w - 2 * 14 * x->vm->unit;
    for (int i = 0; i < count; i++)
        if (paragraph_height(x, g->font, bundle_word(x->b, home_items[i].word), cw) > g->ch)
            return false;
    return true;
}

/* The grid for `count` items under `top` (the intro and `gap` under it). Larger text:
 * fewer columns (and more rows) where a label would not fit its cell; where no grid
 * fits, the same again with the plain gap and the bottom row's margin, so that the
 * labels wrap onto two lines in cells that stay on the screen (Spanish, landscape); and
 * where still none fits (above a language choice), the labels in the captions' size
 * (about the usual buttons'), as a deck's contents does. */
static HomeGrid home_grid(Ctx *x, float top, int count, float gap)
{
    const ViewMetrics *vm = x->vm;
    float tallest = vm->target * 2.8f, row = language_row_top(x);
    int first = x->w > x->h * 1.2f ? (count > 6 ? 4 : 3) : (x->w > 560 * vm->unit ? 2 : 1);
    for (int pass = 0; pass < (x->f->large_text ? 3 : 1); pass++) {
        bool tight = pass > 0;
        HomeGrid g = { tight ? top - gap + vm->gap : top, tight ? vm->gap : gap, 0, first, 0,
                       pass == 2 ? FONT_CAPTION : FONT_BUTTON };
        float bottom = row < x->h ? row - g.gap : x->h - (tight ? vm->margin * 0.6f : vm->margin);
        for (; g.cols >= 1; g.cols--) {
            g.rows = (count + g.cols - 1) / g.cols;
            if (row < x->h || tight) /* above the language choice, or the bottom row's margin */
                g.ch = fmaxf(fminf((bottom - g.top - (g.rows - 1) * g.gap) / g.rows, tallest), vm->target);
            else
                g.ch = menu_cell_h(x, g.top, g.rows, g.gap, tallest);
            if (home_fits(x, &g, count, bottom))
                return g;
        }
    }
    HomeGrid one = { top, gap, 0, 1, count, FONT_BUTTON }; /* nothing fits: one column, as tall as it must */
    one.ch = row < x->h ? fmaxf(fminf((row - gap - top - (count - 1) * gap) / count, tallest), vm->target)
                        : menu_cell_h(x, top, count, gap, tallest);
    return one;
}

void screen_home(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, gap = vm->gap * 1.4f;
    float top = menu_top(x, WORD_HOME_TITLE, ACT_NONE, WORD_HOME_INTRO, gap);
    int count = flow_offers_couple(x->f) ? 7 : 6; /* couple mode last, when offered */
    HomeGrid g = home_grid(x, top, count, gap);
    Rect area = { m, g.top, x->w - 2 * m, x->h - g.top - m };
    for (int i = 0; i < count; i++)
        button_in(x, grid_cell(area, g.cols, g.ch, g.gap, i), bundle_word(x->b, home_items[i].word), ACT_OPEN,
                  home_items[i].screen, i == 0 ? BUTTON_PRIMARY : BUTTON_SECONDARY, g.font);
    language_row(x);
}
