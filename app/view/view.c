/* view.c — see view.h. Read from the bottom: view_layout() picks a screen function; each
 * screen function builds its chrome (top bar, buttons) with the helpers in the middle,
 * and its text through the pagination engine (deck_*). */
#include "view.h"

#include <math.h>

#include "check.h"
#include <stdio.h>
#include <string.h>

typedef struct Ctx {
    View *v;
    Flow *f;
    const Bundle *b;
    const Config *c;
    const Measure *m;
    DrawList *out;
    const ViewMetrics *vm;
    float w, h;
    long now;
} Ctx;

/* --- sizes and colours ----------------------------------------------------------------- */

void view_metrics(const Config *c, int width, int height, ViewMetrics *out)
{
    /* One unit is a pixel of the 800x480 design, scaled by the screen's diagonal. */
    float u = (float)(hypot(width, height) / hypot(800, 480) * c->scale);
    double px_per_mm = check_px_per_mm(c, width, height);
    out->unit = u;
    out->px_per_mm = px_per_mm;
    out->font_px[FONT_DISPLAY] = (int)lroundf(c->size_title * 1.6f * u);
    out->font_px[FONT_TITLE] = (int)lroundf(c->size_title * u);
    out->font_px[FONT_HEADING] = (int)lroundf((c->size_title + c->size_body) * 0.5f * u);
    out->font_px[FONT_BODY] = (int)lroundf(c->size_body * u);
    out->font_px[FONT_QUOTE] = (int)lroundf(c->size_body * u);
    out->font_px[FONT_BUTTON] = (int)lroundf(c->size_body * 0.95f * u);
    out->font_px[FONT_CAPTION] = (int)lroundf(c->size_caption * u);
    float nine_mm = (float)ceil(9.4 * px_per_mm);
    out->target = fmaxf(52 * u, nine_mm);
    out->margin = 24 * u;
    out->gap = 12 * u;
}

static uint32_t colour(const Ctx *x, ThemeColour which)
{
    return x->c->colours[which];
}

static uint32_t mix(uint32_t a, uint32_t b, float t)
{
    uint32_t out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        float ca = (float)((a >> shift) & 0xFF), cb = (float)((b >> shift) & 0xFF);
        out |= (uint32_t)lroundf(ca + (cb - ca) * t) << shift;
    }
    return out;
}

static int width_of(const Ctx *x, FontRole font, const char *s, int len)
{
    return len > 0 ? x->m->width(x->m->ctx, font, s, len) : 0;
}

static int line_h(const Ctx *x, FontRole font)
{
    return x->m->line_height[font];
}

/* {name} placeholders replaced by values; the result lives in the draw list. */
static const char *fill(Ctx *x, const char *tmpl, const char *const *names, const char *const *values, int n)
{
    char buf[1024];
    size_t used = 0;
    for (const char *p = tmpl; *p && used + 1 < sizeof(buf);) {
        bool done = false;
        if (*p == '{') {
            for (int i = 0; i < n && !done; i++) {
                size_t len = strlen(names[i]);
                if (strncmp(p + 1, names[i], len) == 0 && p[1 + len] == '}') {
                    used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s", values[i]);
                    if (used >= sizeof(buf))
                        used = sizeof(buf) - 1;
                    p += len + 2;
                    done = true;
                }
            }
        }
        if (!done)
            buf[used++] = *p++;
    }
    buf[used] = '\0';
    return draw_printf(x->out, "%s", buf);
}

/* --- text ------------------------------------------------------------------------------ */

typedef enum Align { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT } Align;

/* Wraps `text` (one paragraph) into `box` from its top; returns the height used. */
static float paragraph(Ctx *x, FontRole font, const char *text, Rect box, Align align,
                       uint32_t fg, uint32_t bg)
{
    int len = (int)strlen(text);
    TextLine *lines = x->v->lines;
    int cap = (int)(sizeof(x->v->lines) / sizeof(lines[0]));
    int n = text_wrap(x->m, font, text, len, box.w, lines, cap);
    if (n > cap)
        n = cap;
    float lh = (float)line_h(x, font), y = box.y;
    for (int i = 0; i < n; i++) {
        float lx = box.x;
        if (align == ALIGN_CENTRE)
            lx = box.x + (box.w - lines[i].width) / 2;
        else if (align == ALIGN_RIGHT)
            lx = box.x + box.w - lines[i].width;
        draw_text(x->out, lx, y, (float)lines[i].width, lh, font, text + lines[i].start,
                  lines[i].len, fg, bg, box);
        y += lh;
    }
    draw_block(x->out, text, (Rect){ box.x, box.y, box.w, y - box.y });
    return y - box.y;
}

static float paragraph_height(Ctx *x, FontRole font, const char *text, float width)
{
    int n = text_wrap(x->m, font, text, (int)strlen(text), width, x->v->lines, 0);
    return (float)(n * line_h(x, font));
}

/* --- buttons and chrome ---------------------------------------------------------------- */

typedef enum ButtonStyle { BUTTON_PRIMARY, BUTTON_SECONDARY, BUTTON_QUIET, BUTTON_SELECTED } ButtonStyle;

