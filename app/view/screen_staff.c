/* screen_staff.c — the staff screens (PIN pad, menu, tally, touch test) and the
 * "unavailable" screen a kiosk shows when its content is broken. */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>

/* Kiosk, when the content is broken: calm words and nothing to press (staff use the
 * corner). The words are built in, because the bundle that would hold them is what failed;
 * no error is shown here: the staff menu and the journal have them. */
void screen_unavailable(Ctx *x)
{
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    float r = fminf(x->w, x->h) * 0.12f, m = x->vm->margin;
    draw_circle(x->out, (Rect){ x->w / 2 - r, x->h * 0.3f - r, 2 * r, 2 * r },
                mix(bg, colour(x, COLOUR_ACCENT), 0.2f));
    float y = x->h * 0.52f;
    y += paragraph(x, FONT_TITLE, "Back soon", (Rect){ m, y, x->w - 2 * m, x->h - y }, ALIGN_CENTRE,
                   colour(x, COLOUR_TEXT), bg);
    paragraph(x, FONT_BODY, "This screen is taking a short break. If you would like to talk with "
              "someone, please ask a member of staff.", (Rect){ m * 2, y + x->vm->gap, x->w - 4 * m, x->h - y },
              ALIGN_CENTRE, colour(x, COLOUR_MUTED), bg);
}

/* Key `k` of the PIN pad, row by row: 1 to 9, then Delete, 0, OK. While the pad is locked
 * the keys are shown but cannot be pressed. */
static void pin_key(Ctx *x, int k, Rect r, bool enabled)
{
    const char *label = "0";
    Action action = ACT_PIN_DIGIT;
    int arg = 0;
    ButtonStyle style = BUTTON_SECONDARY;
    if (k < 9) {
        label = draw_printf(x->out, "%d", k + 1);
        arg = k + 1;
    } else if (k == 9) {
        label = bundle_word(x->b, WORD_STAFF_DELETE);
        action = ACT_PIN_DELETE;
        style = BUTTON_QUIET;
    } else if (k == 11) {
        label = bundle_word(x->b, WORD_STAFF_OK);
        action = ACT_PIN_OK;
        style = BUTTON_PRIMARY;
    }
    button_enabled(x, r, label, action, arg, style, enabled);
}

static void staff_pin_pad(Ctx *x, float top)
{
    const ViewMetrics *vm = x->vm;
    float u = vm->unit, m = vm->margin, t = vm->target, gap = vm->gap;
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    long locked_until = x->f->kiosk->pin_lock.until;
    bool locked = pinlock_locked(&x->f->kiosk->pin_lock, x->now);
    bool wide = x->w > x->h;
    float kw = fmaxf(fmaxf(t * 1.5f, 86 * u), button_width(x, bundle_word(x->b, WORD_STAFF_DELETE))), kh = t;
    float pad_w = 3 * kw + 2 * gap, pad_h = 4 * kh + 3 * gap;
    /* the words (and the dots of the digits typed) beside the pad, or above it */
    Rect words = wide ? (Rect){ m, top, x->w - 3 * m - pad_w, x->h - top - m }
                      : (Rect){ m, top, x->w - 2 * m, x->h - top - pad_h - m - t - gap * 2 };
    float y = words.y + paragraph(x, FONT_HEADING, bundle_word(x->b, WORD_STAFF_PIN), words, ALIGN_LEFT,
                                  colour(x, COLOUR_TEXT), bg) + gap;
    float d = 16 * u;
    for (int i = 0; i < x->f->pin_length; i++)
        draw_circle(x->out, (Rect){ words.x + i * (d + gap), y, d, d }, colour(x, COLOUR_TEXT));
    y += d + gap * 1.5f;
    const char *note = NULL;
    if (locked) {
        long left = (locked_until - x->now + 999) / 1000; /* seconds */
        note = left > 120 ? fill_number(x, WORD_STAFF_LOCKED_MINUTES, "minutes", (left + 59) / 60)
                          : fill_number(x, WORD_STAFF_LOCKED, "seconds", left);
        x->out->next_change_ms = (int)(1000 - (locked_until - x->now) % 1000);
    } else if (x->f->pin_wrong) {
        note = bundle_word(x->b, WORD_STAFF_WRONG);
    }
    if (note)
        paragraph(x, FONT_BODY, note, (Rect){ words.x, y, words.w, words.y + words.h - y }, ALIGN_LEFT,
                  colour(x, COLOUR_TEXT), bg);
    float px = wide ? x->w - m - pad_w : (x->w - pad_w) / 2;
    float py = wide ? top + (x->h - top - m - pad_h) / 2 : x->h - m - t - gap * 2 - pad_h;
    Kept keypad = keep_begin(x); /* right to left, the pad moves whole: 1 2 3 as on a phone */
    for (int k = 0; k < 12; k++)
        pin_key(x, k, (Rect){ px + (k % 3) * (kw + gap), py + (k / 3) * (kh + gap), kw, kh }, !locked);
    keep_end(x, keypad, KEEP_SHAPE);
    const char *cancel = bundle_word(x->b, WORD_STAFF_CANCEL);
    float cw = fmaxf(button_width(x, cancel), t * 2);
    button(x, (Rect){ wide ? m : (x->w - cw) / 2, bottom_row(x), cw, t }, cancel, ACT_HOME, 0, BUTTON_SECONDARY);
}

