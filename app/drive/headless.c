/* headless.c — see headless.h. The virtual clock starts at one second and moves only when
 * a command moves it: a tap takes 80 ms from touch to release, a swipe 200 ms, `wait`
 * runs every timer that falls due on the way, and `shot` lets a screen's fade-in finish
 * (at most FLOW_TRANSITION_MS) so that it shows the screen, not the fade. */
#include "headless.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../view/check.h"

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
    flow_set_page(f, 0);
    shell_frame(t->shell, f->now, true); /* learn the page count */
    int pages = f->page_count;
    for (int p = 0; p < pages; p++) {
        flow_set_page(f, p);
        char label[96];
        snprintf(label, sizeof(label), "%s-%d", name, p + 1);
        visit(t, label);
    }
}

/* `screen` at `now`, settled: no fade. */
static void show(Flow *f, Screen screen, long now)
{
    flow_show(f, screen, now - FLOW_TRANSITION_MS, now);
}

/* Answers every item so that each dimension lands high or low (or, with `middle`, at the
 * scale's middle answer, near both lines). */
static void answer_for(QuizSession *session, const Quiz *q, bool anxious, bool avoidant, bool middle)
{
    quiz_session_start(session, q);
    for (int i = 0; i < q->item_count; i++) {
        const QuizItem *item = &q->items[i];
        bool high = item->dimension == DIM_ANXIETY ? anxious : avoidant;
        int a = high != item->reverse ? q->points : 1;
        if (middle)
            a = (q->points + 1) / 2;
        quiz_session_answer(session, a);
    }
}

int headless_tour(Shell *s, const char *shots, FILE *out)
{
    Tour t = { .shell = s, .shots = shots, .out = out };
    check_limits_default(&t.limits, s->config, s->width, s->height);
    Flow *f = &s->flow;
    Kiosk *kiosk = &s->kiosk;
    const Quiz *q = &s->bundle->quiz;
    long now = 100000;
    shell_restart(s, now);

    show(f, SCREEN_ATTRACT, now);
    visit(&t, "attract");
    show(f, SCREEN_CONSENT, now);
    visit_pages(&t, "consent");
    show(f, SCREEN_HOME, now);
    visit(&t, "home");

    QuizSession session;
    quiz_session_start(&session, q);
    for (int i = 0; i < q->item_count; i++) {
        flow_set_quiz(f, &session);
        show(f, SCREEN_QUESTION, now);
        char name[64];
        snprintf(name, sizeof(name), "question-%d", i + 1);
        visit(&t, name);
        quiz_session_answer(&session, 1 + i % q->points);
    }
    static const struct { bool anxious, avoidant, middle; const char *name; } results[] = {
        { false, false, false, "result-secure" }, { true, false, false, "result-anxious" },
        { false, true, false, "result-avoidant" }, { true, true, false, "result-disorganized" },
        { false, false, true, "result-near" },
    };
    for (size_t i = 0; i < sizeof(results) / sizeof(results[0]); i++) {
        answer_for(&session, q, results[i].anxious, results[i].avoidant, results[i].middle);
        flow_set_quiz(f, &session);
        show(f, SCREEN_RESULT, now);
        visit_pages(&t, results[i].name);
    }
    quiz_session_wipe(&session);
    flow_set_quiz(f, NULL);

    show(f, SCREEN_GUIDANCE, now);
    flow_set_style(f, STYLE_COUNT);
    visit(&t, "styles");
    for (int st = 0; st < STYLE_COUNT; st++) {
        show(f, SCREEN_GUIDANCE, now);
        flow_set_style(f, (Style)st);
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
        flow_show(f, SCREEN_CALM, now - phases[i], now);
        visit(&t, phase_names[i]);
    }
    flow_show(f, SCREEN_CALM, now - (long)(calm->inhale + calm->hold + calm->exhale) * 1000 * calm->breaths, now);
    visit_pages(&t, "calm-grounding");

    show(f, SCREEN_HOME, now);
    flow_show_idle(f, now - 2000);
    visit(&t, "idle");
    flow_reset(f, now);

    /* staff: the PIN pad (typing, wrong, locked), the menu (after a failed reload), the tally
     * (off and on) and the display test */
    show(f, SCREEN_STAFF, now);
    flow_show_staff(f, STAFF_PIN, 3, false, 0);
    visit(&t, "staff-pin");
    flow_show_staff(f, STAFF_PIN, 0, true, 0);
    visit(&t, "staff-pin-wrong");
    flow_show_staff(f, STAFF_PIN, 0, true, now + 42000);
    visit(&t, "staff-pin-locked");
    flow_show_staff(f, STAFF_MENU, 0, false, 0);
    visit(&t, "staff-menu");
    kiosk_set_staff_text(kiosk, bundle_word(s->bundle, WORD_STAFF_RELOAD_FAILED),
                         "quiz.ini:41: item 'a3': dimension must be 'anxiety' or 'avoidance', not 'anxeity' (and 6 more in the journal)");
    visit(&t, "staff-menu-reload-failed");
    kiosk_set_staff_text(kiosk, NULL, NULL);
    flow_show_staff(f, STAFF_TALLY, 0, false, 0);
    bool was_on = kiosk->tally_on;
    Tally kept = kiosk->tally, sample = { 1234, 987, { 321, 234, 210, 222 } };
    kiosk_set_tally(kiosk, false, &kept);
    visit(&t, "staff-tally-off");
    kiosk_set_tally(kiosk, true, &sample);
    visit(&t, "staff-tally");
    kiosk_set_tally(kiosk, was_on, &kept);
    flow_show_staff(f, STAFF_TEST, 0, false, 0);
    flow_test_touch(f, s->width * 0.5f, s->height * 0.5f);
    flow_test_touch(f, s->width * 0.8f, s->height * 0.7f);
    visit(&t, "staff-test");
    flow_reset(f, now);
    show(f, SCREEN_UNAVAILABLE, now); /* a kiosk whose content is broken */
    visit(&t, "unavailable");
    flow_reset(f, now);

    fprintf(out, "tour: %d screens, %d problems\n", t.screens, t.problems);
    return t.problems;
}