/* Draws a button as target `index` would look (pressed, focused) without adding a target. */
static void button_face(Ctx *x, Rect r, const char *label, ButtonStyle style, int index)
{
    bool pressed = index >= 0 && x->f->pressed == index, focused = index >= 0 && x->f->focus == index;
    uint32_t fill_c, text_c, edge = 0;
    switch (style) {
    case BUTTON_PRIMARY:
    case BUTTON_SELECTED:
        fill_c = colour(x, COLOUR_ACCENT);
        text_c = colour(x, COLOUR_ACCENT_TEXT);
        break;
    case BUTTON_QUIET:
        fill_c = colour(x, COLOUR_BACKGROUND);
        text_c = colour(x, COLOUR_TEXT);
        edge = colour(x, COLOUR_LINE);
        break;
    default:
        fill_c = colour(x, COLOUR_SURFACE);
        text_c = colour(x, COLOUR_TEXT);
        edge = colour(x, COLOUR_LINE);
        break;
    }
    if (pressed)
        fill_c = mix(fill_c, colour(x, COLOUR_TEXT), 0.18f);
    float u = x->vm->unit, radius = fminf(r.h / 2, 14 * u);
    if (focused) /* a dark ring with a gap: visible on any button */
        draw_outline(x->out, (Rect){ r.x - 6 * u, r.y - 6 * u, r.w + 12 * u, r.h + 12 * u },
                     colour(x, COLOUR_TEXT), radius + 6 * u, 3 * u);
    draw_rect(x->out, r, fill_c, radius);
    if (edge)
        draw_outline(x->out, r, edge, radius, fmaxf(1, 1.5f * u));
    FontRole font = FONT_BUTTON;
    float pad = 14 * u;
    Rect inner = { r.x + pad, r.y, r.w - 2 * pad, r.h };
    float th = paragraph_height(x, font, label, inner.w);
    inner.y = r.y + (r.h - th) / 2;
    inner.h = th;
    paragraph(x, font, label, (Rect){ inner.x, inner.y, inner.w, r.h - (inner.y - r.y) }, ALIGN_CENTRE,
              text_c, fill_c);
    /* the text's box is the button: overflow means the label does not fit */
    x->out->cmds[x->out->count - 1].clip = r;
}

static void button(Ctx *x, Rect r, const char *label, Action action, int arg, ButtonStyle style)
{
    button_face(x, r, label, style, x->out->target_count);
    draw_target(x->out, r, action, arg, label);
}

/* The width a one-line button needs for `label`. */
static float button_width(Ctx *x, const char *label)
{
    return (float)width_of(x, FONT_BUTTON, label, (int)strlen(label)) + 2 * 16 * x->vm->unit;
}

/* The bar at the top of every screen past attract: [Back] title [Quick exit].
 * Returns the y where the content starts. */
static float top_bar(Ctx *x, const char *title, Action back, int back_arg)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, t = vm->target, y = m * 0.6f;
    float right = x->w - m;
    if (x->c->quick_exit) {
        const char *q = bundle_word(x->b, WORD_APP_QUICK_EXIT);
        float qw = fminf(fmaxf(button_width(x, q), t * 1.6f), x->w * 0.3f); /* long words wrap */
        button(x, (Rect){ right - qw, y, qw, t }, q, ACT_QUICK_EXIT, 0, BUTTON_QUIET);
        right -= qw + vm->gap * 1.5f;
    }
    float left = m;
    if (back != ACT_NONE) {
        const char *bl = bundle_word(x->b, WORD_APP_BACK);
        float bw = fmaxf(button_width(x, bl), t * 1.4f);
        button(x, (Rect){ left, y, bw, t }, bl, back, back_arg, BUTTON_SECONDARY);
        left += bw + vm->gap * 1.5f;
    }
    if (title && title[0]) {
        FontRole font = FONT_TITLE;
        if (width_of(x, font, title, (int)strlen(title)) > right - left)
            font = FONT_HEADING;
        Rect box = { left, y, right - left, t };
        float th = paragraph_height(x, font, title, box.w);
        if (th < t)
            box.y += (t - th) / 2;
        box.h = fmaxf(th, t - (box.y - y));
        paragraph(x, font, title, box, ALIGN_LEFT, colour(x, COLOUR_TEXT), colour(x, COLOUR_BACKGROUND));
        y = fmaxf(y + t, box.y + th);
    } else {
        y += t;
    }
    return y + vm->gap;
}

/* --- the pagination engine --------------------------------------------------------------- */

typedef struct ItemStyle {
    FontRole font;
    ThemeColour colour;
    float before;        /* space above, in units, unless first on a page */
    float indent;        /* in units */
    bool keep_with_next; /* never last on a page */
} ItemStyle;

static const ItemStyle item_styles[ITEM_KIND_COUNT] = {
    [ITEM_KICKER] = { FONT_CAPTION, COLOUR_ACCENT, 10, 0, true },
    [ITEM_HEADING] = { FONT_HEADING, COLOUR_TEXT, 14, 0, true },
    [ITEM_SUBTITLE] = { FONT_BODY, COLOUR_MUTED, 4, 0, true },
    [ITEM_PARA] = { FONT_BODY, COLOUR_TEXT, 10, 0, false },
    [ITEM_BULLET] = { FONT_BODY, COLOUR_TEXT, 4, 26, false },
    [ITEM_QUOTE] = { FONT_QUOTE, COLOUR_TEXT, 10, 20, false },
    [ITEM_LABEL] = { FONT_CAPTION, COLOUR_MUTED, 14, 0, true },
    [ITEM_CAPTION] = { FONT_CAPTION, COLOUR_MUTED, 12, 0, false },
    [ITEM_BREAK] = { FONT_BODY, COLOUR_TEXT, 0, 0, false },
};

static void deck_begin(Ctx *x)
{
    x->v->item_count = 0;
}

/* Adds text as items of `kind`, one per paragraph ('\n' separates them). NULL adds nothing. */
static void deck_add(Ctx *x, ItemKind kind, const char *text)
{
    View *v = x->v;
    if (kind == ITEM_BREAK) {
        if (v->item_count > 0 && v->item_count < VIEW_MAX_ITEMS)
            v->items[v->item_count++] = (Item){ ITEM_BREAK, "", 0 };
        return;
    }
    if (!text || !text[0])
        return;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        if (v->item_count == VIEW_MAX_ITEMS) {
            x->out->overflowed = true;
            return;
        }
        v->items[v->item_count++] = (Item){ kind, p, len };
        p += len + (nl ? 1 : 0);
    }
}

static unsigned deck_key(const Ctx *x, Rect box)
{
    unsigned h = 2166136261u;
#define MIX(value) (h = (h ^ (unsigned)(value)) * 16777619u)
    MIX(x->f->screen);
    MIX(x->f->style);
    MIX(lroundf(box.w));
    MIX(lroundf(box.h));
    for (int i = 0; i < x->v->item_count; i++) {
        MIX(x->v->items[i].kind);
        MIX((uintptr_t)x->v->items[i].text);
        MIX(x->v->items[i].len);
    }
    for (int r = 0; r < FONT_ROLE_COUNT; r++)
        MIX(x->m->line_height[r]);
#undef MIX
    return h;
}