/* A column of buttons, full width up to a comfortable measure. */
static float staff_button(Ctx *x, float y, const char *label, Action action, int arg, ButtonStyle style)
{
    float w = fminf(x->w - 2 * x->vm->margin, 520 * x->vm->unit);
    button(x, (Rect){ (x->w - w) / 2, y, w, x->vm->target }, label, action, arg, style);
    return y + x->vm->target + x->vm->gap;
}

static void staff_menu(Ctx *x, float top)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, t = vm->target, gap = vm->gap;
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    float w = fminf(x->w - 2 * m, 520 * vm->unit), left = (x->w - w) / 2, y = top;
    if (x->f->kiosk->staff_message) {
        y += paragraph(x, FONT_BODY, x->f->kiosk->staff_message, (Rect){ left, y, w, x->h - y }, ALIGN_LEFT,
                       colour(x, COLOUR_TEXT), bg);
        if (x->f->kiosk->staff_detail[0])
            y += paragraph(x, FONT_CAPTION, x->f->kiosk->staff_detail, (Rect){ left, y, w, x->h - y }, ALIGN_LEFT,
                           colour(x, COLOUR_MUTED), bg);
        y += gap;
    }
    /* the four tools: a 2 x 2 grid in landscape, a column in portrait */
    static const struct { Word word; Action action; int arg; ButtonStyle style; } tools[] = {
        { WORD_STAFF_TEST, ACT_STAFF_PAGE, STAFF_TEST, BUTTON_SECONDARY },
        { WORD_STAFF_TALLY, ACT_STAFF_PAGE, STAFF_TALLY, BUTTON_SECONDARY },
        { WORD_STAFF_RELOAD, ACT_STAFF_RELOAD, 0, BUTTON_SECONDARY },
        { WORD_STAFF_EXIT, ACT_STAFF_EXIT, 0, BUTTON_QUIET },
    };
    int cols = x->w > x->h ? 2 : 1;
    if (cols == 2) {
        w = fminf(x->w - 2 * m, 760 * vm->unit);
        left = (x->w - w) / 2;
    }
    for (int i = 0; i < 4; i++)
        button(x, grid_cell((Rect){ left, y, w, t }, cols, t, gap, i), bundle_word(x->b, tools[i].word),
               tools[i].action, tools[i].arg, tools[i].style);
    y += (4 / cols) * (t + gap);
    /* brightness: [Dimmer] 80% [Brighter] */
    const char *level = fill_number(x, WORD_STAFF_BRIGHTNESS, "n", x->f->kiosk->brightness);
    float bw = fmaxf(button_width(x, bundle_word(x->b, WORD_STAFF_DIMMER)),
                     button_width(x, bundle_word(x->b, WORD_STAFF_BRIGHTER)));
    bw = fmaxf(fminf(bw, (w - 2 * gap) / 3), t * 1.4f);
    button(x, (Rect){ left, y, bw, t }, bundle_word(x->b, WORD_STAFF_DIMMER), ACT_STAFF_BRIGHTNESS, -10, BUTTON_SECONDARY);
    float lh = paragraph_height(x, FONT_BODY, level, w - 2 * (bw + gap));
    paragraph(x, FONT_BODY, level, (Rect){ left + bw + gap, y + (t - lh) / 2, w - 2 * (bw + gap), lh }, ALIGN_CENTRE,
              colour(x, COLOUR_TEXT), bg);
    button(x, (Rect){ left + w - bw, y, bw, t }, bundle_word(x->b, WORD_STAFF_BRIGHTER), ACT_STAFF_BRIGHTNESS, 10,
           BUTTON_SECONDARY);
    y += t + gap;
    staff_button(x, fmaxf(y, bottom_row(x)), bundle_word(x->b, WORD_STAFF_DONE), ACT_HOME, 0, BUTTON_PRIMARY);
}