/* --- the soak -------------------------------------------------------------------------- */

/* splitmix64: a whole run follows from its seed. */
static uint64_t soak_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int soak_below(uint64_t *state, int n)
{
    return n > 0 ? (int)(soak_next(state) % (uint64_t)n) : 0;
}

/* Keys a person might press, and the combinations a kiosk must swallow. */
static const char *const soak_key_names[] = {
    "Escape", "Return", "Space", "Tab", "Left", "Right", "Up", "Down", "PageUp", "PageDown",
    "Backspace", "Left Shift", "Right Shift", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0",
    "A", "B", "Q", "W", "X", "F1", "F2", "F4", "F11", "F12", "Delete", "Home", "End",
    "Keypad Enter", "Menu", "Left GUI", "Insert", "SysReq",
};
enum { SOAK_KEYS = sizeof(soak_key_names) / sizeof(soak_key_names[0]) };

static const struct { Uint16 mods; const char *key; } soak_combos[] = {
    { KMOD_LCTRL | KMOD_LALT, "F1" }, { KMOD_LCTRL | KMOD_LALT, "F2" }, { KMOD_LCTRL | KMOD_LALT, "F7" },
    { KMOD_LCTRL | KMOD_LALT, "Delete" }, { KMOD_LCTRL | KMOD_LALT, "Backspace" },
    { KMOD_LALT, "F4" }, { KMOD_LALT, "Tab" }, { KMOD_LCTRL, "Q" }, { KMOD_LCTRL, "W" },
    { KMOD_LCTRL, "C" }, { KMOD_LGUI, "D" }, { KMOD_LALT, "SysReq" }, { KMOD_LSHIFT, "Tab" },
};
enum { SOAK_COMBOS = sizeof(soak_combos) / sizeof(soak_combos[0]) };

/* The sizes the tour vouches for: a desktop window is resized among them. */
static const int soak_sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 800 }, { 1920, 1080 },
                                     { 720, 1280 }, { 1080, 1920 } };
enum { SOAK_SIZES = sizeof(soak_sizes) / sizeof(soak_sizes[0]) };

