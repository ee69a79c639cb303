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

/* The least module, in whole pixels, a phone reads from 30 cm (check.h). */
static int least_module(const Ctx *x)
{
    return (int)ceil(CHECK_MIN_MODULE_MM * x->vm->px_per_mm - 1e-9);
}

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

/* Larger text, when the words fit beside or under no code: the words on pages of their
 * own before the codes, whole paragraphs a page `h` tall. Writes where each page starts
 * (`starts`, MAX_WORDS at most) and returns how many pages. */
static int word_pages(Ctx *x, const Words *w, float width, float h, int *starts)
{
    int pages = 0;
    Words part = { .count = 0 };
    for (int i = 0; i < w->count; i++) {
        part.text[part.count] = w->text[i];
        part.font[part.count] = w->font[i];
        part.fg[part.count] = w->fg[i];
        part.count++;
        if (pages > 0 && instructions(x, &part, (Rect){ 0, 0, width, h }, false) <= h)
            continue; /* on this page with those before it */
        starts[pages++] = i; /* the first on a page of its own, whatever its height */
        part.text[0] = w->text[i];
        part.font[0] = w->font[i];
        part.fg[0] = w->fg[i];
        part.count = 1;
    }
    return pages;
}

/* [Next] to the next code: its right edge at `right`, its top at `y`. */
static void next_button(Ctx *x, float right, float y)
{
    const char *next = bundle_word(x->b, WORD_APP_NEXT);
    float w = fmaxf(button_width(x, next), x->vm->target * 2);
    button(x, (Rect){ right - w, y, w, x->vm->target }, next, ACT_NEXT, 0, BUTTON_PRIMARY);
}

/* Where a code and the words go on a page: the area for both, the caption's row under
 * the code (`cap`, `cap_h` its text's), the code's largest side (`most`). */
typedef struct Place {
    Rect area;
    float cap, cap_h, most;
    bool wide, more;
} Place;

static Place place_of(Ctx *x, float top, bool more)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, gap = vm->gap, t = vm->target;
    Place p = { .wide = x->w > x->h, .more = more };
    float bottom = x->h - m * 0.6f;
    p.cap_h = (float)line_h(x, FONT_CAPTION) + gap * 0.5f;
    /* wide: the words end above the Next button's row when there is one; tall: Next is on
     * the caption's row, under the code */
    p.cap = p.wide ? p.cap_h : (more ? t + gap : p.cap_h) + gap * 0.5f;
    p.area = (Rect){ m, top, x->w - 2 * m, (more && p.wide ? bottom_row(x) - gap : bottom) - top };
    /* at most: as tall as the screen allows beside the words (half the width), or as wide */
    p.most = p.wide ? fminf(bottom - top - p.cap, (x->w - 2 * m - gap) * 0.5f) : fminf(p.area.w, p.area.h - p.cap);
    return p;
}

/* Wide: the room under `code` for its caption, as many lines as the caption takes at the
 * code's least size (in larger text "Our booking page" may take two); the code's largest
 * side then leaves it that room. */
static Place place_caption(Ctx *x, Place p, const TakeawayCode *code)
{
    const char *caption = code_caption(x, code);
    if (!p.wide || !caption)
        return p;
    float least = (float)((code->side + 2 * TAKEAWAY_QUIET) * least_module(x));
    float h = paragraph_height(x, FONT_CAPTION, caption, least) + x->vm->gap * 0.5f;
    if (h > p.cap_h) {
        p.cap = p.cap_h = h;
        p.most = fminf(x->h - x->vm->margin * 0.6f - p.area.y - p.cap,
                       (x->w - 2 * x->vm->margin - x->vm->gap) * 0.5f);
    }
    return p;
}

/* The largest module for `code` that leaves the words room beside or under it, from the
 * least a phone reads from 30 cm (check.h) up; 0 when none does. */
static int module_of(Ctx *x, const Words *w, const TakeawayCode *code, const Place *p)
{
    int span = code->side + 2 * TAKEAWAY_QUIET;
    int top_px = (int)floorf(p->most / (float)span), least = least_module(x);
    return fit_module(x, w, code, p->area, p->wide, p->cap, top_px, least);
}

