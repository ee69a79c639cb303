/* main.c — Attune starts here: read the options, load the config and the content
 * bundle, then run what was asked.
 *
 *   attune [--config FILE] [--bundle DIR]              the app, in a window or fullscreen
 *   attune --check [--all-sizes] [--config FILE] [--bundle DIR]   validate, lay out; exit 0 = no error
 *   attune --score A,B,C,… [--bundle DIR]              score one answer set, one line
 *   attune --headless --size WxH --script FILE [--shots DIR]   the app driven by a script
 *   attune --headless --soak N [--seed S] [--size WxH]  N random events, invariants checked
 *   attune --tour --size WxH [--shots DIR]             every screen, checked
 *   attune --help | --version
 *
 * The App (app/app.h) is what main() loaded, handed to whatever runs; app/content.c gives
 * it its content's life: finding and loading the bundle and the config, their last good
 * copies, the shell opened on them and its hooks (a reload, the tally's saves).
 *
 * The layers, to read next (docs/design.md draws them): app/core/ (no SDL: the config,
 * the bundle, the quiz, then flow.c, the screen state machine), app/view/ (no SDL: view.c
 * lays screens out as draw lists; check.c judges them), app/render/ (draw lists onto the
 * screen with SDL), app/shell/ (SDL events into the flow, frames out), app/drive/ (scripts,
 * the tour and the soak, without a person), and platform/ (what differs on a Pi).
 * docs/design.md has the command-line contract. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "view/check.h"
#include "view/text.h"
#include "core/quiz.h"
#include "drive/script.h"
#include "drive/headless.h"
#include "render/rotate.h"
#include "shell/shell.h"

#ifndef ATTUNE_VERSION
#define ATTUNE_VERSION "0.1.0"
#endif

static void usage(FILE *out)
{
    fputs("usage: attune [--config FILE] [--bundle DIR]\n"
          "       attune --check [--all-sizes] [--config FILE] [--bundle DIR]\n"
          "       attune --score A,B,C,... [--bundle DIR]\n"
          "       attune --headless --size WxH --script FILE [--shots DIR] [--config FILE] [--bundle DIR]\n"
          "       attune --headless --soak N [--seed S] [--size WxH] [--config FILE] [--bundle DIR]\n"
          "       attune --tour --size WxH [--large-text] [--shots DIR] [--config FILE] [--bundle DIR]\n"
          "       attune --help | --version\n"
          "\n"
          "  --config FILE   kiosk settings (config/desktop.ini); default: built-in settings\n"
          "  --bundle DIR    a language folder (assets/content/en: it has screens.ini) or the\n"
          "                  folder of languages (assets/content); says which it found;\n"
          "                  default: the config's [content] bundle, else the installed content\n"
          "  --check         check the config and the bundle; prints file:line: error|warning\n"
          "                  lines and a summary; exit 0 only when there is no error; lays\n"
          "                  every screen out at the config's display size and rotation and\n"
          "                  warns of what does not fit\n"
          "  --all-sizes     with --check: lay out at the tour's six sizes instead (800x480,\n"
          "                  1024x600, 1280x800, 1920x1080, 720x1280, 1080x1920)\n"
          "  --score LIST    one answer per quiz item, in quiz order (1 to the scale's points,\n"
          "                  - for a skipped statement); prints: anxiety=M avoidance=M style=ID\n"
          "                  (M is - and ID none when a dimension has under half its answers)\n"
          "  --headless      run without a display, driven by --script FILE (one command a line,\n"
          "                  listed below); exit 1 at the first failed expect\n"
          "  --soak N        with --headless: N random events (taps, swipes, keys, idle gaps,\n"
          "                  resizes, display resets), checking the screen, its layout and that\n"
          "                  attract holds no answer after each; prints the figures; exit 1 at\n"
          "                  the first broken check, with the event and seed to replay it\n"
          "  --seed S        the soak's random seed (default 1)\n"
          "  --tour          visit every screen and page at --size, check the layout (text that\n"
          "                  overflows, small or overlapping targets, small text, contrast);\n"
          "                  last line: tour: N screens, M problems; exit 1 when M > 0\n"
          "  --large-text    with --tour: every screen in larger text (as after \"Aa\"), named\n"
          "                  large-…, and how tall a capital H is then (mm, degrees of view)\n"
          "  --size WxH      the screen size for --headless and --tour, like 800x480\n"
          "  --shots DIR     save screenshots (PNG) in DIR\n"
          "\n"
          "  STATE_DIRECTORY (set by systemd's StateDirectory=): a folder where the app keeps the\n"
          "                  last content and config that passed the check (last-good/); a kiosk\n"
          "                  started with errors runs them; unset: nothing is kept\n"
          "\n"
          "script commands (--headless --script FILE):\n",
          out);
    script_print_commands(out, "  ");
}

/* The options, as a table: what each takes and where it goes. */
typedef enum OptKind {
    OPT_MODE,     /* chooses what runs (--check, --tour, …) */
    OPT_TEXT,     /* a value kept as given: a file, a folder, the answers */
    OPT_SIZE,     /* WIDTHxHEIGHT */
    OPT_NUMBER,   /* a whole number, at least `least` */
    OPT_FLAG,     /* no value: sets a bool in Options */
} OptKind;