/* A page ends here and the next starts at `at`. While drawing, the page drawn is done:
 * returns true to stop. While counting, records the start and begins an empty page. */
static bool page_break(View *v, bool draw, PageMark at, float *y, bool *empty)
{
    if (draw)
        return true;
    if (v->page_count < VIEW_MAX_PAGES)
        v->pages[v->page_count++] = at;
    *y = 0;
    *empty = true;
    return false;
}

/* Walks the items from page mark `from`, placing lines in a box `box_h` tall. With `draw`,
 * draws the page that starts at `from` into `box`; without, records every page start. The
 * same walk serves both, so what is measured is what is drawn. */
static void deck_walk(Ctx *x, Rect box, PageMark from, bool draw)
{
    View *v = x->v;
    float u = x->vm->unit, y = 0;
    bool empty = true;
    int cap = (int)(sizeof(v->lines) / sizeof(v->lines[0]));
    if (!draw) {
        v->page_count = 1;
        v->pages[0] = from;
    }
    for (int i = from.item; i < v->item_count; i++) {
        const Item *it = &v->items[i];
        const ItemStyle *st = &item_styles[it->kind];
        if (it->kind == ITEM_BREAK) {
            if (!empty && page_break(v, draw, (PageMark){ i + 1, 0 }, &y, &empty))
                return;
            continue;
        }
        float indent = st->indent * u, lh = (float)line_h(x, st->font);
        int n = text_wrap(x->m, st->font, it->text, it->len, box.w - indent, v->lines, cap);
        if (n > cap)
            n = cap;
        int first = (i == from.item) ? from.line : 0;
        float before = empty ? 0 : st->before * u;
        /* no orphans: a paragraph starts on the next page unless two of its lines fit here,
         * and a heading keeps two lines of what follows it */
        bool orphan = !empty && first == 0 && n >= 2 && !st->keep_with_next && y + before + 2 * lh > box.h;
        if (st->keep_with_next && !empty && first == 0 && i + 1 < v->item_count) {
            const ItemStyle *next = &item_styles[v->items[i + 1].kind];
            orphan = y + before + n * lh + next->before * u + 2.0f * line_h(x, next->font) > box.h;
        }
        if (orphan) {
            if (page_break(v, draw, (PageMark){ i, 0 }, &y, &empty))
                return;
            before = 0;
        }
        float top = y + before;
        for (int j = first; j < n; j++) {
            float extra = (j == first) ? before : 0;
            if (y + extra + lh > box.h && !empty) {
                if (page_break(v, draw, (PageMark){ i, j }, &y, &empty))
                    return;
                extra = 0;
                top = 0;
            }
            y += extra;
            if (draw) {
                uint32_t fg = colour(x, st->colour), bg = colour(x, COLOUR_BACKGROUND);
                draw_text(x->out, box.x + indent, box.y + y, (float)v->lines[j].width, lh,
                          st->font, it->text + v->lines[j].start, v->lines[j].len, fg, bg, box);
                if (j == first && it->kind == ITEM_BULLET) {
                    float d = 7 * u;
                    draw_circle(x->out, (Rect){ box.x + 8 * u, box.y + y + lh / 2 - d / 2, d, d },
                                colour(x, COLOUR_ACCENT));
                }
            }
            y += lh;
            empty = false;
        }
        if (draw) {
            if (it->kind == ITEM_QUOTE)
                draw_rect(x->out, (Rect){ box.x + 2 * u, box.y + top, 4 * u, y - top }, colour(x, COLOUR_ACCENT),
                          2 * u);
            if (first == 0 && it->text[it->len] == '\0')
                draw_block(x->out, it->text, (Rect){ box.x, box.y + top, box.w, y - top });
            else if (first == 0 && it->text[it->len] == '\n') {
                /* a paragraph of a longer text: its own block, copied to be NUL-terminated */
                draw_block(x->out, draw_printf(x->out, "%.*s", it->len, it->text),
                           (Rect){ box.x, box.y + top, box.w, y - top });
            }
        }
    }
}

/* Paginates the items for `box` (cached) and draws page flow->page; sets page_count. */
static void deck_draw(Ctx *x, Rect box)
{
    View *v = x->v;
    unsigned key = deck_key(x, box);
    if (key != v->deck_key) {
        deck_walk(x, box, (PageMark){ 0, 0 }, false);
        v->deck_key = key;
    }
    flow_set_page_count(x->f, v->page_count);
    deck_walk(x, box, v->pages[x->f->page], true);
}

/* Page dots (or "3 / 12" when there are many) centred in `r`. */
static void page_marker(Ctx *x, Rect r)
{
    int n = x->f->page_count, p = x->f->page;
    if (n <= 1)
        return;
    float u = x->vm->unit, d = 9 * u, gap = 9 * u;
    if (n * (d + gap) < r.w && n <= 12) {
        float total = n * d + (n - 1) * gap, x0 = r.x + (r.w - total) / 2, cy = r.y + r.h / 2 - d / 2;
        for (int i = 0; i < n; i++)
            draw_circle(x->out, (Rect){ x0 + i * (d + gap), cy, d, d },
                        i == p ? colour(x, COLOUR_ACCENT) : colour(x, COLOUR_LINE));
    }
    char num[16], total[16];
    snprintf(num, sizeof(num), "%d", p + 1);
    snprintf(total, sizeof(total), "%d", n);
    const char *names[] = { "n", "total" }, *values[] = { num, total };
    const char *label = fill(x, bundle_word(x->b, WORD_APP_PAGE), names, values, 2);
    bool dots = n * (d + gap) < r.w && n <= 12;
    float lh = (float)line_h(x, FONT_CAPTION);
    Rect box = { r.x, dots ? r.y + r.h / 2 + d : r.y + (r.h - lh) / 2, r.w, lh };
    if (box.y + lh > r.y + r.h + lh * 0.6f)
        box.y = r.y + r.h - lh;
    paragraph(x, FONT_CAPTION, label, box, ALIGN_CENTRE, colour(x, COLOUR_MUTED), colour(x, COLOUR_BACKGROUND));
}

