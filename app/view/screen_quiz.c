/* screen_quiz.c — the quiz: a question with its answer scale, and the result with its map
 * of the two dimensions. */
#include "view_internal.h"

#include <math.h>

/* The top bar, titled "4 of 14", and the progress bar under it; returns where the rest starts. */
static float question_progress(Ctx *x, int n)
{
    const ViewMetrics *vm = x->vm;
    const Quiz *q = &x->b->quiz;
    float u = vm->unit, m = vm->margin;
    const char *progress = fill_count(x, WORD_QUESTION_PROGRESS, n + 1, q->item_count);
    float top = top_bar(x, progress, ACT_BACK, 0);
    float bar_h = 6 * u;
    draw_rect(x->out, (Rect){ m, top, x->w - 2 * m, bar_h }, colour(x, COLOUR_LINE), bar_h / 2);
    draw_rect(x->out, (Rect){ m, top, (x->w - 2 * m) * (n + 1) / q->item_count, bar_h }, colour(x, COLOUR_ACCENT),
              bar_h / 2);
    return top + bar_h + vm->gap * 1.5f;
}

/* Answer i + 1 as a wide button of the column: its number on the left, the scale's word
 * for it (if any) beside the number. The target is named by the number. */
static void answer_in_column(Ctx *x, Rect br, int i, bool chosen)
{
    const Quiz *q = &x->b->quiz;
    float u = x->vm->unit, t = br.h;
    button_face(x, br, "", chosen ? BUTTON_SELECTED : BUTTON_SECONDARY, x->out->target_count);
    uint32_t fg = chosen ? colour(x, COLOUR_ACCENT_TEXT) : colour(x, COLOUR_TEXT);
    uint32_t fill_c = chosen ? colour(x, COLOUR_ACCENT) : colour(x, COLOUR_SURFACE);
    const char *number = draw_printf(x->out, "%d", i + 1);
    float lh = (float)line_h(x, FONT_BUTTON), pad = 18 * u, nw = 1.6f * x->m->size[FONT_BUTTON];
    paragraph(x, FONT_BUTTON, number, (Rect){ br.x + pad, br.y + (t - lh) / 2, nw, lh }, ALIGN_LEFT, fg, fill_c);
    if (q->labels[i + 1]) {
        Rect lb = { br.x + pad + nw, br.y, br.w - 2 * pad - nw, t };
        paragraph_middle(x, FONT_CAPTION, q->labels[i + 1], lb, lb, ALIGN_LEFT, chosen ? fg : colour(x, COLOUR_MUTED),
                         fill_c);
    }
    draw_target(x->out, br, ACT_ANSWER, i + 1, number);
}

/* "Doesn't apply to me": skips the statement (shown chosen when it was skipped). */
static void skip_button(Ctx *x, Rect r, int n)
{
    button(x, r, bundle_word(x->b, WORD_QUESTION_SKIP), ACT_SKIP, 0,
           x->f->quiz.answers[n] == QUIZ_SKIPPED ? BUTTON_SELECTED : BUTTON_QUIET);
}

/* Portrait: the answers in a column (two when one would take too much of the screen) at
 * the bottom, the skip button across the column under them. Returns where they start. */
static float answers_column(Ctx *x, int n, float top)
{
    const ViewMetrics *vm = x->vm;
    const Quiz *q = &x->b->quiz;
    float u = vm->unit, m = vm->margin, t = vm->target;
    int points = q->points;
    float gap = 10 * u, maxw = x->w - 2 * m;
    int cols = 1;
    if ((points + 1) * t + points * gap > (x->h - top) * 0.62f)
        cols = 2;
    int rows = (points + cols - 1) / cols;
    float cw = (fminf(maxw, 560 * u * cols) - (cols - 1) * gap) / cols, x0 = (x->w - (cw * cols + (cols - 1) * gap)) / 2;
    float sy = x->h - m * 0.6f - t;
    skip_button(x, (Rect){ x0, sy, cw * cols + (cols - 1) * gap, t }, n);
    float by = sy - gap - rows * t - (rows - 1) * gap;
    for (int i = 0; i < points; i++) {
        Rect br = { x0 + (i / rows) * (cw + gap), by + (i % rows) * (t + gap), cw, t };
        answer_in_column(x, br, i, x->f->quiz.answers[n] == i + 1);
    }
    return by;
}

