/* soak.c — random events through the real flow, view and renderer, with every check
 * after every event (headless_soak in headless.h). The events are a table: what each
 * does (a person's gesture, a pause, a night, a display reset…) and how often it comes.
 * A run follows from its seed, so a failure prints the line that replays it. */
#define _DEFAULT_SOURCE /* sysconf */
#include "headless.h"
#include "run.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../core/hash.h"
#include "../view/check.h"

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

/* Under ASan, resident memory is mostly ASan's: freed blocks wait in its quarantine (up to
 * 256 MiB) and every allocation's stack is kept. The plain build's figure is the app's, so
 * only there does a million-event soak fail when memory grows. */
#if defined(__SANITIZE_ADDRESS__)
enum { SOAK_CHECKS_MEMORY = 0 };
#else
enum { SOAK_CHECKS_MEMORY = 1 };
#endif

/* The virtual clock starts SOAK_WRAP_LEAD_MS before 2^32 ms, where a 32-bit tick count
 * (SDL_GetTicks) wraps after 49.7 days: every run but the shortest crosses it, and the
 * idle resets after it are checked like the others. */
#define SOAK_WRAP_MS (1L << 32)
enum { SOAK_WRAP_LEAD_MS = 30000 };

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
    long couples;           /* couple sessions that reached their outcome (both read it) */
    bool was_outcome;
    long wrap_event;        /* the event during which the clock passed SOAK_WRAP_MS; 0 not yet */
    long idle_checks_past_wrap; /* idle resets checked after it */
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

/* Reads what the panel shows (the window, after any turn) into soak->pixels, and returns
 * its 64-bit digest through `digest`; false when it cannot be read. */