typedef struct OptSpec {
    const char *name;
    OptKind kind;
    Mode mode;          /* OPT_MODE, and --score: the mode it chooses (MODE_RUN: none) */
    size_t field;       /* OPT_TEXT: a const char * in Options; OPT_NUMBER: a long; OPT_FLAG: a bool */
    long least;         /* OPT_NUMBER */
    const char *wrong;  /* said when the value is missing (OPT_NUMBER: or not a number) */
} OptSpec;

static const OptSpec option_specs[] = {
    { "--config", OPT_TEXT, MODE_RUN, offsetof(Options, config), 0, "--config needs a value" },
    { "--bundle", OPT_TEXT, MODE_RUN, offsetof(Options, bundle), 0, "--bundle needs a value" },
    { "--score", OPT_TEXT, MODE_SCORE, offsetof(Options, answers), 0,
      "--score needs the answers, like --score 1,4,7,2" },
    { "--script", OPT_TEXT, MODE_RUN, offsetof(Options, script), 0, "--script needs a value" },
    { "--shots", OPT_TEXT, MODE_RUN, offsetof(Options, shots), 0, "--shots needs a value" },
    { "--size", OPT_SIZE, MODE_RUN, 0, 0, "--size needs a value" },
    { "--soak", OPT_NUMBER, MODE_RUN, offsetof(Options, soak), 1,
      "--soak takes a whole number of events, like --soak 100000" },
    { "--seed", OPT_NUMBER, MODE_RUN, offsetof(Options, seed), 0, "--seed takes a whole number, like --seed 42" },
    { "--all-sizes", OPT_FLAG, MODE_RUN, offsetof(Options, all_sizes), 0, NULL },
    { "--large-text", OPT_FLAG, MODE_RUN, offsetof(Options, large_text), 0, NULL },
    { "--headless", OPT_MODE, MODE_HEADLESS, 0, 0, NULL },
    { "--tour", OPT_MODE, MODE_TOUR, 0, 0, NULL },
    { "--check", OPT_MODE, MODE_CHECK, 0, 0, NULL },
    { "--help", OPT_MODE, MODE_HELP, 0, 0, NULL },
    { "-h", OPT_MODE, MODE_HELP, 0, 0, NULL },
    { "--version", OPT_MODE, MODE_VERSION, 0, 0, NULL },
};

static const OptSpec *option_spec(const char *name)
{
    for (size_t i = 0; i < sizeof(option_specs) / sizeof(option_specs[0]); i++)
        if (strcmp(option_specs[i].name, name) == 0)
            return &option_specs[i];
    return NULL;
}

/* Takes the value `v` (NULL: none was given) of option `spec`; false after saying why. */
static bool option_value(const OptSpec *spec, const char *v, Options *o)
{
    if (spec->kind == OPT_NUMBER) {
        char *end = NULL;
        errno = 0;
        long n = v ? strtol(v, &end, 10) : -1;
        if (!v || errno || end == v || *end || n < spec->least) {
            fprintf(stderr, "attune: %s\n", spec->wrong);
            return false;
        }
        *(long *)((char *)o + spec->field) = n;
        return true;
    }
    if (!v) {
        fprintf(stderr, "attune: %s\n", spec->wrong);
        return false;
    }
    if (spec->kind == OPT_TEXT) {
        *(const char **)((char *)o + spec->field) = v;
    } else if (sscanf(v, "%dx%d", &o->width, &o->height) != 2 || o->width < 240 ||
               o->height < 240 || o->width > 7680 || o->height > 7680) {
        fprintf(stderr, "attune: --size takes WIDTHxHEIGHT in pixels, like 800x480 "
                "(240 to 7680 each), not '%s'\n", v);
        return false;
    }
    return true;
}