typedef enum SoakEvent {
    EV_TAP_TARGET, EV_TAP_ANYWHERE, EV_SWIPE, EV_KEY, EV_COMBO, EV_BURST, EV_PAUSE, EV_IDLE,
    EV_HOLD, EV_RESIZE, EV_DISPLAY_RESET, EV_CLOSE, EV_COUNT
} SoakEvent;

/* Under ASan, resident memory is mostly ASan's: freed blocks wait in its quarantine (up to
 * 256 MiB) and every allocation's stack is kept. The plain build's figure is the app's, so
 * only there does a million-event soak fail when memory grows. */
#if defined(__SANITIZE_ADDRESS__)
enum { SOAK_CHECKS_MEMORY = 0 };
#else
enum { SOAK_CHECKS_MEMORY = 1 };
#endif

/* How often each event comes, out of the sum (1000). */
static const int soak_weight[EV_COUNT] = { 470, 80, 80, 100, 30, 40, 140, 20, 30, 5, 1, 4 };

typedef struct Soak {
    Run run;
    uint64_t rng;
    long event;
    SDL_Keycode keys[SOAK_KEYS], combo_keys[SOAK_COMBOS];
    CheckLimits limits;
    CheckReport report;
    bool seen[SCREEN_COUNT + 1 + STAFF_PAGE_COUNT]; /* screens, the overlay, staff pages */
    long quizzes, closes, resizes, display_resets;
    bool was_done;
    int resets;             /* the flow's count when last seen */
    long reset_count;       /* across restarts */
    uint32_t *pixels;       /* one frame, for the display-reset check (allocated once) */
    size_t pixel_bytes;
} Soak;

/* Resident memory now, in KiB (from /proc/self/statm), or -1. */
static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, resident = -1;
    if (f) {
        if (fscanf(f, "%ld %ld", &size, &resident) != 2)
            resident = -1;
        fclose(f);
    }
    return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static long peak_kib(void)
{
    struct rusage u;
    return getrusage(RUSAGE_SELF, &u) == 0 ? u.ru_maxrss : -1;
}

/* Reads the frame on screen into soak->pixels; false when it cannot. */
static bool read_frame(Soak *k)
{
    Shell *s = k->run.shell;
    size_t need = (size_t)s->render.width * (size_t)s->render.height * 4;
    return need <= k->pixel_bytes &&
           render_read_pixels(&s->render, SDL_PIXELFORMAT_ARGB8888, k->pixels, s->render.width * 4);
}

/* A 64-bit digest of the frame read by read_frame. */
static uint64_t frame_digest(const Soak *k)
{
    const Shell *s = k->run.shell;
    size_t n = (size_t)s->render.width * (size_t)s->render.height;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ k->pixels[i]) * 1099511628211ULL;
    return h;
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* Taps the target with `action` and `arg`; false when there is none. */
static bool tap_action(Run *r, Action action, int arg)
{
    const DrawList *l = &r->shell->list;
    for (int i = 0; i < l->target_count; i++) {
        const Target *t = &l->targets[i];
        if (t->enabled && t->action == action && t->arg == arg) {
            advance(r, 400); /* slower than the tap-burst guard */
            tap(r, t->rect.x + t->rect.w / 2, t->rect.y + t->rect.h / 2);
            return true;
        }
    }
    return false;
}

/* On the PIN pad: what a member of staff does, the right PIN and OK. */
static bool type_pin(Run *r)
{
    const char *pin = r->shell->config->staff_pin;
    if (!pin[0])
        return false;
    for (const char *d = pin; *d; d++)
        if (!tap_action(r, ACT_PIN_DIGIT, *d - '0'))
            return false;
    return tap_action(r, ACT_PIN_OK, 0);
}

/* One random event, as a person (or a child drumming on the glass) would make it, said in
 * `what`. Returns what broke (a display reset that did not redraw the same frame), or NULL. */
