/* screen_quiz.c — the quiz's result with its map of the two dimensions (a question is
 * screen_question.c's). */
#include "view_internal.h"

#include <math.h>
#include <string.h>

ResultKind result_kind(const QuizScore *s)
{
    if (s->style == STYLE_COUNT)
        return RESULT_UNPLACED;
    return s->near[DIM_ANXIETY] && s->near[DIM_AVOIDANCE] ? RESULT_MIDDLE : RESULT_STYLE;
}

/* A narrow map (larger text on a screen too narrow for the usual map beside its gutter):
 * the anxiety axis's name above the map, over the gutter, which then holds only "High" and
 * "Low"; the quadrants' names padded half as much. Their padding: */
static float name_pad(Ctx *x, bool narrow)
{
    return (narrow ? 4 : 8) * x->vm->unit;
}

/* The height a narrow map's axis name takes above it. */
static float narrow_top(Ctx *x, bool narrow)
{
    return narrow ? (float)line_h(x, FONT_CAPTION) + 4 * x->vm->unit : 0;
}

/* The width of the gutter left of the map that holds the anxiety axis: "High" at the top,
 * "Anxiety" in the middle (above the map when `narrow`), "Low" at the bottom. */
static float gutter_of(Ctx *x, bool narrow)
{
    const Word words[] = { WORD_RESULT_LOW, WORD_RESULT_HIGH, WORD_RESULT_ANXIETY };
    int widest = 0;
    for (int i = 0; i < (narrow ? 2 : 3); i++) {
        const char *w = bundle_word(x->b, words[i]);
        int width = width_of(x, FONT_CAPTION, w, (int)strlen(w));
        widest = width > widest ? width : widest;
    }
    return (float)widest + 10 * x->vm->unit;
}

float map_gutter(Ctx *x)
{
    return gutter_of(x, false);
}

static bool overlaps(Rect a, Rect b)
{
    return a.w > 0 && b.w > 0 && a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;
}

/* Quadrant `qr`'s style name, centred, or moved to the quadrant's top or bottom edge,
 * away from the dots (`dots`, with their rings), when one would cover it. */
static void quadrant_label(Ctx *x, Rect qr, const char *name, const Rect *dots, int n, uint32_t fg, uint32_t bg,
                           float pad)
{
    Rect lb = { qr.x + pad, qr.y + pad, qr.w - 2 * pad, qr.h - 2 * pad };
    if (!name || lb.w <= 0 || lb.h <= 0)
        return;
    float lh = paragraph_height(x, FONT_CAPTION, name, lb.w);
    lb.y = qr.y + (qr.h - lh) / 2;
    lb.h = lh;
    /* the first place no dot covers: the middle, then the edge away from the first dot in
     * the way, then the other edge (else it stays at the middle) */
    float middle = lb.y, top = qr.y + pad, bottom = qr.y + qr.h - pad - lh;
    for (int i = 0; i < n; i++)
        if (overlaps(dots[i], lb)) {
            bool low = dots[i].y + dots[i].h / 2 > qr.y + qr.h / 2;
            float tries[] = { low ? top : bottom, low ? bottom : top, middle };
            for (int k = 0; k < 3; k++) {
                lb.y = tries[k];
                bool clear = true;
                for (int d = 0; d < n && clear; d++)
                    clear = !overlaps(dots[d], lb);
                if (clear)
                    break;
            }
            break;
        }
    /* within the quadrant: its padding, or less where the name needs it (a short map) */
    float least = qr.y + fmaxf(0, fminf(pad, (qr.h - lh) / 2)), most = qr.y + qr.h - lh;
    if (lb.y > most)
        lb.y = most;
    if (lb.y < least)
        lb.y = least;
    paragraph_clipped(x, FONT_CAPTION, name, lb, qr, ALIGN_CENTRE, fg, bg);
}

/* The axes' words: the anxiety axis in the gutter left of the map ("High" by its top,
 * "Anxiety" by its middle, or above the gutter and the map when `narrow`, "Low" by its
 * bottom), the avoidance axis under it ("Low", "Avoidance", "High"). `r` is the map. */