static bool read_frame(Soak *k, uint64_t *digest)
{
    Shell *s = k->run.shell;
    size_t n = (size_t)s->panel_w * (size_t)s->panel_h;
    SDL_Texture *target = SDL_GetRenderTarget(s->sdl);
    bool read = n * 4 <= k->pixel_bytes && SDL_SetRenderTarget(s->sdl, NULL) == 0 &&
                SDL_RenderReadPixels(s->sdl, NULL, SDL_PIXELFORMAT_ARGB8888, k->pixels, s->panel_w * 4) == 0;
    SDL_SetRenderTarget(s->sdl, target);
    *digest = read ? hash_bytes(HASH_SEED, k->pixels, n * sizeof(k->pixels[0])) : 0;
    return read;
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* On the PIN pad: what a member of staff does, the right PIN and OK. */
static bool type_pin(Run *r)
{
    const char *pin = r->shell->config->staff_pin;
    if (!pin[0])
        return false;
    for (const char *d = pin; *d; d++)
        if (!run_tap_action(r, ACT_PIN_DIGIT, *d - '0'))
            return false;
    return run_tap_action(r, ACT_PIN_OK, 0);
}

/* Whether two partners are in their turns: answering, handing over or choosing (not yet
 * reading their outcome together). */
static bool soak_couple_turns(const Flow *f)
{
    return f->couple.stage != COUPLE_OFF && f->couple.stage != COUPLE_TOGETHER;
}

/* --- the events: each makes one, says it in `what`, and returns what broke (a display
 * reset that did not redraw the same frame) or NULL ------------------------------------ */

static const char *ev_tap_anywhere(Soak *k, char *what, size_t what_size);

static const char *ev_tap_target(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    uint64_t *g = &k->rng;
    if (s->flow.screen == SCREEN_STAFF && s->flow.staff_page == STAFF_PIN && soak_below(g, 3) == 0 &&
        type_pin(r)) {
        snprintf(what, what_size, "the staff PIN typed");
        return NULL;
    }
    /* mostly on an enabled target; quick exit less often than the rest, and Back too
     * during a couple's turns (two partners mean to get through them) */
    int n = s->list.target_count, pick = -1;
    bool turns = soak_couple_turns(&s->flow);
    for (int tries = 0; tries < 4 && n > 0; tries++) {
        int t = soak_below(g, n);
        if (!s->list.targets[t].enabled)
            continue;
        pick = t;
        Action a = s->list.targets[t].action;
        if ((a != ACT_QUICK_EXIT && !(turns && a == ACT_BACK)) || soak_below(g, 8) == 0)
            break;
    }
    if (pick < 0)
        return ev_tap_anywhere(k, what, what_size);
    const Rect *rc = &s->list.targets[pick].rect;
    float x = rc->x + rc->w * (0.1f + 0.8f * soak_below(g, 101) / 100.0f);
    float y = rc->y + rc->h * (0.1f + 0.8f * soak_below(g, 101) / 100.0f);
    snprintf(what, what_size, "tap %.0f %.0f (\"%s\")", x, y, s->list.targets[pick].label);
    run_advance(r, 150 + soak_below(g, 400)); /* a person reads before tapping */
    run_tap(r, x, y);
    return NULL;
}

static const char *ev_tap_anywhere(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    uint64_t *g = &k->rng;
    float x = (float)soak_below(g, s->width), y = (float)soak_below(g, s->height);
    snprintf(what, what_size, "tap %.0f %.0f", x, y);
    run_tap(r, x, y);
    return NULL;
}

static const char *ev_swipe(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    uint64_t *g = &k->rng;
    int dir = soak_below(g, 2) ? 1 : -1;
    snprintf(what, what_size, "swipe %s", dir < 0 ? "left" : "right");
    run_swipe(r, dir);
    return NULL;
}

static const char *ev_key(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    uint64_t *g = &k->rng;
    int i = soak_below(g, SOAK_KEYS);
    snprintf(what, what_size, "key %s", soak_key_names[i]);
    shell_key(s, k->keys[i], 0, r->now);
    run_frame(r);
    run_advance(r, 30 + soak_below(g, 200));
    return NULL;
}

static const char *ev_combo(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    uint64_t *g = &k->rng;
    int i = soak_below(g, SOAK_COMBOS);
    snprintf(what, what_size, "key combination %s+%s",
             soak_combos[i].mods == KMOD_LSHIFT ? "shift" : soak_combos[i].mods == KMOD_LGUI ? "gui" :
             soak_combos[i].mods == KMOD_LALT ? "alt" : soak_combos[i].mods == KMOD_LCTRL ? "ctrl" : "ctrl+alt",
             soak_combos[i].key);
    shell_key(s, k->combo_keys[i], soak_combos[i].mods, r->now);
    run_frame(r);
    return NULL;
}

static const char *ev_burst(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    uint64_t *g = &k->rng;
    float x = (float)soak_below(g, s->width), y = (float)soak_below(g, s->height);
    int n = 2 + soak_below(g, 10);
    snprintf(what, what_size, "burst of %d taps at %.0f %.0f", n, x, y);
    for (int i = 0; i < n; i++) {
        shell_pointer_down(s, x, y, r->now);
        run_advance(r, 15 + soak_below(g, 40));
        shell_pointer_up(s, x, y, r->now);
        run_frame(r);
        run_advance(r, 10 + soak_below(g, 40));
    }
    return NULL;
}

static const char *ev_pause(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    uint64_t *g = &k->rng;
    long ms = 50 + soak_below(g, 4000);
    snprintf(what, what_size, "wait %ld", ms);
    run_wait(r, ms);
    return NULL;
}

static const char *ev_idle(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    uint64_t *g = &k->rng;
    /* past the idle timeout and its countdown, sometimes for hours (a night) */
    long idle = (s->config->idle_timeout + s->config->idle_warning) * 1000L;
    long ms = soak_below(g, 4) ? idle / 2 + soak_below(g, (int)(idle * 2 + 1)) : 3600000L * (1 + soak_below(g, 14));
    snprintf(what, what_size, "idle %ld ms", ms);
    Screen from = s->flow.screen;
    int resets = s->flow.resets;
    run_wait(r, ms);
    /* the idle reset: after a gap that long, whatever a person left is gone */
    bool applies = s->config->idle_reset && from != SCREEN_ATTRACT && from != SCREEN_UNAVAILABLE;
    if (!applies || ms < idle)
        return NULL;
    if (r->now >= SOAK_WRAP_MS)
        k->idle_checks_past_wrap++;
    Screen to = s->flow.screen;
    if ((to != SCREEN_ATTRACT && to != SCREEN_UNAVAILABLE) || s->flow.resets == resets)
        return "a screen left alone past the idle timeout and its countdown was not reset";
    return NULL;
}

static const char *ev_hold(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    uint64_t *g = &k->rng;
    bool corner = soak_below(g, 3) > 0;
    float x = corner ? 5.0f + soak_below(g, 20) : (float)soak_below(g, s->width);
    float y = corner ? 5.0f + soak_below(g, 20) : (float)soak_below(g, s->height);
    long ms = corner ? FLOW_LONG_PRESS_MS + soak_below(g, 2000) : 300 + soak_below(g, 5000);
    snprintf(what, what_size, "hold %.0f %.0f %ld", x, y, ms);
    shell_pointer_down(s, x, y, r->now);
    run_frame(r);
    run_advance(r, ms);
    shell_pointer_up(s, x, y, r->now);
    run_frame(r);
    return NULL;
}

/* A finger put down whose finger-up never comes (a touch controller reset, an unplug). */
static const char *ev_lost_finger(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    uint64_t *g = &k->rng;
    float x = (float)soak_below(g, s->width), y = (float)soak_below(g, s->height);
    snprintf(what, what_size, "finger-down %.0f %.0f (its up lost)", x, y);
    shell_finger_down(s, ++r->finger, x, y, r->now);
    run_frame(r);
    return NULL;
}

static const char *ev_resize(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    uint64_t *g = &k->rng;
    if (!profile_policy(s->config->profile)->resized) /* a kiosk's screen keeps its size */
        return ev_tap_target(k, what, what_size);
    int i = soak_below(g, SOAK_SIZES);
    snprintf(what, what_size, "resize to %dx%d", soak_sizes[i][0], soak_sizes[i][1]);
    shell_resize(s, soak_sizes[i][0], soak_sizes[i][1]);
    check_limits_default(&k->limits, s->config, s->width, s->height);
    k->resizes++;
    run_frame(r);
    return NULL;
}

/* A display reset, checked by the pixels: the panel must show the same picture after the
 * renderer is rebuilt. Headless runs draw upright, so the check turns the picture 180
 * degrees first (the logical size stays), or a rebuild that forgot the turn would pass;
 * and the reset really loses what a GPU loses (render_lose_contents: the window wiped, the
 * cached text spoiled), or a rebuild that kept stale textures, or redrew only part of the
 * screen, would read back the old picture and pass too. */
static const char *ev_display_reset(Soak *k, char *what, size_t what_size)
{
    Run *r = &k->run;
    Shell *s = k->run.shell;
    int upright = s->rotation;
    snprintf(what, what_size, "display reset (SDL_RENDER_DEVICE_RESET)");
    s->rotation = 180;
    render_set_rotation(&s->render, s->rotation, s->panel_w, s->panel_h);
    shell_frame(s, r->now, true);
    uint64_t before, after;
    const char *broken = NULL;
    if (!read_frame(k, &before))
        return "the frame on screen could not be read back";
    render_lose_contents(&s->render);
    shell_display_reset(s, true);
    if (!s->render_open)
        return "after a display reset, the renderer could not be rebuilt";
    shell_frame(s, r->now, true);
    k->display_resets++;
    if (!read_frame(k, &after) || after != before)
        broken = "the frame drawn after a display reset differs from the one before";
    s->rotation = upright;
    render_set_rotation(&s->render, s->rotation, s->panel_w, s->panel_h);
    return broken;
}

static const char *ev_close(Soak *k, char *what, size_t what_size)
{
    snprintf(what, what_size, "window close request");
    shell_quit_request(k->run.shell);
    return NULL;
}

/* How often each event comes, out of the sum (1000). */
static const struct {
    const char *(*make)(Soak *k, char *what, size_t what_size);
    int weight;
} soak_events[] = {
    { ev_tap_target, 470 }, { ev_tap_anywhere, 80 }, { ev_swipe, 80 }, { ev_key, 100 },
    { ev_combo, 30 }, { ev_burst, 40 }, { ev_pause, 140 }, { ev_idle, 20 }, { ev_hold, 30 },
    { ev_resize, 5 }, { ev_display_reset, 1 }, { ev_close, 4 }, { ev_lost_finger, 2 },
};
enum { SOAK_EVENTS = sizeof(soak_events) / sizeof(soak_events[0]) };

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
    if (!f->blank && check_screen(&s->list, &s->measure, &k->limits, &k->report) > 0) { /* larger text too */
        snprintf(why, why_size, "layout problem on %s at %dx%d: %s", run_screen_id(s), s->width, s->height,
                 k->report.count ? k->report.lines[0] : "(more than the report holds)");
        return why;
    }
    /* a handover shows nothing of anyone's, and keeps nothing of the answers either */
    if (f->screen == SCREEN_HANDOVER && !all_zero(&f->quiz, sizeof(f->quiz))) {
        snprintf(why, why_size, "on a handover, but the quiz session is not all zero");
        return why;
    }
    bool outcome = f->couple.stage == COUPLE_TOGETHER;
    if (outcome && !k->was_outcome)
        k->couples++;
    k->was_outcome = outcome;
    bool done = quiz_session_done(&f->quiz);
    if (done && !k->was_done)
        k->quizzes++;
    k->was_done = done;
    int resets_before = k->resets;
    if (f->resets != k->resets || f->screen == SCREEN_ATTRACT || f->screen == SCREEN_UNAVAILABLE) {
        k->reset_count += f->resets >= k->resets ? f->resets - k->resets : f->resets;
        k->resets = f->resets;
        if (!all_zero(&f->quiz, sizeof(f->quiz)) || !all_zero(f->pin, sizeof(f->pin)) || f->pin_length) {
            snprintf(why, why_size, "back on attract, but the quiz session or the PIN is not all zero");
            return why;
        }
        if ((f->screen == SCREEN_ATTRACT || f->screen == SCREEN_UNAVAILABLE) && !all_zero(&f->couple, sizeof(f->couple))) {
            snprintf(why, why_size, "back on attract, but couple mode's scores and choices are not all zero");
            return why;
        }
        if (f->resets != resets_before && s->finger_down) {
            snprintf(why, why_size, "back on attract, but a finger is still held (its up may never come)");
            return why;
        }
    }
    return NULL;
}

