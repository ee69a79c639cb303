/* bench.c — `make bench`: the power and speed figures, measured honestly.
 *
 * Everything runs on SDL's dummy video driver with the software renderer (a headless
 * Shell), in real time: the loop figures run the app's own loop (shell_run) and stop it
 * with an SDL timer that posts SDL_QUIT. Each figure is measured in a fresh child process
 * (fork), so that one measurement cannot warm or grow the next; the parent only loads the
 * built-in config and the content bundle, as the app does before it opens a window.
 *
 * It prints one line per figure with its target and PASS or MISS (indented lines below
 * explain it), and exits 0 even when a target is missed: it reports, it is not a test.
 * Other work on the machine slows it down: the first line shows the load average.
 *
 *   build/bench [SECONDS [FIGURE]]   SECONDS for the idle and attract runs (default 10);
 *                                    FIGURE: only that one (names in `figures`, below)
 *
 * Two app functions are wrapped at link time (-Wl,--wrap, see the Makefile), so the app
 * needs no hooks: shell_frame, to time full frames of every screen the tour visits and to
 * count the different lines of text it shows, and render_frame, to add up the pixels each
 * presented frame redrew. Start at main(). */
#define _DEFAULT_SOURCE
#include <SDL.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../app/core/bundle.h"
#include "../app/core/config.h"
#include "../app/core/diag.h"
#include "../app/core/hash.h"
#include "../app/drive/headless.h"
#include "../app/render/render.h"
#include "../app/shell/shell.h"
#include "../app/view/text.h"

#define BUNDLE_DIR "assets/content/en"

enum {
    FIRST_FRAME_TARGET_MS = 100,
    PEAK_TARGET_MIB = 30,
    FULL_FRAME_TARGET_MS = 8,
    REPEATS = 11,               /* full frames timed per tour screen; the median counts */
    SETTLE_MS = 300,            /* run the loop this long before measuring it */
    FADE_STEP_MS = 16,          /* a display frame, for the screen-change figure */
    LINE_SET = 1 << 13,         /* different lines of text the tour may show, a power of two */
};

typedef struct Bench {
    Config config;
    Bundle bundle;
    Diags diags;
    Shell shell;                /* large: static storage */
    int seconds;

    /* SDL's allocations, counted through SDL_SetMemoryFunctions */
    SDL_malloc_func real_malloc;
    SDL_calloc_func real_calloc;
    SDL_realloc_func real_realloc;
    SDL_free_func real_free;
    unsigned long allocations;

    /* render_frame, seen through its wrapper */
    unsigned long long pixels_redrawn;
    double render_ms;

    /* the different lines of text laid out while `counting_lines` (hashes; 0 = empty) */
    bool counting_lines;
    uint64_t lines[LINE_SET];
    int line_count;

    /* the full-frame survey, done inside the shell_frame wrapper during a tour */
    bool surveying;
    int surveyed, over_target;
    double worst_full, worst_layout, worst_draw, worst_cold;
    char worst_name[96], worst_cold_name[96], last_over[96], over_names[512];
} Bench;

static Bench bench;

/* A kiosk offering three languages: English (BUNDLE_DIR) and these, the shipped bundles
 * when they are there, else the test copies (tests/languages/). Loaded in the child that
 * measures them, so that every other figure is of one language. */
static const char *const other_codes[] = { "es", "ar" };
enum { OTHERS = sizeof(other_codes) / sizeof(other_codes[0]) };
static Bundle others[OTHERS];

static const char *verdict(bool pass)
{
    return pass ? "PASS" : "MISS";
}