static void map_axes(Ctx *x, Rect r, bool narrow)
{
    float u = x->vm->unit, ch = (float)line_h(x, FONT_CAPTION), gw = gutter_of(x, narrow);
    uint32_t muted = colour(x, COLOUR_MUTED), text = colour(x, COLOUR_TEXT), bg = colour(x, COLOUR_BACKGROUND);
    const char *lo = bundle_word(x->b, WORD_RESULT_LOW), *hi = bundle_word(x->b, WORD_RESULT_HIGH);
    float gx = r.x - gw, gww = gw - 8 * u;
    paragraph(x, FONT_CAPTION, hi, (Rect){ gx, r.y + 4 * u, gww, ch }, ALIGN_RIGHT, muted, bg);
    if (narrow)
        paragraph(x, FONT_CAPTION, bundle_word(x->b, WORD_RESULT_ANXIETY), (Rect){ gx, r.y - ch - 4 * u, gw + r.w, ch },
                  ALIGN_LEFT, text, bg);
    else
        paragraph(x, FONT_CAPTION, bundle_word(x->b, WORD_RESULT_ANXIETY),
                  (Rect){ gx, r.y + (r.h - ch) / 2, gww, ch }, ALIGN_RIGHT, text, bg);
    paragraph(x, FONT_CAPTION, lo, (Rect){ gx, r.y + r.h - ch - 4 * u, gww, ch }, ALIGN_RIGHT, muted, bg);
    float y = r.y + r.h + 4 * u;
    paragraph(x, FONT_CAPTION, lo, (Rect){ r.x, y, r.w / 4, ch }, ALIGN_LEFT, muted, bg);
    paragraph(x, FONT_CAPTION, bundle_word(x->b, WORD_RESULT_AVOIDANCE), (Rect){ r.x + r.w / 4, y, r.w / 2, ch },
              ALIGN_CENTRE, text, bg);
    paragraph(x, FONT_CAPTION, hi, (Rect){ r.x + r.w * 3 / 4, y, r.w / 4, ch }, ALIGN_RIGHT, muted, bg);
}

/* A point's marker: a dot (with a ring), or a square; its mark inside, when it has one. */
void map_marker(Ctx *x, Rect at, const MapPoint *pt, float ring)
{
    uint32_t surface = colour(x, COLOUR_SURFACE), accent = colour(x, COLOUR_ACCENT);
    Rect in = { at.x + ring, at.y + ring, at.w - 2 * ring, at.h - 2 * ring };
    if (pt->square) {
        draw_rect(x->out, at, surface, ring);
        draw_rect(x->out, in, colour(x, COLOUR_TEXT), ring * 0.6f);
    } else {
        draw_circle(x->out, at, surface);
        draw_circle(x->out, in, accent);
    }
    if (pt->mark) {
        float lh = (float)line_h(x, FONT_CAPTION);
        uint32_t fg = pt->square ? colour(x, COLOUR_BACKGROUND) : colour(x, COLOUR_ACCENT_TEXT);
        paragraph_clipped(x, FONT_CAPTION, pt->mark, (Rect){ in.x, in.y + (in.h - lh) / 2, in.w, lh }, in,
                          ALIGN_CENTRE, fg, pt->square ? colour(x, COLOUR_TEXT) : accent);
    }
}

/* The map in `r` (its gutter left of it, its words under it and, when `narrow`, the
 * anxiety axis's name above it). */
static void draw_map(Ctx *x, Rect r, const MapPoint *points, int n, Style shaded, bool narrow)
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
    float ring = 5 * u;
    Rect dots[MAP_MAX_POINTS] = { { 0 } };
    for (int i = 0; i < n && i < MAP_MAX_POINTS; i++) {
        const QuizScore *s = points[i].score;
        if (!s || !s->placed[DIM_ANXIETY] || !s->placed[DIM_AVOIDANCE])
            continue;
        float d = points[i].mark ? fmaxf(30 * u, (float)line_h(x, FONT_CAPTION)) : 22 * u; /* its mark fits inside */
        float px = p.x + p.w * (float)((s->mean[DIM_AVOIDANCE] - 1) / span);
        float py = p.y + p.h * (1 - (float)((s->mean[DIM_ANXIETY] - 1) / span));
        dots[i] = (Rect){ px - d / 2 - ring, py - d / 2 - ring, d + 2 * ring, d + 2 * ring };
        for (int k = 0; k < i; k++)
            if (overlaps(dots[k], dots[i])) { /* two points in one place: side by side, both seen */
                dots[i].x = dots[k].x + dots[k].w - ring;
                if (dots[i].x + dots[i].w > r.x + r.w) /* past the map's edge: on the other side */
                    dots[i].x = dots[k].x - dots[i].w + ring;
            }
    }
    Kept chart = keep_begin(x); /* a chart: right to left, it moves whole, its axes as they are */
    draw_rect(x->out, r, surface, 10 * u);
    for (int i = 0; i < 4; i++) {
        bool mine = quad[i].style == shaded;
        uint32_t bg = mine ? mix(surface, accent, 0.16f) : surface;
        if (mine)
            draw_rect(x->out, quad[i].rect, bg, 0);
        quadrant_label(x, quad[i].rect, x->b->styles[quad[i].style].name, dots, n,
                       mine ? colour(x, COLOUR_TEXT) : colour(x, COLOUR_MUTED), bg, name_pad(x, narrow));
    }
    draw_outline(x->out, r, colour(x, COLOUR_LINE), 10 * u, 1.5f * u);
    draw_line(x->out, tx, r.y, tx, r.y + r.h, colour(x, COLOUR_LINE), 1.5f * u);
    draw_line(x->out, r.x, ty, r.x + r.w, ty, colour(x, COLOUR_LINE), 1.5f * u);
    for (int i = 0; i < n && i < MAP_MAX_POINTS; i++)
        if (dots[i].w > 0)
            map_marker(x, dots[i], &points[i], ring);
    map_axes(x, r, narrow);
    keep_end(x, chart, KEEP_SHAPE);
}

