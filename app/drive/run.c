/* run.c — the virtual clock and a person's gestures (run.h), and the script runner
 * (headless_script in headless.h): each command of a script is a gesture, a wait, a
 * screenshot or an expectation. A screenshot lets a screen's fade-in finish first (at most
 * FLOW_TRANSITION_MS), so that it shows the screen, not the fade. */
#include "headless.h"
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../core/safefile.h"
#include "../core/textfile.h"

/* Moves the clock forward by `ms`, stopping at each timer that falls due. */
void run_advance(Run *r, long ms)
{
    long end = r->now + ms;
    while (r->now < end) {
        long due = shell_next_timer(r->shell, r->now);
        long step = (due < 0 || r->now + due > end) ? end - r->now : (due > 0 ? due : 1);
        r->now += step;
        shell_tick(r->shell, r->now);
    }
    shell_tick(r->shell, r->now);
}

/* An author's save: `to` gets the bytes of `from`, written beside it and renamed over it
 * (safefile.h), as editors save. False with errno set. */
static bool run_save_file(const char *from, const char *to)
{
    Diags diags = { 0 };
    size_t len = 0;
    char *text = textfile_read(&diags, from, 1 << 22, "the file to save", &len);
    diag_free(&diags);
    if (!text)
        return false;
    bool ok = safefile_write(to, text, len, 0644) == SAFEFILE_OK;
    free(text);
    return ok;
}

void run_frame(Run *r)
{
    shell_tick(r->shell, r->now); /* what a touch asked for (staff: reload, close…) */
    shell_frame(r->shell, r->now, false);
}

void run_wait(Run *r, long ms)
{
    run_advance(r, ms);
    run_frame(r);
}

void run_hold(Run *r, float x, float y, long ms)
{
    SDL_FingerID id = ++r->finger;
    shell_finger_down(r->shell, id, x, y, r->now);
    run_frame(r);
    run_advance(r, ms);
    shell_finger_up(r->shell, id, x, y, r->now);
    run_frame(r);
}

void run_tap(Run *r, float x, float y)
{
    run_hold(r, x, y, RUN_TAP_MS);
}

void run_swipe(Run *r, int dir)
{
    Shell *s = r->shell;
    float y = s->height / 2.0f, from = s->width * (dir < 0 ? 0.8f : 0.2f), to = s->width * (dir < 0 ? 0.2f : 0.8f);
    SDL_FingerID id = ++r->finger;
    shell_finger_down(s, id, from, y, r->now);
    for (int i = 1; i <= 4; i++) {
        run_advance(r, RUN_SWIPE_MS / 4);
        shell_finger_move(s, id, from + (to - from) * i / 4, y, r->now);
    }
    shell_finger_up(s, id, to, y, r->now);
    run_frame(r);
}

bool run_tap_action(Run *r, Action action, int arg)
{
    const DrawList *l = &r->shell->list;
    for (int i = 0; i < l->target_count; i++) {
        const Target *t = &l->targets[i];
        if (t->enabled && t->action == action && t->arg == arg) {
            run_advance(r, 400); /* slower than the tap-burst guard */
            run_tap(r, t->rect.x + t->rect.w / 2, t->rect.y + t->rect.h / 2);
            return true;
        }
    }
    return false;
}

const char *run_screen_id(const Shell *s)
{
    return s->flow.idle ? screen_overlay_id : screen_id(s->flow.screen);
}

bool run_save_shot(Shell *s, const char *dir, const char *name, FILE *err)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s.png", dir, name);
    render_invalidate(&s->render);
    shell_frame(s, s->flow.now, true);
    if (!render_save_png(&s->render, path)) {
        fprintf(err, "attune: cannot save %s: %s\n", path, SDL_GetError());
        return false;
    }
    return true;
}

static bool text_visible(const DrawList *l, const char *text)
{
    size_t n = strlen(text);
    for (int i = 0; i < l->block_count; i++)
        if (strcmp(l->blocks[i].text, text) == 0)
            return true;
    for (int i = 0; i < l->target_count; i++)
        if (strcmp(l->targets[i].label, text) == 0)
            return true;
    for (int i = 0; i < l->count; i++)
        if (l->cmds[i].kind == DRAW_TEXT && (size_t)l->cmds[i].len == n && memcmp(l->cmds[i].text, text, n) == 0)
            return true;
    return false;
}

/* The enabled target labelled `label`, or NULL. */
static const Target *target_labelled(const DrawList *l, const char *label)
{
    for (int k = 0; k < l->target_count; k++)
        if (l->targets[k].enabled && strcmp(l->targets[k].label, label) == 0)
            return &l->targets[k];
    return NULL;
}