/* The soak's state, its keys looked up, a frame buffer: NULL when out of memory. */
static Soak *soak_open(Shell *s, unsigned long seed)
{
    Soak *k = calloc(1, sizeof(*k));
    if (!k)
        return NULL;
    k->run = (Run){ s, SOAK_WRAP_MS - SOAK_WRAP_LEAD_MS, 0 };
    k->rng = seed;
    for (int i = 0; i < SOAK_KEYS; i++)
        k->keys[i] = SDL_GetKeyFromName(soak_key_names[i]);
    for (int i = 0; i < SOAK_COMBOS; i++)
        k->combo_keys[i] = SDL_GetKeyFromName(soak_combos[i].key);
    k->pixel_bytes = (size_t)1920 * 1920 * 4;
    k->pixels = malloc(k->pixel_bytes);
    if (!k->pixels) {
        free(k);
        return NULL;
    }
    shell_restart(s, k->run.now);
    run_frame(&k->run);
    check_limits_default(&k->limits, s->config, s->width, s->height);
    return k;
}

/* An event, picked by its weight (`total`, their sum). */
static int soak_pick(uint64_t *rng, int total)
{
    int roll = soak_below(rng, total), ev = 0;
    while (roll >= soak_events[ev].weight)
        roll -= soak_events[ev++].weight;
    return ev;
}