/* What the options ask for, together: returns 0, or EXIT_USAGE after saying what is wrong. */
static int options_agree(Options *o)
{
    if (o->mode == MODE_HEADLESS && o->soak && o->width == 0) {
        o->width = 800; /* the soak's default size */
        o->height = 480;
    }
    if ((o->mode == MODE_HEADLESS || o->mode == MODE_TOUR) && o->width == 0) {
        fprintf(stderr, "attune: %s needs --size WxH, like --size 800x480\n",
                o->mode == MODE_TOUR ? "--tour" : "--headless");
        return EXIT_USAGE;
    }
    if (o->all_sizes && o->mode != MODE_CHECK) {
        fprintf(stderr, "attune: --all-sizes goes with --check\n");
        return EXIT_USAGE;
    }
    if (o->large_text && o->mode != MODE_TOUR) {
        fprintf(stderr, "attune: --large-text goes with --tour\n");
        return EXIT_USAGE;
    }
    if ((o->soak || o->seed >= 0) && o->mode != MODE_HEADLESS) {
        fprintf(stderr, "attune: --soak and --seed go with --headless\n");
        return EXIT_USAGE;
    }
    if (o->mode == MODE_HEADLESS && !o->script == !o->soak) {
        fprintf(stderr, "attune: --headless needs --script FILE or --soak N (one of them)\n");
        return EXIT_USAGE;
    }
    if (o->seed < 0)
        o->seed = 1; /* the default seed */
    return 0;
}

/* Returns 0, or EXIT_USAGE after saying what is wrong. */
static int parse_options(int argc, char **argv, Options *o)
{
    *o = (Options){ .mode = MODE_RUN, .seed = -1 };
    bool mode_set = false;
    for (int i = 1; i < argc; i++) {
        const OptSpec *spec = option_spec(argv[i]);
        if (!spec) {
            fprintf(stderr, "attune: unknown option '%s' (see attune --help)\n", argv[i]);
            return EXIT_USAGE;
        }
        bool takes_value = spec->kind != OPT_MODE && spec->kind != OPT_FLAG;
        if (takes_value && !option_value(spec, i + 1 < argc ? argv[i + 1] : NULL, o))
            return EXIT_USAGE;
        if (spec->kind == OPT_FLAG)
            *(bool *)((char *)o + spec->field) = true;
        if (takes_value)
            i++;
        if (spec->mode == MODE_RUN)
            continue;
        if (mode_set && o->mode != spec->mode) {
            fprintf(stderr, "attune: choose one of --check, --score, --headless, --tour, --help, --version\n");
            return EXIT_USAGE;
        }
        o->mode = spec->mode;
        mode_set = true;
    }
    return options_agree(o);
}

/* The sizes the tour visits (tests/tour.sh): `--check --all-sizes` lays out at each. */
static const int check_sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 800 },
                                      { 1920, 1080 }, { 720, 1280 }, { 1080, 1920 } };

/* Lays every screen out at `width` x `height` (headless) and reports what does not fit or
 * cannot be read, as warnings (at most 20; then how many more): the same checks as
 * --tour. Returns how many, or -1 when it could not lay out at all. */
static int check_layout_at(App *app, int width, int height)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    app->options.width = width;
    app->options.height = height;
    if (!out || !content_open_shell(app, true, false, 0)) {
        if (out)
            fclose(out);
        free(text);
        return -1;
    }
    headless_tour(&app->shell, NULL, false, out);
    shell_close(&app->shell);
    fclose(out);
    int found = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (strncmp(line, "problem: ", 9) == 0 && found++ < 20)
            printf("attune: warning: at %dx%d, %s\n", width, height, line + 9);
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    if (found > 20)
        printf("attune: warning: %d more layout problems: attune --tour --size %dx%d lists them all\n",
               found - 20, width, height);
    return found;
}

/* Checks the theme, then lays the bundle out as a patron will see it: at the config's
 * panel size turned by its rotation (a panel of 800x480 turned 90 degrees is 480x800),
 * or, with --all-sizes, at each of the tour's sizes. Returns how many warnings. */
