/* chrome.c — the pieces every screen is built from: sizes and colours, {name} words,
 * wrapped paragraphs, buttons, the top bar, a menu's top, and the frame around a deck's
 * pages (page marker, footer, text column). Each is described in view_internal.h. */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* --- sizes and colours ----------------------------------------------------------------- */

void view_metrics(const Config *c, int width, int height, bool large, ViewMetrics *out)
{
    /* One unit is a pixel of the 800x480 design, scaled by the screen's diagonal. */
    float u = (float)(hypot(width, height) / hypot(800, 480) * c->scale);
    float t = large ? VIEW_LARGE_TEXT : 1.0f; /* the text's scale */
    double px_per_mm = check_px_per_mm(c, width, height);
    out->unit = u;
    out->px_per_mm = px_per_mm;
    out->font_px[FONT_DISPLAY] = (int)lroundf(c->size_title * 1.6f * u * t);
    out->font_px[FONT_TITLE] = (int)lroundf(c->size_title * u * t);
    out->font_px[FONT_HEADING] = (int)lroundf((c->size_title + c->size_body) * 0.5f * u * t);
    out->font_px[FONT_BODY] = (int)lroundf(c->size_body * u * t);
    out->font_px[FONT_QUOTE] = (int)lroundf(c->size_body * u * t);
    out->font_px[FONT_BUTTON] = (int)lroundf(c->size_body * 0.95f * u * t);
    out->font_px[FONT_CAPTION] = (int)lroundf(c->size_caption * u * t);
    float nine_mm = (float)ceil(9.4 * px_per_mm);
    out->target = fmaxf(52 * u, nine_mm);
    out->margin = 24 * u;
    out->gap = 12 * u;
}

uint32_t colour(const Ctx *x, ThemeColour which)
{
    return x->c->colours[which];
}

uint32_t mix(uint32_t a, uint32_t b, float t)
{
    uint32_t out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        float ca = (float)((a >> shift) & 0xFF), cb = (float)((b >> shift) & 0xFF);
        out |= (uint32_t)lroundf(ca + (cb - ca) * t) << shift;
    }
    return out;
}

int width_of(const Ctx *x, FontRole font, const char *s, int len)
{
    return len > 0 ? x->m->width(x->m->ctx, font, s, len) : 0;
}

int line_h(const Ctx *x, FontRole font)
{
    return x->m->line_height[font];
}

const char *fill(Ctx *x, const char *tmpl, const char *const *names, const char *const *values, int n)
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

const char *fill_count(Ctx *x, Word word, int n, int total)
{
    char num[16], all[16];
    snprintf(num, sizeof(num), "%d", n);
    snprintf(all, sizeof(all), "%d", total);
    const char *names[] = { "n", "total" }, *values[] = { num, all };
    return fill(x, bundle_word(x->b, word), names, values, 2);
}

const char *fill_number(Ctx *x, Word word, const char *name, long value)
{
    char num[24];
    snprintf(num, sizeof(num), "%ld", value);
    const char *names[] = { name }, *values[] = { num };
    return fill(x, bundle_word(x->b, word), names, values, 1);
}

const char *couple_fill(Ctx *x, Word word, int partner, const char *style)
{
    const char *names[] = { "partner", "style" };
    const char *values[] = { bundle_word(x->b, partner == 1 ? WORD_COUPLE_PARTNER_2 : WORD_COUPLE_PARTNER_1),
                             style ? style : "" };
    return fill(x, bundle_word(x->b, word), names, values, 2);
}

/* --- text ------------------------------------------------------------------------------ */

float paragraph_clipped(Ctx *x, FontRole font, const char *text, Rect box, Rect clip, Align align,
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
        text_draw_line(x->out, lx, y, lh, font, text, &lines[i], fg, bg, clip);
        y += lh;
    }
    draw_block(x->out, text, (Rect){ box.x, box.y, box.w, y - box.y });
    return y - box.y;
}

float paragraph(Ctx *x, FontRole font, const char *text, Rect box, Align align, uint32_t fg, uint32_t bg)
{
    return paragraph_clipped(x, font, text, box, box, align, fg, bg);
}

float paragraph_height(Ctx *x, FontRole font, const char *text, float width)
{
    int n = text_wrap(x->m, font, text, (int)strlen(text), width, x->v->lines, 0);
    return (float)(n * line_h(x, font));
}