/* The bottom row of a deck: [Back] · page · [Next] (or [Home] on the last page). Draw it
 * after deck_draw, which counts the pages. */
static void deck_footer(Ctx *x, bool with_back)
{
    const ViewMetrics *vm = x->vm;
    float t = vm->target, y = x->h - vm->margin * 0.6f - t, m = vm->margin;
    const char *next = bundle_word(x->b, WORD_APP_NEXT), *home = bundle_word(x->b, WORD_APP_HOME);
    const char *back = bundle_word(x->b, WORD_APP_BACK);
    float bw = fmaxf(fmaxf(button_width(x, next), button_width(x, home)), t * 2);
    float backw = fmaxf(button_width(x, back), t * 2);
    if (with_back && x->f->page > 0)
        button(x, (Rect){ m, y, backw, t }, back, ACT_BACK, 0, BUTTON_SECONDARY);
    if (x->f->page + 1 < x->f->page_count)
        button(x, (Rect){ x->w - m - bw, y, bw, t }, next, ACT_NEXT, 0, BUTTON_PRIMARY);
    else
        button(x, (Rect){ x->w - m - bw, y, bw, t }, home, ACT_HOME, 0, BUTTON_SECONDARY);
    page_marker(x, (Rect){ m + backw + vm->gap, y, x->w - 2 * m - backw - bw - 2 * vm->gap, t });
}

/* The text column of a deck screen, under the top bar and above the footer. */
static Rect deck_box(Ctx *x, float top, float bottom)
{
    float m = x->vm->margin, maxw = 46 * x->m->size[FONT_BODY]; /* a readable measure */
    float w = fminf(x->w - 2 * m, maxw);
    return (Rect){ (x->w - w) / 2, top + x->vm->gap * 0.5f, w, bottom - top - x->vm->gap * 1.5f };
}

/* --- the screens ------------------------------------------------------------------------- */

static void screen_attract(Ctx *x)
{
    float u = x->vm->unit;
    double phase = 2 * 3.14159265358979 * (double)(x->now % 24000) / 24000.0;
    /* two soft circles drifting around each other: calm, slow, and cheap to redraw */
    float r = fminf(x->w, x->h) * 0.2f, cx = x->w / 2, cy = x->h * 0.31f;
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
    const char *title = bundle_word(x->b, WORD_ATTRACT_TITLE);
    float m = x->vm->margin, y = x->h * 0.56f;
    Rect box = { m, y, x->w - 2 * m, x->h - y };
    y += paragraph(x, FONT_DISPLAY, title, box, ALIGN_CENTRE, colour(x, COLOUR_TEXT), bg);
    const char *sub = bundle_word(x->b, WORD_ATTRACT_SUBTITLE);
    if (sub[0])
        y += paragraph(x, FONT_BODY, sub, (Rect){ m * 2, y + 4 * u, x->w - 4 * m, x->h - y }, ALIGN_CENTRE,
                       colour(x, COLOUR_MUTED), bg) + 4 * u;
    const char *touch = bundle_word(x->b, WORD_ATTRACT_TOUCH);
    float bw = fmaxf(button_width(x, touch), 3 * x->vm->target), t = x->vm->target;
    float by = fminf(y + x->vm->gap * 1.5f, x->h - m - t);
    /* the whole screen is the target; the pill shows where to touch */
    button_face(x, (Rect){ (x->w - bw) / 2, by, bw, t }, touch, BUTTON_PRIMARY, 0);
    draw_target(x->out, (Rect){ 0, 0, x->w, x->h }, ACT_BEGIN, 0, touch);
}

/* Kiosk, when the content is broken: calm words and nothing to press (staff use the
 * corner). The words are built in, because the bundle that would hold them is what failed;
 * no error is shown here: the staff menu and the journal have them. */
static void screen_unavailable(Ctx *x)
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

static void screen_consent(Ctx *x)
{
    float top = top_bar(x, bundle_word(x->b, WORD_CONSENT_TITLE), ACT_NONE, 0);
    const ViewMetrics *vm = x->vm;
    float t = vm->target, m = vm->margin, y = x->h - m * 0.6f - t;
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
        float bw = fmaxf(button_width(x, bundle_word(x->b, WORD_APP_BACK)), t * 1.6f);
        if (x->f->page > 0)
            button(x, (Rect){ m, y, bw, t }, bundle_word(x->b, WORD_APP_BACK), ACT_BACK, 0, BUTTON_SECONDARY);
        else if (x->f->page + 1 < x->f->page_count)
            button(x, (Rect){ m, y, bw, t }, bundle_word(x->b, WORD_APP_NEXT), ACT_NEXT, 0, BUTTON_SECONDARY);
    }
}

/* A menu's top: the bar with its title, then its intro line if the bundle has one.
 * Returns where the menu's buttons start. */
static float menu_top(Ctx *x, Word title, Action back, Word intro_word, float gap)
{
    float top = top_bar(x, bundle_word(x->b, title), back, 0), m = x->vm->margin;
    const char *intro = bundle_word(x->b, intro_word);
    if (intro[0])
        top += paragraph(x, FONT_BODY, intro, (Rect){ m, top, x->w - 2 * m, x->h - top }, ALIGN_LEFT,
                         colour(x, COLOUR_MUTED), colour(x, COLOUR_BACKGROUND)) + gap;
    return top;
}

