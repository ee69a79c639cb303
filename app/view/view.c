/* view.c — see view.h. view_layout() (at the bottom) picks a screen function, then lays the
 * idle overlay, the shade and the fade over it. The pagination engine (deck_*) is in
 * deck.c, the screens in screen_*.c, their pieces in chrome.c. */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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
    /* opaque: a passer-by must not read what the person was looking at, nor scan it: a
     * take-away's code under it is left a plain light square */
    for (int i = 0; i < x->out->count && i < DRAW_MAX_CMDS; i++)
        if (x->out->cmds[i].kind == DRAW_CODE) {
            x->out->cmds[i].kind = DRAW_RECT;
            x->out->cmds[i].modules = NULL;
        }
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

/* An author's save with errors (the desktop profile, kiosk.h): the problems, one a line
 * as file:line: message under a line that says the screen is the content as it was, in a
 * band across the bottom of every screen until a save fixes them. */
static void banner_problems(Ctx *x)
{
    const Kiosk *k = x->f->kiosk;
    if (!k || k->author_problem_count == 0)
        return;
    const ViewMetrics *vm = x->vm;
    float pad = 10 * vm->unit, inner = x->w - 2 * pad, gap = vm->gap / 3;
    const char *title = bundle_word(x->b, WORD_STAFF_CONTENT_ERRORS);
    uint32_t band = 0x7A1F1F, ink = 0xFFFFFF;
    float h = 2 * pad + paragraph_height(x, FONT_CAPTION, title, inner);
    const char *line = k->author_problems; /* the kiosk's: the draw list points to them */
    for (int i = 0; i < k->author_problem_count; i++, line += strlen(line) + 1)
        h += gap + paragraph_height(x, FONT_CAPTION, line, inner);
    Rect r = { 0, fmaxf(x->h - h, 0), x->w, fminf(h, x->h) };
    draw_rect(x->out, r, band, 0);
    float y = r.y + pad;
    /* drawn after the screen is mirrored: the title starts where the bundle's lines do; the
     * problems (file:line: message, in English) start at the left */
    Align start = x->b && x->b->rtl ? ALIGN_RIGHT : ALIGN_LEFT;
    y += paragraph(x, FONT_CAPTION, title, (Rect){ pad, y, inner, x->h - y }, start, ink, band);
    line = k->author_problems;
    for (int i = 0; i < k->author_problem_count; i++, line += strlen(line) + 1) {
        y += gap;
        y += paragraph(x, FONT_CAPTION, line, (Rect){ pad, y, inner, x->h - y }, ALIGN_LEFT, ink, band);
    }
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
    /* one above the other, a label too long for the card's width takes two lines */
    float label = inner - 2 * 14 * u, kh = t, ch = t;
    if (!side) {
        kh = fmaxf(t, paragraph_height(x, FONT_BUTTON, keep, label) + gap);
        ch = fmaxf(t, paragraph_height(x, FONT_BUTTON, clear, label) + gap);
    }
    float rows = side ? t : kh + ch + gap;
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
        button(x, (Rect){ card.x + pad, y, inner, kh }, keep, ACT_KEEP, 0, BUTTON_PRIMARY);
        button(x, (Rect){ card.x + pad, y + kh + gap, inner, ch }, clear, ACT_CLEAR, 0, BUTTON_SECONDARY);
    }
}

void view_forget(View *v, DrawList *list)
{
    explicit_bzero(v, sizeof(*v)); /* a size of 0 makes the next layout start afresh */
    explicit_bzero(list, sizeof(*list));
    draw_reset(list);
}

void view_layout(View *v, Flow *f, const Measure *m, int width, int height, long now, DrawList *out)
{
    if (v->width != width || v->height != height) {
        v->width = width;
        v->height = height;
        v->deck_key = 0;
    }
    view_metrics(f->config, width, height, f->large_text, &v->metrics);
    Measure lm = *m; /* where lines may break depends on the bundle's language */
    if (!lm.lang)
        lm.lang = text_language(f->bundle ? f->bundle->dir : NULL);
    Ctx x = { .v = v, .f = f, .b = f->bundle, .c = f->config, .m = &lm, .out = out, .vm = &v->metrics,
              .w = (float)width, .h = (float)height, .now = now };
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
    case SCREEN_COUPLE_START: screen_couple_start(&x); break;
    case SCREEN_HANDOVER: screen_handover(&x); break;
    case SCREEN_COUPLE_CHOICE: screen_couple_choice(&x); break;
    case SCREEN_COUPLE_MAP: screen_couple_map(&x); break;
    case SCREEN_STAFF: screen_staff(&x); break;
    case SCREEN_UNAVAILABLE: screen_unavailable(&x); break;
    case SCREEN_OVERVIEW: screen_overview(&x); break;
    case SCREEN_SAMPLE_MAP: screen_sample_map(&x); break;
    case SCREEN_TAKEAWAY: screen_takeaway(&x); break;
    case SCREEN_COUNT: break;
    }
    if (f->blank || f->shade >= 255) { /* blanked (workshop) or dark: black, and nothing moves */
        draw_reset(out);
        cover(&x, 0x000000, 255);
        return;
    }
    mirror_screen(&x, 0, 0, 0); /* a right-to-left bundle's screen */
    int cmds = out->count, blocks = out->block_count;
    if (f->confirm)
        overlay_confirm(&x);
    if (f->idle)
        overlay_idle(&x);
    if (out->count > cmds) { /* an overlay, mirrored too: its targets are all there are */
        x.kept_count = 0;
        mirror_screen(&x, cmds, 0, blocks);
    }
    banner_problems(&x);
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