float paragraph_middle(Ctx *x, FontRole font, const char *text, Rect r, Rect clip, Align align,
                       uint32_t fg, uint32_t bg)
{
    float th = paragraph_height(x, font, text, r.w);
    return paragraph_clipped(x, font, text, (Rect){ r.x, r.y + (r.h - th) / 2, r.w, th }, clip, align, fg, bg);
}

/* --- buttons and chrome ---------------------------------------------------------------- */

void button_face(Ctx *x, Rect r, const char *label, ButtonStyle style, int index)
{
    button_face_in(x, r, label, style, index, FONT_BUTTON);
}

void button_face_in(Ctx *x, Rect r, const char *label, ButtonStyle style, int index, FontRole font)
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
    float pad = 14 * u;
    /* the text's box is the button: overflow means the label does not fit */
    paragraph_middle(x, font, label, (Rect){ r.x + pad, r.y, r.w - 2 * pad, r.h }, r, ALIGN_CENTRE,
                     text_c, fill_c);
}

void button_enabled(Ctx *x, Rect r, const char *label, Action action, int arg, ButtonStyle style, bool enabled)
{
    button_face(x, r, label, style, x->out->target_count);
    Target *target = draw_target(x->out, r, action, arg, label);
    if (target)
        target->enabled = enabled;
}

void button(Ctx *x, Rect r, const char *label, Action action, int arg, ButtonStyle style)
{
    button_enabled(x, r, label, action, arg, style, true);
}

void button_in(Ctx *x, Rect r, const char *label, Action action, int arg, ButtonStyle style, FontRole font)
{
    button_face_in(x, r, label, style, x->out->target_count, font);
    draw_target(x->out, r, action, arg, label);
}

float button_width(Ctx *x, const char *label)
{
    return (float)width_of(x, FONT_BUTTON, label, (int)strlen(label)) + 2 * 16 * x->vm->unit;
}

float bottom_row(const Ctx *x)
{
    return x->h - x->vm->margin * 0.6f - x->vm->target;
}

Rect grid_cell(Rect area, int cols, float cell_h, float gap, int i)
{
    float cw = (area.w - (cols - 1) * gap) / cols;
    return (Rect){ area.x + (i % cols) * (cw + gap), area.y + (i / cols) * (cell_h + gap), cw, cell_h };
}

/* The width of a one-line button for `label` in larger text, whichever size is on: so
 * that what is placed by it stays put when the size changes (to a pixel or two). */
static float large_button_width(Ctx *x, const char *label)
{
    float text = (float)width_of(x, FONT_BUTTON, label, (int)strlen(label));
    return text * (x->f->large_text ? 1.0f : VIEW_LARGE_TEXT) + 2 * 16 * x->vm->unit;
}

/* Whether the bar shows "Aa": on a screen a person reads past attract, when the bundle
 * has its word (a language without it offers no larger text), and not while a talk is
 * presented with its chrome hidden (H shows it with the rest). */
static bool has_text_size(const Ctx *x)
{
    Screen s = x->f->screen;
    return s != SCREEN_ATTRACT && s != SCREEN_STAFF && s != SCREEN_UNAVAILABLE &&
           !flow_chrome_hidden(x->f) && bundle_word(x->b, WORD_APP_TEXT_SIZE)[0];
}

/* Quick exit's width: its label on one line, within a share of the bar (long words wrap;
 * larger text takes more of it, the title then under the buttons). */
static float quick_exit_width(Ctx *x, const char *label, bool large)
{
    float w = large ? large_button_width(x, label) : button_width(x, label);
    return fminf(fmaxf(w, x->vm->target * 1.6f), x->w * (large ? 0.4f : 0.3f));
}

/* "Aa", left of where Quick exit is in larger text (the bar's right edge, `right`, when
 * there is none), in the top bar of every screen a person reads past attract (staff and
 * the unavailable screen have none): larger text, or back. It shows pressed (selected)
 * while the text is larger, so the way back is plain, and it stays where it was. Returns
 * where the bar's room ends left of it. */
static float text_size_button(Ctx *x, float right)
{
    const ViewMetrics *vm = x->vm;
    if (x->c->quick_exit)
        right -= quick_exit_width(x, bundle_word(x->b, WORD_APP_QUICK_EXIT), true) + vm->gap * 0.75f;
    const char *label = bundle_word(x->b, WORD_APP_TEXT_SIZE);
    float w = fminf(fmaxf(large_button_width(x, label), vm->target), x->w * 0.2f);
    button(x, (Rect){ right - w, vm->margin * 0.6f, w, vm->target }, label, ACT_LARGE_TEXT, 0,
           x->f->large_text ? BUTTON_SELECTED : BUTTON_SECONDARY);
    return right - w - vm->gap * 0.75f;
}