/* ---- clocks and counters ------------------------------------------------------------ */

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of n samples (sorts them). */
static double median(double *samples, int n)
{
    qsort(samples, (size_t)n, sizeof(*samples), by_value);
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

/* What the process has used so far: wall time, CPU time (user + system, all threads),
 * times it went to sleep (voluntary context switches), SDL allocations. */
typedef struct Usage {
    double wall_ms, cpu_ms;
    long sleeps;
    unsigned long allocations;
} Usage;

static Usage usage_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (Usage){
        .wall_ms = now_ms(),
        .cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
                  (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3,
        .sleeps = ru.ru_nvcsw,
        .allocations = bench.allocations,
    };
}

/* A "Name:  N kB" line of /proc/self/status, in MiB (0 when missing). */
static double status_mib(const char *name)
{
    char line[256];
    double kib = 0;
    size_t n = strlen(name);
    FILE *f = fopen("/proc/self/status", "r");
    while (f && fgets(line, sizeof(line), f))
        if (strncmp(line, name, n) == 0 && line[n] == ':')
            kib = atof(line + n + 1);
    if (f)
        fclose(f);
    return kib / 1024.0;
}

static void *count_malloc(size_t n)
{
    bench.allocations++;
    return bench.real_malloc(n);
}

static void *count_calloc(size_t n, size_t size)
{
    bench.allocations++;
    return bench.real_calloc(n, size);
}

static void *count_realloc(void *p, size_t n)
{
    bench.allocations++;
    return bench.real_realloc(p, n);
}

static void count_free(void *p)
{
    bench.real_free(p);
}

/* ---- the different lines of text ---------------------------------------------------- */

/* Adds the list's lines to bench.lines, keyed like the renderer's text cache: font,
 * colour and bytes of each line that draws. */
static void count_lines(const DrawList *list)
{
    for (int i = 0; i < list->count; i++) {
        const DrawCmd *c = &list->cmds[i];
        if (c->kind != DRAW_TEXT || c->alpha == 0 || c->len <= 0)
            continue;
        uint32_t colour = c->colour & 0xFFFFFF;
        size_t len = (size_t)(c->len < RENDER_LINE_BYTES ? c->len : RENDER_LINE_BYTES - 1);
        uint64_t h = hash_bytes(hash_bytes(hash_bytes(HASH_SEED, &c->font, sizeof(c->font)), &colour,
                                           sizeof(colour)), c->text, len);
        h += h == 0;
        size_t slot = h & (LINE_SET - 1);
        while (bench.lines[slot] && bench.lines[slot] != h)
            slot = (slot + 1) & (LINE_SET - 1);
        if (!bench.lines[slot] && bench.line_count < LINE_SET / 2) {
            bench.lines[slot] = h;
            bench.line_count++;
        }
    }
}

/* ---- the wrapped app functions ------------------------------------------------------ */

bool __real_render_frame(Renderer *r, const DrawList *list, uint32_t background);
void __real_shell_frame(Shell *s, long now, bool force);

bool __wrap_render_frame(Renderer *r, const DrawList *list, uint32_t background)
{
    double start = now_ms();
    bool presented = __real_render_frame(r, list, background);
    bench.render_ms += now_ms() - start;
    if (presented) {
        RenderStats st;
        render_stats(r, &st);
        bench.pixels_redrawn += (unsigned long long)st.dirty_pixels;
    }
    return presented;
}

static bool has_pages(Screen screen)
{
    return screen == SCREEN_CONSENT || screen == SCREEN_RESULT || screen == SCREEN_GUIDANCE ||
           screen == SCREEN_CHEMISTRY || screen == SCREEN_PARTNERS || screen == SCREEN_SUPPORT ||
           screen == SCREEN_CALM;
}

/* A name for what the flow shows, like the tour's screenshots. */
static void state_name(const Shell *s, char *out, size_t size)
{
    const Flow *f = &s->flow;
    const char *id = screen_id(f->screen);
    int n;
    if (f->idle)
        n = snprintf(out, size, "the still-there overlay on %s", id);
    else if (f->screen == SCREEN_QUESTION)
        n = snprintf(out, size, "question %d", f->quiz.current + 1);
    else if (f->screen == SCREEN_RESULT)
        n = snprintf(out, size, "result (%s)", f->quiz.scored ? quiz_style_id_or_none(f->quiz.score.style) : "?");
    else if (f->screen == SCREEN_GUIDANCE)
        n = snprintf(out, size, "guidance (%s)", f->style == STYLE_COUNT ? "the styles" : quiz_style_id(f->style));
    else
        n = snprintf(out, size, "%s", id);
    if (n > 0 && (size_t)n < size && !f->idle && has_pages(f->screen) && f->page_count > 1)
        snprintf(out + n, size - (size_t)n, ", page %d of %d", f->page + 1, f->page_count);
}

/* Times one screen of the tour at its size (see full_frames). */
static void survey(Shell *s, long now, double cold)
{
    double full[REPEATS], layout[REPEATS], draw[REPEATS];
    uint32_t background = s->config->colours[COLOUR_BACKGROUND];
    for (int i = 0; i < REPEATS; i++) {
        render_invalidate(&s->render);
        double start = now_ms();
        __real_shell_frame(s, now, true);
        full[i] = now_ms() - start;
        start = now_ms();
        view_layout(&s->view, &s->flow, &s->measure, s->width, s->height, now, &s->list);
        layout[i] = now_ms() - start;
        render_invalidate(&s->render);
        start = now_ms();
        __real_render_frame(&s->render, &s->list, background);
        draw[i] = now_ms() - start;
    }
    double f = median(full, REPEATS);
    char name[96];
    state_name(s, name, sizeof(name));
    if (getenv("BENCH_VERBOSE"))
        printf("    %-44s cold %6.2f ms, full %6.2f ms\n", name, cold, f);
    bench.surveyed++;
    if (f >= FULL_FRAME_TARGET_MS) {
        size_t used = strlen(bench.over_names);
        if (strcmp(name, bench.last_over) != 0) /* a deck's first page is laid out twice */
            snprintf(bench.over_names + used, sizeof(bench.over_names) - used, "%s%s", used ? "; " : "", name);
        snprintf(bench.last_over, sizeof(bench.last_over), "%s", name);
        bench.over_target++;
    }
    if (f > bench.worst_full) {
        bench.worst_full = f;
        bench.worst_layout = median(layout, REPEATS);
        bench.worst_draw = median(draw, REPEATS);
        snprintf(bench.worst_name, sizeof(bench.worst_name), "%s", name);
    }
    if (cold > bench.worst_cold) {
        bench.worst_cold = cold;
        snprintf(bench.worst_cold_name, sizeof(bench.worst_cold_name), "%s", name);
    }
}

/* The tour lays out each screen it visits with shell_frame(…, true). That first call is
 * timed as it is ("cold": layout, plus rasterising the lines not yet cached); then, while
 * surveying, the screen's full frames with the text cache warm. */
void __wrap_shell_frame(Shell *s, long now, bool force)
{
    double start = now_ms();
    __real_shell_frame(s, now, force);
    double cold = now_ms() - start;
    if (bench.counting_lines)
        count_lines(&s->list);
    if (bench.surveying && force)
        survey(s, now, cold);
}

/* ---- running the app ---------------------------------------------------------------- */

/* Opens the headless shell at width x height (0: the config's size), or says why not. */
static bool open_shell(Shell *s, int width, int height)
{
    char error[512];
    if (shell_open(s, &bench.config, &bench.bundle, true, width, height, (long)SDL_GetTicks64(), error,
                   sizeof(error)))
        return true;
    printf("bench: cannot open the app: %s\n", error);
    shell_close(s);
    return false;
}

/* Runs the app's real loop for `ms` of real time: an SDL timer then posts SDL_QUIT. */
static void run_loop(Shell *s, Uint32 ms)
{
    /* The loop is ended as systemd ends it: SIGTERM, which interrupts the loop's wait on
     * the input devices (an SDL timer's event would not: on KMSDRM and dummy the loop blocks
     * in poll(), not in SDL). Headless, SDL turns it into SDL_QUIT; the app on a display
     * reads it from a signalfd instead (shell.c), which the same poll() watches. */
    s->quit = false;
    timer_t timer;
    struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGTERM };
    struct itimerspec when = { .it_value = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L } };
    if (timer_create(CLOCK_MONOTONIC, &ev, &timer) != 0 || timer_settime(timer, 0, &when, NULL) != 0) {
        printf("bench: cannot set a timer: %s\n", strerror(errno));
        return;
    }
    shell_run(s);
    timer_delete(timer);
}