void map_draw(Ctx *x, Rect r, const MapPoint *points, int n, Style shaded)
{
    draw_map(x, r, points, n, shaded, false);
}

/* A partner's result: one button along the bottom, to pass the screen on. */
static float pass_button(Ctx *x)
{
    const char *pass = bundle_word(x->b, WORD_COUPLE_PASS);
    float t = x->vm->target, m = x->vm->margin, by = bottom_row(x);
    float w = fminf(fmaxf(button_width(x, pass), t * 3), x->w - 2 * m);
    button(x, (Rect){ x->w - m - w, by, w, t }, pass, ACT_COUPLE_NEXT, 0, BUTTON_PRIMARY);
    return by;
}

/* The result's map: the person's dot, their style's quadrant shaded (none near the middle). */
static void result_map(Ctx *x, Rect r, const QuizScore *s, bool narrow)
{
    MapPoint point = { s, NULL, false };
    draw_map(x, r, &point, 1, result_kind(s) == RESULT_STYLE ? s->style : STYLE_COUNT, narrow);
}

/* The three buttons along the bottom (what helps for the style, or the four styles when
 * there is no style to name; chemistry; start again), in a row, or the first on a row of
 * its own when the labels do not fit. Returns where they start. */
static float result_buttons(Ctx *x, Style style)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, t = vm->target, gap = vm->gap;
    bool named = style != STYLE_COUNT;
    /* "Take it home" last, where the take-away is offered */
    const char *labels[4] = { bundle_word(x->b, named ? WORD_RESULT_GUIDANCE : WORD_RESULT_STYLES),
                              bundle_word(x->b, WORD_RESULT_CHEMISTRY), bundle_word(x->b, WORD_RESULT_RESTART),
                              bundle_word(x->b, WORD_TAKEAWAY_OPEN) };
    Action acts[4] = { ACT_GUIDANCE, ACT_CHEMISTRY, ACT_RESTART, ACT_TAKEAWAY };
    int n = named && takeaway_shown(x) ? 4 : 3; /* (only a style's guidance is taken home from here) */
    float bw = (x->w - 2 * m - (float)(n - 1) * gap) / (float)n;
    float by = bottom_row(x);
    bool one_row = true;
    for (int i = 0; i < n; i++)
        one_row = one_row && button_width(x, labels[i]) <= bw;
    if (one_row) {
        for (int i = 0; i < n; i++)
            button(x, (Rect){ m + (float)i * (bw + gap), by, bw, t }, labels[i], acts[i], style,
                   i == 0 ? BUTTON_PRIMARY : BUTTON_SECONDARY);
        return by;
    }
    /* narrow: the main button on a row of its own (beside "Take it home"), above the other
     * two; narrower still (larger text): each on a row of its own, in the row's order */
    float half = (x->w - 2 * m - gap) / 2;
    if (button_width(x, labels[1]) > half || button_width(x, labels[2]) > half) {
        for (int i = 0; i < n; i++)
            button(x, (Rect){ m, by - (float)(n - 1 - i) * (t + gap), x->w - 2 * m, t }, labels[i], acts[i],
                   style, i == 0 ? BUTTON_PRIMARY : BUTTON_SECONDARY);
        return by - (float)(n - 1) * (t + gap);
    }
    float up = by - t - gap; /* the row above the last */
    if (n == 4 && button_width(x, labels[0]) <= half && button_width(x, labels[3]) <= half) {
        button(x, (Rect){ m, up, half, t }, labels[0], acts[0], style, BUTTON_PRIMARY);
        button(x, (Rect){ m + half + gap, up, half, t }, labels[3], acts[3], style, BUTTON_SECONDARY);
    } else {
        if (n == 4) { /* too long to share a row: "Take it home" on one of its own */
            button(x, (Rect){ m, up, x->w - 2 * m, t }, labels[3], acts[3], style, BUTTON_SECONDARY);
            up -= t + gap;
        }
        button(x, (Rect){ m, up, x->w - 2 * m, t }, labels[0], acts[0], style, BUTTON_PRIMARY);
    }
    button(x, (Rect){ m, by, half, t }, labels[1], acts[1], style, BUTTON_SECONDARY);
    button(x, (Rect){ m + half + gap, by, half, t }, labels[2], acts[2], style, BUTTON_SECONDARY);
    return up;
}