static const char *soak_event(Soak *k, SoakEvent ev, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = r->shell;
    uint64_t *g = &k->rng;
    switch (ev) {
    case EV_TAP_TARGET: {
        if (s->flow.screen == SCREEN_STAFF && s->flow.staff_page == STAFF_PIN && soak_below(g, 3) == 0 &&
            type_pin(r)) {
            snprintf(what, what_size, "the staff PIN typed");
            return NULL;
        }
        /* mostly on an enabled target; quick exit less often than the rest */
        int n = s->list.target_count, pick = -1;
        for (int tries = 0; tries < 4 && n > 0; tries++) {
            int t = soak_below(g, n);
            if (!s->list.targets[t].enabled)
                continue;
            pick = t;
            if (s->list.targets[t].action != ACT_QUICK_EXIT || soak_below(g, 8) == 0)
                break;
        }
        if (pick < 0) {
            return soak_event(k, EV_TAP_ANYWHERE, what, what_size);
        }
        const Rect *rc = &s->list.targets[pick].rect;
        float x = rc->x + rc->w * (0.1f + 0.8f * soak_below(g, 101) / 100.0f);
        float y = rc->y + rc->h * (0.1f + 0.8f * soak_below(g, 101) / 100.0f);
        snprintf(what, what_size, "tap %.0f %.0f (\"%s\")", x, y, s->list.targets[pick].label);
        advance(r, 150 + soak_below(g, 400)); /* a person reads before tapping */
        tap(r, x, y);
        break;
    }
    case EV_TAP_ANYWHERE: {
        float x = (float)soak_below(g, s->width), y = (float)soak_below(g, s->height);
        snprintf(what, what_size, "tap %.0f %.0f", x, y);
        tap(r, x, y);
        break;
    }
    case EV_SWIPE: {
        int dir = soak_below(g, 2) ? 1 : -1;
        snprintf(what, what_size, "swipe %s", dir < 0 ? "left" : "right");
        swipe(r, dir);
        break;
    }
    case EV_KEY: {
        int i = soak_below(g, SOAK_KEYS);
        snprintf(what, what_size, "key %s", soak_key_names[i]);
        shell_key(s, k->keys[i], 0, r->now);
        frame(r);
        advance(r, 30 + soak_below(g, 200));
        break;
    }
    case EV_COMBO: {
        int i = soak_below(g, SOAK_COMBOS);
        snprintf(what, what_size, "key combination %s+%s",
                 soak_combos[i].mods == KMOD_LSHIFT ? "shift" : soak_combos[i].mods == KMOD_LGUI ? "gui" :
                 soak_combos[i].mods == KMOD_LALT ? "alt" : soak_combos[i].mods == KMOD_LCTRL ? "ctrl" : "ctrl+alt",
                 soak_combos[i].key);
        shell_key(s, k->combo_keys[i], soak_combos[i].mods, r->now);
        frame(r);
        break;
    }
    case EV_BURST: {
        float x = (float)soak_below(g, s->width), y = (float)soak_below(g, s->height);
        int n = 2 + soak_below(g, 10);
        snprintf(what, what_size, "burst of %d taps at %.0f %.0f", n, x, y);
        for (int i = 0; i < n; i++) {
            shell_pointer_down(s, x, y, r->now);
            advance(r, 15 + soak_below(g, 40));
            shell_pointer_up(s, x, y, r->now);
            frame(r);
            advance(r, 10 + soak_below(g, 40));
        }
        break;
    }
    case EV_PAUSE: {
        long ms = 50 + soak_below(g, 4000);
        snprintf(what, what_size, "wait %ld", ms);
        advance(r, ms);
        frame(r);
        break;
    }
    case EV_IDLE: {
        /* past the idle timeout and its countdown, sometimes for hours (a night) */
        long idle = (s->config->idle_timeout + s->config->idle_warning) * 1000L;
        long ms = soak_below(g, 4) ? idle / 2 + soak_below(g, (int)(idle * 2 + 1)) : 3600000L * (1 + soak_below(g, 14));
        snprintf(what, what_size, "idle %ld ms", ms);
        advance(r, ms);
        frame(r);
        break;
    }
    case EV_HOLD: {
        bool corner = soak_below(g, 3) > 0;
        float x = corner ? 5.0f + soak_below(g, 20) : (float)soak_below(g, s->width);
        float y = corner ? 5.0f + soak_below(g, 20) : (float)soak_below(g, s->height);
        long ms = corner ? FLOW_LONG_PRESS_MS + soak_below(g, 2000) : 300 + soak_below(g, 5000);
        snprintf(what, what_size, "hold %.0f %.0f %ld", x, y, ms);
        shell_pointer_down(s, x, y, r->now);
        frame(r);
        advance(r, ms);
        shell_pointer_up(s, x, y, r->now);
        frame(r);
        break;
    }
    case EV_RESIZE: {
        if (!profile_policy(s->config->profile)->resized) { /* a kiosk's screen keeps its size */
            return soak_event(k, EV_TAP_TARGET, what, what_size);
        }
        int i = soak_below(g, SOAK_SIZES);
        snprintf(what, what_size, "resize to %dx%d", soak_sizes[i][0], soak_sizes[i][1]);
        shell_resize(s, soak_sizes[i][0], soak_sizes[i][1]);
        check_limits_default(&k->limits, s->config, s->width, s->height);
        k->resizes++;
        frame(r);
        break;
    }
    case EV_DISPLAY_RESET: {
        /* every texture is lost; after the renderer is rebuilt the frame must look the same */
        snprintf(what, what_size, "display reset (SDL_RENDER_DEVICE_RESET)");
        shell_frame(s, r->now, true);
        if (!read_frame(k))
            return "the frame on screen could not be read back";
        uint64_t digest = frame_digest(k);
        shell_display_reset(s, true);
        if (!s->render_open)
            return "after a display reset, the renderer could not be rebuilt";
        shell_frame(s, r->now, true);
        k->display_resets++;
        if (!read_frame(k) || frame_digest(k) != digest)
            return "the frame drawn after a display reset differs from the one before";
        break;
    }
    case EV_CLOSE:
        snprintf(what, what_size, "window close request");
        shell_quit_request(s);
        break;
    case EV_COUNT:
        break;
    }
    return NULL;
}