/* Landscape: the answers in a row of numbered buttons at the bottom, the scale's words
 * under them (the ends under the end buttons, others centred); the skip button at the end
 * of the row, or centred under the words when the row would leave it no room. Returns
 * where they start. */
static float answers_row(Ctx *x, int n)
{
    const ViewMetrics *vm = x->vm;
    const Quiz *q = &x->b->quiz;
    float u = vm->unit, m = vm->margin, t = vm->target;
    int points = q->points;
    float gap = 10 * u, maxw = x->w - 2 * m;
    float sw = fminf(maxw, fmaxf(button_width(x, bundle_word(x->b, WORD_QUESTION_SKIP)), 2 * t));
    float beside_w = (maxw - sw - 2 * gap - (points - 1) * gap) / points;
    bool beside = beside_w >= t;
    float bw = fminf(t * 1.5f, beside ? beside_w : (maxw - (points - 1) * gap) / points);
    float label_h = 2.0f * line_h(x, FONT_CAPTION);
    float row_w = points * bw + (points - 1) * gap;
    float x0 = (x->w - row_w - (beside ? sw + 2 * gap : 0)) / 2;
    float by = x->h - m * 0.6f - label_h - t;
    if (beside) {
        skip_button(x, (Rect){ x0 + row_w + 2 * gap, by, sw, t }, n);
    } else {
        by -= t + 4 * u;
        skip_button(x, (Rect){ (x->w - sw) / 2, x->h - m * 0.6f - t, sw, t }, n);
    }
    for (int i = 0; i < points; i++) {
        const char *label = draw_printf(x->out, "%d", i + 1);
        button(x, (Rect){ x0 + i * (bw + gap), by, bw, t }, label, ACT_ANSWER, i + 1,
               x->f->quiz.answers[n] == i + 1 ? BUTTON_SELECTED : BUTTON_SECONDARY);
    }
    int labelled = 0;
    for (int i = 1; i <= points; i++)
        labelled += q->labels[i] != NULL;
    float lw = labelled > 0 ? row_w / labelled : row_w;
    for (int i = 1; i <= points; i++) {
        if (!q->labels[i])
            continue;
        float cx = x0 + (i - 1) * (bw + gap) + bw / 2;
        Rect box = { cx - lw / 2, by + t + 6 * u, lw, label_h };
        Align align = ALIGN_CENTRE;
        if (i == 1) {
            box.x = x0;
            align = ALIGN_LEFT;
        } else if (i == points) {
            box.x = x0 + row_w - lw;
            align = ALIGN_RIGHT;
        }
        paragraph(x, FONT_CAPTION, q->labels[i], box, align, colour(x, COLOUR_MUTED), colour(x, COLOUR_BACKGROUND));
    }
    return by;
}

/* The instruction (on the first statement), the hint (if the bundle has one) and the
 * statement, centred between `top` and `by`. */