static void screen_home(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, gap = vm->gap * 1.4f;
    float top = menu_top(x, WORD_HOME_TITLE, ACT_NONE, WORD_HOME_INTRO, gap);
    static const struct { Word word; Screen screen; } items[] = {
        { WORD_HOME_QUIZ, SCREEN_QUESTION },     { WORD_HOME_CHEMISTRY, SCREEN_CHEMISTRY },
        { WORD_HOME_STYLES, SCREEN_GUIDANCE },   { WORD_HOME_PARTNERS, SCREEN_PARTNERS },
        { WORD_HOME_CALM, SCREEN_CALM },         { WORD_HOME_SUPPORT, SCREEN_SUPPORT },
    };
    int cols = x->w > x->h * 1.2f ? 3 : (x->w > 560 * vm->unit ? 2 : 1);
    int rows = (6 + cols - 1) / cols;
    float cw = (x->w - 2 * m - (cols - 1) * gap) / cols;
    float avail = x->h - top - m;
    float ch = fminf((avail - (rows - 1) * gap) / rows, vm->target * 2.8f);
    ch = fmaxf(ch, vm->target);
    for (int i = 0; i < 6; i++) {
        int r = i / cols, c = i % cols;
        Rect cell = { m + c * (cw + gap), top + r * (ch + gap), cw, ch };
        button(x, cell, bundle_word(x->b, items[i].word), ACT_OPEN, items[i].screen,
               i == 0 ? BUTTON_PRIMARY : BUTTON_SECONDARY);
    }
}

static void screen_question(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    const Quiz *q = &x->b->quiz;
    const QuizSession *s = &x->f->quiz;
    int n = s->current < q->item_count ? s->current : q->item_count - 1;
    if (n < 0)
        return;
    float u = vm->unit, m = vm->margin, t = vm->target;
    char num[16], total[16];
    snprintf(num, sizeof(num), "%d", n + 1);
    snprintf(total, sizeof(total), "%d", q->item_count);
    const char *names[] = { "n", "total" }, *values[] = { num, total };
    const char *progress = fill(x, bundle_word(x->b, WORD_QUESTION_PROGRESS), names, values, 2);
    float top = top_bar(x, progress, ACT_BACK, 0);
    /* the progress bar */
    float bar_h = 6 * u;
    draw_rect(x->out, (Rect){ m, top, x->w - 2 * m, bar_h }, colour(x, COLOUR_LINE), bar_h / 2);
    draw_rect(x->out, (Rect){ m, top, (x->w - 2 * m) * (n + 1) / q->item_count, bar_h }, colour(x, COLOUR_ACCENT),
              bar_h / 2);
    top += bar_h + vm->gap * 1.5f;

    /* the answer buttons: a row in landscape, a column in portrait (numbers on the
     * buttons, the scale's words beside or under them); `by` is where they start */
    int points = q->points;
    float gap = 10 * u, maxw = x->w - 2 * m, by;
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    bool column = x->h > x->w * 1.2f;
    int cols = 1;
    if (column && points * t + (points - 1) * gap > (x->h - top) * 0.62f)
        cols = 2;
    if (column) {
        int rows = (points + cols - 1) / cols;
        float cw = (fminf(maxw, 560 * u * cols) - (cols - 1) * gap) / cols, x0 = (x->w - (cw * cols + (cols - 1) * gap)) / 2;
        by = x->h - m * 0.6f - rows * t - (rows - 1) * gap;
        for (int i = 0; i < points; i++) {
            Rect br = { x0 + (i / rows) * (cw + gap), by + (i % rows) * (t + gap), cw, t };
            int index = x->out->target_count;
            bool chosen = s->answers[n] == i + 1;
            button_face(x, br, "", chosen ? BUTTON_SELECTED : BUTTON_SECONDARY, index);
            uint32_t fg = chosen ? colour(x, COLOUR_ACCENT_TEXT) : colour(x, COLOUR_TEXT);
            uint32_t fill_c = chosen ? colour(x, COLOUR_ACCENT) : colour(x, COLOUR_SURFACE);
            const char *number = draw_printf(x->out, "%d", i + 1);
            float lh = (float)line_h(x, FONT_BUTTON), pad = 18 * u, nw = 1.6f * x->m->size[FONT_BUTTON];
            paragraph(x, FONT_BUTTON, number, (Rect){ br.x + pad, br.y + (t - lh) / 2, nw, lh }, ALIGN_LEFT, fg, fill_c);
            if (q->labels[i + 1]) {
                Rect lb = { br.x + pad + nw, br.y, br.w - 2 * pad - nw, t };
                float h2 = paragraph_height(x, FONT_CAPTION, q->labels[i + 1], lb.w);
                lb.y += (t - h2) / 2;
                lb.h = h2;
                paragraph(x, FONT_CAPTION, q->labels[i + 1], lb, ALIGN_LEFT, chosen ? fg : colour(x, COLOUR_MUTED), fill_c);
                x->out->cmds[x->out->count - 1].clip = (Rect){ lb.x, br.y, lb.w, t };
            }
            draw_target(x->out, br, ACT_ANSWER, i + 1, number);
        }
    } else {
        float bw = fminf(t * 1.5f, (maxw - (points - 1) * gap) / points);
        float label_h = 2.0f * line_h(x, FONT_CAPTION);
        float row_w = points * bw + (points - 1) * gap, x0 = (x->w - row_w) / 2;
        by = x->h - m * 0.6f - label_h - t;
        for (int i = 0; i < points; i++) {
            const char *label = draw_printf(x->out, "%d", i + 1);
            button(x, (Rect){ x0 + i * (bw + gap), by, bw, t }, label, ACT_ANSWER, i + 1,
                   s->answers[n] == i + 1 ? BUTTON_SELECTED : BUTTON_SECONDARY);
        }
        /* the scale's words under the buttons: the ends under the end buttons, others centred */
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
            paragraph(x, FONT_CAPTION, q->labels[i], box, align, colour(x, COLOUR_MUTED), bg);
        }
    }

    /* the statement, centred in what is left */
    const char *hint = bundle_word(x->b, WORD_QUESTION_HINT);
    float width = fminf(x->w - 2 * m, 34.0f * x->m->size[FONT_HEADING]);
    float sh = paragraph_height(x, FONT_HEADING, q->items[n].text, width);
    float hh = hint[0] ? paragraph_height(x, FONT_CAPTION, hint, width) + vm->gap : 0;
    float space = by - vm->gap - top;
    float sy = top + fmaxf(0, (space - sh - hh) / 2);
    Rect box = { (x->w - width) / 2, sy, width, by - vm->gap - sy };
    if (hint[0])
        box.y += paragraph(x, FONT_CAPTION, hint, box, ALIGN_CENTRE, colour(x, COLOUR_MUTED),
                           colour(x, COLOUR_BACKGROUND)) + vm->gap;
    box.h = by - vm->gap - box.y;
    paragraph(x, FONT_HEADING, q->items[n].text, box, ALIGN_CENTRE, colour(x, COLOUR_TEXT),
              colour(x, COLOUR_BACKGROUND));
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
            paragraph(x, FONT_CAPTION, name, lb, ALIGN_CENTRE, mine ? colour(x, COLOUR_TEXT) : colour(x, COLOUR_MUTED),
                      mine ? mix(surface, accent, 0.16f) : surface);
            x->out->cmds[x->out->count - 1].clip = qr;
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

