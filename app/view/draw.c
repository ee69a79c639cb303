/* draw.c — see draw.h. */
#include "draw.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void draw_reset(DrawList *list)
{
    list->count = list->target_count = list->block_count = list->text_used = 0;
    list->overflowed = list->animating = false;
    list->next_change_ms = -1;
}

/* True, and the list marked as overflowed, when `count` has reached `cap`. */
static bool full(DrawList *list, int count, int cap)
{
    if (count < cap)
        return false;
    list->overflowed = true;
    return true;
}

static DrawCmd *push(DrawList *list, DrawKind kind, Rect r, uint32_t colour)
{
    if (full(list, list->count, DRAW_MAX_CMDS))
        return NULL;
    DrawCmd *c = &list->cmds[list->count++];
    memset(c, 0, sizeof(*c));
    c->kind = kind;
    c->rect = r;
    c->colour = colour;
    c->alpha = 255;
    return c;
}

DrawCmd *draw_rect(DrawList *list, Rect r, uint32_t colour, float radius)
{
    DrawCmd *c = push(list, DRAW_RECT, r, colour);
    if (c)
        c->radius = radius;
    return c;
}

DrawCmd *draw_outline(DrawList *list, Rect r, uint32_t colour, float radius, float thickness)
{
    DrawCmd *c = draw_rect(list, r, colour, radius);
    if (c)
        c->thickness = thickness;
    return c;
}

DrawCmd *draw_circle(DrawList *list, Rect r, uint32_t colour)
{
    return push(list, DRAW_CIRCLE, r, colour);
}

DrawCmd *draw_line(DrawList *list, float x0, float y0, float x1, float y1, uint32_t colour, float thickness)
{
    DrawCmd *c = push(list, DRAW_LINE, (Rect){ x0, y0, x1 - x0, y1 - y0 }, colour);
    if (c)
        c->thickness = thickness;
    return c;
}

DrawCmd *draw_text(DrawList *list, float x, float y, float w, float h, FontRole font,
                   const char *text, int len, uint32_t colour, uint32_t background, Rect clip)
{
    DrawCmd *c = push(list, DRAW_TEXT, (Rect){ x, y, w, h }, colour);
    if (c) {
        c->font = font;
        c->text = text;
        c->len = len;
        c->background = background;
        c->clip = clip;
    }
    return c;
}

DrawCmd *draw_code(DrawList *list, float x, float y, const unsigned char *modules, int side, int module, int quiet)
{
    float size = (float)((side + 2 * quiet) * module);
    DrawCmd *c = push(list, DRAW_CODE, (Rect){ x, y, size, size }, 0xffffff);
    if (c) {
        c->modules = modules;
        c->side = side;
        c->module = module;
        c->quiet = quiet;
    }
    return c;
}

Target *draw_target(DrawList *list, Rect r, Action action, int arg, const char *label)
{
    if (full(list, list->target_count, DRAW_MAX_TARGETS))
        return NULL;
    Target *t = &list->targets[list->target_count++];
    *t = (Target){ r, action, arg, label ? label : "", true };
    return t;
}

void draw_clear_targets(DrawList *list)
{
    list->target_count = 0;
}

void draw_block(DrawList *list, const char *text, Rect r)
{
    if (full(list, list->block_count, DRAW_MAX_BLOCKS))
        return;
    list->blocks[list->block_count++] = (TextBlock){ text, r };
}

const char *draw_printf(DrawList *list, const char *fmt, ...)
{
    int room = DRAW_TEXT_BYTES - list->text_used;
    char *out = list->text + list->text_used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, (size_t)room, fmt, ap);
    va_end(ap);
    if (n < 0 || n >= room) {
        list->overflowed = true;
        return "";
    }
    list->text_used += n + 1;
    return out;
}

bool rect_contains(Rect r, float x, float y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

bool rect_overlaps(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const Target *draw_hit(const DrawList *list, float x, float y)
{
    for (int i = list->target_count - 1; i >= 0; i--) {
        const Target *t = &list->targets[i];
        if (t->enabled && rect_contains(t->rect, x, y))
            return t;
    }
    return NULL;
}

void draw_presses(const DrawList *list, Presses *out)
{
    out->count = list->target_count;
    for (int i = 0; i < list->target_count; i++)
        out->items[i] = (Press){ list->targets[i].action, list->targets[i].arg, list->targets[i].enabled };
}