static int check_layout(App *app)
{
    int found = 0;
    CheckReport theme = { 0 };
    check_theme(&app->config, &theme);
    for (int i = 0; i < theme.count; i++, found++)
        printf("%s:1: warning: %s\n", app->options.config ? app->options.config : "config", theme.lines[i]);
    int sizes = app->options.all_sizes ? (int)(sizeof(check_sizes) / sizeof(check_sizes[0])) : 1;
    for (int i = 0; i < sizes; i++) {
        int w = check_sizes[i][0], h = check_sizes[i][1];
        if (!app->options.all_sizes)
            rotate_logical_size(app->config.rotation, app->config.width, app->config.height, &w, &h);
        int n = check_layout_at(app, w, h);
        if (n < 0) {
            printf("attune: warning: the layout was not checked (no display or font; see above)\n");
            return found + 1;
        }
        found += n;
    }
    return found;
}

static int run_check(App *app)
{
    bool ok = content_load_all(app);
    diag_print(&app->diags, stdout);
    int warnings = app->diags.warnings;
    if (ok)
        warnings += check_layout(app);
    int files = app->bundle.file_count; /* and the other languages' (content.c) */
    for (int i = 0; i < CONFIG_MAX_LANGUAGES; i++)
        files += app->others[i].file_count;
    bool several = app->config.language_count > 1;
    printf("attune: checked %s%s%s%s%s (%d files): %d error%s, %d warning%s\n",
           app->options.config ? app->options.config : "", app->options.config ? " and " : "",
           app->bundle_dir, several ? " with the languages " : "", several ? app->config.languages : "",
           files, app->diags.errors,
           app->diags.errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    return ok ? 0 : EXIT_PROBLEMS;
}

/* Parses "1,4,7" into answers ("-" is a skipped statement); says what is wrong and
 * returns false otherwise. */
static bool parse_answers(const char *list, const Quiz *quiz, unsigned char *answers)
{
    int count = 0;
    const char *p = list;
    for (;;) {
        const char *start = p;
        long v = 0;
        bool skipped = *p == '-' && (p[1] == ',' || p[1] == '\0');
        if (skipped)
            p++;
        while (!skipped && *p >= '0' && *p <= '9' && v < 1000)
            v = v * 10 + (*p++ - '0');
        if (p == start || (*p != ',' && *p != '\0')) {
            fprintf(stderr, "attune: --score: answer %d is not a whole number; write the "
                    "answers as numbers from 1 to %d separated by commas, like 1,4,7 "
                    "(- for a skipped statement)\n",
                    count + 1, quiz->points);
            return false;
        }
        if (skipped)
            v = QUIZ_SKIPPED;
        else if (v < 1 || v > quiz->points) {
            fprintf(stderr, "attune: --score: answer %d is %ld, outside the scale of 1 to %d\n",
                    count + 1, v, quiz->points);
            return false;
        }
        if (count < QUIZ_MAX_ITEMS)
            answers[count] = (unsigned char)v;
        count++;
        if (*p == '\0')
            break;
        p++;
    }
    if (count != quiz->item_count) {
        fprintf(stderr, "attune: --score: %d answer%s given, but the quiz has %d items "
                "(one answer per item, in quiz order)\n", count, count == 1 ? "" : "s",
                quiz->item_count);
        return false;
    }
    return true;
}

static int run_score(App *app)
{
    if (!content_load_all(app)) {
        diag_print(&app->diags, stderr);
        fprintf(stderr, "attune: --score: the bundle has errors (see above)\n");
        return EXIT_PROBLEMS;
    }
    QuizSession session;
    quiz_session_start(&session, &app->bundle.quiz);
    int status = EXIT_USAGE;
    if (parse_answers(app->options.answers, &app->bundle.quiz, session.answers)) {
        QuizScore s;
        if (quiz_score(&app->bundle.quiz, session.answers, &s)) {
            for (int d = 0; d < DIM_COUNT; d++) {
                if (s.placed[d])
                    printf("%s=%d.%02d ", quiz_dimension_id((Dimension)d), s.hundredths[d] / 100,
                           s.hundredths[d] % 100);
                else
                    printf("%s=- ", quiz_dimension_id((Dimension)d)); /* too few answers */
            }
            printf("style=%s\n", quiz_style_id_or_none(s.style));
            status = 0;
        }
    }
    quiz_session_wipe(&session);
    return status;
}

/* Makes the screenshot folder and any missing parents (like mkdir -p). */
static bool shots_folder(const char *dir)
{
    if (!dir || content_is_dir(dir))
        return true;
    char path[PATH_MAX];
    content_set_path(path, sizeof(path), dir);
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char keep = *p;
        *p = '\0';
        if (!content_is_dir(path) && mkdir(path, 0755) != 0) {
            fprintf(stderr, "attune: cannot make the folder %s: %s\n", path, strerror(errno));
            return false;
        }
        *p = keep;
        if (keep == '\0')
            return true;
    }
}