static void screen_result(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    const QuizScore *s = &x->f->quiz.score;
    if (!x->f->quiz.scored)
        return;
    float top = top_bar(x, bundle_word(x->b, WORD_RESULT_TITLE), ACT_BACK, 0);
    float m = vm->margin, t = vm->target, gap = vm->gap;
    /* the buttons along the bottom */
    const char *labels[3] = { bundle_word(x->b, WORD_RESULT_GUIDANCE), bundle_word(x->b, WORD_RESULT_CHEMISTRY),
                              bundle_word(x->b, WORD_RESULT_RESTART) };
    Action acts[3] = { ACT_GUIDANCE, ACT_CHEMISTRY, ACT_RESTART };
    float bw = (x->w - 2 * m - 2 * gap) / 3;
    float by = x->h - m * 0.6f - t;
    bool one_row = true;
    for (int i = 0; i < 3; i++)
        one_row = one_row && button_width(x, labels[i]) <= bw;
    if (one_row) {
        for (int i = 0; i < 3; i++)
            button(x, (Rect){ m + i * (bw + gap), by, bw, t }, labels[i], acts[i], s->style,
                   i == 0 ? BUTTON_PRIMARY : BUTTON_SECONDARY);
    } else { /* narrow: the main button on a row of its own, above the other two */
        float half = (x->w - 2 * m - gap) / 2;
        button(x, (Rect){ m, by - t - gap, x->w - 2 * m, t }, labels[0], acts[0], s->style, BUTTON_PRIMARY);
        button(x, (Rect){ m, by, half, t }, labels[1], acts[1], s->style, BUTTON_SECONDARY);
        button(x, (Rect){ m + half + gap, by, half, t }, labels[2], acts[2], s->style, BUTTON_SECONDARY);
        by -= t + gap;
    }
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

static void deck_screen(Ctx *x, const char *title)
{
    float top = top_bar(x, title, ACT_BACK, 0);
    float bottom = x->h - x->vm->margin * 0.6f - x->vm->target; /* where the footer goes */
    deck_draw(x, deck_box(x, top, bottom)); /* first: it counts the pages the footer shows */
    deck_footer(x, false);
}

static void screen_guidance(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    if (x->f->style == STYLE_COUNT) {
        /* the four styles, to choose from */
        float m = vm->margin, gap = vm->gap * 1.4f;
        float top = menu_top(x, WORD_STYLES_TITLE, ACT_BACK, WORD_STYLES_INTRO, gap);
        int cols = x->w > x->h ? 2 : 1, rows = STYLE_COUNT / cols;
        float cw = (x->w - 2 * m - (cols - 1) * gap) / cols;
        float ch = fminf((x->h - top - m - (rows - 1) * gap) / rows, vm->target * 2);
        ch = fmaxf(ch, vm->target);
        for (int i = 0; i < STYLE_COUNT; i++)
            button(x, (Rect){ m + (i % cols) * (cw + gap), top + (i / cols) * (ch + gap), cw, ch },
                   x->b->styles[i].name, ACT_GUIDANCE, i, BUTTON_SECONDARY);
        return;
    }
    deck_begin(x);
    guidance_items(x, x->f->style);
    deck_screen(x, x->b->styles[x->f->style].name);
}

static void screen_chemistry(Ctx *x)
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
        deck_add(x, ITEM_PARA, c->text);
        deck_add(x, ITEM_LABEL, bundle_word(x->b, WORD_CHEMISTRY_PROMOTES));
        for (int k = 0; k < c->promote_count; k++)
            deck_add(x, ITEM_BULLET, c->promotes[k]);
    }
    deck_screen(x, bundle_word(x->b, WORD_CHEMISTRY_TITLE));
}

static void cards_items(Ctx *x, const Deck *deck)
{
    for (int i = 0; i < deck->count; i++) {
        deck_add(x, ITEM_BREAK, NULL);
        deck_add(x, ITEM_HEADING, deck->cards[i].title);
        deck_add(x, ITEM_PARA, deck->cards[i].text);
    }
}

static void screen_partners(Ctx *x)
{
    deck_begin(x);
    deck_add(x, ITEM_SUBTITLE, bundle_word(x->b, WORD_PARTNERS_INTRO));
    cards_items(x, &x->b->partners);
    deck_screen(x, bundle_word(x->b, WORD_PARTNERS_TITLE));
}

static void screen_support(Ctx *x)
{
    deck_begin(x);
    if (x->c->practice_name[0] || x->c->practice_text[0]) {
        deck_add(x, ITEM_KICKER, bundle_word(x->b, WORD_SUPPORT_PRACTICE));
        deck_add(x, ITEM_HEADING, x->c->practice_name);
        deck_add(x, ITEM_PARA, x->c->practice_text);
    }
    cards_items(x, &x->b->support);
    deck_screen(x, bundle_word(x->b, WORD_SUPPORT_TITLE));
}

static float ease(float t)
{
    return t * t * (3 - 2 * t);
}

