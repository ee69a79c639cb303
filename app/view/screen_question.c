/* screen_question.c — a question of the quiz: its statement, the answer scale (a row in
 * landscape, a column in portrait) and "Doesn't apply to me". */
#include "view_internal.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* The narrowest width that holds `text` in `lines` lines of the caption's size, none of
 * its words broken. */
static float narrowest(Ctx *x, const char *text, int lines)
{
    float lo = 0, hi = (float)width_of(x, FONT_CAPTION, text, (int)strlen(text)) + 1;
    for (const char *w = text; *w;) { /* no narrower than its widest word */
        int len = (int)strcspn(w, " ");
        lo = fmaxf(lo, (float)width_of(x, FONT_CAPTION, w, len));
        w += len + (w[len] == ' ');
    }
    float most = (float)(lines * line_h(x, FONT_CAPTION));
    while (hi - lo > 1) {
        float mid = floorf((lo + hi) / 2);
        if (paragraph_height(x, FONT_CAPTION, text, mid) <= most)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* Larger text: where the caption `text` can stand on the last line of the top bar's title
 * (the commands and targets top_bar added from cmd0 and target0), after the title and
 * clear of the bar's buttons: on one line on the title's baseline, else on two centred on
 * it where the title's line is about as tall. False when that line has no room for it. */
static bool beside_title(Ctx *x, const char *title, int cmd0, int target0, const char *text, Rect *at)
{
    const DrawList *out = x->out;
    uintptr_t from_p = (uintptr_t)title, to_p = from_p + strlen(title);
    const DrawCmd *line = NULL;
    for (int i = cmd0; i < out->count; i++) {
        const DrawCmd *c = &out->cmds[i];
        uintptr_t p = (uintptr_t)c->text;
        if (c->kind == DRAW_TEXT && p >= from_p && p < to_p && (!line || c->rect.y >= line->rect.y))
            line = c;
    }
    if (!line)
        return false;
    Rect tl = line->rect;
    float gap = x->vm->gap, from = tl.x + tl.w + 1.5f * gap, to = x->w - x->vm->margin;
    for (int i = target0; i < out->target_count; i++) {
        Rect r = out->targets[i].rect;
        if (r.x > tl.x && r.y < tl.y + tl.h && r.y + r.h > tl.y)
            to = fminf(to, r.x - gap);
    }
    float lh = (float)line_h(x, FONT_CAPTION);
    float one = (float)width_of(x, FONT_CAPTION, text, (int)strlen(text)) + 1, two = narrowest(x, text, 2);
    if (one <= to - from) /* the faces' ascent is about four fifths of a line */
        *at = (Rect){ from, tl.y + 0.8f * (tl.h - lh), one, lh };
    else if (two <= to - from && 2 * lh <= tl.h + gap / 2)
        *at = (Rect){ from, tl.y + (tl.h - 2 * lh) / 2, two, 2 * lh };
    else
        return false;
    return true;
}

/* The top bar, titled "4 of 14", and the progress bar under it; in couple mode whose turn
 * it is, under the bar (in larger text after the title where its line has room). Returns
 * where the rest starts. */
static float question_progress(Ctx *x, int n)
{
    const ViewMetrics *vm = x->vm;
    const Quiz *q = &x->b->quiz;
    float u = vm->unit, m = vm->margin;
    const char *progress = fill_count(x, WORD_QUESTION_PROGRESS, n + 1, q->item_count);
    int cmd0 = x->out->count, target0 = x->out->target_count;
    float top = top_bar(x, progress, ACT_BACK, 0);
    float bar_h = 6 * u;
    draw_rect(x->out, (Rect){ m, top, x->w - 2 * m, bar_h }, colour(x, COLOUR_LINE), bar_h / 2);
    draw_rect(x->out, (Rect){ m, top, (x->w - 2 * m) * (n + 1) / q->item_count, bar_h }, colour(x, COLOUR_ACCENT),
              bar_h / 2);
    top += bar_h + vm->gap * 1.5f;
    int partner = flow_couple_partner(x->f);
    if (partner < 0)
        return top;
    const char *turn = couple_fill(x, WORD_COUPLE_TURN, partner, NULL);
    Rect at;
    if (x->f->large_text && beside_title(x, progress, cmd0, target0, turn, &at))
        paragraph(x, FONT_CAPTION, turn, at, ALIGN_LEFT, colour(x, COLOUR_ACCENT), colour(x, COLOUR_BACKGROUND));
    else
        top += paragraph(x, FONT_CAPTION, turn, (Rect){ m, top - vm->gap, x->w - 2 * m, x->h - top }, ALIGN_LEFT,
                         colour(x, COLOUR_ACCENT), colour(x, COLOUR_BACKGROUND));
    return top;
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

/* The height of answer i + 1 in a column `width` wide: a touch target, or as tall as its
 * scale's word needs (larger text). */
static float answer_height(Ctx *x, int i, float width)
{
    const Quiz *q = &x->b->quiz;
    float u = x->vm->unit, pad = 18 * u, nw = 1.6f * x->m->size[FONT_BUTTON], h = x->vm->target;
    if (q->labels[i + 1])
        h = fmaxf(h, paragraph_height(x, FONT_CAPTION, q->labels[i + 1], width - 2 * pad - nw) + 12 * u);
    return h;
}

/* "Doesn't apply to me": skips the statement (shown chosen when it was skipped). */
static void skip_button(Ctx *x, Rect r, int n)
{
    button(x, r, bundle_word(x->b, WORD_QUESTION_SKIP), ACT_SKIP, 0,
           x->f->quiz.answers[n] == QUIZ_SKIPPED ? BUTTON_SELECTED : BUTTON_QUIET);
}

/* The width of a statement's text block. */
static float statement_width(Ctx *x)
{
    return fminf(x->w - 2 * x->vm->margin, 34.0f * x->m->size[FONT_HEADING]);
}

/* How the words above the answers are set: the statement's size, the instruction's (with
 * the first statement), whether the prompt ("How much do you agree?") shows, and the
 * space under the instruction, in gaps. The usual look is the first; larger text takes
 * the next that fits (every size in it still larger than the usual body text; the last
 * only sets the instruction closer to the statement). */
typedef struct Look {
    FontRole statement, intro;
    bool hint;
    float intro_gap;
} Look;

static const Look looks[] = {
    { FONT_HEADING, FONT_BODY, true, 1.5f }, { FONT_BODY, FONT_BODY, true, 1.5f },
    { FONT_BODY, FONT_CAPTION, true, 1.5f }, { FONT_BODY, FONT_CAPTION, false, 1.5f },
    { FONT_BODY, FONT_CAPTION, false, 0.75f },
};

/* The height of what stands above the answers for statement `n` in `look`: the
 * instruction (with the first statement), the prompt and the statement, with their gaps. */
static float statement_height(Ctx *x, int n, const Look *look)
{
    const ViewMetrics *vm = x->vm;
    const char *hint = look->hint ? bundle_word(x->b, WORD_QUESTION_HINT) : "";
    const char *intro = n == 0 ? bundle_word(x->b, WORD_QUESTION_INSTRUCTION) : "";
    float width = statement_width(x);
    float h = paragraph_height(x, look->statement, x->b->quiz.items[n].text, width);
    h += hint[0] ? paragraph_height(x, FONT_CAPTION, hint, width) + vm->gap : 0;
    h += intro[0] ? paragraph_height(x, look->intro, intro, width) + vm->gap * look->intro_gap : 0;
    return h;
}

/* The tallest of the statements in `look`. */
static float tallest_statement(Ctx *x, const Look *look)
{
    float tallest = 0;
    for (int i = 0; i < x->b->quiz.item_count; i++)
        tallest = fmaxf(tallest, statement_height(x, i, look));
    return tallest;
}

/* The look for `space` above the answers: the usual one, or in larger text the first in
 * which every statement fits (the last when none does). */
static const Look *statement_look(Ctx *x, float space)
{
    int n = x->f->large_text ? (int)(sizeof(looks) / sizeof(looks[0])) : 1;
    for (int i = 0; i < n; i++)
        if (tallest_statement(x, &looks[i]) <= space)
            return &looks[i];
    return &looks[n - 1];
}

/* Portrait: the answers in one column, read from the top down, at the bottom (in two
 * when one would not leave room above it for the tallest statement: every statement gets
 * the same layout), the skip button across the column under them. Returns where they
 * start. */
static float answers_column(Ctx *x, int n, float top)
{
    const ViewMetrics *vm = x->vm;
    const Quiz *q = &x->b->quiz;
    float u = vm->unit, m = vm->margin, t = vm->target;
    int points = q->points;
    float gap = (x->f->large_text ? 6 : 10) * u, maxw = x->w - 2 * m; /* larger text: closer */
    /* larger text: one column (its words on one line) with the words above in the
     * smallest look, rather than two whose words wrap */
    const Look *look = &looks[x->f->large_text ? sizeof(looks) / sizeof(looks[0]) - 1 : 0];
    float tallest = tallest_statement(x, look);
    int cols = 1;
    if (top + tallest + 2 * vm->gap + (points + 1) * t + points * gap + m * 0.6f > x->h)
        cols = 2;
    int rows = (points + cols - 1) / cols;
    float cw = (fminf(maxw, 560 * u * cols) - (cols - 1) * gap) / cols, x0 = (x->w - (cw * cols + (cols - 1) * gap)) / 2;
    float sy = x->h - m * 0.6f - t;
    skip_button(x, (Rect){ x0, sy, cw * cols + (cols - 1) * gap, t }, n);
    /* a row is taller where a scale's word in it takes two lines or more (larger text) */
    float rh[QUIZ_MAX_POINTS] = { 0 }, all = 0;
    for (int i = 0; i < points && i < QUIZ_MAX_POINTS; i++)
        rh[i % rows] = fmaxf(rh[i % rows], answer_height(x, i, cw));
    for (int r = 0; r < rows; r++)
        all += rh[r] + gap;
    float by = sy - all;
    for (int i = 0; i < points && i < QUIZ_MAX_POINTS; i++) {
        float ry = by;
        for (int r = 0; r < i % rows; r++)
            ry += rh[r] + gap;
        Rect br = { x0 + (i / rows) * (cw + gap), ry, cw, rh[i % rows] };
        answer_in_column(x, br, i, x->f->quiz.answers[n] == i + 1);
    }
    return by;
}

/* Where the scale's words go under a row of buttons from x0, each bw wide and gap apart:
 * word i in box[i] with align[i], `h` tall. The ends stand under the end buttons, the
 * others are centred under theirs. */
typedef struct ScaleWords {
    Rect box[QUIZ_MAX_POINTS + 1];
    Align align[QUIZ_MAX_POINTS + 1];
    float h;
} ScaleWords;

/* Larger text: every word in `lines` lines (or fewer) where the row's width holds them
 * apart, the ends leaning out under the margins beside the row when they must. False
 * where it does not. */
static bool scale_words_in_lines(Ctx *x, float x0, float bw, float gap, int lines, ScaleWords *sw)
{
    const Quiz *q = &x->b->quiz;
    float m = x->vm->margin, apart = 2.5f * gap, right = x0 + q->points * (bw + gap) - gap;
    int first = 0, last = 0;
    sw->h = 0;
    for (int i = 1; i <= q->points; i++) {
        if (!q->labels[i])
            continue;
        float w = narrowest(x, q->labels[i], lines);
        float l = i == 1 ? x0 : i == q->points ? right - w : x0 + (i - 1) * (bw + gap) + (bw - w) / 2;
        sw->box[i] = (Rect){ l, 0, w, 0 };
        sw->align[i] = i == 1 ? ALIGN_LEFT : i == q->points ? ALIGN_RIGHT : ALIGN_CENTRE;
        sw->h = fmaxf(sw->h, paragraph_height(x, FONT_CAPTION, q->labels[i], w));
        first = first ? first : i;
        last = i;
    }
    for (int i = first; i <= last; i++)
        sw->box[i].h = sw->h;
    if (first == last)
        return true;
    Rect *a = &sw->box[first], *z = &sw->box[last];
    int after = first + 1, before = last - 1; /* the words beside the ends */
    while (!q->labels[after])
        after++;
    while (!q->labels[before])
        before--;
    if (first == 1 && a->x + a->w + apart > sw->box[after].x)
        a->x = fmaxf(m, sw->box[after].x - apart - a->w);
    if (last == q->points && z->x < sw->box[before].x + sw->box[before].w + apart)
        z->x = fminf(x->w - m - z->w, sw->box[before].x + sw->box[before].w + apart);
    float end = m - apart - 0.5f; /* half a pixel for rounding */
    for (int i = first; i <= last; i++) {
        if (!q->labels[i])
            continue;
        if (sw->box[i].x < end + apart - 0.5f || sw->box[i].x + sw->box[i].w > x->w - m + 0.5f)
            return false;
        end = sw->box[i].x + sw->box[i].w;
    }
    return true;
}

/* The scale's words under the row: in larger text in the fewest lines the row's width
 * allows them (one where it can), else in equal boxes (two lines, or as many as a word
 * needs in larger text). */
static void scale_words_place(Ctx *x, float x0, float bw, float gap, ScaleWords *sw)
{
    const Quiz *q = &x->b->quiz;
    for (int lines = 1; x->f->large_text && lines <= 3; lines++)
        if (scale_words_in_lines(x, x0, bw, gap, lines, sw))
            return;
    int points = q->points, labelled = 0;
    float row_w = points * bw + (points - 1) * gap;
    for (int i = 1; i <= points; i++)
        labelled += q->labels[i] != NULL;
    float lw = labelled > 0 ? row_w / labelled : row_w;
    sw->h = 2.0f * line_h(x, FONT_CAPTION);
    for (int i = 1; i <= points; i++)
        if (q->labels[i])
            sw->h = fmaxf(sw->h, paragraph_height(x, FONT_CAPTION, q->labels[i], lw));
    for (int i = 1; i <= points; i++) {
        float cx = x0 + (i - 1) * (bw + gap) + bw / 2;
        sw->box[i] = (Rect){ cx - lw / 2, 0, lw, sw->h };
        sw->align[i] = ALIGN_CENTRE;
        if (i == 1) {
            sw->box[i].x = x0;
            sw->align[i] = ALIGN_LEFT;
        } else if (i == points) {
            sw->box[i].x = x0 + row_w - lw;
            sw->align[i] = ALIGN_RIGHT;
        }
    }
}

/* Landscape: the answers in a row of numbered buttons at the bottom, the scale's words
 * under them (the ends under the end buttons, others centred); the skip button at the end
 * of the row, or centred under the words when the row would leave it no room. The
 * buttons are `gap` apart. Returns where they start. */
static float answers_row(Ctx *x, int n, float gap)
{
    const ViewMetrics *vm = x->vm;
    const Quiz *q = &x->b->quiz;
    float u = vm->unit, m = vm->margin, t = vm->target;
    int points = q->points;
    float maxw = x->w - 2 * m;
    float sw = fminf(maxw, fmaxf(button_width(x, bundle_word(x->b, WORD_QUESTION_SKIP)), 2 * t));
    float beside_w = (maxw - sw - 2 * gap - (points - 1) * gap) / points;
    bool beside = beside_w >= t;
    float bw = fminf(t * 1.5f, beside ? beside_w : (maxw - (points - 1) * gap) / points);
    float row_w = points * bw + (points - 1) * gap;
    float x0 = (x->w - row_w - (beside ? sw + 2 * gap : 0)) / 2;
    ScaleWords words;
    scale_words_place(x, x0, bw, gap, &words);
    float by = x->h - m * 0.6f - words.h - t;
    if (beside) {
        skip_button(x, (Rect){ x0 + row_w + 2 * gap, by, sw, t }, n);
    } else {
        by -= t + (x->f->large_text ? 8 : 4) * u; /* larger text: clear of the words' lines */
        skip_button(x, (Rect){ (x->w - sw) / 2, x->h - m * 0.6f - t, sw, t }, n);
    }
    for (int i = 0; i < points; i++) {
        const char *label = draw_printf(x->out, "%d", i + 1);
        button(x, (Rect){ x0 + i * (bw + gap), by, bw, t }, label, ACT_ANSWER, i + 1,
               x->f->quiz.answers[n] == i + 1 ? BUTTON_SELECTED : BUTTON_SECONDARY);
    }
    for (int i = 1; i <= points; i++) {
        if (!q->labels[i])
            continue;
        Rect box = words.box[i];
        box.y = by + t + 6 * u;
        paragraph(x, FONT_CAPTION, q->labels[i], box, words.align[i], colour(x, COLOUR_MUTED),
                  colour(x, COLOUR_BACKGROUND));
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
    float width = statement_width(x);
    float space = by - vm->gap - top;
    const Look *look = statement_look(x, space); /* the same for every statement */
    FontRole font = look->statement;
    if (!look->hint)
        hint = "";
    float sy = top + fmaxf(0, (space - statement_height(x, n, look)) / 2);
    Rect box = { (x->w - width) / 2, sy, width, by - vm->gap - sy };
    if (intro[0])
        box.y += paragraph(x, look->intro, intro, box, ALIGN_CENTRE, colour(x, COLOUR_TEXT),
                           colour(x, COLOUR_BACKGROUND)) + vm->gap * look->intro_gap;
    box.h = by - vm->gap - box.y;
    if (hint[0])
        box.y += paragraph(x, FONT_CAPTION, hint, box, ALIGN_CENTRE, colour(x, COLOUR_MUTED),
                           colour(x, COLOUR_BACKGROUND)) + vm->gap;
    box.h = by - vm->gap - box.y;
    paragraph(x, font, text, box, ALIGN_CENTRE, colour(x, COLOUR_TEXT), colour(x, COLOUR_BACKGROUND));
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
    /* larger text in portrait: the landscape row, its buttons closer (as the column's
     * are), when they are still targets: a column's would leave no room above it */
    bool portrait = x->h > x->w * 1.2f, large = x->f->large_text;
    float gap = (portrait && large ? 6 : 10) * x->vm->unit;
    float row_w = q->points * x->vm->target + (q->points - 1) * gap;
    bool column = portrait && !(large && row_w <= x->w - 2 * x->vm->margin);
    float by = column ? answers_column(x, n, top) : answers_row(x, n, gap);
    question_statement(x, n, top, by);
}