/* Where the style's summary goes: on the one page, on a page of its own after it (behind
 * Next), or nowhere (a screen too small for even that; the guidance says it at length). */
typedef enum Summary { SUMMARY_HERE, SUMMARY_NEXT, SUMMARY_NONE } Summary;

/* The result's words: the headline (in the top bar when it fits there on one line), the
 * line under it, the kind words, and the style whose quote and summary the deck holds. */
typedef struct ResultText {
    const char *head, *sub, *kind[2];
    const StyleInfo *info;   /* NULL: no style named */
    bool in_bar;             /* the headline is the top bar's title */
    Summary summary;         /* where the style's summary goes (map_size says) */
} ResultText;

/* The headline (the style's name, or the middle of the map, or not enough answers) and
 * the line under it (near a line, near the middle, what too few answers mean). */
static void result_headline(Ctx *x, const QuizScore *s, ResultText *r)
{
    ResultKind kind = result_kind(s);
    r->sub = NULL;
    if (kind == RESULT_UNPLACED) {
        r->head = bundle_word(x->b, WORD_RESULT_UNPLACED);
        r->sub = bundle_word(x->b, WORD_RESULT_UNPLACED_TEXT);
    } else if (kind == RESULT_MIDDLE) {
        r->head = bundle_word(x->b, WORD_RESULT_MIDDLE);
        r->sub = bundle_word(x->b, WORD_RESULT_NEAR_BOTH);
    } else {
        const StyleInfo *info = &x->b->styles[s->style];
        r->head = info->name;
        if (s->near[DIM_ANXIETY] || s->near[DIM_AVOIDANCE]) {
            Style other = quiz_style_across(s->style, s->near[DIM_ANXIETY] ? DIM_ANXIETY : DIM_AVOIDANCE);
            const char *names[] = { "a", "b" }, *values[] = { info->name, x->b->styles[other].name };
            r->sub = fill(x, bundle_word(x->b, WORD_RESULT_NEAR_ONE), names, values, 2);
        }
    }
}

/* True when `head` fits on one line of the top bar, between Back and Quick exit (the
 * widths top_bar() gives them). */
static bool fits_the_bar(Ctx *x, const char *head)
{
    const ViewMetrics *vm = x->vm;
    float t = vm->target, g = vm->gap * 1.5f;
    float room = x->w - 2 * vm->margin - fmaxf(button_width(x, bundle_word(x->b, WORD_APP_BACK)), t * 1.4f) - g;
    if (x->c->quick_exit)
        room -= fminf(fmaxf(button_width(x, bundle_word(x->b, WORD_APP_QUICK_EXIT)), t * 1.6f), x->w * 0.3f) + g;
    return width_of(x, FONT_HEADING, head, (int)strlen(head)) <= room;
}

/* The height of `text` in `font` at `width`, each '\n' a new paragraph `before` apart. */
static float text_height(Ctx *x, FontRole font, const char *text, float width, float before)
{
    float h = 0;
    for (const char *p = text; p && *p;) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        h += (h > 0 ? before : 0) + (float)(text_wrap(x->m, font, p, len, width, x->v->lines, 0) * line_h(x, font));
        p += len + (nl ? 1 : 0);
    }
    return h;
}

/* The headline block (the headline unless it is in the bar, the line under it) and the
 * gap under it. */
static float headline_height(Ctx *x, const ResultText *r, float width)
{
    float h = r->in_bar ? 0 : text_height(x, FONT_HEADING, r->head, width, 0) + 4 * x->vm->unit;
    if (r->sub && r->sub[0])
        h += text_height(x, FONT_BODY, r->sub, width, 0);
    return h > 0 ? h + x->vm->gap : 0;
}

static float draw_headline(Ctx *x, const ResultText *r, Rect box)
{
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    float h = 0;
    if (!r->in_bar)
        h = paragraph(x, FONT_HEADING, r->head, box, ALIGN_LEFT, colour(x, COLOUR_TEXT), bg) + 4 * x->vm->unit;
    if (r->sub && r->sub[0])
        h += paragraph(x, FONT_BODY, r->sub, (Rect){ box.x, box.y + h, box.w, box.h - h }, ALIGN_LEFT,
                       colour(x, COLOUR_MUTED), bg);
    return h > 0 ? h + x->vm->gap : 0;
}

static float kind_height(Ctx *x, const ResultText *r, float width)
{
    return text_height(x, FONT_CAPTION, r->kind[0], width, 0) + 4 * x->vm->unit +
           text_height(x, FONT_CAPTION, r->kind[1], width, 0);
}