static int run_app(App *app)
{
    bool unavailable;
    if (!content_load_for_screens(app, &unavailable) ||
        !content_open_shell(app, false, unavailable, (long)SDL_GetTicks64()))
        return EXIT_PROBLEMS;
    int status = shell_run(&app->shell);
    shell_close(&app->shell);
    return status;
}

static int run_soak(App *app)
{
    bool unavailable;
    if (!content_load_for_screens(app, &unavailable) || !content_open_shell(app, true, unavailable, 0))
        return EXIT_PROBLEMS;
    int status = headless_soak(&app->shell, app->options.soak, (unsigned long)app->options.seed, stdout);
    shell_close(&app->shell);
    return status;
}

static int run_headless(App *app)
{
    if (app->options.soak)
        return run_soak(app);
    Script script;
    Diags script_diags = { 0 };
    if (!script_load(&script, app->options.script, &script_diags)) {
        diag_print(&script_diags, stderr);
        script_free(&script);
        diag_free(&script_diags);
        return EXIT_USAGE;
    }
    diag_free(&script_diags);
    int status = EXIT_PROBLEMS;
    bool unavailable;
    if (shots_folder(app->options.shots) && content_load_for_screens(app, &unavailable) &&
        content_open_shell(app, true, unavailable, 0)) {
        status = headless_script(&app->shell, &script, app->options.shots, stderr);
        shell_close(&app->shell);
    }
    script_free(&script);
    return status;
}

static int run_tour(App *app)
{
    bool unavailable;
    if (!shots_folder(app->options.shots) || !content_load_for_screens(app, &unavailable))
        return EXIT_PROBLEMS;
    if (unavailable) { /* the tour checks content: a kiosk's stand-in screen is not enough */
        fprintf(stderr, "attune: --tour: the content has errors (see above)\n");
        return EXIT_PROBLEMS;
    }
    if (!content_open_shell(app, true, false, 0))
        return EXIT_PROBLEMS;
    CheckReport theme = { 0 };
    int problems = check_theme(&app->config, &theme);
    for (int i = 0; i < theme.count; i++)
        printf("problem: theme: %s\n", theme.lines[i]);
    if (problems == 0)
        problems = headless_tour(&app->shell, app->options.shots, app->options.large_text, stdout);
    else
        printf("tour: 0 screens, %d problems\n", problems);
    shell_close(&app->shell);
    return problems > 0 ? EXIT_PROBLEMS : 0;
}

int main(int argc, char **argv)
{
    App app = { 0 };
    text_init();
    signal(SIGXFSZ, SIG_IGN); /* a file size limit fails a save (EFBIG), never ends the app */
    int status = parse_options(argc, argv, &app.options);
    if (status != 0)
        return status;
    char note[256]; /* no core dump of a session; its memory out of swap (platform.h) */
    plat_no_core();
    if (!plat_private_memory(&app.shell, sizeof(app.shell), note, sizeof(note)) && app.options.mode == MODE_RUN)
        fprintf(stderr, "attune: note: %s\n", note);
    switch (app.options.mode) {
    case MODE_HELP:
        usage(stdout);
        break;
    case MODE_VERSION:
        printf("attune %s\n", ATTUNE_VERSION);
        break;
    case MODE_CHECK:
        status = run_check(&app);
        break;
    case MODE_SCORE:
        status = run_score(&app);
        break;
    case MODE_RUN:
        status = run_app(&app);
        break;
    case MODE_HEADLESS:
        status = run_headless(&app);
        break;
    case MODE_TOUR:
        status = run_tour(&app);
        break;
    }
    bundle_free(&app.bundle);
    content_free_languages(&app);
    if (app.has_held)
        bundle_free(&app.held);
    config_free(&app.config);
    diag_free(&app.diags);
    return status;
}