/* Checks what must hold after every event; returns a description of what broke, or NULL. */
static const char *soak_invariants(Soak *k, char *why, size_t why_size)
{
    Shell *s = k->run.shell;
    Flow *f = &s->flow;
    if ((unsigned)f->screen >= SCREEN_COUNT) {
        snprintf(why, why_size, "the flow is on an unknown screen (%d)", (int)f->screen);
        return why;
    }
    k->seen[f->idle ? SCREEN_COUNT : f->screen] = true;
    if (f->screen == SCREEN_STAFF && (unsigned)f->staff_page < STAFF_PAGE_COUNT)
        k->seen[SCREEN_COUNT + 1 + f->staff_page] = true;
    shell_frame(s, k->run.now, false);
    check_report_clear(&k->report);
    if (!f->blank && check_screen(&s->list, &s->measure, &k->limits, &k->report) > 0) {
        snprintf(why, why_size, "layout problem on %s at %dx%d: %s", current_id(s), s->width, s->height,
                 k->report.count ? k->report.lines[0] : "(more than the report holds)");
        return why;
    }
    bool done = quiz_session_done(&f->quiz);
    if (done && !k->was_done)
        k->quizzes++;
    k->was_done = done;
    if (f->resets != k->resets || f->screen == SCREEN_ATTRACT || f->screen == SCREEN_UNAVAILABLE) {
        k->reset_count += f->resets >= k->resets ? f->resets - k->resets : f->resets;
        k->resets = f->resets;
        if (!all_zero(&f->quiz, sizeof(f->quiz)) || !all_zero(f->pin, sizeof(f->pin)) || f->pin_length) {
            snprintf(why, why_size, "back on attract, but the quiz session or the PIN is not all zero");
            return why;
        }
    }
    return NULL;
}