/* The kind words in `box`, from its top. */
static void kind_words(Ctx *x, const ResultText *r, Rect box)
{
    uint32_t fg = colour(x, COLOUR_TEXT), bg = colour(x, COLOUR_BACKGROUND);
    float y = paragraph(x, FONT_CAPTION, r->kind[0], box, ALIGN_LEFT, fg, bg) + 4 * x->vm->unit;
    paragraph(x, FONT_CAPTION, r->kind[1], (Rect){ box.x, box.y + y, box.w, box.h - y }, ALIGN_LEFT, fg, bg);
}

/* The deck's first page's height, with the engine's spacing: what
 * it can sound like and the quote, then the summary (SUMMARY_HERE) or the page controls
 * (SUMMARY_NEXT). */
static float words_height(Ctx *x, const ResultText *r, float width, Summary summary)
{
    if (!r->info)
        return 0;
    float u = x->vm->unit, h = 0;
    if (r->info->sounds)
        h += (float)line_h(x, FONT_CAPTION) + 10 * u + text_height(x, FONT_QUOTE, r->info->sounds, width - 20 * u, 10 * u);
    if (summary == SUMMARY_HERE)
        h += (h > 0 ? 10 * u : 0) + text_height(x, FONT_BODY, r->info->summary, width, 10 * u);
    else if (summary == SUMMARY_NEXT)
        h += x->vm->target + x->vm->gap * 0.5f;
    return h;
}

/* The text column of `width`: the headline block, the deck, the kind words at its foot. */
static float column_height(Ctx *x, const ResultText *r, float width, Summary summary)
{
    return headline_height(x, r, width) + words_height(x, r, width, summary) + x->vm->gap + kind_height(x, r, width);
}

/* The column in `text`: the headline block, the deck (with [Next] and the page marker
 * when it needs pages), the kind words at its foot. Where the quote cannot fit whole
 * between the headline block and the kind words (a long headline with the line it sits
 * near, on a small screen), that line and the kind words open the deck instead, on its
 * first page, and the quote has the next page to itself: a quote is never cut. */
static void result_column(Ctx *x, const ResultText *r, Rect text)
{
    float t = x->vm->target, gap = x->vm->gap;
    float kh = kind_height(x, r, text.w), controls = t + gap * 0.5f;
    bool tight = r->info && headline_height(x, r, text.w) + words_height(x, r, text.w, SUMMARY_NONE) + controls +
                                    gap + kh > text.h;
    ResultText head = *r;
    if (tight)
        head.sub = NULL; /* the line under the headline goes on the deck's first page */
    else
        kind_words(x, r, (Rect){ text.x, text.y + text.h - kh, text.w, kh });
    float hh = draw_headline(x, &head, text);
    if (!r->info) {
        flow_set_page_count(x->f, 1);
        return;
    }
    Rect box = { text.x, text.y + hh, text.w, text.h - hh - (tight ? 0 : kh + gap) };
    deck_begin(x);
    if (tight) {
        if (r->sub && r->sub[0])
            deck_add(x, ITEM_SUBTITLE, r->sub);
        deck_add(x, ITEM_CAPTION, r->kind[0]);
        deck_add(x, ITEM_CAPTION, r->kind[1]);
        deck_add(x, ITEM_BREAK, NULL);
    }
    if (r->info->sounds) {
        deck_add(x, ITEM_LABEL, bundle_word(x->b, WORD_RESULT_SOUNDS));
        deck_add(x, ITEM_QUOTE, r->info->sounds);
    }
    if (r->summary == SUMMARY_NEXT)
        deck_add(x, ITEM_BREAK, NULL);
    if (r->summary != SUMMARY_NONE)
        deck_add(x, ITEM_PARA, r->info->summary);
    if (tight || r->summary == SUMMARY_NEXT || words_height(x, r, box.w, r->summary) > box.h)
        box.h -= controls; /* room for the page controls */
    deck_draw(x, box);
    if (x->f->page_count > 1) {
        float y = box.y + box.h + gap * 0.5f, w = fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), t * 1.8f);
        if (x->f->page + 1 < x->f->page_count)
            button(x, (Rect){ text.x + text.w - w, y, w, t }, bundle_word(x->b, WORD_APP_NEXT), ACT_NEXT, 0,
                   BUTTON_QUIET);
        page_marker(x, (Rect){ text.x, y, text.w - w - gap, t });
    }
}

/* The widest word of the quadrants' names, in the caption font. */
static float widest_name_word(Ctx *x)
{
    float widest = 0;
    for (int st = 0; st < STYLE_COUNT; st++) {
        const char *p = x->b->styles[st].name;
        while (p && *p) {
            size_t n = strcspn(p, " -");
            widest = fmaxf(widest, (float)width_of(x, FONT_CAPTION, p, (int)n));
            p += n + (p[n] ? 1 : 0);
        }
    }
    return widest;
}

/* The least height of a map `width` wide: each quadrant (half of it, at the default
 * threshold) holds its name, padded, and the dot above or below the name. */
