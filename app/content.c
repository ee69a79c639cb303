/* content.c — the content's life in the app: where the bundle is, loading it and the
 * config, the last good copy of each (core/lastgood.h: kept when they pass the check, run
 * by a kiosk when they do not), what the staff menu says of their errors, the shell
 * opened on them, and the hooks the shell calls back: a reload (checked at once, swapped
 * in where no patron is), the tally's save and the staff PIN lock's. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "core/lastgood.h"
#include "core/suggest.h"
#include "core/tally.h"

#ifndef ATTUNE_DATADIR
#define ATTUNE_DATADIR "/usr/local/share/attune"
#endif

bool content_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Copies a path, cut to fit (paths over PATH_MAX fail to open and are reported then). */
void content_set_path(char *out, size_t size, const char *path)
{
    size_t n = strlen(path);
    if (n >= size)
        n = size - 1;
    memcpy(out, path, n);
    out[n] = '\0';
}

/* Says one line of what was found at start: in --check's output, and in the journal of
 * the running app (never in --score's one line, the tour's or a script's output). */
static void note(const App *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(const App *app, const char *fmt, ...)
{
    Mode mode = app->options.mode;
    if (mode != MODE_CHECK && mode != MODE_RUN)
        return;
    FILE *out = mode == MODE_CHECK ? stdout : stderr;
    va_list ap;
    va_start(ap, fmt);
    fputs("attune: ", out);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    va_end(ap);
}

/* The folder `path` is in ("." for a bare name). */
static void parent_folder(char *out, size_t size, const char *path)
{
    content_set_path(out, size, path);
    size_t n = strlen(out);
    while (n > 1 && out[n - 1] == '/')
        out[--n] = '\0';
    char *slash = strrchr(out, '/');
    if (slash && slash > out)
        *slash = '\0';
    else
        content_set_path(out, size, slash ? "/" : ".");
}

/* Whether `dir` holds `name` (a file or anything in its place: the loader judges it). */
static bool holds(const char *dir, const char *name)
{
    char path[PATH_MAX + 128];
    int n = snprintf(path, sizeof(path), "%s/%s", dir, name);
    return n > 0 && (size_t)n < sizeof(path) && access(path, F_OK) == 0;
}

/* A bundle named by --bundle or [content] bundle: a language folder (it has screens.ini;
 * the other languages are beside it) or the folder of languages (it has LANG/screens.ini).
 * Sets bundle_dir and content_root and says which it found; neither is an error naming
 * what was looked for, where. */
static bool take_bundle(App *app, const char *dir, const char *lang, bool option)
{
    char in_lang[96];
    snprintf(in_lang, sizeof(in_lang), "%.64s/screens.ini", lang);
    const char *what = option ? "--bundle" : "[content] bundle";
    if (holds(dir, "screens.ini")) {
        content_set_path(app->bundle_dir, sizeof(app->bundle_dir), dir);
        parent_folder(app->content_root, sizeof(app->content_root), dir);
        note(app, "%s %s is a language folder (it has screens.ini)", what, dir);
        return true;
    }
    snprintf(app->bundle_dir, sizeof(app->bundle_dir), "%s/%s", dir, lang);
    content_set_path(app->content_root, sizeof(app->content_root), dir);
    if (content_is_dir(app->bundle_dir) && holds(dir, in_lang)) {
        note(app, "%s %s is a folder of languages (the default, %s, is %s)", what, dir, lang, app->bundle_dir);
        return true;
    }
    const char *at = option ? dir : app->config.bundle_at.path ? app->config.bundle_at.path : app->config.path;
    int line = option ? 0 : app->config.bundle_at.path ? app->config.bundle_at.line : 1;
    diag_add(&app->diags, at ? at : dir, line, DIAG_ERROR, "%s%s: %s is neither a language folder (no "
             "screens.ini in it) nor a folder of languages (no %s in it); name either, like "
             "assets/content/en or assets/content", option ? "" : "[content] ", option ? "--bundle" : "bundle",
             dir, in_lang);
    return false;
}

/* Where the bundle is: --bundle, else the config's, else next to the program (a build
 * tree or an install prefix), else the compiled-in data folder; then the owner's content
 * of that language ([kiosk] overrides: content/LANG) in its place, unless --bundle.
 * False when the folder named is no bundle (said in app->diags). */
static bool find_bundle(App *app)
{
    const char *lang = app->config.language[0] ? app->config.language : "en";
    char *out = app->bundle_dir;
    size_t size = sizeof(app->bundle_dir);
    const char *given = app->options.bundle ? app->options.bundle : app->config.bundle;
    bool found = true;
    if (given[0]) {
        found = take_bundle(app, given, lang, app->options.bundle != NULL);
        if (app->options.bundle && app->config.bundle[0]) { /* the others stay the config's */
            if (holds(app->config.bundle, "screens.ini"))
                parent_folder(app->content_root, sizeof(app->content_root), app->config.bundle);
            else
                content_set_path(app->content_root, sizeof(app->content_root), app->config.bundle);
        }
    } else {
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
        exe[n > 0 ? n : 0] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        char candidates[4][PATH_MAX + 64];
        snprintf(candidates[0], sizeof(candidates[0]), "assets/content/%s", lang);
        snprintf(candidates[1], sizeof(candidates[1]), "%s/assets/content/%s", exe, lang);
        snprintf(candidates[2], sizeof(candidates[2]), "%s/../share/attune/content/%s", exe, lang);
        snprintf(candidates[3], sizeof(candidates[3]), "%s/content/%s", ATTUNE_DATADIR, lang);
        content_set_path(out, size, candidates[3]); /* missing: the loader says so */
        for (int i = 0; i < 4; i++)
            if ((i == 0 || exe[0]) && content_is_dir(candidates[i])) {
                content_set_path(out, size, candidates[i]);
                break;
            }
        parent_folder(app->content_root, sizeof(app->content_root), out);
    }
    char owners[PATH_MAX + 64];
    snprintf(owners, sizeof(owners), "%s/%s", app->overrides_content, lang);
    if (!app->options.bundle && app->overrides_content[0] && content_is_dir(owners)) {
        content_set_path(out, size, owners);
        note(app, "the content of %s is the owner's, in %s", lang, owners);
        return true;
    }
    return found;
}

/* The folder of language `code`: the owner's (content/CODE beside attune.ini) when there
 * is one, else the one in the folder of languages. */
static void language_dir(const App *app, const char *code, char *out, size_t size)
{
    snprintf(out, size, "%s/%s", app->overrides_content, code);
    if (!app->overrides_content[0] || !content_is_dir(out))
        snprintf(out, size, "%s/%s", app->content_root, code);
}

/* The first error of `diags`, and how many more the journal has, as the staff menu shows
 * them (one paragraph: the menu's buttons must stay on the screen). */
static void staff_problems(const Diags *diags, char *out, size_t size)
{
    out[0] = '\0';
    for (int i = 0; i < diags->count; i++) {
        const Diag *d = &diags->items[i];
        if (d->level != DIAG_ERROR)
            continue;
        const char *name = strrchr(d->path, '/');
        int more = diags->errors - 1;
        char tail[64] = "";
        if (more > 0)
            snprintf(tail, sizeof(tail), " (and %d more in the journal)", more);
        snprintf(out, size, "%s:%d: %s%s", name ? name + 1 : d->path, d->line, d->message, tail);
        return;
    }
}

static bool stays_up(const App *app)
{
    return profile_policy(app->config.profile)->stays_up;
}

/* --- the last good copy (core/lastgood.h) ------------------------------------------------ */

/* The state folder: the first of systemd's STATE_DIRECTORY (StateDirectory=attune gives
 * /var/lib/attune); without it (the desktop) nothing is kept. The tour judges the files
 * as they are, so it neither keeps nor uses a copy. */
static void find_state(App *app)
{
    const char *env = getenv("STATE_DIRECTORY");
    size_t n = env ? strcspn(env, ":") : 0;
    app->state_dir[0] = '\0';
    if (env && env[0] == '/' && n < sizeof(app->state_dir) && app->options.mode != MODE_TOUR) {
        memcpy(app->state_dir, env, n);
        app->state_dir[n] = '\0';
    }
}

/* Keeps the config (or the content) that has just passed the check as the last good copy;
 * the journal says when it is written, or why it cannot be. */
static void keep_last_good(App *app, bool config)
{
    if (!app->state_dir[0])
        return;
    char error[PATH_MAX + 200];
    const char *what = config ? app->options.config : app->bundle_dir;
    LastGoodKept kept = config ? lastgood_keep_config(app->state_dir, what, error, sizeof(error))
                               : lastgood_keep_content(app->state_dir, what, error, sizeof(error));
    if (kept == LASTGOOD_WRITTEN)
        fprintf(stderr, "attune: %s passed the check and is kept as the last good %s in %s/last-good\n",
                what, config ? "config" : "content", app->state_dir);
    else if (kept == LASTGOOD_FAILED)
        fprintf(stderr, "attune: warning: the last good %s is not kept: %s\n", config ? "config" : "content", error);
}

/* What the staff menu says when a last good copy runs: which, and the first error. */
static void last_good_staff_text(App *app, Kiosk *kiosk)
{
    char problems[KIOSK_DETAIL_SIZE];
    staff_problems(&app->diags, problems, sizeof(problems));
    if (app->overrides_broken && !app->last_good_config && !app->last_good_content) {
        kiosk_set_staff_text(kiosk, app->last_good_overrides ? "The settings in attune.ini have errors, so "
                             "their last good copy is in use until they are fixed and Attune restarted:"
                             : "The settings in attune.ini have errors, so the kiosk runs without them "
                             "until they are fixed and Attune restarted:", problems);
        kiosk->last_good = true;
        return;
    }
    kiosk_set_staff_text(kiosk, !app->last_good_config ? "The content has errors, so patrons see its last good copy "
                         "until it is fixed and reloaded:"
                         : !app->last_good_content ? "The config has errors, so its last good copy is in use "
                         "until it is fixed and Attune restarted:"
                         : "The content and the config have errors, so their last good copies are in use "
                         "until they are fixed and Attune restarted:", problems);
    kiosk->last_good = true;
}

/* What the staff menu says of the languages left out for their errors: which, and the
 * first error ("es, ar: quiz.ini:23: …"); it stays until Attune restarts. */
static void left_out_staff_text(App *app, Kiosk *kiosk)
{
    const Config *c = &app->config;
    char first[KIOSK_DETAIL_SIZE], problems[KIOSK_DETAIL_SIZE + 64] = "";
    for (int i = 0; i < c->language_count; i++)
        if (i != c->default_language && !app->offered[i])
            snprintf(problems + strlen(problems), sizeof(problems) - strlen(problems), "%s%s",
                     problems[0] ? ", " : "", c->language_codes[i]);
    staff_problems(&app->diags, first, sizeof(first));
    snprintf(problems + strlen(problems), sizeof(problems) - strlen(problems), ": %s", first);
    kiosk_set_staff_text(kiosk, "A language the config offers has errors, so patrons are not offered "
                         "it until it is fixed and Attune restarted:", problems);
    kiosk->language_left_out = true;
}

/* After a reload that passed the check, as its content comes in: the content as it is
 * runs (it was kept as the last good copy when it was checked). */
static void content_reloaded(App *app, Kiosk *kiosk)
{
    app->last_good_content = false;
    kiosk->last_good = app->last_good_config || app->overrides_broken;
    if (kiosk->last_good) /* the config's copy is still in use */
        last_good_staff_text(app, kiosk);
    else if (app->left_out) /* the default's reload leaves the other languages as they were */
        left_out_staff_text(app, kiosk);
}

/* --- the languages offered ([content] languages) ------------------------------------------ */

enum { LANGUAGE_CANDIDATES = 32 };

/* A language with no folder in `root`, named at the config's `languages` line, with the
 * folder there whose name is nearest ("did you mean"). */
static void no_folder(App *app, const char *root, const char *code)
{
    char names[LANGUAGE_CANDIDATES][CONFIG_MAX_CODE + 1];
    const char *list[LANGUAGE_CANDIDATES + 1];
    int n = 0;
    DIR *dir = opendir(root);
    for (struct dirent *e; dir && n < LANGUAGE_CANDIDATES && (e = readdir(dir));) {
        char path[PATH_MAX + 300];
        snprintf(path, sizeof(path), "%s/%s", root, e->d_name);
        size_t len = strlen(e->d_name);
        if (e->d_name[0] != '.' && len <= CONFIG_MAX_CODE && content_is_dir(path)) {
            memcpy(names[n], e->d_name, len + 1);
            list[n] = names[n];
            n++;
        }
    }
    if (dir)
        closedir(dir);
    list[n] = NULL;
    const char *near = suggest_near(code, strlen(code), list);
    const ConfigAt *at = &app->config.languages_at;
    diag_add(&app->diags, at->path ? at->path : app->config.path, at->line, DIAG_ERROR,
             "[content]: languages: '%s' has no folder in %s%s%s%s", code, root,
             near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
}

/* A bundle offered beside others must name itself; without, its button shows its code. */
static void check_named(App *app, const Bundle *bundle, const char *code)
{
    if (!bundle->words[WORD_APP_LANGUAGE_NAME])
        diag_add(&app->diags, bundle->dir ? bundle->dir : code, 1, DIAG_WARNING,
                 "screens.ini: [app] language_name is not set, so the language choice shows '%s': "
                 "set it to the language's name in itself, like language_name = Español", code);
}

/* Loads each language the config offers besides the default (app->bundle), checked like
 * it; problems go to app->diags. Returns how many cannot be offered. */
static int load_languages(App *app)
{
    const Config *c = &app->config;
    if (c->language_count < 2)
        return 0;
    int bad = 0;
    for (int i = 0; i < c->language_count; i++) {
        const char *code = c->language_codes[i];
        char dir[PATH_MAX + 64];
        language_dir(app, code, dir, sizeof(dir));
        if (i == c->default_language) {
            check_named(app, &app->bundle, code);
        } else if (!content_is_dir(dir)) {
            no_folder(app, app->content_root, code);
            bad++;
        } else if (!(app->offered[i] = bundle_load(&app->others[i], dir, &app->diags))) {
            bad++;
        } else {
            check_named(app, &app->others[i], code);
        }
    }
    return bad;
}

void content_free_languages(App *app)
{
    for (int i = 0; i < CONFIG_MAX_LANGUAGES; i++) {
        bundle_free(&app->others[i]);
        app->offered[i] = false;
    }
}

/* The kiosk offers each language that loaded (with two or more, attract and home show the
 * choice); the staff menu says which were left out for their errors. */
static void offer_languages(App *app, long now)
{
    const Config *c = &app->config;
    Kiosk *kiosk = &app->shell.kiosk;
    if (c->language_count < 2)
        return;
    for (int i = 0; i < c->language_count; i++) {
        const Bundle *b = i == c->default_language ? &app->bundle : app->offered[i] ? &app->others[i] : NULL;
        if (b && b != &app->bundle)
            render_glyphs_check(&app->shell.render, b); /* at load, never when a screen shows them */
        if (b)
            kiosk_add_language(kiosk, b, c->language_codes[i], i == c->default_language);
    }
    shell_restart(&app->shell, now); /* the first session starts in the default */
    if (app->left_out && !kiosk->staff_message)
        left_out_staff_text(app, kiosk);
}

/* The config file (when given) over the defaults, or its last good copy when it has
 * errors; problems go to `diags`. Returns whether the file has none. */
static bool load_config(App *app, Diags *diags)
{
    config_defaults(&app->config);
    if (!app->options.config)
        return true;
    if (config_load(&app->config, app->options.config, diags))
        return true;
    app->last_good_config = lastgood_use_config(&app->config, app->state_dir, app->options.config);
    return false;
}

/* The owner's folder ([kiosk] overrides, e.g. on the SD card's boot partition): its
 * attune.ini laid over the config key by key when it passes the check (and kept as the
 * last good overrides), else the last good overrides, else none; its content/ is looked
 * at by find_bundle. A missing folder or file is no error. Nothing is written there. */
static void load_overrides(App *app)
{
    app->overrides_file[0] = app->overrides_content[0] = '\0';
    if (!app->config.overrides[0])
        return;
    char folder[PATH_MAX];
    content_set_path(folder, sizeof(folder), app->config.overrides); /* the config's is freed below */
    snprintf(app->overrides_file, sizeof(app->overrides_file), "%.*s/attune.ini", PATH_MAX - 16, folder);
    snprintf(app->overrides_content, sizeof(app->overrides_content), "%.*s/content", PATH_MAX - 16, folder);
    if (!content_is_dir(app->overrides_content))
        app->overrides_content[0] = '\0';
    const char *file = app->overrides_file;
    if (access(file, F_OK) != 0 && errno == ENOENT) {
        if (app->state_dir[0])
            lastgood_forget_overrides(app->state_dir);
        return;
    }
    int errors = app->diags.errors;
    config_load(&app->config, file, &app->diags);
    size_t n = strlen(folder);
    const char *tally = app->config.tally_file;
    if (strncmp(tally, folder, n) == 0 && (tally[n] == '/' || tally[n] == '\0'))
        diag_add(&app->diags, file, app->config.tally_file_at.path && strcmp(app->config.tally_file_at.path, file) == 0
                 ? app->config.tally_file_at.line : 1,
                 DIAG_ERROR, "[tally]: file is in this folder, which any computer can read: the tally and "
                 "the staff PIN's lock are never kept here; leave [tally] file to the kiosk's own config");
    if (app->diags.errors == errors) {
        note(app, "the owner's settings in %s are laid over %s", file,
             app->options.config ? app->options.config : "the defaults");
        char error[PATH_MAX + 200];
        LastGoodKept kept = app->state_dir[0] ? lastgood_keep_overrides(app->state_dir, app->options.config,
                                                                        file, error, sizeof(error))
                                              : LASTGOOD_UNCHANGED;
        if (kept == LASTGOOD_FAILED)
            fprintf(stderr, "attune: warning: the last good overrides are not kept: %s\n", error);
        return;
    }
    app->overrides_broken = true; /* the config again, without them: they are all or nothing */
    Diags again = { 0 };
    config_free(&app->config);
    load_config(app, &again);
    app->last_good_overrides = stays_up(app) && lastgood_use_overrides(&app->config, app->state_dir, file);
    if (stays_up(app) && !app->last_good_overrides) {
        config_free(&app->config);
        load_config(app, &again);
    }
    diag_free(&again);
}

/* Loads the config (when given) with the owner's overrides, and the bundle; problems
 * gather in app->diags. With a state folder (find_state), what passes is kept as the last
 * good copy, and a kiosk falls back to that copy for a part with errors (overrides with
 * errors: their last good copy, else none); the errors of the files as they are stay in
 * app->diags (the staff screen and the journal show them). Returns whether what is loaded
 * can run: no errors, or each part with errors replaced by its last good copy. */
bool content_load_all(App *app)
{
    bool config_ok = load_config(app, &app->diags), bundle_ok;
    if (app->options.config && config_ok)
        keep_last_good(app, true);
    app->config_broken = !config_ok && !app->last_good_config;
    if (!app->config_broken)
        load_overrides(app);
    if (app->options.mode == MODE_CHECK || app->options.mode == MODE_RUN) /* the owner reads these */
        config_warn_unset(&app->config, app->overrides_file[0] ? app->overrides_file : app->options.config,
                          &app->diags);
    if (!find_bundle(app)) { /* said; the loader's own errors would only repeat it */
        Diags quiet = { 0 };
        bundle_load(&app->bundle, app->bundle_dir, &quiet);
        diag_free(&quiet);
        bundle_ok = false;
    } else {
        bundle_ok = bundle_load(&app->bundle, app->bundle_dir, &app->diags);
    }
    if (!bundle_ok)
        app->last_good_content = stays_up(app) && lastgood_use_content(&app->bundle, app->state_dir);
    else
        keep_last_good(app, false);
    int bad = load_languages(app);
    /* a kiosk showing screens leaves a language with errors out (the staff menu says so),
     * and runs without overrides with errors (or with their last good copy) */
    bool screens = app->options.mode == MODE_RUN || app->options.mode == MODE_HEADLESS;
    app->left_out = stays_up(app) && screens ? bad : 0;
    return (config_ok || app->last_good_config) && (bundle_ok || app->last_good_content) &&
           (!app->overrides_broken || (stays_up(app) && screens)) && bad == app->left_out;
}

/* Loads everything for a mode that shows screens; says why when it cannot. A kiosk does
 * not stop (a stopped kiosk would leave the console on the glass, or restart forever):
 * content or a config with errors runs its last good copy when one is kept, and
 * otherwise it sets `unavailable` and shows the calm "temporarily unavailable" screen. */
bool content_load_for_screens(App *app, bool *unavailable)
{
    *unavailable = false;
    find_state(app);
    bool runs = content_load_all(app);
    diag_print(&app->diags, stderr); /* errors, or warnings only */
    if (runs && app->left_out)
        fprintf(stderr, "attune: %d of the languages the config offers %s errors (above), so patrons "
                "are not offered %s until %s fixed and attune restarted\n", app->left_out,
                app->left_out == 1 ? "has" : "have", app->left_out == 1 ? "it" : "them",
                app->left_out == 1 ? "it is" : "they are");
    if (runs && app->overrides_broken)
        fprintf(stderr, "attune: the owner's settings in %s have errors (above), so %s until they are "
                "fixed; then restart attune\n", app->overrides_file, app->last_good_overrides
                ? "their last good copy is laid over the config" : "the config runs without them");
    if (runs && app->diags.errors && (app->last_good_config || app->last_good_content)) {
        fprintf(stderr, "attune: the %s errors (above), so the last good copy kept in %s/last-good "
                "is in use until they are fixed; then %s\n",
                app->last_good_config ? (app->last_good_content ? "content and the config have" : "config has")
                                      : "content has",
                app->state_dir, app->last_good_config ? "restart attune" :
                "reload: systemctl reload attune (SIGHUP), or the staff menu");
        return true;
    }
    if (!runs && stays_up(app)) {
        fprintf(stderr, "attune: the %s errors (above), so the screen says \"temporarily "
                "unavailable\" until they are fixed; then %s\n",
                app->config_broken ? "config has" : "content has",
                app->config_broken ? "restart attune (sudo systemctl restart attune)"
                                   : "reload: systemctl reload attune (SIGHUP), or the staff menu");
        *unavailable = true;
        return true;
    }
    if (!runs) {
        fprintf(stderr, "attune: cannot start: the content or config has errors (see above; "
                "attune --check lists them)\n");
        return false;
    }
    return true;
}

/* Puts `fresh` (checked, with no error) in place of the running content: in place, so
 * every pointer to the bundle stays valid. Says nothing in the journal and writes nothing:
 * held content comes in as a session ends, and a line or a file's time then would time it.
 * A config with errors (no last good copy) keeps the screen "unavailable": only a restart
 * reads the config again. */
static void swap_content(App *app, Flow *flow, Bundle *fresh)
{
    bundle_free(&app->bundle);
    app->bundle = *fresh;
    *fresh = (Bundle){ 0 };
    if (!app->config_broken) /* else its errors stay on the staff screen */
        kiosk_set_staff_text(flow->kiosk, bundle_word(&app->bundle, WORD_STAFF_RELOADED), NULL);
    content_reloaded(app, flow->kiosk);
    if (flow->kiosk->unavailable && !app->config_broken)
        flow_set_unavailable(flow, false, flow->now);
}

static void reload_apply(void *ctx, Flow *flow)
{
    App *app = ctx;
    if (app->has_held)
        swap_content(app, flow, &app->held);
    app->has_held = false;
}

/* Staff's "reload the content", or SIGHUP: checked at once, from `from` (NULL: the bundle
 * folder). Content with errors replaces nothing: the first problems go on the staff
 * screen and all of them to stderr (the journal). Content with none is swapped in now
 * where no patron is (attract, the unavailable screen, staff, whose menu has the button),
 * else held for the next attract screen, so that a person's quiz keeps its scale and
 * items to the end; returns true then. */
static bool reload_content(void *ctx, Flow *flow, const char *from)
{
    App *app = ctx;
    Bundle fresh;
    Diags diags = { 0 };
    bool ok = bundle_load(&fresh, from ? from : app->bundle_dir, &diags);
    diag_print(&diags, stderr);
    Kiosk *kiosk = flow->kiosk;
    if (ok) { /* said and kept now, when the reload was asked for, never as it comes in */
        render_glyphs_check(&app->shell.render, &fresh);
        if (!from)
            keep_last_good(app, false);
    }
    if (app->has_held)
        bundle_free(&app->held); /* this newer check decides */
    app->has_held = false;
    bool at_rest = flow->screen == SCREEN_ATTRACT || flow->screen == SCREEN_UNAVAILABLE ||
                   flow->screen == SCREEN_STAFF;
    if (ok && at_rest) {
        swap_content(app, flow, &fresh);
        fprintf(stderr, "attune: the content in %s was checked and reloaded%s\n", app->bundle_dir,
                app->config_broken ? "; the config still has errors: fix it and restart attune" : "");
    } else if (ok) {
        app->held = fresh;
        app->has_held = true;
        fprintf(stderr, "attune: the content in %s was checked; it comes in when the screen "
                "next returns to attract\n", app->bundle_dir);
    } else {
        bundle_free(&fresh);
        char problems[KIOSK_DETAIL_SIZE];
        staff_problems(&diags, problems, sizeof(problems));
        kiosk_set_staff_text(kiosk, bundle_word(&app->bundle, WORD_STAFF_RELOAD_FAILED), problems);
        fprintf(stderr, "attune: the content in %s has errors (above); %s\n", app->bundle_dir,
                kiosk->unavailable ? "still \"temporarily unavailable\"" : "the content in use is kept");
    }
    diag_free(&diags);
    return app->has_held;
}

/* The errors of `diags`, one a line, each as file:line: message (the file's name in the
 * bundle), as the author's banner shows them: the first few, then how many more. */
static void author_problems(const Diags *diags, char *out, size_t size)
{
    enum { SHOWN = 4 };
    size_t used = 0;
    int shown = 0;
    out[0] = '\0';
    for (int i = 0; i < diags->count && used < size; i++) {
        const Diag *d = &diags->items[i];
        if (d->level != DIAG_ERROR)
            continue;
        const char *name = strrchr(d->path, '/');
        if (shown++ == SHOWN) {
            snprintf(out + used, size - used, "%s(and %d more in the terminal)", used ? "\n" : "",
                     diags->errors - SHOWN);
            return;
        }
        int n = snprintf(out + used, size - used, "%s%s:%d: %s", used ? "\n" : "",
                         name ? name + 1 : d->path, d->line, d->message);
        used += n > 0 ? (size_t)n : 0;
    }
}

/* Whether a quiz under way would change shape with `fresh`: a person's answers (and the
 * result, and a couple's two scores, drawn on the map of that scale) are kept only for
 * the scale and the statements they were given. */
static bool quiz_reshaped(const App *app, const Flow *flow, const Bundle *fresh)
{
    bool asking = flow->screen == SCREEN_QUESTION || flow->screen == SCREEN_HANDOVER ||
                  flow->screen == SCREEN_COUPLE_START || flow->quiz.quiz || flow->couple.stage != COUPLE_OFF;
    const Quiz *was = &app->bundle.quiz, *now = &fresh->quiz;
    if (!asking)
        return false;
    if (was->points != now->points || was->item_count != now->item_count)
        return true;
    for (int i = 0; i < was->item_count; i++)
        if (was->items[i].dimension != now->items[i].dimension)
            return true;
    return false;
}

/* An author's save (the desktop profile, shell_watch): checked at once and, with no
 * error, put in place on the same screen and page (a quiz under way whose scale or
 * statements changed in number gets it at the next attract screen, like a kiosk's). With
 * errors, what runs is kept, and the problems stay over the screen until a save fixes
 * them. Returns whether checked content waits for attract. */
static bool reload_here(void *ctx, Flow *flow)
{
    App *app = ctx;
    Bundle fresh;
    Diags diags = { 0 };
    bool ok = bundle_load(&fresh, app->bundle_dir, &diags);
    diag_print(&diags, stderr);
    char problems[KIOSK_PROBLEMS_SIZE];
    author_problems(&diags, problems, sizeof(problems));
    kiosk_set_author_problems(flow->kiosk, problems);
    diag_free(&diags);
    if (app->has_held)
        bundle_free(&app->held); /* this newer save decides */
    app->has_held = false;
    if (!ok) {
        bundle_free(&fresh);
        fprintf(stderr, "attune: the content in %s has errors (above, and on the screen); the "
                "screen keeps what it showed until a save fixes them\n", app->bundle_dir);
        return false;
    }
    render_glyphs_check(&app->shell.render, &fresh);
    if (quiz_reshaped(app, flow, &fresh)) {
        app->held = fresh;
        app->has_held = true;
        fprintf(stderr, "attune: the content in %s was saved and checked; the quiz's scale or "
                "statements changed, so it comes in when the screen next returns to attract\n",
                app->bundle_dir);
        return true;
    }
    swap_content(app, flow, &fresh);
    fprintf(stderr, "attune: the content in %s was saved, checked and reloaded\n", app->bundle_dir);
    return false;
}

/* The desktop profile is an author's: their saves to the bundle folder are reloaded at
 * once (a kiosk's content changes only by SIGHUP or the staff menu, where no patron is). */
static void watch_for_authors(App *app)
{
    if (app->config.profile != PROFILE_DESKTOP)
        return;
    bool watched = shell_watch(&app->shell, app->bundle_dir);
    if (watched && app->options.mode == MODE_RUN)
        fprintf(stderr, "attune: watching %s: a save there is checked and shown at once\n", app->bundle_dir);
    else if (!watched)
        fprintf(stderr, "attune: warning: cannot watch %s for saves (%s); restart to see an edit\n",
                app->bundle_dir, strerror(errno));
}

/* The tally after each counted session or result: saved whole or not at all (tally.c);
 * a failure is said in the journal once (not at every session), and so is the recovery;
 * the app goes on either way. */
static void save_tally(void *ctx, const Tally *tally)
{
    App *app = ctx;
    char error[sizeof(app->tally_error)];
    if (tally_save(tally, app->config.tally_threshold, app->config.tally_file, error, sizeof(error))) {
        if (app->tally_error[0])
            fprintf(stderr, "attune: the tally is saved to %s again\n", app->config.tally_file);
        app->tally_error[0] = '\0';
    } else if (strcmp(error, app->tally_error) != 0) {
        fprintf(stderr, "attune: %s (said once; the app goes on, counting in memory)\n", error);
        memcpy(app->tally_error, error, sizeof(error));
    }
}

/* The staff PIN pad's lock, kept beside the tally (pinlock.h) and logged when it locks:
 * how long and how many in a row, never a digit. */
static void save_pin_lock(void *ctx, const PinLock *lock, long now)
{
    App *app = ctx;
    if (pinlock_locked(lock, now))
        fprintf(stderr, "attune: the staff PIN pad is locked for %ld s after %d wrong PINs in a row "
                "(lock %d since the right PIN was last typed)\n", (lock->until - now + 999) / 1000,
                PINLOCK_TRIES, lock->locks);
    char path[PATH_MAX], error[PATH_MAX + 200];
    if (pinlock_path(app->config.tally_file, path, sizeof(path)) &&
        !pinlock_save(lock, path, now, (long long)time(NULL), error, sizeof(error)))
        fprintf(stderr, "attune: %s\n", error);
}

/* The lock as a restart found it: a lock still running goes on (and is said). */
static void load_pin_lock(App *app, long now)
{
    char path[PATH_MAX];
    if (!app->config.staff_pin[0])
        return;
    if (!pinlock_path(app->config.tally_file, path, sizeof(path))) {
        fprintf(stderr, "attune: note: [tally] has no file, so the staff PIN pad's lock is kept in "
                "memory only: a restart ends it\n");
        return;
    }
    Diags diags = { 0 };
    PinLock *lock = &app->shell.kiosk.pin_lock;
    pinlock_load(lock, path, now, (long long)time(NULL), &diags);
    diag_print(&diags, stderr);
    diag_free(&diags);
    if (pinlock_locked(lock, now))
        fprintf(stderr, "attune: the staff PIN pad is still locked for %ld s (lock %d, kept across the "
                "restart)\n", (lock->until - now + 999) / 1000, lock->locks);
}

bool content_open_shell(App *app, bool headless, bool unavailable, long now)
{
    char error[512];
    if (!shell_open(&app->shell, &app->config, &app->bundle, headless, app->options.width,
                    app->options.height, now, error, sizeof(error))) {
        fprintf(stderr, "attune: %s\n", error);
        shell_close(&app->shell);
        return false;
    }
    app->shell.hooks = (ShellHooks){ .ctx = app, .reload = reload_content, .reload_apply = reload_apply,
                                     .reload_here = reload_here, .save_tally = save_tally,
                                     .save_pin_lock = save_pin_lock };
    if (app->options.mode == MODE_RUN || (app->options.mode == MODE_HEADLESS && app->options.script))
        watch_for_authors(app);
    offer_languages(app, now);
    if (app->options.mode == MODE_RUN || (app->options.mode == MODE_HEADLESS && !app->options.soak))
        load_pin_lock(app, now); /* not for the tour's pictures, the checks or the soak */
    Kiosk *kiosk = &app->shell.kiosk;
    if (unavailable) {
        flow_set_unavailable(&app->shell.flow, true, now);
        char problems[KIOSK_DETAIL_SIZE];
        staff_problems(&app->diags, problems, sizeof(problems));
        kiosk_set_staff_text(kiosk, app->config_broken ? "The config has errors, so patrons see “Back soon” "
                             "until it is fixed and Attune restarted:" : "The content has errors, so "
                             "patrons see “Back soon” until it is fixed and reloaded:", problems);
    } else if (app->last_good_config || app->last_good_content || app->overrides_broken) {
        last_good_staff_text(app, kiosk);
    }
    if (kiosk->tally_on) {
        Diags diags = { 0 };
        Tally counted;
        tally_load(&counted, app->config.tally_file, &diags);
        kiosk_set_tally(kiosk, true, &counted);
        diag_print(&diags, stderr);
        diag_free(&diags);
    } else if (app->config.tally) { /* kiosk_init keeps it off without a file */
        fprintf(stderr, "attune: warning: [tally] is enabled but has no file; counts are not kept\n");
    }
    return true;
}
