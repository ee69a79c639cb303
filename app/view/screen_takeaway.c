/* screen_takeaway.c — "Take it home": one QR code a page (the guidance's text in one or
 * two parts, then the practice's booking page when it has one), beside how to scan it,
 * what to do on an iPhone, and that nothing is sent or saved. The codes are made by
 * app/core/takeaway.c into the view's own buffers (View.takeaway), again only when what
 * they carry changes; view_forget wipes them with the rest of the view. */
#include "view_internal.h"

#include <math.h>
#include <string.h>

#include "check.h"

Style takeaway_style(const Ctx *x)
{
    const QuizScore *s = flow_result(x->f);
    return s && result_kind(s) == RESULT_STYLE ? s->style : STYLE_COUNT;
}

bool takeaway_shown(const Ctx *x)
{
    return x->f->couple.stage == COUPLE_OFF && takeaway_offered(x->b) &&
           takeaway_has_text(x->b, x->c, takeaway_style(x));
}

/* What the code on this page is: "1 of 2", the booking page, or nothing (one code). */
static const char *code_caption(Ctx *x, const TakeawayCode *code)
{
    if (code->kind == TAKEAWAY_BOOKING)
        return bundle_word(x->b, WORD_TAKEAWAY_BOOKING);
    return code->parts > 1 ? fill_count(x, WORD_TAKEAWAY_PART, code->part, code->parts) : NULL;
}

/* The code with its top-left at (x0, y0), `module` pixels a module; its caption under
 * it, centred in `cap` (x and width; its top is the code's bottom). */
static void draw_one(Ctx *x, const TakeawayCode *code, float x0, float y0, int module, Rect cap)
{
    float size = (float)((code->side + 2 * TAKEAWAY_QUIET) * module);
    draw_code(x->out, floorf(x0), floorf(y0), code->dark, code->side, module, TAKEAWAY_QUIET);
    const char *caption = code_caption(x, code);
    cap.y = floorf(y0) + size;
    if (caption)
        paragraph_middle(x, FONT_CAPTION, caption, cap, cap, ALIGN_CENTRE, colour(x, COLOUR_TEXT),
                         colour(x, COLOUR_BACKGROUND));
}

enum { MAX_WORDS = 8 };

/* What the column of words says: how to scan (one step a paragraph), the iPhone's way,
 * and that nothing leaves; each with its font and colour. */
typedef struct Words {
    const char *text[MAX_WORDS];
    FontRole font[MAX_WORDS];
    uint32_t fg[MAX_WORDS];
    int count;
} Words;

static void words_of(Ctx *x, Words *w)
{
    const char *steps = bundle_word(x->b, WORD_TAKEAWAY_STEPS);
    w->count = 0;
    while (*steps && w->count < MAX_WORDS - 2) {
        const char *end = strchr(steps, '\n');
        int len = end ? (int)(end - steps) : (int)strlen(steps);
        w->text[w->count] = draw_printf(x->out, "%.*s", len, steps);
        w->font[w->count] = FONT_BODY;
        w->fg[w->count++] = colour(x, COLOUR_TEXT);
        steps += len + (end ? 1 : 0);
    }
    w->text[w->count] = bundle_word(x->b, WORD_TAKEAWAY_IPHONE);
    w->font[w->count] = FONT_CAPTION;
    w->fg[w->count++] = colour(x, COLOUR_TEXT);
    w->text[w->count] = bundle_word(x->b, WORD_TAKEAWAY_PRIVATE);
    w->font[w->count] = FONT_CAPTION;
    w->fg[w->count++] = colour(x, COLOUR_MUTED);
}

/* The words down the column `r`, drawn or (`draw` false) only measured. Returns the
 * height they take. */
static float instructions(Ctx *x, const Words *w, Rect r, bool draw)
{
    float y = r.y, gap = x->vm->gap * 0.5f;
    for (int i = 0; i < w->count; i++) {
        if (i > 0)
            y += w->font[i] != w->font[i - 1] ? gap * 2 : gap;
        Rect box = { r.x, y, r.w, r.y + r.h - y };
        y += draw ? paragraph(x, w->font[i], w->text[i], box, ALIGN_LEFT, w->fg[i], colour(x, COLOUR_BACKGROUND))
                  : paragraph_height(x, w->font[i], w->text[i], r.w);
    }
    return y - r.y;
}