static void question_statement(Ctx *x, int n, float top, float by)
{
    const ViewMetrics *vm = x->vm;
    const char *text = x->b->quiz.items[n].text;
    const char *hint = bundle_word(x->b, WORD_QUESTION_HINT);
    const char *intro = n == 0 ? bundle_word(x->b, WORD_QUESTION_INSTRUCTION) : "";
    float width = fminf(x->w - 2 * vm->margin, 34.0f * x->m->size[FONT_HEADING]);
    float sh = paragraph_height(x, FONT_HEADING, text, width);
    float hh = hint[0] ? paragraph_height(x, FONT_CAPTION, hint, width) + vm->gap : 0;
    float ih = intro[0] ? paragraph_height(x, FONT_BODY, intro, width) + vm->gap * 1.5f : 0;
    float space = by - vm->gap - top;
    float sy = top + fmaxf(0, (space - sh - hh - ih) / 2);
    Rect box = { (x->w - width) / 2, sy, width, by - vm->gap - sy };
    if (intro[0])
        box.y += paragraph(x, FONT_BODY, intro, box, ALIGN_CENTRE, colour(x, COLOUR_TEXT),
                           colour(x, COLOUR_BACKGROUND)) + vm->gap * 1.5f;
    box.h = by - vm->gap - box.y;
    if (hint[0])
        box.y += paragraph(x, FONT_CAPTION, hint, box, ALIGN_CENTRE, colour(x, COLOUR_MUTED),
                           colour(x, COLOUR_BACKGROUND)) + vm->gap;
    box.h = by - vm->gap - box.y;
    paragraph(x, FONT_HEADING, text, box, ALIGN_CENTRE, colour(x, COLOUR_TEXT), colour(x, COLOUR_BACKGROUND));
}

/* A question: progress at the top, the answers at the bottom (a row in landscape, a column
 * in portrait), the statement centred in what is left. */
void screen_question(Ctx *x)
{
    const Quiz *q = &x->b->quiz;
    const QuizSession *s = &x->f->quiz;
    int n = s->current < q->item_count ? s->current : q->item_count - 1;
    if (n < 0)
        return;
    float top = question_progress(x, n);
    bool column = x->h > x->w * 1.2f;
    float by = column ? answers_column(x, n, top) : answers_row(x, n);
    question_statement(x, n, top, by);
}