static float least_height_of(Ctx *x, float width, bool narrow)
{
    float u = x->vm->unit, pad = name_pad(x, narrow), tallest = 0;
    for (int st = 0; st < STYLE_COUNT; st++)
        tallest = fmaxf(tallest, paragraph_height(x, FONT_CAPTION, x->b->styles[st].name, width / 2 - 2 * pad));
    return 2 * (tallest + 32 * u + 2 * pad);
}

float map_least_height(Ctx *x, float width)
{
    return least_height_of(x, width, false);
}

/* The least width of a map: every quadrant's name fits, its longest word on a line. */
static float least_width_of(Ctx *x, bool narrow)
{
    return 2 * (widest_name_word(x) + 2 * name_pad(x, narrow)) + 4 * x->vm->unit;
}

float map_least_width(Ctx *x)
{
    return least_width_of(x, false);
}

/* True when a map and its gutter `width` wide must be narrow (larger text only). */
static bool map_narrow(Ctx *x, float width)
{
    return x->f->large_text && width - map_gutter(x) < map_least_width(x);
}

MapShape map_shape(Ctx *x, float width)
{
    bool narrow = map_narrow(x, width);
    return (MapShape){ narrow, gutter_of(x, narrow), narrow_top(x, narrow), least_width_of(x, narrow) };
}

float map_shape_least_height(Ctx *x, const MapShape *shape, float width)
{
    return least_height_of(x, width, shape->narrow);
}

void map_draw_shaped(Ctx *x, Rect r, const MapPoint *points, int n, Style shaded, const MapShape *shape)
{
    draw_map(x, r, points, n, shaded, shape->narrow);
}

/* The map's words under it, the room above it and the gap under them. */
float map_extra(Ctx *x)
{
    return (float)line_h(x, FONT_CAPTION) + 12 * x->vm->unit + x->vm->gap;
}

/* How much the layout lacks with a map of `size` (<= 0: it fits). */
typedef float Lack(Ctx *x, const ResultText *r, float size, Rect area, Summary summary);

/* The map's size: the largest from `most` down to `least` at which the words fit with
 * the style's summary; else the largest at which the headline, the quote and the kind
 * words fit with the page controls (the summary is on the next page); else without them
 * (no summary); else `least`, and the quote gets pages. Sets r->summary. */
static float map_size(Ctx *x, ResultText *r, Rect area, float most, float least, Lack *lack)
{
    enum { STEPS = 12 };
    if (most < least)
        most = least;
    for (int pass = SUMMARY_HERE; pass <= SUMMARY_NONE; pass++) {
        r->summary = (Summary)pass;
        for (int i = 0; i < STEPS; i++) {
            float size = most - (most - least) * (float)i / (STEPS - 1);
            if (lack(x, r, size, area, r->summary) <= 0)
                return size;
        }
    }
    return least;
}

static float lack_beside(Ctx *x, const ResultText *r, float side, Rect area, Summary summary)
{
    float width = area.w - map_gutter(x) - side - 2 * x->vm->gap;
    return column_height(x, r, width, summary) - area.h;
}

/* Landscape: the map (the gutter left of it) on the left, the column beside it. The map
 * is square, or taller where its quadrants need it for their names and the dot. `area` is
 * between the top bar and the buttons. */
static void result_wide(Ctx *x, ResultText *r, const QuizScore *s, Rect area)
{
    const ViewMetrics *vm = x->vm;
    float u = vm->unit, gap = vm->gap, gw = map_gutter(x);
    float tallest = area.h - map_extra(x) + gap;
    float most = fminf(tallest, (area.w - gw) * 0.42f), least = map_least_width(x);
    while (least < most && map_least_height(x, least) > tallest)
        least += 8 * u;
    float side = map_size(x, r, area, most, least, lack_beside);
    float height = fminf(tallest, fmaxf(side, map_least_height(x, side)));
    result_map(x, (Rect){ area.x + gw, area.y + 6 * u, side, height }, s, false);
    float cx = area.x + gw + side + 2 * gap;
    result_column(x, r, (Rect){ cx, area.y, area.x + area.w - cx, area.h });
}

static float lack_under(Ctx *x, const ResultText *r, float height, Rect area, Summary summary)
{
    return height + map_extra(x) + column_height(x, r, area.w, summary) - area.h;
}

/* Portrait: the headline block, the map under it (as wide as the screen, as tall as
 * leaves room for the words), the rest of the column under that. */