int headless_soak(Shell *s, long events, unsigned long seed, FILE *out)
{
    Soak *k = calloc(1, sizeof(*k));
    if (!k)
        return 1;
    k->run = (Run){ s, START_MS };
    int width = s->width, height = s->height;
    k->rng = seed;
    for (int i = 0; i < SOAK_KEYS; i++)
        k->keys[i] = SDL_GetKeyFromName(soak_key_names[i]);
    for (int i = 0; i < SOAK_COMBOS; i++)
        k->combo_keys[i] = SDL_GetKeyFromName(soak_combos[i].key);
    k->pixel_bytes = (size_t)1920 * 1920 * 4;
    k->pixels = malloc(k->pixel_bytes);
    int total = 0;
    for (int e = 0; e < EV_COUNT; e++)
        total += soak_weight[e];
    shell_restart(s, k->run.now);
    frame(&k->run);
    check_limits_default(&k->limits, s->config, s->width, s->height);
    long mark = events / 10 < 100000 ? events / 10 : 100000, rss_mark = -1;
    int status = 0;
    char what[160], why[400];
    if (!k->pixels) {
        fprintf(out, "soak: out of memory for the frame buffer\n");
        free(k);
        return 1;
    }
    for (k->event = 1; k->event <= events; k->event++) {
        int roll = soak_below(&k->rng, total), ev = 0;
        while (roll >= soak_weight[ev])
            roll -= soak_weight[ev++];
        what[0] = '\0';
        const char *broken = soak_event(k, (SoakEvent)ev, what, sizeof(what));
        if (s->quit) { /* a desktop window closed: start the app again */
            k->closes++;
            s->quit = false;
            shell_restart(s, k->run.now);
            k->resets = 0;
            frame(&k->run);
        }
        if (!broken)
            broken = soak_invariants(k, why, sizeof(why));
        if (broken) {
            fprintf(out, "soak: FAILED at event %ld (%s) with seed %lu: %s\n"
                    "soak: replay with --soak %ld --seed %lu --size %dx%d (the same --config and --bundle)\n",
                    k->event, what, seed, broken, k->event, seed, width, height);
            status = 1;
            break;
        }
        if (k->event == mark)
            rss_mark = rss_kib();
        if (k->event % 100000 == 0) { /* progress, and memory over time, for long runs */
            fprintf(out, "soak: event %ld: resident %.1f MiB\n", k->event, rss_kib() / 1024.0);
            fflush(out);
        }
    }
    int visited = 0, places = SCREEN_COUNT + 1 + STAFF_PAGE_COUNT;
    if (!s->kiosk.unavailable) /* only a kiosk with broken content shows it */
        k->seen[SCREEN_UNAVAILABLE] = true;
    for (int i = 0; i < places; i++)
        visited += k->seen[i];
    long rss_end = rss_kib();
    fprintf(out, "soak: %ld events, seed %lu, %dx%d, profile %s\n", k->event - 1, seed, width,
            height, profile_policy(s->config->profile)->name);
    fprintf(out, "soak: visited %d of %d screens, overlays and staff pages; %ld quizzes completed, "
            "%ld resets to attract, %ld closes, %ld resizes, %ld display resets\n",
            visited, places, k->quizzes, k->reset_count, k->closes, k->resizes, k->display_resets);
    fprintf(out, "soak: not visited:");
    for (int i = 0; i < places; i++) {
        if (k->seen[i])
            continue;
        static const char *const staff_names[] = { "staff-pin", "staff-menu", "staff-tally", "staff-test" };
        fprintf(out, " %s", i < SCREEN_COUNT ? screen_id((Screen)i) : i == SCREEN_COUNT ? screen_overlay_id
                : staff_names[i - SCREEN_COUNT - 1]);
    }
    fprintf(out, "%s\n", visited == places ? " none" : "");
    fprintf(out, "soak: peak resident memory %.1f MiB", peak_kib() / 1024.0);
    if (rss_mark >= 0 && status == 0)
        fprintf(out, "; resident %.1f MiB at event %ld, %.1f MiB at the end (growth %+.2f MiB)",
                rss_mark / 1024.0, mark, rss_end / 1024.0, (rss_end - rss_mark) / 1024.0);
    fprintf(out, "%s\n", SOAK_CHECKS_MEMORY ? "" : " (under ASan: mostly its quarantine; the plain build's figure is the app's)");
    /* a million events: resident memory must stay flat from event 100,000 on */
    if (SOAK_CHECKS_MEMORY && status == 0 && mark == 100000 && rss_mark >= 0 && rss_end - rss_mark >= 1024) {
        fprintf(out, "soak: FAILED: resident memory grew by %.2f MiB from event %ld to the end "
                "(the limit is 1 MiB)\n", (rss_end - rss_mark) / 1024.0, mark);
        status = 1;
    }
    free(k->pixels);
    free(k);
    return status;
}