/* The largest module (whole pixels, from `most` down to `least`) that leaves the words
 * room in `area`: beside the code (`wide`), or under it and its caption's row (`cap`
 * tall); 0 when none does. */
static int fit_module(Ctx *x, const Words *w, const TakeawayCode *code, Rect area, bool wide, float cap,
                      int most, int least)
{
    int span = code->side + 2 * TAKEAWAY_QUIET;
    for (int module = most; module >= least && module >= 1; module--) {
        float size = (float)(span * module);
        Rect text = wide ? (Rect){ 0, 0, area.w - size - x->vm->gap * 1.5f, area.h }
                         : (Rect){ 0, 0, area.w, area.h - size - cap };
        if (text.w > 0 && text.h > 0 && instructions(x, w, text, false) <= text.h)
            return module;
    }
    return 0;
}

/* [Next] to the next code: its right edge at `right`, its top at `y`. */
static void next_button(Ctx *x, float right, float y)
{
    const char *next = bundle_word(x->b, WORD_APP_NEXT);
    float w = fmaxf(button_width(x, next), x->vm->target * 2);
    button(x, (Rect){ right - w, y, w, x->vm->target }, next, ACT_NEXT, 0, BUTTON_PRIMARY);
}

void screen_takeaway(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, gap = vm->gap, t = vm->target;
    int count = takeaway_update(&x->v->takeaway, x->b, x->c, takeaway_style(x));
    flow_set_page_count(x->f, count > 0 ? count : 1);
    float top = top_bar(x, bundle_word(x->b, WORD_TAKEAWAY_TITLE), ACT_BACK, 0);
    bool more = x->f->page + 1 < count, wide = x->w > x->h;
    float bottom = x->h - m * 0.6f, cap_h = (float)line_h(x, FONT_CAPTION) + gap * 0.5f;
    /* wide: the words end above the Next button's row when there is one; tall: Next is on
     * the caption's row, under the code */
    float cap = wide ? cap_h : (more ? t + gap : cap_h) + gap * 0.5f;
    Rect area = { m, top, x->w - 2 * m, (more && wide ? bottom_row(x) - gap : bottom) - top };
    Words words;
    words_of(x, &words);
    if (count == 0) {
        instructions(x, &words, area, true);
        return;
    }
    const TakeawayCode *code = &x->v->takeaway.codes[x->f->page < count ? x->f->page : count - 1];
    int span = code->side + 2 * TAKEAWAY_QUIET;
    /* at most: as tall as the screen allows beside the words (half the width), or as wide */
    float most = wide ? fminf(bottom - top - cap, (x->w - 2 * m - gap) * 0.5f) : fminf(area.w, area.h - cap);
    /* the least module a phone reads from 30 cm (check.h) comes first: the steps in
     * smaller type when the words would not fit beside or under a code of it */
    int top_px = (int)floorf(most / (float)span), least = (int)ceil(CHECK_MIN_MODULE_MM * vm->px_per_mm - 1e-9);
    int module = fit_module(x, &words, code, area, wide, cap, top_px, least);
    for (int i = 0; module == 0 && i < words.count; i++)
        words.font[i] = FONT_CAPTION;
    if (module == 0)
        module = fit_module(x, &words, code, area, wide, cap, top_px, least);
    if (module == 0)
        module = least; /* the words overflow, and the layout check says so */
    float size = (float)(span * module);
    if (wide) {
        draw_one(x, code, m, top, module, (Rect){ m, 0, size, cap_h });
        float tx = m + size + gap * 1.5f;
        instructions(x, &words, (Rect){ tx, top, x->w - m - tx, area.h }, true);
        if (more)
            next_button(x, x->w - m, bottom_row(x));
        return;
    }
    float cx = floorf((x->w - size) / 2), row = floorf(top) + size + gap * 0.5f;
    float nw = more ? fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), t * 2) : 0;
    draw_one(x, code, cx, top, module, (Rect){ cx, 0, more ? x->w - m - nw - gap - cx : size, more ? t + gap : cap_h });
    if (more)
        next_button(x, x->w - m, row);
    float ty = top + size + cap;
    instructions(x, &words, (Rect){ m, ty, area.w, area.y + area.h - ty }, true);
}
