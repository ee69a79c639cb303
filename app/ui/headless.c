/* headless.c — see headless.h. The virtual clock starts at one second and moves only when
 * a command moves it: a tap takes 80 ms from touch to release, a swipe 200 ms, `wait`
 * runs every timer that falls due on the way, and `shot` lets a screen's fade-in finish
 * (at most FLOW_TRANSITION_MS) so that it shows the screen, not the fade. */
#include "headless.h"

#include <string.h>

#include "../core/check.h"

enum { TAP_MS = 80, SWIPE_MS = 200, START_MS = 1000 };

typedef struct Run {
    Shell *shell;
    long now;
} Run;

/* Moves the clock forward by `ms`, stopping at each timer that falls due. */
static void advance(Run *r, long ms)
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

static void frame(Run *r)
{
    shell_tick(r->shell, r->now); /* what a touch asked for (staff: reload, close…) */
    shell_frame(r->shell, r->now, false);
}

static void tap(Run *r, float x, float y)
{
    shell_pointer_down(r->shell, x, y, r->now);
    frame(r);
    advance(r, TAP_MS);
    shell_pointer_up(r->shell, x, y, r->now);
    frame(r);
}

static void swipe(Run *r, int dir)
{
    Shell *s = r->shell;
    float y = s->height / 2.0f, from = s->width * (dir < 0 ? 0.8f : 0.2f), to = s->width * (dir < 0 ? 0.2f : 0.8f);
    shell_pointer_down(s, from, y, r->now);
    for (int i = 1; i <= 4; i++) {
        advance(r, SWIPE_MS / 4);
        shell_pointer_move(s, from + (to - from) * i / 4, y, r->now);
    }
    shell_pointer_up(s, to, y, r->now);
    frame(r);
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

static const char *current_id(const Shell *s)
{
    return s->flow.idle ? screen_overlay_id : screen_id(s->flow.screen);
}

static bool save_shot(Shell *s, const char *dir, const char *name, FILE *err)
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

int headless_script(Shell *s, const Script *script, const char *shots, FILE *err)
{
    Run r = { s, START_MS };
    shell_restart(s, r.now);
    frame(&r);
    for (int i = 0; i < script->count && !s->quit; i++) {
        const ScriptCmd *c = &script->cmds[i];
        switch (c->op) {
        case SCRIPT_TAP_AT:
            tap(&r, c->x, c->y);
            break;
        case SCRIPT_TAP_LABEL: {
            frame(&r);
            const Target *t = NULL;
            for (int k = 0; k < s->list.target_count && !t; k++)
                if (s->list.targets[k].enabled && strcmp(s->list.targets[k].label, c->text) == 0)
                    t = &s->list.targets[k];
            if (!t) {
                fprintf(err, "%s:%d: expected a target labelled \"%s\" on screen %s, got none\n",
                        script->path, c->line, c->text, current_id(s));
                return 1;
            }
            tap(&r, t->rect.x + t->rect.w / 2, t->rect.y + t->rect.h / 2);
            break;
        }
        case SCRIPT_SWIPE:
            swipe(&r, c->dir);
            break;
        case SCRIPT_HOLD:
            shell_pointer_down(s, c->x, c->y, r.now);
            frame(&r);
            advance(&r, c->ms);
            shell_pointer_up(s, c->x, c->y, r.now);
            frame(&r);
            break;
        case SCRIPT_KEY: {
            SDL_Keycode key = SDL_GetKeyFromName(c->text);
            if (key == SDLK_UNKNOWN) {
                fprintf(err, "%s:%d: SDL knows no key named '%s' (try Escape, Return, Left, "
                        "PageDown, F11, q)\n", script->path, c->line, c->text);
                return 2;
            }
            Uint16 mods = (c->mods & SCRIPT_MOD_CTRL ? KMOD_LCTRL : 0) | (c->mods & SCRIPT_MOD_ALT ? KMOD_LALT : 0) |
                          (c->mods & SCRIPT_MOD_SHIFT ? KMOD_LSHIFT : 0) | (c->mods & SCRIPT_MOD_GUI ? KMOD_LGUI : 0);
            shell_key(s, key, mods, r.now);
            frame(&r);
            break;
        }
        case SCRIPT_QUIT:
            shell_quit_request(s);
            break;
        case SCRIPT_WAIT:
            advance(&r, c->ms);
            frame(&r);
            break;
        case SCRIPT_SHOT: {
            /* a screenshot shows the screen, not the fade into it */
            long fading = FLOW_TRANSITION_MS - (r.now - s->flow.screen_since);
            if (s->flow.transition && fading > 0)
                advance(&r, fading);
            if (shots && !save_shot(s, shots, c->text, err))
                return 1;
            break;
        }
        case SCRIPT_EXPECT_SCREEN: {
            frame(&r);
            const char *want = c->text, *got = current_id(s);
            if (strcmp(want, got) != 0) {
                fprintf(err, "%s:%d: expected screen %s, got %s\n", script->path, c->line, want, got);
                return 1;
            }
            break;
        }
        case SCRIPT_EXPECT_TEXT:
            frame(&r);
            if (!text_visible(&s->list, c->text)) {
                fprintf(err, "%s:%d: expected text \"%s\" on screen %s, got no such text\n",
                        script->path, c->line, c->text, current_id(s));
                return 1;
            }
            break;
        case SCRIPT_OP_COUNT:
            break;
        }
    }
    return 0;
}

/* --- the tour ------------------------------------------------------------------------ */

typedef struct Tour {
    Shell *shell;
    const char *shots;
    FILE *out;
    int screens, problems;
    CheckLimits limits;
    CheckReport report;
} Tour;

/* Lays out what the flow shows now, checks it, and saves it. */
static void visit(Tour *t, const char *name)
{
    Shell *s = t->shell;
    s->dirty = true;
    shell_frame(s, s->flow.now, true);
    t->screens++;
    check_report_clear(&t->report);
    check_screen(&s->list, &s->measure, &t->limits, &t->report);
    for (int i = 0; i < t->report.count; i++)
        fprintf(t->out, "problem: %s: %s\n", name, t->report.lines[i]);
    if (t->report.dropped)
        fprintf(t->out, "problem: %s: %d more problems\n", name, t->report.dropped);
    t->problems += t->report.count + t->report.dropped;
    if (t->shots)
        save_shot(s, t->shots, name, t->out);
}

/* Visits every page of the deck on screen; `name` is the screen's name for messages. */
static void visit_pages(Tour *t, const char *name)
{
    Flow *f = &t->shell->flow;
    f->page = 0;
    f->changes++;
    shell_frame(t->shell, f->now, true); /* learn the page count */
    int pages = f->page_count;
    for (int p = 0; p < pages; p++) {
        f->page = p;
        f->changes++;
        char label[96];
        snprintf(label, sizeof(label), "%s-%d", name, p + 1);
        visit(t, label);
    }
}

static void show(Flow *f, Screen screen, long now)
{
    f->screen = screen;
    f->screen_since = f->entered = now - FLOW_TRANSITION_MS; /* settled: no fade */
    f->transition = false;
    f->page = 0;
    f->focus = f->pressed = -1;
    f->idle = false;
    f->now = now;
    f->changes++;
}

/* Answers every item so that each dimension lands high or low (or, with `middle`, at the
 * scale's middle answer, near both lines). */
static void answer_for(Flow *f, const Quiz *q, bool anxious, bool avoidant, bool middle)
{
    quiz_session_start(&f->quiz, q);
    for (int i = 0; i < q->item_count; i++) {
        const QuizItem *item = &q->items[i];
        bool high = item->dimension == DIM_ANXIETY ? anxious : avoidant;
        int a = high != item->reverse ? q->points : 1;
        if (middle)
            a = (q->points + 1) / 2;
        quiz_session_answer(&f->quiz, a);
    }
}

int headless_tour(Shell *s, const char *shots, FILE *out)
{
    Tour t = { .shell = s, .shots = shots, .out = out };
    check_limits_default(&t.limits, s->config, s->width, s->height);
    Flow *f = &s->flow;
    const Quiz *q = &s->bundle->quiz;
    long now = 100000;
    shell_restart(s, now);

    show(f, SCREEN_ATTRACT, now);
    visit(&t, "attract");
    show(f, SCREEN_CONSENT, now);
    visit_pages(&t, "consent");
    show(f, SCREEN_HOME, now);
    visit(&t, "home");

    quiz_session_start(&f->quiz, q);
    for (int i = 0; i < q->item_count; i++) {
        show(f, SCREEN_QUESTION, now);
        char name[64];
        snprintf(name, sizeof(name), "question-%d", i + 1);
        visit(&t, name);
        quiz_session_answer(&f->quiz, 1 + i % q->points);
    }
    static const struct { bool anxious, avoidant, middle; const char *name; } results[] = {
        { false, false, false, "result-secure" }, { true, false, false, "result-anxious" },
        { false, true, false, "result-avoidant" }, { true, true, false, "result-disorganized" },
        { false, false, true, "result-near" },
    };
    for (size_t i = 0; i < sizeof(results) / sizeof(results[0]); i++) {
        answer_for(f, q, results[i].anxious, results[i].avoidant, results[i].middle);
        show(f, SCREEN_RESULT, now);
        visit_pages(&t, results[i].name);
    }
    quiz_session_wipe(&f->quiz);

    show(f, SCREEN_GUIDANCE, now);
    f->style = STYLE_COUNT;
    visit(&t, "styles");
    for (int st = 0; st < STYLE_COUNT; st++) {
        show(f, SCREEN_GUIDANCE, now);
        f->style = (Style)st;
        char name[64];
        snprintf(name, sizeof(name), "guidance-%s", quiz_style_id((Style)st));
        visit_pages(&t, name);
    }
    static const struct { Screen screen; const char *name; } decks[] = {
        { SCREEN_CHEMISTRY, "chemistry" }, { SCREEN_PARTNERS, "partners" }, { SCREEN_SUPPORT, "support" },
    };
    for (size_t i = 0; i < sizeof(decks) / sizeof(decks[0]); i++) {
        show(f, decks[i].screen, now);
        visit_pages(&t, decks[i].name);
    }
    /* the calm minute: breathing in, holding, breathing out, then the grounding */
    const Calm *calm = &s->bundle->calm;
    long phases[] = { calm->inhale * 500L, calm->inhale * 1000L + calm->hold * 500L,
                      (calm->inhale + calm->hold) * 1000L + calm->exhale * 500L };
    const char *phase_names[] = { "calm-in", "calm-hold", "calm-out" };
    for (int i = 0; i < 3; i++) {
        show(f, SCREEN_CALM, now);
        f->entered = now - phases[i];
        visit(&t, phase_names[i]);
    }
    show(f, SCREEN_CALM, now);
    f->entered = now - (long)(calm->inhale + calm->hold + calm->exhale) * 1000 * calm->breaths;
    visit_pages(&t, "calm-grounding");

    show(f, SCREEN_HOME, now);
    f->idle = true;
    f->idle_since = now - 2000;
    f->last_input = now - s->config->idle_timeout * 1000L - 2000;
    visit(&t, "idle");
    flow_reset(f, now);

    /* staff: the PIN pad (typing, wrong, locked), the menu (after a failed reload), the tally
     * (off and on) and the display test */
    show(f, SCREEN_STAFF, now);
    f->staff_page = STAFF_PIN;
    f->pin_length = 3;
    visit(&t, "staff-pin");
    f->pin_length = 0;
    f->pin_wrong = true;
    visit(&t, "staff-pin-wrong");
    f->locked_until = now + 42000;
    visit(&t, "staff-pin-locked");
    f->locked_until = 0;
    f->pin_wrong = false;
    f->staff_page = STAFF_MENU;
    visit(&t, "staff-menu");
    f->staff_message = bundle_word(s->bundle, WORD_STAFF_RELOAD_FAILED);
    snprintf(f->staff_detail, sizeof(f->staff_detail), "%s",
             "quiz.ini:41: error: item 'a3': dimension must be 'anxiety' or 'avoidance', not 'anxeity'");
    visit(&t, "staff-menu-reload-failed");
    f->staff_message = NULL;
    f->staff_detail[0] = '\0';
    f->staff_page = STAFF_TALLY;
    bool was_on = f->tally_on;
    Tally kept = f->tally;
    f->tally_on = false;
    visit(&t, "staff-tally-off");
    f->tally_on = true;
    f->tally = (Tally){ 1234, 987, { 321, 234, 210, 222 } };
    visit(&t, "staff-tally");
    f->tally = kept;
    f->tally_on = was_on;
    f->staff_page = STAFF_TEST;
    flow_test_touch(f, s->width * 0.5f, s->height * 0.5f);
    flow_test_touch(f, s->width * 0.8f, s->height * 0.7f);
    visit(&t, "staff-test");
    flow_reset(f, now);

    fprintf(out, "tour: %d screens, %d problems\n", t.screens, t.problems);
    return t.problems;
}