static unsigned long render_calls(const RenderStats *st)
{
    return st->frames_presented + st->frames_skipped;
}

/* Loads the other languages (others[]); says which folders in `where`. */
static bool load_others(char *where, size_t size)
{
    where[0] = '\0';
    for (int i = 0; i < OTHERS; i++) {
        char dir[64];
        snprintf(dir, sizeof(dir), "assets/content/%s", other_codes[i]);
        if (access(dir, F_OK) != 0)
            snprintf(dir, sizeof(dir), "tests/languages/%s", other_codes[i]);
        Diags diags = { 0 };
        bool ok = bundle_load(&others[i], dir, &diags);
        diag_print(&diags, stderr);
        diag_free(&diags);
        if (!ok) {
            printf("bench: cannot load the content in %s\n", dir);
            return false;
        }
        size_t n = strlen(where);
        snprintf(where + n, size - n, "%s%s", n ? ", " : "", dir);
    }
    return true;
}

/* The open shell's kiosk offers English and the others, as content.c does for a config
 * with `languages = en es ar`: each bundle's glyphs checked, the session restarted. */
static void offer_three(Shell *s)
{
    kiosk_add_language(&s->kiosk, &bench.bundle, "en", true);
    for (int i = 0; i < OTHERS; i++) {
        render_glyphs_check(&s->render, &others[i]);
        kiosk_add_language(&s->kiosk, &others[i], other_codes[i], false);
    }
    shell_restart(s, (long)SDL_GetTicks64());
}