static void result_tall(Ctx *x, ResultText *r, const QuizScore *s, Rect area)
{
    float u = x->vm->unit, gw = map_gutter(x);
    float width = fmaxf(area.w - gw, map_least_width(x));
    float least = map_least_height(x, width), most = fminf(width, area.h * 0.36f);
    float height = map_size(x, r, area, most, least, lack_under);
    /* the headline block first, then the map, then the rest of the column; where the
     * quote would not fit whole, the line under the headline goes to the column, which
     * then opens its deck with it (result_column) */
    bool crowded = lack_under(x, r, height, area, SUMMARY_NONE) + x->vm->target + x->vm->gap * 0.5f > 0;
    ResultText head = *r;
    if (crowded)
        head.sub = NULL;
    float hh = draw_headline(x, &head, area);
    ResultText rest = *r;
    rest.in_bar = true;
    rest.sub = crowded ? r->sub : NULL;
    result_map(x, (Rect){ area.x + gw + (area.w - gw - width) / 2, area.y + hh + 6 * u, width, height }, s, false);
    float ty = area.y + hh + height + map_extra(x);
    result_column(x, &rest, (Rect){ area.x, ty, area.w, area.y + area.h - ty });
}

/* Larger text, the words after the map: the headline where the map's page had no room
 * for it (`head`), or the line under it (`sub`: it names the style, and the one it is
 * near), with the kind words; then the style's summary (the kind words after it when
 * neither opens the words); then what it
 * can sound like, its quote, as a card of its own. */
static void large_words(Ctx *x, const ResultText *r, bool head, bool sub)
{
    if (sub) /* (with no style named, it is what the result says: a paragraph) */
        deck_add(x, r->info ? ITEM_SUBTITLE : ITEM_PARA, r->sub);
    else if (head) /* (the map's shaded quadrant names it too; a heading would be
                    * repeated, continued, on each page the summary takes) */
        deck_add(x, ITEM_KICKER, r->head);
    bool opened = head || sub;
    if (opened) { /* with the kind words (what the dot is, that it can change), the
                   * summary from the top of a page */
        deck_add(x, ITEM_CAPTION, r->kind[0]);
        deck_add(x, ITEM_CAPTION, r->kind[1]);
    }
    if (r->info)
        deck_add(x, ITEM_PARA, r->info->summary);
    if (!opened) {
        deck_add(x, ITEM_CAPTION, r->kind[0]);
        deck_add(x, ITEM_CAPTION, r->kind[1]);
    }
    if (r->info && r->info->sounds) {
        deck_add(x, ITEM_BREAK, NULL);
        deck_add(x, ITEM_KICKER, bundle_word(x->b, WORD_RESULT_SOUNDS));
        deck_add(x, ITEM_QUOTE, r->info->sounds);
    }
}

/* Larger text: the deck of the words on the pages after the map's (flow page p is the
 * deck's page p - 1); counts the pages, the map's with them. */
static void large_deck(Ctx *x, Rect box)
{
    int p = x->f->page;
    flow_reflow_page(x->f, p > 0 ? p - 1 : 0);
    deck_paginate(x, box);
    int dp = x->f->page, n = x->f->page_count;
    if (p > 0)
        deck_draw(x, box); /* (paginated above: it only draws page dp) */
    flow_reflow_page(x->f, p > 0 ? dp + 1 : 0);
    flow_set_page_count(x->f, n + 1);
}

/* Larger text's page controls at the foot of `area`: the page marker, [Next] but on the
 * last page; the marker above [Next] where `area` is too narrow for both on a row. */
static void large_controls(Ctx *x, Rect area)
{
    float t = x->vm->target, gap = x->vm->gap, y = area.y + area.h - t;
    float w = fminf(fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), t * 1.8f), area.w);
    Rect marker = { area.x, y, area.w - w - gap, t };
    if (marker.w < t * 2.5f)
        marker = (Rect){ area.x, y - t - gap * 0.5f, area.w, t };
    if (x->f->page + 1 < x->f->page_count)
        button(x, (Rect){ area.x + area.w - w, y, w, t }, bundle_word(x->b, WORD_APP_NEXT), ACT_NEXT, 0,
               BUTTON_QUIET);
    page_marker(x, marker);
}

/* The height larger text's page controls take in a column `width` wide. */
static float large_controls_height(Ctx *x, float width)
{
    float t = x->vm->target, gap = x->vm->gap;
    float w = fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), t * 1.8f);
    return width - w - gap < t * 2.5f ? 2 * t + gap : t + gap * 0.5f;
}

/* Larger text, the map's page: the map as large as `room` leaves it (its gutter left of
 * it, its words under it), centred across `room`. */
static void large_map(Ctx *x, const QuizScore *s, Rect room)
{
    bool narrow = map_narrow(x, room.w);
    float u = x->vm->unit, gw = gutter_of(x, narrow), above = narrow_top(x, narrow);
    float h = room.h - map_extra(x) - 6 * u - above, w = fminf(room.w - gw, x->w > x->h ? h : room.w);
    w = fmaxf(w, least_width_of(x, narrow));
    while (w + 8 * u <= room.w - gw && least_height_of(x, w, narrow) > h)
        w += 8 * u; /* wider, where its quadrants' names need fewer lines */
    h = fminf(h, fmaxf(w, least_height_of(x, w, narrow)));
    result_map(x, (Rect){ room.x + gw + (room.w - gw - w) / 2, room.y + 6 * u + above, w, h }, s, narrow);
}