/* The map of the two dimensions: avoidance left to right, anxiety bottom to top. */
static void result_map(Ctx *x, Rect r, const QuizScore *s)
{
    const Quiz *q = &x->b->quiz;
    float u = x->vm->unit;
    float span = (float)(q->points - 1);
    /* the plot is inset, so that a point at an end of the scale stays inside the map */
    float inset = 22 * u;
    Rect p = { r.x + inset, r.y + inset, r.w - 2 * inset, r.h - 2 * inset };
    float tx = p.x + p.w * (float)((q->threshold - 1) / span);
    float ty = p.y + p.h * (1 - (float)((q->threshold - 1) / span));
    uint32_t surface = colour(x, COLOUR_SURFACE), accent = colour(x, COLOUR_ACCENT);
    struct { Style style; Rect rect; } quad[4] = {
        { STYLE_ANXIOUS, { r.x, r.y, tx - r.x, ty - r.y } },
        { STYLE_DISORGANIZED, { tx, r.y, r.x + r.w - tx, ty - r.y } },
        { STYLE_SECURE, { r.x, ty, tx - r.x, r.y + r.h - ty } },
        { STYLE_AVOIDANT, { tx, ty, r.x + r.w - tx, r.y + r.h - ty } },
    };
    draw_rect(x->out, r, surface, 10 * u);
    for (int i = 0; i < 4; i++) {
        bool mine = quad[i].style == s->style;
        Rect qr = quad[i].rect;
        if (mine)
            draw_rect(x->out, qr, mix(surface, accent, 0.16f), 0);
        float pad = 8 * u;
        Rect lb = { qr.x + pad, qr.y + pad, qr.w - 2 * pad, qr.h - 2 * pad };
        const char *name = x->b->styles[quad[i].style].name;
        if (name && lb.w > 0 && lb.h > 0) {
            float lh = paragraph_height(x, FONT_CAPTION, name, lb.w);
            lb.y = qr.y + (qr.h - lh) / 2;
            lb.h = fmaxf(lh, 0);
            if (lb.y < qr.y + pad)
                lb.y = qr.y + pad;
            paragraph_clipped(x, FONT_CAPTION, name, lb, qr, ALIGN_CENTRE,
                              mine ? colour(x, COLOUR_TEXT) : colour(x, COLOUR_MUTED),
                              mine ? mix(surface, accent, 0.16f) : surface);
        }
    }
    draw_outline(x->out, r, colour(x, COLOUR_LINE), 10 * u, 1.5f * u);
    draw_line(x->out, tx, r.y, tx, r.y + r.h, colour(x, COLOUR_LINE), 1.5f * u);
    draw_line(x->out, r.x, ty, r.x + r.w, ty, colour(x, COLOUR_LINE), 1.5f * u);
    float px = p.x + p.w * (float)((s->mean[DIM_AVOIDANCE] - 1) / span);
    float py = p.y + p.h * (1 - (float)((s->mean[DIM_ANXIETY] - 1) / span));
    float d = 22 * u, ring = 5 * u;
    draw_circle(x->out, (Rect){ px - d / 2 - ring, py - d / 2 - ring, d + 2 * ring, d + 2 * ring }, surface);
    draw_circle(x->out, (Rect){ px - d / 2, py - d / 2, d, d }, accent);

    /* axis words: anxiety above the left edge, avoidance below, low and high at the ends */
    uint32_t muted = colour(x, COLOUR_MUTED), bg = colour(x, COLOUR_BACKGROUND);
    float ch = (float)line_h(x, FONT_CAPTION);
    const char *lo = bundle_word(x->b, WORD_RESULT_LOW), *hi = bundle_word(x->b, WORD_RESULT_HIGH);
    paragraph(x, FONT_CAPTION, bundle_word(x->b, WORD_RESULT_ANXIETY), (Rect){ r.x, r.y - ch - 2 * u, r.w / 2, ch },
              ALIGN_LEFT, colour(x, COLOUR_TEXT), bg);
    paragraph(x, FONT_CAPTION, hi, (Rect){ r.x + r.w / 2, r.y - ch - 2 * u, r.w / 2, ch }, ALIGN_RIGHT, muted, bg);
    paragraph(x, FONT_CAPTION, lo, (Rect){ r.x, r.y + r.h + 2 * u, r.w / 4, ch }, ALIGN_LEFT, muted, bg);
    paragraph(x, FONT_CAPTION, bundle_word(x->b, WORD_RESULT_AVOIDANCE), (Rect){ r.x + r.w / 4, r.y + r.h + 2 * u, r.w / 2, ch },
              ALIGN_CENTRE, colour(x, COLOUR_TEXT), bg);
    paragraph(x, FONT_CAPTION, hi, (Rect){ r.x + r.w * 3 / 4, r.y + r.h + 2 * u, r.w / 4, ch }, ALIGN_RIGHT, muted, bg);
}

/* The three buttons along the bottom (what the style means, chemistry, start again), in a
 * row, or the first on a row of its own when the labels do not fit. Returns where they start. */
static float result_buttons(Ctx *x, Style style)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, t = vm->target, gap = vm->gap;
    const char *labels[3] = { bundle_word(x->b, WORD_RESULT_GUIDANCE), bundle_word(x->b, WORD_RESULT_CHEMISTRY),
                              bundle_word(x->b, WORD_RESULT_RESTART) };
    Action acts[3] = { ACT_GUIDANCE, ACT_CHEMISTRY, ACT_RESTART };
    float bw = (x->w - 2 * m - 2 * gap) / 3;
    float by = bottom_row(x);
    bool one_row = true;
    for (int i = 0; i < 3; i++)
        one_row = one_row && button_width(x, labels[i]) <= bw;
    if (one_row) {
        for (int i = 0; i < 3; i++)
            button(x, (Rect){ m + i * (bw + gap), by, bw, t }, labels[i], acts[i], style,
                   i == 0 ? BUTTON_PRIMARY : BUTTON_SECONDARY);
        return by;
    }
    /* narrow: the main button on a row of its own, above the other two */
    float half = (x->w - 2 * m - gap) / 2;
    button(x, (Rect){ m, by - t - gap, x->w - 2 * m, t }, labels[0], acts[0], style, BUTTON_PRIMARY);
    button(x, (Rect){ m, by, half, t }, labels[1], acts[1], style, BUTTON_SECONDARY);
    button(x, (Rect){ m + half + gap, by, half, t }, labels[2], acts[2], style, BUTTON_SECONDARY);
    return by - (t + gap);
}