/* Runs the whole tour at width x height with its report thrown away (`three`: offering
 * three languages, the tour visits every screen in each). */
static bool tour(Shell *s, int width, int height, bool three)
{
    FILE *null = fopen("/dev/null", "w");
    if (!null || !open_shell(s, width, height)) {
        if (null)
            fclose(null);
        return false;
    }
    if (three)
        offer_three(s);
    int problems = headless_tour(s, NULL, null);
    fclose(null);
    if (problems)
        printf("    (the tour found %d layout problems: see attune --tour --size %dx%d)\n", problems,
               width, height);
    return true;
}

/* ---- the figures -------------------------------------------------------------------- */

/* From before shell_open (SDL, the window, finding and opening the fonts) to the first
 * presented frame of attract. */
static void first_frame(Shell *s, int width, int height)
{
    double start = now_ms();
    if (!open_shell(s, width, height))
        return;
    double opened = now_ms();
    shell_frame(s, (long)SDL_GetTicks64(), true);
    double end = now_ms();
    bool presented = s->stats.frames_presented == 1;
    printf("first frame at %dx%d: %.1f ms (target < %d ms) %s\n", s->width, s->height, end - start,
           FIRST_FRAME_TARGET_MS, verdict(presented && end - start < FIRST_FRAME_TARGET_MS));
    printf("    opening SDL, the window and the fonts %.1f ms, laying out and drawing %.1f ms%s\n",
           opened - start, end - opened, presented ? "" : " (NOT PRESENTED)");
    shell_close(s);
}

/* Home is static and its idle timeout is 90 s away: after its fade-in, nothing may be
 * drawn. Wakeups are the loop's turns (render_frame calls) besides the two every run has:
 * shell_run's first frame and the bench's own SDL_QUIT. */
static void idle_home(Shell *s)
{
    if (!open_shell(s, 0, 0))
        return;
    long now = (long)SDL_GetTicks64();
    flow_action(&s->flow, ACT_BEGIN, 0, now);
    flow_action(&s->flow, ACT_START, 0, now);
    if (s->flow.screen != SCREEN_HOME) {
        printf("bench: Begin and Start did not lead to Home (screen %s)\n", screen_id(s->flow.screen));
        shell_close(s);
        return;
    }
    run_loop(s, FLOW_TRANSITION_MS + SETTLE_MS); /* entering Home: its first frame and fade */
    RenderStats before, after;
    render_stats(&s->render, &before);
    Usage u0 = usage_now();
    run_loop(s, (Uint32)bench.seconds * 1000);
    Usage u1 = usage_now();
    render_stats(&s->render, &after);

    unsigned long frames = after.frames_presented - before.frames_presented;
    long wakeups = (long)(render_calls(&after) - render_calls(&before)) - 2;
    double wall = u1.wall_ms - u0.wall_ms;
    printf("frames drawn in %d s idle on Home: %lu (target 0) %s\n", bench.seconds, frames,
           verdict(frames == 0));
    printf("    entering Home drew %lu frames (the first, then the %d ms fade-in), not counted\n",
           before.frames_presented, FLOW_TRANSITION_MS);
    printf("    loop wakeups: %ld; CPU %.2f%% of one core; the process went to sleep %ld times "
           "(%.0f a second)\n", wakeups, 100.0 * (u1.cpu_ms - u0.cpu_ms) / wall, u1.sleeps - u0.sleeps,
           (double)(u1.sleeps - u0.sleeps) * 1000.0 / wall);
    shell_close(s);
}