/* One event, picked by its weight, and the checks after it: what broke, or NULL. */
static const char *soak_step(Soak *k, int total, char *what, size_t what_size, char *why, size_t why_size)
{
    Shell *s = k->run.shell;
    int ev = soak_pick(&k->rng, total);
    /* during a couple's turns, an event that ends the session (a long pause, a hold on the
     * staff corner, a window closed) is rolled again half the time, or two partners'
     * turns, twice a quiz long, would seldom reach their outcome; elsewhere the events come
     * as weighted */
    const char *(*make)(Soak *, char *, size_t) = soak_events[ev].make;
    if (soak_couple_turns(&s->flow) && (make == ev_idle || make == ev_hold || make == ev_close) &&
        soak_below(&k->rng, 2))
        ev = soak_pick(&k->rng, total);
    what[0] = '\0';
    bool before_wrap = k->run.now < SOAK_WRAP_MS;
    const char *broken = soak_events[ev].make(k, what, what_size);
    if (before_wrap && k->run.now >= SOAK_WRAP_MS)
        k->wrap_event = k->event;
    if (s->quit) { /* a desktop window closed: start the app again */
        k->closes++;
        s->quit = false;
        shell_restart(s, k->run.now);
        k->resets = 0;
        run_frame(&k->run);
    }
    return broken ? broken : soak_invariants(k, why, why_size);
}