float top_bar(Ctx *x, const char *title, Action back, int back_arg)
{
    const ViewMetrics *vm = x->vm;
    float m = vm->margin, t = vm->target, y = m * 0.6f;
    float right = x->w - m;
    bool hidden = flow_chrome_hidden(x->f); /* presenting: only the title (H shows the rest) */
    if (hidden)
        back = ACT_NONE;
    if (x->c->quick_exit && !hidden) {
        const char *q = bundle_word(x->b, WORD_APP_QUICK_EXIT);
        float qw = quick_exit_width(x, q, x->f->large_text);
        button(x, (Rect){ right - qw, y, qw, t }, q, ACT_QUICK_EXIT, 0, BUTTON_QUIET);
        if (!has_text_size(x))
            right -= qw + vm->gap * 1.5f;
    }
    if (has_text_size(x))
        right = text_size_button(x, right);
    float left = m;
    if (back != ACT_NONE) {
        const char *bl = bundle_word(x->b, WORD_APP_BACK);
        float bw = fmaxf(button_width(x, bl), t * 1.4f);
        button(x, (Rect){ left, y, bw, t }, bl, back, back_arg, BUTTON_SECONDARY);
        left += bw + vm->gap * 1.5f;
    }
    if (title && title[0]) {
        /* the title's size on one line, else the largest that keeps it to two lines; in
         * larger text, the largest on one line first, down to the caption's (there the
         * size of the usual body text): the page keeps the room for its words */
        static const struct { FontRole font; int lines; } sizes[] = {
            { FONT_TITLE, 1 }, { FONT_HEADING, 1 }, { FONT_BODY, 1 }, { FONT_CAPTION, 1 }, { FONT_HEADING, 2 },
            { FONT_BODY, 2 },
        };
        FontRole font = FONT_TITLE;
        bool fits = false;
        for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]) && !fits; i++) {
            if (!x->f->large_text && i >= 1 && i <= 3)
                continue;
            if (x->f->large_text && i == 0 && line_h(x, FONT_TITLE) > t)
                continue; /* a title's size taller than the bar's buttons: the heading's */
            font = sizes[i].font;
            fits = paragraph_height(x, font, title, right - left) <= sizes[i].lines * line_h(x, font);
        }
        if (!fits) { /* too long between the buttons: on a row of its own under them (in
                      * larger text on one line where a smaller size keeps it to one) */
            font = paragraph_height(x, FONT_HEADING, title, x->w - 2 * m) <= 2 * line_h(x, FONT_HEADING)
                       ? FONT_HEADING : FONT_BODY;
            static const FontRole one_line[] = { FONT_HEADING, FONT_BODY, FONT_CAPTION };
            for (size_t i = 0; i < 3 && x->f->large_text; i++)
                if (paragraph_height(x, one_line[i], title, x->w - 2 * m) <= line_h(x, one_line[i])) {
                    font = one_line[i];
                    break;
                }
            y += t + vm->gap * 0.5f;
            left = m;
            right = x->w - m;
            t = 0;
        }
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

float menu_top(Ctx *x, Word title, Action back, Word intro_word, float gap)
{
    float top = top_bar(x, bundle_word(x->b, title), back, 0), m = x->vm->margin;
    const char *intro = bundle_word(x->b, intro_word);
    if (intro[0])
        top += paragraph(x, FONT_BODY, intro, (Rect){ m, top, x->w - 2 * m, x->h - top }, ALIGN_LEFT,
                         colour(x, COLOUR_MUTED), colour(x, COLOUR_BACKGROUND)) + gap;
    return top;
}

float menu_cell_h(const Ctx *x, float top, int rows, float gap, float tallest)
{
    float ch = fminf((x->h - top - x->vm->margin - (rows - 1) * gap) / rows, tallest);
    return fmaxf(ch, x->vm->target);
}

/* --- the frame around a deck's pages ---------------------------------------------------- */