/* Attract animates at 20 frames a second: CPU over the run, how many frames, how much of
 * the screen each redrew, and how often SDL allocated. */
static void attract(Shell *s, int width, int height)
{
    if (!open_shell(s, width, height))
        return;
    run_loop(s, SETTLE_MS); /* the first, full frame and the window's first events */
    RenderStats before, after;
    render_stats(&s->render, &before);
    bench.pixels_redrawn = 0;
    bench.render_ms = 0;
    Usage u0 = usage_now();
    run_loop(s, (Uint32)bench.seconds * 1000);
    Usage u1 = usage_now();
    render_stats(&s->render, &after);

    double wall = u1.wall_ms - u0.wall_ms;
    unsigned long frames = after.frames_presented - before.frames_presented;
    unsigned long misses = after.text_misses - before.text_misses;
    double per_frame = frames ? (double)bench.pixels_redrawn / (double)frames : 0;
    printf("CPU on the attract screen over %d s at %dx%d: %.1f%% of one core (no target; reported)\n",
           bench.seconds, s->width, s->height, 100.0 * (u1.cpu_ms - u0.cpu_ms) / wall);
    printf("    %lu frames (%.1f a second), %.0f pixels redrawn a frame on average (%.1f%% of the "
           "screen), %.2f ms a frame in render_frame\n", frames, (double)frames * 1000.0 / wall,
           per_frame, 100.0 * per_frame / ((double)s->width * s->height),
           frames ? bench.render_ms / (double)frames : 0.0);
    printf("    SDL allocations: %lu (%.0f a frame); lines rasterised: %lu; the process went to "
           "sleep %.0f times a second\n", u1.allocations - u0.allocations,
           frames ? (double)(u1.allocations - u0.allocations) / (double)frames : 0.0, misses,
           (double)(u1.sleeps - u0.sleeps) * 1000.0 / wall);
    shell_close(s);
}

static void text_cache(Shell *s)
{
    bench.counting_lines = true;
    bool ran = tour(s, 800, 480, false);
    bench.counting_lines = false;
    if (!ran)
        return;
    RenderStats st;
    render_stats(&s->render, &st);
    double lookups = (double)(st.text_hits + st.text_misses);
    printf("text cache hit rate over the tour at 800x480: %.1f%% (%lu hits, %lu misses) (no target; "
           "reported)\n", lookups > 0 ? 100.0 * (double)st.text_hits / lookups : 0.0, st.text_hits,
           st.text_misses);
    printf("    the tour shows %d different lines, mostly once each: no cache could do better than "
           "%.1f%%; %d lines (%.1f MiB) cached at the end\n", bench.line_count,
           lookups > 0 ? 100.0 * (lookups - bench.line_count) / lookups : 0.0, st.text_entries,
           (double)st.text_bytes / (1024.0 * 1024.0));
    shell_close(s);
}

/* First frame and peak memory of a kiosk offering three languages, beside the figures
 * above for one: what a language costs. */
