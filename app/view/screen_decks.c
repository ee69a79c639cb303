/* screen_decks.c — the reading screens, each a deck of pages: guidance on a style (and the
 * chooser of styles), chemistry, partners, support, and calm (a breathing guide, then a
 * grounding deck). */
#include "view_internal.h"

#include <math.h>

/* The understanding and the "what helps" cards of one style. */
static void guidance_items(Ctx *x, Style style)
{
    const StyleInfo *info = &x->b->styles[style];
    const char *understanding = bundle_word(x->b, WORD_GUIDANCE_UNDERSTANDING);
    struct { Word heading; const char *text; ItemKind kind; } parts[] = {
        { WORD_GUIDANCE_ORIGINS, info->origins, ITEM_PARA },
        { WORD_GUIDANCE_PATTERN, info->pattern, ITEM_PARA },
        { WORD_GUIDANCE_CHEMISTRY, info->chemistry, ITEM_PARA },
        { WORD_GUIDANCE_SOUNDS, info->sounds, ITEM_QUOTE },
    };
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        if (!parts[i].text)
            continue;
        deck_add(x, ITEM_BREAK, NULL);
        deck_add(x, ITEM_KICKER, understanding);
        deck_add(x, ITEM_HEADING, bundle_word(x->b, parts[i].heading));
        deck_add(x, parts[i].kind, parts[i].text);
    }
    const char *helps = info->helps ? info->helps : bundle_word(x->b, WORD_GUIDANCE_HELPS);
    for (int i = 0; i < info->tips.count; i++) {
        deck_add(x, ITEM_BREAK, NULL);
        deck_add(x, ITEM_KICKER, helps);
        deck_add(x, ITEM_HEADING, info->tips.cards[i].title);
        deck_add(x, ITEM_PARA, info->tips.cards[i].text);
    }
}

void screen_guidance(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    if (x->f->style == STYLE_COUNT) {
        /* the four styles, to choose from */
        float m = vm->margin, gap = vm->gap * 1.4f;
        float top = menu_top(x, WORD_STYLES_TITLE, ACT_BACK, WORD_STYLES_INTRO, gap);
        int cols = x->w > x->h ? 2 : 1, rows = STYLE_COUNT / cols;
        float ch = menu_cell_h(x, top, rows, gap, vm->target * 2);
        Rect area = { m, top, x->w - 2 * m, x->h - top - m };
        for (int i = 0; i < STYLE_COUNT; i++)
            button(x, grid_cell(area, cols, ch, gap, i), x->b->styles[i].name, ACT_GUIDANCE, i, BUTTON_SECONDARY);
        return;
    }
    deck_begin(x);
    guidance_items(x, x->f->style);
    deck_screen(x, x->b->styles[x->f->style].name);
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
    deck_screen(x, bundle_word(x->b, WORD_CHEMISTRY_TITLE));
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
    deck_screen(x, bundle_word(x->b, WORD_PARTNERS_TITLE));
}

void screen_support(Ctx *x)
{
    deck_begin(x);
    if (x->c->practice_name[0] || x->c->practice_text[0]) {
        deck_add(x, ITEM_KICKER, bundle_word(x->b, WORD_SUPPORT_PRACTICE));
        deck_add(x, ITEM_HEADING, x->c->practice_name);
        deck_add(x, ITEM_PARA, x->c->practice_text);
    }
    cards_items(x, &x->b->support, x->v->item_count > 0); /* the practice's card is short */
    deck_screen(x, bundle_word(x->b, WORD_SUPPORT_TITLE));
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