/* One code with the words beside it (wide) or under it (tall), `module` pixels a module. */
static void code_with_words(Ctx *x, const Words *words, const TakeawayCode *code, const Place *p, int module)
{
    float m = x->vm->margin, gap = x->vm->gap, t = x->vm->target, top = p->area.y;
    float size = (float)((code->side + 2 * TAKEAWAY_QUIET) * module);
    if (p->wide) {
        draw_one(x, code, m, top, module, (Rect){ m, 0, size, p->cap_h });
        float tx = m + size + gap * 1.5f;
        instructions(x, words, (Rect){ tx, top, x->w - m - tx, p->area.h }, true);
        if (p->more)
            next_button(x, x->w - m, bottom_row(x));
        return;
    }
    float cx = floorf((x->w - size) / 2), row = floorf(top) + size + gap * 0.5f;
    float nw = p->more ? fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), t * 2) : 0;
    draw_one(x, code, cx, top, module, /* the caption beside Next, or across the screen */
             p->more ? (Rect){ cx, 0, x->w - m - nw - gap - cx, t + gap } : (Rect){ m, 0, x->w - 2 * m, p->cap_h });
    if (p->more)
        next_button(x, x->w - m, row);
    float ty = top + size + p->cap;
    instructions(x, words, (Rect){ m, ty, p->area.w, p->area.y + p->area.h - ty }, true);
}

/* Larger text, when the words fit beside or under no code: page `page` of the words (a
 * page of their own, whole paragraphs), then the codes alone, each as large as the screen
 * allows. */
static void words_then_codes(Ctx *x, const Words *words, int count, float top)
{
    float m = x->vm->margin, gap = x->vm->gap;
    int starts[MAX_WORDS], wp = word_pages(x, words, x->w - 2 * m, bottom_row(x) - gap - top, starts);
    flow_set_page_count(x->f, wp + count);
    int page = x->f->page;
    if (page + 1 < wp + count)
        next_button(x, x->w - m, bottom_row(x));
    if (page < wp) {
        Words part = { .count = 0 };
        for (int i = starts[page]; i < (page + 1 < wp ? starts[page + 1] : words->count); i++) {
            part.text[part.count] = words->text[i];
            part.font[part.count] = words->font[i];
            part.fg[part.count++] = words->fg[i];
        }
        instructions(x, &part, (Rect){ m, top, x->w - 2 * m, bottom_row(x) - gap - top }, true);
        return;
    }
    const TakeawayCode *code = &x->v->takeaway.codes[page - wp];
    float cap_h = (float)line_h(x, FONT_CAPTION) + gap * 0.5f, h = bottom_row(x) - gap - top - cap_h;
    int span = code->side + 2 * TAKEAWAY_QUIET;
    int module = (int)fmaxf(floorf(fminf(x->w - 2 * m, h) / (float)span), (float)least_module(x));
    float size = (float)(span * module), cx = floorf((x->w - size) / 2);
    draw_one(x, code, cx, top, module, (Rect){ m, 0, x->w - 2 * m, cap_h });
}

void screen_takeaway(Ctx *x)
{
    int count = takeaway_update(&x->v->takeaway, x->b, x->c, takeaway_style(x));
    float top = top_bar(x, bundle_word(x->b, WORD_TAKEAWAY_TITLE), ACT_BACK, 0);
    Words words;
    words_of(x, &words);
    if (count == 0) {
        flow_set_page_count(x->f, 1);
        Place p = place_of(x, top, false);
        instructions(x, &words, p.area, true);
        return;
    }
    if (x->f->large_text) { /* the words keep their size: a page of their own when they fit
                             * beside or under no code (Next on every page but the last) */
        Place p = place_of(x, top, true);
        for (int i = 0; i < count; i++) {
            Place pc = place_caption(x, p, &x->v->takeaway.codes[i]);
            if (module_of(x, &words, &x->v->takeaway.codes[i], &pc) == 0) {
                words_then_codes(x, &words, count, top);
                return;
            }
        }
    }
    flow_set_page_count(x->f, count);
    bool more = x->f->page + 1 < count;
    const TakeawayCode *code = &x->v->takeaway.codes[x->f->page < count ? x->f->page : count - 1];
    Place p = place_caption(x, place_of(x, top, more), code);
    /* the steps in smaller type when the words would not fit beside or under a code of the
     * least module */
    int module = module_of(x, &words, code, &p);
    for (int i = 0; module == 0 && i < words.count; i++)
        words.font[i] = FONT_CAPTION;
    if (module == 0)
        module = module_of(x, &words, code, &p);
    if (module == 0)
        module = least_module(x); /* the words overflow, and the layout check says so */
    code_with_words(x, &words, code, &p, module);
}