static void languages(Shell *s)
{
    char where[256];
    double before = status_mib("VmRSS"), start = now_ms();
    if (!load_others(where, sizeof(where)))
        return;
    double loaded = now_ms() - start, grown = status_mib("VmRSS") - before;
    start = now_ms();
    if (!open_shell(s, 0, 0))
        return;
    double opened = now_ms();
    offer_three(s);
    double offered = now_ms();
    shell_frame(s, (long)SDL_GetTicks64(), true);
    double end = now_ms();
    printf("first frame at %dx%d with three languages loaded: %.1f ms (target < %d ms) %s\n", s->width,
           s->height, end - start, FIRST_FRAME_TARGET_MS,
           verdict(s->stats.frames_presented == 1 && end - start < FIRST_FRAME_TARGET_MS));
    printf("    opening %.1f ms, checking the two more bundles' glyphs %.1f ms, laying out and "
           "drawing %.1f ms; beside one language (first frame, above)\n", opened - start,
           offered - opened, end - offered);
    printf("    the two more bundles (%s) were loaded before it in %.1f ms, %.1f MiB resident\n",
           where, loaded, grown);
    shell_close(s);
    if (!tour(s, 1920, 1080, true))
        return;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double peak = (double)ru.ru_maxrss / 1024.0;
    RenderStats st;
    render_stats(&s->render, &st);
    printf("peak resident memory over a full tour of three languages at 1920x1080: %.1f MiB (target "
           "< %d MiB) %s\n", peak, PEAK_TARGET_MIB, verdict(peak < PEAK_TARGET_MIB));
    printf("    beside one language (peak resident memory, above); text textures %.1f MiB (%d lines) "
           "at the end\n", (double)st.text_bytes / (1024.0 * 1024.0), st.text_entries);
    shell_close(s);
    for (int i = 0; i < OTHERS; i++)
        bundle_free(&others[i]);
}

static void peak_memory(Shell *s)
{
    double at_start = status_mib("VmRSS");
    if (!tour(s, 1920, 1080, false))
        return;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double peak = (double)ru.ru_maxrss / 1024.0;
    RenderStats st;
    render_stats(&s->render, &st);
    double frame = 4.0 * s->width * s->height / (1024.0 * 1024.0);
    printf("peak resident memory over a full tour at 1920x1080: %.1f MiB (target < %d MiB) %s\n", peak,
           PEAK_TARGET_MIB, verdict(peak < PEAK_TARGET_MIB));
    printf("    resident before opening (libraries, config, bundle) %.1f MiB; after the tour %.1f MiB: "
           "%.1f MiB mapped from files (libraries, fonts, fontconfig's caches), %.1f MiB anonymous\n",
           at_start, status_mib("VmRSS"), status_mib("RssFile"), status_mib("RssAnon"));
    printf("    of which text textures %.1f MiB (%d lines), the frame texture %.1f MiB, the software "
           "renderer's window surface %.1f MiB\n", (double)st.text_bytes / (1024.0 * 1024.0),
           st.text_entries, (double)st.frame_bytes / (1024.0 * 1024.0), frame);
    shell_close(s);
}

/* A screen change: Home to the chemistry, whose first page fades in for
 * FLOW_TRANSITION_MS, every frame redrawn in full. Frames every FADE_STEP_MS of the flow's
 * clock, each timed in real time; each must fit in a display frame to keep its rate. */
static void screen_change(Shell *s)
{
    long now = 1000000;
    flow_init(&s->flow, s->bundle, s->config, &s->kiosk, now);
    flow_action(&s->flow, ACT_BEGIN, 0, now);
    flow_action(&s->flow, ACT_START, 0, now);
    now += 1000;
    shell_frame(s, now, true); /* Home, settled */
    flow_action(&s->flow, ACT_OPEN, SCREEN_CHEMISTRY, now);
    double worst = 0, total = 0;
    int frames = 0;
    do {
        double start = now_ms();
        shell_frame(s, now, false);
        double took = now_ms() - start;
        total += took;
        worst = took > worst ? took : worst;
        frames++;
        now += FADE_STEP_MS;
    } while (s->list.animating && frames < 100);
    printf("a screen change at 1920x1080 (Home to chemistry, fading in): worst frame %.1f ms (target < "
           "%d ms, one display frame) %s\n", worst, FADE_STEP_MS, verdict(worst < FADE_STEP_MS));
    printf("    %d frames %d ms apart, %.1f ms a frame on average; the first also rasterises the "
           "page's lines\n", frames, FADE_STEP_MS, total / frames);
}