/* The style's name, how near the result was to another, its summary and words, as a deck
 * in `text` with [Next] and the page marker under it when it needs pages. */
static void result_words(Ctx *x, const QuizScore *s, Rect text)
{
    float t = x->vm->target, gap = x->vm->gap;
    const StyleInfo *info = &x->b->styles[s->style];
    deck_begin(x);
    deck_add(x, ITEM_HEADING, info->name);
    const char *near = NULL;
    if (s->near[DIM_ANXIETY] && s->near[DIM_AVOIDANCE]) {
        near = bundle_word(x->b, WORD_RESULT_NEAR_BOTH);
    } else if (s->near[DIM_ANXIETY] || s->near[DIM_AVOIDANCE]) {
        Style other = quiz_style_across(s->style, s->near[DIM_ANXIETY] ? DIM_ANXIETY : DIM_AVOIDANCE);
        const char *names[] = { "a", "b" }, *values[] = { info->name, x->b->styles[other].name };
        near = fill(x, bundle_word(x->b, WORD_RESULT_NEAR_ONE), names, values, 2);
    }
    deck_add(x, ITEM_SUBTITLE, near); /* honest wording first, under the name */
    deck_add(x, ITEM_PARA, info->summary);
    if (info->sounds) {
        deck_add(x, ITEM_LABEL, bundle_word(x->b, WORD_RESULT_SOUNDS));
        deck_add(x, ITEM_QUOTE, info->sounds);
    }
    deck_add(x, ITEM_CAPTION, bundle_word(x->b, WORD_RESULT_REFLECTION));
    Rect box = text;
    box.h -= t + gap * 0.5f; /* room for the page controls, in case the text needs pages */
    deck_draw(x, box);
    if (x->f->page_count > 1) {
        float y = box.y + box.h + gap * 0.5f, w = fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), t * 1.8f);
        if (x->f->page + 1 < x->f->page_count)
            button(x, (Rect){ text.x + text.w - w, y, w, t }, bundle_word(x->b, WORD_APP_NEXT), ACT_NEXT, 0,
                   BUTTON_QUIET);
        page_marker(x, (Rect){ text.x, y, text.w - w - gap, t });
    }
}

/* The result: buttons at the bottom; above them the map beside the words (landscape) or
 * over them (portrait). */
void screen_result(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    const QuizScore *s = &x->f->quiz.score;
    if (!x->f->quiz.scored)
        return;
    float top = top_bar(x, bundle_word(x->b, WORD_RESULT_TITLE), ACT_BACK, 0);
    float m = vm->margin, gap = vm->gap;
    float by = result_buttons(x, s->style);
    float ch = (float)line_h(x, FONT_CAPTION);
    bool wide = x->w > x->h;
    float area_h = by - gap - top;
    Rect map, text;
    if (wide) {
        float side = fminf(area_h - 2 * ch - 8 * vm->unit, (x->w - 2 * m) * 0.42f);
        map = (Rect){ m, top + ch + 4 * vm->unit, side, side };
        text = (Rect){ m + side + 2 * gap, top, x->w - 2 * m - side - 2 * gap, area_h };
    } else {
        float side = fminf(x->w - 2 * m, area_h * 0.45f);
        map = (Rect){ (x->w - side) / 2, top + ch + 4 * vm->unit, side, side };
        float ty = map.y + side + ch + gap * 1.5f;
        text = (Rect){ m, ty, x->w - 2 * m, by - gap - ty };
    }
    result_map(x, map, s);
    result_words(x, s, text);
}
