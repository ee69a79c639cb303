/* touch.c — the shell's pointer and fingers (see shell.h): a press, a slide off, a swipe,
 * the staff corner's long press, one finger at a time; and the screen's light, which a
 * touch brings back before it presses anything. */
#include "shell.h"
#include "shell_internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* --- pointer ------------------------------------------------------------------------- */

static int target_index(const Shell *s, float x, float y)
{
    const Target *t = draw_hit(&s->list, x, y);
    return t ? (int)(t - s->list.targets) : -1;
}

/* Sets the panel's light (or the black layer over the picture) for the dimmer's level. */
void shell_show_level(Shell *s)
{
    PlatShow show = plat_level_show(s->dimmer.level, s->kiosk.brightness, s->backlight.found);
    flow_set_shade(&s->flow, show.shade);
    if (show.backlight >= 0 && !plat_backlight_set(&s->backlight, show.backlight) && !s->light_warned) {
        fprintf(stderr, "attune: cannot set the backlight in %s: %s%s\n", s->backlight.dir, strerror(errno),
                errno == EACCES ? " (" PLAT_GROUPS_ADVICE ")" : "");
        s->light_warned = true;
    }
}

/* A touch or key on a dimmed or dark screen wakes it, and does nothing else. */
bool shell_wake_screen(Shell *s)
{
    if (!plat_dimmer_wake(&s->dimmer))
        return false;
    flow_set_shade(&s->flow, 0); /* the picture first, then the light */
    shell_show_level(s);
    return true;
}

/* The staff corner: a touch target's size at the top left. */
static bool in_corner(const Shell *s, float x, float y)
{
    float size = s->view.metrics.target;
    return x < size && y < size;
}

/* A long press there opens the PIN pad only when it starts on no target (a finger held on
 * Back is a person reading, not staff), or on one that is the whole screen, or attract's
 * (the whole screen above a language choice). */
static bool staff_corner(const Shell *s, float x, float y)
{
    const Target *t = draw_hit(&s->list, x, y);
    return in_corner(s, x, y) &&
           (!t || t->action == ACT_BEGIN || (t->rect.w >= (float)s->width && t->rect.h >= (float)s->height));
}

void shell_pointer_down(Shell *s, float x, float y, long now)
{
    s->down = true;
    s->down_x = s->last_x = x;
    s->down_y = s->last_y = y;
    s->down_at = now;
    s->corner = staff_corner(s, x, y);
    bool woke = shell_wake_screen(s);
    bool closed = flow_input(&s->flow, now);
    if (woke || closed) {
        s->down = false; /* this touch only brought the screen back: it presses nothing */
        return;
    }
    if (s->flow.screen == SCREEN_STAFF && s->flow.staff_page == STAFF_TEST && !draw_hit(&s->list, x, y))
        flow_test_touch(&s->flow, x, y);
    flow_press(&s->flow, target_index(s, x, y));
}

void shell_pointer_move(Shell *s, float x, float y, long now)
{
    (void)now;
    if (!s->down)
        return;
    s->last_x = x;
    s->last_y = y;
    if (s->corner && !in_corner(s, x, y))
        s->corner = false;
    int over = target_index(s, x, y);
    if (s->flow.pressed >= 0 && over != s->flow.pressed)
        flow_release(&s->flow); /* slid off: it will not fire */
}

void shell_pointer_up(Shell *s, float x, float y, long now)
{
    if (!s->down)
        return;
    s->down = false;
    float dx = x - s->down_x, dy = y - s->down_y;
    int pressed = s->flow.pressed;
    flow_release(&s->flow);
    if (fabsf(dx) > s->width * 0.12f && fabsf(dx) > 2 * fabsf(dy)) {
        flow_swipe(&s->flow, dx < 0 ? 1 : -1, now);
        return;
    }
    if (pressed >= 0 && pressed == target_index(s, x, y)) {
        const Target *t = &s->list.targets[pressed];
        flow_action(&s->flow, t->action, t->arg, now);
    }
}

/* --- fingers (see shell.h): one at a time, and never one that is gone ----------------- */

/* The finger held is gone: its press will not fire, and the next finger is taken. */
void shell_drop_finger(Shell *s)
{
    if (!s->finger_down)
        return;
    s->finger_down = false;
    s->down = s->corner = false;
    if (s->flow.pressed >= 0)
        flow_release(&s->flow);
}

/* A session ended (flow.resets moved on: every way back to attract): the finger held is
 * dropped and what the session showed is forgotten. */
void shell_notice_reset(Shell *s)
{
    if (s->flow.resets == s->seen_resets)
        return;
    s->seen_resets = s->flow.resets;
    shell_drop_finger(s);
    shell_forget(s);
}

void shell_finger_down(Shell *s, SDL_FingerID id, float x, float y, long now)
{
    shell_notice_reset(s);
    if (s->finger_down && (id == s->finger || now - s->finger_at >= SHELL_STALE_FINGER_MS))
        shell_drop_finger(s);
    if (s->finger_down)
        return; /* a second finger */
    s->finger_down = true;
    s->finger = id;
    s->finger_at = now;
    shell_pointer_down(s, x, y, now);
}

void shell_finger_move(Shell *s, SDL_FingerID id, float x, float y, long now)
{
    shell_notice_reset(s);
    if (!s->finger_down || id != s->finger)
        return;
    s->finger_at = now;
    shell_pointer_move(s, x, y, now);
}

void shell_finger_up(Shell *s, SDL_FingerID id, float x, float y, long now)
{
    shell_notice_reset(s);
    if (!s->finger_down || id != s->finger)
        return;
    s->finger_down = false;
    shell_pointer_up(s, x, y, now);
}