static void full_frames(Shell *s)
{
    bench.surveying = true;
    bool ran = tour(s, 1920, 1080, false);
    bench.surveying = false;
    if (!ran)
        return;
    printf("full frame of the busiest screen at 1920x1080: %.1f ms (target < %d ms) %s (%s)\n",
           bench.worst_full, FULL_FRAME_TARGET_MS, verdict(bench.worst_full < FULL_FRAME_TARGET_MS),
           bench.worst_name);
    printf("    layout %.1f ms, drawing every cell and presenting %.1f ms; text cache warm, median of "
           "%d; %d of %d tour screens at %d ms or more%s%s\n", bench.worst_layout, bench.worst_draw,
           REPEATS, bench.over_target, bench.surveyed, FULL_FRAME_TARGET_MS,
           bench.over_target ? ": " : "", bench.over_names);
    printf("    cold (a screen's first frame, rasterising its new lines): worst %.1f ms (%s)\n",
           bench.worst_cold, bench.worst_cold_name);
    screen_change(s);
    shell_close(s);
}

/* ---- main --------------------------------------------------------------------------- */

/* Runs one measurement in a fresh child process and waits for it. */
static void in_child(void (*measure)(Shell *))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        measure(&bench.shell);
        fflush(stdout);
        _exit(0);
    }
    if (pid < 0) {
        printf("bench: cannot start a measurement: %s\n", strerror(errno));
        return;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        printf("bench: MISS: that measurement crashed (wait status %d)\n", status);
}

static void first_frame_small(Shell *s) { first_frame(s, 0, 0); }
static void first_frame_large(Shell *s) { first_frame(s, 1920, 1080); }
static void attract_small(Shell *s) { attract(s, 0, 0); }
static void attract_large(Shell *s) { attract(s, 1920, 1080); }

/* The figures, in the order they are printed; a name picks one (for profiling). */
static const struct {
    const char *name;
    void (*measure)(Shell *);
} figures[] = {
    { "first-frame", first_frame_small }, { "first-frame-large", first_frame_large },
    { "idle", idle_home }, { "attract", attract_small }, { "attract-large", attract_large },
    { "cache", text_cache }, { "memory", peak_memory }, { "languages", languages },
    { "full-frame", full_frames },
};

int main(int argc, char **argv)
{
    bench.seconds = argc > 1 ? atoi(argv[1]) : 10;
    if (bench.seconds <= 0)
        bench.seconds = 10;
    const char *only = argc > 2 ? argv[2] : NULL;
    text_init(); /* as main() does */
    SDL_GetMemoryFunctions(&bench.real_malloc, &bench.real_calloc, &bench.real_realloc, &bench.real_free);
    SDL_SetMemoryFunctions(count_malloc, count_calloc, count_realloc, count_free);

    double start = now_ms();
    config_defaults(&bench.config);
    if (!bundle_load(&bench.bundle, BUNDLE_DIR, &bench.diags)) {
        diag_print(&bench.diags, stderr);
        fprintf(stderr, "bench: cannot load the content in %s (run it from the repository)\n", BUNDLE_DIR);
        return 1;
    }
    double loaded = now_ms() - start, load[1] = { 0 };
    if (getloadavg(load, 1) < 1)
        load[0] = -1;
    printf("bench: SDL %d.%d dummy video driver, software renderer, real time; %ld cores, load "
           "average %.2f; built-in config (%dx%d); content %s loaded in %.1f ms\n", SDL_MAJOR_VERSION,
           SDL_MINOR_VERSION, sysconf(_SC_NPROCESSORS_ONLN), load[0], bench.config.width,
           bench.config.height, BUNDLE_DIR, loaded);

    for (size_t i = 0; i < sizeof(figures) / sizeof(figures[0]); i++)
        if (!only || strcmp(only, figures[i].name) == 0)
            in_child(figures[i].measure);

    bundle_free(&bench.bundle);
    config_free(&bench.config);
    diag_free(&bench.diags);
    return 0;
}