void page_marker(Ctx *x, Rect r)
{
    int n = x->f->page_count, p = x->f->page;
    if (n <= 1)
        return;
    float u = x->vm->unit, d = 9 * u, gap = 9 * u, lh = (float)line_h(x, FONT_CAPTION);
    /* the dots, with the count under them; only the count where that would leave the
     * screen (larger text) */
    bool dots = n * (d + gap) < r.w && n <= 12 && r.y + r.h / 2 + d + lh <= x->h;
    if (dots) {
        float total = n * d + (n - 1) * gap, x0 = r.x + (r.w - total) / 2, cy = r.y + r.h / 2 - d / 2;
        for (int i = 0; i < n; i++)
            draw_circle(x->out, (Rect){ x0 + i * (d + gap), cy, d, d },
                        i == p ? colour(x, COLOUR_ACCENT) : colour(x, COLOUR_LINE));
    }
    const char *label = fill_count(x, WORD_APP_PAGE, p + 1, n);
    if (width_of(x, FONT_CAPTION, label, (int)strlen(label)) > r.w)
        return; /* no room for the count on one line (larger text): the dots, or nothing */
    Rect box = { r.x, dots ? r.y + r.h / 2 + d : r.y + (r.h - lh) / 2, r.w, lh };
    if (box.y + lh > r.y + r.h + lh * 0.6f)
        box.y = r.y + r.h - lh;
    paragraph(x, FONT_CAPTION, label, box, ALIGN_CENTRE, colour(x, COLOUR_MUTED), colour(x, COLOUR_BACKGROUND));
}

float deck_next(Ctx *x, const char *last, ButtonStyle last_style)
{
    float t = x->vm->target, m = x->vm->margin, y = bottom_row(x);
    const char *next = bundle_word(x->b, WORD_APP_NEXT);
    float w = fmaxf(fmaxf(button_width(x, next), button_width(x, last)), t * 2);
    if (x->f->page + 1 < x->f->page_count || flow_presenting(x->f)) /* presenting: on through the talk */
        button(x, (Rect){ x->w - m - w, y, w, t }, next, ACT_NEXT, 0, BUTTON_PRIMARY);
    else
        button(x, (Rect){ x->w - m - w, y, w, t }, last, ACT_DONE, 0, last_style);
    return w;
}

const char *deck_end_word(Ctx *x)
{
    static const Word words[] = { [FLOW_END_HOME] = WORD_APP_HOME, [FLOW_END_RESULT] = WORD_APP_TO_RESULT,
                                  [FLOW_END_TIPS] = WORD_GUIDANCE_HELPS, [FLOW_END_LINK] = WORD_GUIDANCE_HELPS,
                                  [FLOW_END_COUPLE] = WORD_COUPLE_MAP_FINISH };
    return bundle_word(x->b, words[flow_deck_end(x->f)]);
}

Rect deck_box(Ctx *x, float top, float bottom)
{
    float m = x->vm->margin, maxw = 46 * x->m->size[FONT_BODY]; /* a readable measure */
    float w = fminf(x->w - 2 * m, maxw);
    return (Rect){ (x->w - w) / 2, top + x->vm->gap * 0.5f, w, bottom - top - x->vm->gap * 1.5f };
}


/* --- presenter mode --------------------------------------------------------------------------- */

void talk_marker(Ctx *x)
{
    if (!flow_chrome_hidden(x->f))
        return;
    char part[16], parts[16], n[16], total[16];
    snprintf(part, sizeof(part), "%d", x->f->talk_part + 1);
    snprintf(parts, sizeof(parts), "%d", flow_talk_count(x->f));
    snprintf(n, sizeof(n), "%d", x->f->page + 1);
    snprintf(total, sizeof(total), "%d", x->f->page_count);
    const char *names[] = { "part", "parts", "n", "total" }, *values[] = { part, parts, n, total };
    const char *label = fill(x, bundle_word(x->b, WORD_TALK_COUNT), names, values, 4);
    if (!label[0])
        return;
    float m = x->vm->margin, lh = (float)line_h(x, FONT_CAPTION);
    float w = fminf((float)width_of(x, FONT_CAPTION, label, (int)strlen(label)) + 2 * x->vm->unit, x->w / 2);
    Rect box = { x->w - m - w, x->h - m * 0.5f - lh, w, lh };
    paragraph(x, FONT_CAPTION, label, box, ALIGN_RIGHT, colour(x, COLOUR_MUTED), colour(x, COLOUR_BACKGROUND));
}