static void screen_calm(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    const Calm *calm = &x->b->calm;
    float top = top_bar(x, bundle_word(x->b, WORD_CALM_TITLE), ACT_BACK, 0);
    float m = vm->margin, t = vm->target;
    long cycle = (long)(calm->inhale + calm->hold + calm->exhale) * 1000;
    long elapsed = x->now - x->f->entered;
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    if (elapsed < cycle * calm->breaths) {
        /* the screen's intro, then the article's words on breathing, one paragraph a line */
        float y = top;
        deck_begin(x);
        deck_add(x, ITEM_PARA, bundle_word(x->b, WORD_CALM_INTRO));
        deck_add(x, ITEM_PARA, calm->text);
        for (int i = 0; i < x->v->item_count; i++) {
            char *p = (char *)draw_printf(x->out, "%.*s", x->v->items[i].len, x->v->items[i].text);
            y += paragraph(x, i == 0 ? FONT_BODY : FONT_CAPTION, p, (Rect){ m, y, x->w - 2 * m, x->h - y },
                           ALIGN_CENTRE, colour(x, i == 0 ? COLOUR_TEXT : COLOUR_MUTED), bg);
        }
        long in = elapsed % cycle;
        int breath = (int)(elapsed / cycle);
        float k;
        Word phase;
        if (in < calm->inhale * 1000L) {
            k = ease((float)in / (calm->inhale * 1000.0f));
            phase = WORD_CALM_BREATHE_IN;
        } else if (in < (calm->inhale + calm->hold) * 1000L) {
            k = 1;
            phase = WORD_CALM_HOLD;
        } else {
            k = 1 - ease((float)(in - (calm->inhale + calm->hold) * 1000L) / (calm->exhale * 1000.0f));
            phase = WORD_CALM_BREATHE_OUT;
        }
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
        return;
    }
    /* then the grounding: five things you can see */
    deck_begin(x);
    deck_add(x, ITEM_HEADING, calm->grounding_title);
    deck_add(x, ITEM_PARA, calm->grounding_text);
    for (int i = 0; i < calm->step_count; i++)
        deck_add(x, ITEM_BULLET, calm->steps[i]);
    deck_add(x, ITEM_QUOTE, calm->close);
    const char *again = bundle_word(x->b, WORD_CALM_AGAIN), *done = bundle_word(x->b, WORD_CALM_DONE);
    const char *next = bundle_word(x->b, WORD_APP_NEXT);
    float y = x->h - m * 0.6f - t;
    float dw = fmaxf(fmaxf(button_width(x, done), button_width(x, next)), t * 2);
    float aw = fmaxf(button_width(x, again), t * 2);
    deck_draw(x, deck_box(x, top, y));
    if (x->f->page + 1 < x->f->page_count)
        button(x, (Rect){ x->w - m - dw, y, dw, t }, next, ACT_NEXT, 0, BUTTON_PRIMARY);
    else
        button(x, (Rect){ x->w - m - dw, y, dw, t }, done, ACT_HOME, 0, BUTTON_PRIMARY);
    button(x, (Rect){ x->w - m - dw - vm->gap - aw, y, aw, t }, again, ACT_CALM_AGAIN, 0, BUTTON_SECONDARY);
    if (x->f->page_count > 1)
        page_marker(x, (Rect){ m, y, x->w - 2 * m - dw - aw - 2 * vm->gap, t });
}

/* --- staff ---------------------------------------------------------------------------- */

static void staff_pin_pad(Ctx *x, float top)
{
    const ViewMetrics *vm = x->vm;
    float u = vm->unit, m = vm->margin, t = vm->target, gap = vm->gap;
    uint32_t bg = colour(x, COLOUR_BACKGROUND);
    bool locked = x->now < x->f->locked_until;
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
        char secs[24];
        snprintf(secs, sizeof(secs), "%ld", (x->f->locked_until - x->now + 999) / 1000);
        const char *names[] = { "seconds" }, *values[] = { secs };
        note = fill(x, bundle_word(x->b, WORD_STAFF_LOCKED), names, values, 1);
        x->out->next_change_ms = (int)(1000 - (x->f->locked_until - x->now) % 1000);
    } else if (x->f->pin_wrong) {
        note = bundle_word(x->b, WORD_STAFF_WRONG);
    }
    if (note)
        paragraph(x, FONT_BODY, note, (Rect){ words.x, y, words.w, words.y + words.h - y }, ALIGN_LEFT,
                  colour(x, COLOUR_TEXT), bg);
    float px = wide ? x->w - m - pad_w : (x->w - pad_w) / 2;
    float py = wide ? top + (x->h - top - m - pad_h) / 2 : x->h - m - t - gap * 2 - pad_h;
    for (int k = 0; k < 12; k++) {
        Rect r = { px + (k % 3) * (kw + gap), py + (k / 3) * (kh + gap), kw, kh };
        if (k < 9)
            button(x, r, draw_printf(x->out, "%d", k + 1), ACT_PIN_DIGIT, k + 1, BUTTON_SECONDARY);
        else if (k == 9)
            button(x, r, bundle_word(x->b, WORD_STAFF_DELETE), ACT_PIN_DELETE, 0, BUTTON_QUIET);
        else if (k == 10)
            button(x, r, "0", ACT_PIN_DIGIT, 0, BUTTON_SECONDARY);
        else
            button(x, r, bundle_word(x->b, WORD_STAFF_OK), ACT_PIN_OK, 0, BUTTON_PRIMARY);
        x->out->targets[x->out->target_count - 1].enabled = !locked;
    }
    const char *cancel = bundle_word(x->b, WORD_STAFF_CANCEL);
    float cw = fmaxf(button_width(x, cancel), t * 2);
    button(x, (Rect){ wide ? m : (x->w - cw) / 2, x->h - m * 0.6f - t, cw, t }, cancel, ACT_HOME, 0, BUTTON_SECONDARY);
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
    float cw = (w - (cols - 1) * gap) / cols;
    for (int i = 0; i < 4; i++)
        button(x, (Rect){ left + (i % cols) * (cw + gap), y + (i / cols) * (t + gap), cw, t },
               bundle_word(x->b, tools[i].word), tools[i].action, tools[i].arg, tools[i].style);
    y += (4 / cols) * (t + gap);
    /* brightness: [Dimmer] 80% [Brighter] */
    char pct[16];
    snprintf(pct, sizeof(pct), "%d", x->f->kiosk->brightness);
    const char *names[] = { "n" }, *values[] = { pct };
    const char *level = fill(x, bundle_word(x->b, WORD_STAFF_BRIGHTNESS), names, values, 1);
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
    staff_button(x, fmaxf(y, x->h - m * 0.6f - t), bundle_word(x->b, WORD_STAFF_DONE), ACT_HOME, 0, BUTTON_PRIMARY);
}

