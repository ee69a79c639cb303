/* mirror.c — a right-to-left bundle's screens. The screens lay themselves out once, left
 * to right; when the bundle says `direction = rtl`, mirror_screen() then turns what they
 * drew left for right: Back goes to the right and Quick exit to the left, a progress bar
 * fills from the right, a deck's Next is at the left, an answer scale runs from 1 at the
 * right, columns are read from the right, and every line of text ends at its box's right
 * edge. Groups a screen marks with keep_begin/keep_end are not mirrored inside: the
 * result's map (a chart: its axes keep their direction) and the PIN pad move whole to
 * their mirrored place; the touch test's marks stay where the fingers landed. */
#include "view_internal.h"

Kept keep_begin(const Ctx *x)
{
    const DrawList *out = x->out;
    return (Kept){ { out->count, out->count }, { out->target_count, out->target_count },
                   { out->block_count, out->block_count }, KEEP_SHAPE };
}

void keep_end(Ctx *x, Kept group, Keep how)
{
    if (x->kept_count == VIEW_MAX_KEPT) {
        x->out->overflowed = true; /* a bug: reported by the checks */
        return;
    }
    group.cmd[1] = x->out->count;
    group.target[1] = x->out->target_count;
    group.block[1] = x->out->block_count;
    group.how = how;
    x->kept[x->kept_count++] = group;
}

/* The group holding item `i` of a list (`which`: 0 commands, 1 targets, 2 blocks), or NULL. */
static const Kept *kept_of(const Ctx *x, int which, int i)
{
    for (int k = 0; k < x->kept_count; k++) {
        const int *range = which == 0 ? x->kept[k].cmd : which == 1 ? x->kept[k].target : x->kept[k].block;
        if (i >= range[0] && i < range[1])
            return &x->kept[k];
    }
    return NULL;
}

/* How far a KEEP_SHAPE group moves: its left edge goes where its right edge mirrors to. */
static float shift_of(const Ctx *x, const Kept *g)
{
    float lo = x->w, hi = 0;
    for (int i = g->cmd[0]; i < g->cmd[1]; i++) {
        Rect r = x->out->cmds[i].rect;
        float a = r.w < 0 ? r.x + r.w : r.x, b = r.w < 0 ? r.x : r.x + r.w;
        lo = a < lo ? a : lo;
        hi = b > hi ? b : hi;
    }
    for (int i = g->target[0]; i < g->target[1]; i++) {
        Rect r = x->out->targets[i].rect;
        lo = r.x < lo ? r.x : lo;
        hi = r.x + r.w > hi ? r.x + r.w : hi;
    }
    return hi > lo ? x->w - hi - lo : 0;
}

/* `r` mirrored across the screen (or moved by `shift` in a KEEP_SHAPE group, or left). */
static Rect turn(const Ctx *x, Rect r, const Kept *g, float shift)
{
    if (g)
        r.x += g->how == KEEP_SHAPE ? shift : 0;
    else
        r.x = x->w - r.x - r.w;
    return r;
}

void mirror_screen(Ctx *x, int cmd, int target, int block)
{
    if (!x->b->rtl)
        return;
    float shifts[VIEW_MAX_KEPT];
    for (int k = 0; k < x->kept_count; k++)
        shifts[k] = shift_of(x, &x->kept[k]);
    DrawList *out = x->out;
    for (int i = cmd; i < out->count; i++) {
        DrawCmd *c = &out->cmds[i];
        const Kept *g = kept_of(x, 0, i);
        float shift = g ? shifts[g - x->kept] : 0;
        if (c->kind == DRAW_LINE && !g) { /* from (x, y) to (x + w, y + h): the ends swap */
            c->rect = (Rect){ x->w - c->rect.x - c->rect.w, c->rect.y + c->rect.h, c->rect.w, -c->rect.h };
            continue;
        }
        c->rect = turn(x, c->rect, g, shift);
        if (c->kind == DRAW_TEXT) {
            c->clip = turn(x, c->clip, g, shift);
            if (!g)
                c->align = TEXT_ALIGN_RIGHT;
        }
    }
    for (int i = target; i < out->target_count; i++) {
        const Kept *g = kept_of(x, 1, i);
        out->targets[i].rect = turn(x, out->targets[i].rect, g, g ? shifts[g - x->kept] : 0);
    }
    for (int i = block; i < out->block_count; i++) {
        const Kept *g = kept_of(x, 2, i);
        out->blocks[i].rect = turn(x, out->blocks[i].rect, g, g ? shifts[g - x->kept] : 0);
    }
}