/* The figures: what was visited, what happened, and memory over the run. */
static void soak_report(const Soak *k, unsigned long seed, int width, int height, FILE *out)
{
    const Shell *s = k->run.shell;
    bool seen[sizeof(k->seen)];
    memcpy(seen, k->seen, sizeof(seen));
    int visited = 0, places = SCREEN_COUNT + 1 + STAFF_PAGE_COUNT;
    if (!s->kiosk.unavailable) /* only a kiosk with broken content shows it */
        seen[SCREEN_UNAVAILABLE] = true;
    if (!s->config->presenter) /* only presenter mode's talk shows them */
        seen[SCREEN_OVERVIEW] = seen[SCREEN_SAMPLE_MAP] = true;
    for (int i = 0; i < places; i++)
        visited += seen[i];
    fprintf(out, "soak: %ld events, seed %lu, %dx%d, profile %s\n", k->event - 1, seed, width,
            height, profile_policy(s->config->profile)->name);
    fprintf(out, "soak: visited %d of %d screens, overlays and staff pages; %ld quizzes completed, "
            "%ld couples reached their outcome, %ld resets to attract, %ld closes, %ld resizes, %ld display resets\n",
            visited, places, k->quizzes, k->couples, k->reset_count, k->closes, k->resizes, k->display_resets);
    fprintf(out, "soak: not visited:");
    for (int i = 0; i < places; i++) {
        if (seen[i])
            continue;
        static const char *const staff_names[] = { "staff-pin", "staff-menu", "staff-tally", "staff-test" };
        fprintf(out, " %s", i < SCREEN_COUNT ? screen_id((Screen)i) : i == SCREEN_COUNT ? screen_overlay_id
                : staff_names[i - SCREEN_COUNT - 1]);
    }
    fprintf(out, "%s\n", visited == places ? " none" : "");
    if (k->wrap_event)
        fprintf(out, "soak: the clock passed 2^32 ms (a 32-bit tick's wrap) at event %ld; "
                "%ld idle resets checked after it\n", k->wrap_event, k->idle_checks_past_wrap);
    else
        fprintf(out, "soak: the clock did not reach 2^32 ms (a 32-bit tick's wrap)\n");
}

int headless_soak(Shell *s, long events, unsigned long seed, FILE *out)
{
    int width = s->width, height = s->height;
    Soak *k = soak_open(s, seed);
    if (!k) {
        fprintf(out, "soak: out of memory for the frame buffer\n");
        return 1;
    }
    int total = 0;
    for (int e = 0; e < SOAK_EVENTS; e++)
        total += soak_events[e].weight;
    long mark = events / 10 < 100000 ? events / 10 : 100000, rss_mark = -1;
    int status = 0;
    char what[160], why[400];
    for (k->event = 1; k->event <= events; k->event++) {
        const char *broken = soak_step(k, total, what, sizeof(what), why, sizeof(why));
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
    long rss_end = rss_kib();
    soak_report(k, seed, width, height, out);
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