/* `key NAME`: returns 0, or 2 for a key name SDL does not know. */
static int script_key(Run *r, const Script *script, const ScriptCmd *c, FILE *err)
{
    SDL_Keycode key = SDL_GetKeyFromName(c->text);
    if (key == SDLK_UNKNOWN) {
        fprintf(err, "%s:%d: SDL knows no key named '%s' (try Escape, Return, Left, "
                "PageDown, F11, q)\n", script->path, c->line, c->text);
        return 2;
    }
    Uint16 mods = (c->mods & SCRIPT_MOD_CTRL ? KMOD_LCTRL : 0) | (c->mods & SCRIPT_MOD_ALT ? KMOD_LALT : 0) |
                  (c->mods & SCRIPT_MOD_SHIFT ? KMOD_LSHIFT : 0) | (c->mods & SCRIPT_MOD_GUI ? KMOD_LGUI : 0);
    shell_key(r->shell, key, mods, r->now);
    run_frame(r);
    return 0;
}

/* The `expect` commands: returns 0 when it holds, else 1 after saying what was found. */
static int script_expect(Run *r, const Script *script, const ScriptCmd *c, FILE *err)
{
    Shell *s = r->shell;
    run_frame(r);
    const char *got = run_screen_id(s);
    if (c->op == SCRIPT_EXPECT_SCREEN && strcmp(c->text, got) != 0) {
        fprintf(err, "%s:%d: expected screen %s, got %s\n", script->path, c->line, c->text, got);
        return 1;
    }
    if (c->op == SCRIPT_EXPECT_TEXT && !text_visible(&s->list, c->text)) {
        fprintf(err, "%s:%d: expected text \"%s\" on screen %s, got no such text\n",
                script->path, c->line, c->text, got);
        return 1;
    }
    return 0;
}

/* One command; returns 0 to go on, or the script's exit status. */
static int script_step(Run *r, const Script *script, const ScriptCmd *c, const char *shots, FILE *err)
{
    Shell *s = r->shell;
    switch (c->op) {
    case SCRIPT_TAP_AT:
        run_tap(r, c->x, c->y);
        break;
    case SCRIPT_TAP_LABEL: {
        run_frame(r);
        const Target *t = target_labelled(&s->list, c->text);
        if (!t) {
            fprintf(err, "%s:%d: expected a target labelled \"%s\" on screen %s, got none\n",
                    script->path, c->line, c->text, run_screen_id(s));
            return 1;
        }
        run_tap(r, t->rect.x + t->rect.w / 2, t->rect.y + t->rect.h / 2);
        break;
    }
    case SCRIPT_SWIPE:
        run_swipe(r, c->dir);
        break;
    case SCRIPT_HOLD:
        run_hold(r, c->x, c->y, c->ms);
        break;
    case SCRIPT_FINGER_DOWN: /* and its finger-up never comes */
        shell_finger_down(s, ++r->finger, c->x, c->y, r->now);
        run_frame(r);
        break;
    case SCRIPT_RELOAD:
        shell_reload(s, c->text[0] ? c->text : NULL);
        run_frame(r);
        break;
    case SCRIPT_SAVE:
        if (!run_save_file(c->text, c->to)) {
            fprintf(err, "%s:%d: cannot save %s over %s: %s\n", script->path, c->line, c->text,
                    c->to, strerror(errno));
            return 1;
        }
        run_frame(r); /* the app notices the save as a person's next look would */
        break;
    case SCRIPT_KEY:
        return script_key(r, script, c, err);
    case SCRIPT_QUIT:
        shell_quit_request(s);
        break;
    case SCRIPT_WAIT:
        run_wait(r, c->ms);
        break;
    case SCRIPT_SHOT: {
        /* a screenshot shows the screen, not the fade into it */
        long fading = FLOW_TRANSITION_MS - (r->now - s->flow.screen_since);
        if (s->flow.transition && fading > 0)
            run_advance(r, fading);
        if (shots && !run_save_shot(s, shots, c->text, err))
            return 1;
        break;
    }
    case SCRIPT_EXPECT_SCREEN:
    case SCRIPT_EXPECT_TEXT:
        return script_expect(r, script, c, err);
    case SCRIPT_OP_COUNT:
        break;
    }
    return 0;
}

int headless_script(Shell *s, const Script *script, const char *shots, FILE *err)
{
    Run r = { s, RUN_START_MS, 0 };
    shell_restart(s, r.now);
    run_frame(&r);
    for (int i = 0; i < script->count && !s->quit; i++) {
        int status = script_step(&r, script, &script->cmds[i], shots, err);
        if (status)
            return status;
    }
    return 0;
}