static void staff_tally(Ctx *x, float top)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin;
    float w = fminf(x->w - 2 * m, 520 * vm->unit), left = (x->w - w) / 2, y = top;
    uint32_t bg = colour(x, COLOUR_BACKGROUND), fg = colour(x, COLOUR_TEXT);
    Rect box = { left, y, w, x->h - y };
    const Tally *tally = &x->f->kiosk->tally;
    if (!x->f->kiosk->tally_on) {
        paragraph(x, FONT_BODY, bundle_word(x->b, WORD_STAFF_TALLY_OFF), box, ALIGN_LEFT, fg, bg);
        return;
    }
    box.y += paragraph(x, FONT_BODY, fill_number(x, WORD_STAFF_SESSIONS, "n", tally->sessions), box, ALIGN_LEFT,
                       fg, bg);
    box.y += paragraph(x, FONT_BODY, fill_number(x, WORD_STAFF_COMPLETED, "n", tally->completed), box, ALIGN_LEFT,
                       fg, bg) + vm->gap;
    int threshold = x->f->kiosk->tally_threshold;
    if (threshold < TALLY_MIN_THRESHOLD)
        threshold = TALLY_MIN_THRESHOLD;
    /* The counts by style move only at a batch's end (tally.h): never one person's step.
     * Before the first: how many so far; after: as of how many, and how often. */
    bool styles = tally_shows_styles(tally);
    char n[16], all[16];
    snprintf(n, sizeof(n), "%d", styles ? tally_shown(tally) : tally_sorted(tally));
    snprintf(all, sizeof(all), "%d", threshold);
    const char *names[] = { "n", "threshold" }, *values[] = { n, all };
    box.y += paragraph(x, FONT_BODY,
                       fill(x, bundle_word(x->b, styles ? WORD_STAFF_TALLY_BATCH : WORD_STAFF_TALLY_WAITING),
                            names, values, 2),
                       box, ALIGN_LEFT, colour(x, COLOUR_MUTED), bg);
    /* the four counts two to a row, so that the page keeps its button on a wide, low screen */
    for (int st = 0; styles && st < STYLE_COUNT; st += 2) {
        float row = 0;
        for (int k = 0; k < 2 && st + k < STYLE_COUNT; k++) {
            Rect cell = { box.x + k * (w / 2 + vm->gap / 2), box.y, w / 2 - vm->gap / 2, box.h };
            row = fmaxf(row, paragraph(x, FONT_BODY, draw_printf(x->out, "%s: %d", x->b->styles[st + k].name,
                                                                 tally->results[st + k]),
                                       cell, ALIGN_LEFT, colour(x, COLOUR_MUTED), bg));
        }
        box.y += row;
    }
    /* Couple sessions move in batches too, and never say how many so far: read before and
     * after one couple, nothing here moves but the sessions and the reflections. */
    if (tally_shows_couples(tally))
        box.y += paragraph(x, FONT_BODY, fill(x, bundle_word(x->b, WORD_STAFF_COUPLES), names,
                                              (const char *[]){ draw_printf(x->out, "%d", tally->couples), all }, 2),
                           box, ALIGN_LEFT, colour(x, COLOUR_MUTED), bg);
    else if (flow_offers_couple(x->f))
        box.y += paragraph(x, FONT_BODY, fill(x, bundle_word(x->b, WORD_STAFF_COUPLES_WAITING), names + 1, values + 1, 1),
                           box, ALIGN_LEFT, colour(x, COLOUR_MUTED), bg);
    staff_button(x, fmaxf(box.y + vm->gap, bottom_row(x)), bundle_word(x->b, WORD_STAFF_TALLY_RESET),
                 ACT_STAFF_TALLY_RESET, 0, BUTTON_QUIET);
}

static void staff_test(Ctx *x, float top)
{
    const ViewMetrics *vm = x->vm;
    float u = vm->unit, m = vm->margin;
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    /* the whole screen answers touches (drawn where they land), under the buttons */
    /* (touches land here through flow_test_touch; the buttons stay targets) */
    Rect box = { m, top, x->w - 2 * m, x->h - top };
    box.y += paragraph(x, FONT_BODY, bundle_word(x->b, WORD_STAFF_TEST_HINT), box, ALIGN_LEFT, colour(x, COLOUR_TEXT), bg);
    if (x->f->kiosk->display_info[0])
        paragraph(x, FONT_CAPTION, x->f->kiosk->display_info, box, ALIGN_LEFT, colour(x, COLOUR_MUTED), bg);
    draw_outline(x->out, (Rect){ 1, 1, x->w - 2, x->h - 2 }, colour(x, COLOUR_ACCENT), 0, 2 * u); /* the edges */
    int shown = x->f->touch_count < FLOW_TEST_TOUCHES ? x->f->touch_count : FLOW_TEST_TOUCHES;
    float d = 36 * u;
    Kept touches = keep_begin(x); /* drawn where they landed, whichever way the words read */
    for (int i = 0; i < shown; i++) {
        float cx = x->f->touch_x[i], cy = x->f->touch_y[i];
        DrawCmd *mark = draw_circle(x->out, (Rect){ cx - d / 2, cy - d / 2, d, d }, colour(x, COLOUR_ACCENT));
        if (mark)
            mark->alpha = 160;
        draw_line(x->out, cx - d, cy, cx + d, cy, colour(x, COLOUR_TEXT), 1.5f * u);
        draw_line(x->out, cx, cy - d, cx, cy + d, colour(x, COLOUR_TEXT), 1.5f * u);
    }
    keep_end(x, touches, KEEP_PLACE);
}

void screen_staff(Ctx *x)
{
    StaffPage page = x->f->staff_page;
    float top = top_bar(x, bundle_word(x->b, WORD_STAFF_TITLE), page == STAFF_PIN ? ACT_NONE : ACT_BACK, 0);
    switch (page) {
    case STAFF_PIN: staff_pin_pad(x, top); break;
    case STAFF_MENU: staff_menu(x, top); break;
    case STAFF_TALLY: staff_tally(x, top); break;
    case STAFF_TEST: staff_test(x, top); break;
    case STAFF_PAGE_COUNT: break;
    }
}