static void staff_tally(Ctx *x, float top)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, t = vm->target;
    float w = fminf(x->w - 2 * m, 520 * vm->unit), left = (x->w - w) / 2, y = top;
    uint32_t bg = colour(x, COLOUR_BACKGROUND), fg = colour(x, COLOUR_TEXT);
    Rect box = { left, y, w, x->h - y };
    const Tally *tally = &x->f->kiosk->tally;
    if (!x->f->kiosk->tally_on) {
        paragraph(x, FONT_BODY, bundle_word(x->b, WORD_STAFF_TALLY_OFF), box, ALIGN_LEFT, fg, bg);
        return;
    }
    char n[24];
    const char *names[] = { "n" }, *values[] = { n };
    snprintf(n, sizeof(n), "%d", tally->sessions);
    box.y += paragraph(x, FONT_BODY, fill(x, bundle_word(x->b, WORD_STAFF_SESSIONS), names, values, 1), box,
                       ALIGN_LEFT, fg, bg);
    snprintf(n, sizeof(n), "%d", tally->completed);
    box.y += paragraph(x, FONT_BODY, fill(x, bundle_word(x->b, WORD_STAFF_COMPLETED), names, values, 1), box,
                       ALIGN_LEFT, fg, bg) + vm->gap;
    for (int st = 0; st < STYLE_COUNT; st++)
        box.y += paragraph(x, FONT_BODY, draw_printf(x->out, "%s: %d", x->b->styles[st].name, tally->results[st]), box,
                           ALIGN_LEFT, colour(x, COLOUR_MUTED), bg);
    staff_button(x, fmaxf(box.y + vm->gap, x->h - m * 0.6f - t), bundle_word(x->b, WORD_STAFF_TALLY_RESET),
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
    for (int i = 0; i < shown; i++) {
        float cx = x->f->touch_x[i], cy = x->f->touch_y[i];
        DrawCmd *mark = draw_circle(x->out, (Rect){ cx - d / 2, cy - d / 2, d, d }, colour(x, COLOUR_ACCENT));
        if (mark)
            mark->alpha = 160;
        draw_line(x->out, cx - d, cy, cx + d, cy, colour(x, COLOUR_TEXT), 1.5f * u);
        draw_line(x->out, cx, cy - d, cx, cy + d, colour(x, COLOUR_TEXT), 1.5f * u);
    }
}

static void screen_staff(Ctx *x)
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

/* The still-there overlay, over whatever is on screen. */
static void overlay_idle(Ctx *x)
{
    const ViewMetrics *vm = x->vm;
    float u = vm->unit, m = vm->margin, t = vm->target;
    x->out->target_count = 0; /* nothing under the overlay can be pressed */
    /* opaque: a passer-by must not read what the person was looking at */
    draw_rect(x->out, (Rect){ 0, 0, x->w, x->h }, mix(colour(x, COLOUR_BACKGROUND), colour(x, COLOUR_TEXT), 0.55f), 0);
    float w = fminf(x->w - 2 * m, 560 * u), pad = 28 * u;
    uint32_t surface = colour(x, COLOUR_SURFACE);
    char secs[16];
    snprintf(secs, sizeof(secs), "%d", flow_idle_seconds(x->f, x->now));
    const char *names[] = { "seconds" }, *values[] = { secs };
    const char *text = fill(x, bundle_word(x->b, WORD_IDLE_TEXT), names, values, 1);
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

void view_layout(View *v, Flow *f, const Measure *m, int width, int height, long now, DrawList *out)
{
    if (v->width != width || v->height != height) {
        v->width = width;
        v->height = height;
        v->deck_key = 0;
    }
    view_metrics(f->config, width, height, &v->metrics);
    Ctx x = { v, f, f->bundle, f->config, m, out, &v->metrics, (float)width, (float)height, now };
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
    case SCREEN_STAFF: screen_staff(&x); break;
    case SCREEN_UNAVAILABLE: screen_unavailable(&x); break;
    case SCREEN_COUNT: break;
    }
    if (f->blank || f->shade >= 255) { /* blanked (workshop) or dark: black, and nothing moves */
        draw_reset(out);
        draw_rect(out, (Rect){ 0, 0, (float)width, (float)height }, 0x000000, 0);
        return;
    }
    if (f->idle)
        overlay_idle(&x);
    if (f->shade > 0) { /* a panel without backlight control, dimmed: black over it */
        DrawCmd *shade = draw_rect(out, (Rect){ 0, 0, (float)width, (float)height }, 0x000000, 0);
        if (shade)
            shade->alpha = (uint8_t)(f->shade > 255 ? 255 : f->shade);
    }
    long since = now - f->screen_since;
    if (f->transition && since >= 0 && since < FLOW_TRANSITION_MS && !f->idle) {
        DrawCmd *fade = draw_rect(out, (Rect){ 0, 0, (float)width, (float)height }, colour(&x, COLOUR_BACKGROUND), 0);
        if (fade)
            fade->alpha = (uint8_t)(230 * (1 - (float)since / FLOW_TRANSITION_MS));
        out->animating = true;
        if (out->next_change_ms < 0 || out->next_change_ms > 16)
            out->next_change_ms = 16;
    }
}