/* Landscape's map width in larger text: square in `area`'s height, or wider where its
 * quadrants' names need it (they wrap to fewer lines), leaving room for the page
 * controls beside it. */
static float large_side(Ctx *x, Rect area)
{
    float u = x->vm->unit, t = x->vm->target, gw = map_gutter(x), tall = area.h - map_extra(x) - 6 * u;
    float most = area.w - gw - 2 * x->vm->gap - fmaxf(button_width(x, bundle_word(x->b, WORD_APP_NEXT)), t * 1.8f);
    float side = fmaxf(fminf(tall, (area.w - gw) * 0.5f), map_least_width(x));
    while (side + 8 * u <= most && map_least_height(x, side) > tall)
        side += 8 * u;
    return side;
}

/* Larger text: the map has a page of its own with the headline and the line under it
 * (beside it in landscape, above it in portrait) where they fit whole; else they open
 * the words, and the map's shaded quadrant names the style on its page. The words follow
 * full width on the pages after it, behind Next, so that none is squeezed into a narrow
 * column. */
static void result_large(Ctx *x, ResultText *r, const QuizScore *s, Rect area)
{
    float t = x->vm->target, gap = x->vm->gap, gw = map_gutter(x);
    bool narrow = map_narrow(x, area.w);
    Rect words = { area.x, area.y, area.w, area.h - t - gap * 0.5f };
    bool wide = x->w > x->h;
    float side = wide ? large_side(x, area) : area.w - gw;
    Rect beside = { area.x + gw + side + 2 * gap, area.y, 0, area.h };
    beside.w = area.x + area.w - beside.x;
    float room = wide ? beside.h - large_controls_height(x, beside.w)
                      : words.h - least_height_of(x, area.w - gutter_of(x, narrow), narrow) - map_extra(x) -
                            narrow_top(x, narrow);
    ResultText head = *r;
    if (headline_height(x, &head, wide ? beside.w : area.w) > room) {
        head.sub = NULL; /* the line under the headline opens the words */
        if (headline_height(x, &head, wide ? beside.w : area.w) > room)
            head.in_bar = true; /* and the headline too */
    }
    bool moved = head.in_bar != r->in_bar, sub_moved = head.sub != r->sub;
    deck_begin(x);
    large_words(x, r, moved, sub_moved);
    large_deck(x, words);
    bool first = x->f->page == 0;
    /* the map's page in landscape: the page controls under the words beside the map */
    large_controls(x, first && wide ? beside : area);
    if (!first)
        return;
    if (wide) {
        draw_headline(x, &head, beside);
        large_map(x, s, (Rect){ area.x, area.y, gw + side, area.h });
    } else {
        float hh = draw_headline(x, &head, words);
        large_map(x, s, (Rect){ area.x, area.y + hh, area.w, words.h - hh });
    }
}

/* The result: buttons at the bottom; above them the map beside the words (landscape) or
 * above them (portrait). Its one page holds the headline, the map, the quote and the
 * kind words, and the summary when it fits. The headline is the top bar's title when it
 * fits there; else the bar says "Your reflection" (landscape; portrait has no room to
 * spare for it) and the headline leads the words. */
void screen_result(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    const QuizScore *s = flow_result(x->f);
    if (!s)
        return;
    bool couple = x->f->couple.stage != COUPLE_OFF; /* a partner's: no way back to the wiped answers */
    float m = vm->margin, gap = vm->gap;
    ResultKind kind = result_kind(s);
    /* not placed: no dot on the map, so not the words that point at one */
    Word reflection = kind == RESULT_UNPLACED ? WORD_CONSENT_NOT_DIAGNOSIS : WORD_RESULT_REFLECTION;
    ResultText r = { .kind = { bundle_word(x->b, reflection), bundle_word(x->b, WORD_RESULT_CHANGE) },
                     .info = kind == RESULT_STYLE ? &x->b->styles[s->style] : NULL };
    result_headline(x, s, &r);
    bool wide = x->w > x->h;
    r.in_bar = fits_the_bar(x, r.head);
    float top = top_bar(x, r.in_bar ? r.head : wide ? bundle_word(x->b, WORD_RESULT_TITLE) : "",
                        couple && x->f->page == 0 ? ACT_NONE : ACT_BACK, 0);
    float by = couple ? pass_button(x) : result_buttons(x, kind == RESULT_STYLE ? s->style : STYLE_COUNT);
    Rect area = { m, top, x->w - 2 * m, by - gap - top };
    if (x->f->large_text)
        result_large(x, &r, s, area);
    else if (wide)
        result_wide(x, &r, s, area);
    else
        result_tall(x, &r, s, area);
}
