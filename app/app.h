/* app.h — the one App that main.c fills from the command line and hands to whatever runs,
 * and what content.c does with it: load the config and the content bundle (falling back to
 * their last good copies), open the shell on them, and answer the shell's hooks (a reload,
 * the tally's and the staff PIN lock's saves). */
#ifndef ATTUNE_APP_H
#define ATTUNE_APP_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/bundle.h"
#include "core/config.h"
#include "core/diag.h"
#include "shell/shell.h"

enum { EXIT_PROBLEMS = 1, EXIT_USAGE = 2 };

typedef enum Mode { MODE_RUN, MODE_CHECK, MODE_SCORE, MODE_HEADLESS, MODE_TOUR, MODE_HELP, MODE_VERSION } Mode;

typedef struct Options {
    Mode mode;
    const char *config;   /* NULL: built-in defaults */
    const char *bundle;   /* NULL: from the config, else searched */
    const char *answers;  /* --score */
    const char *script;   /* --headless --script */
    const char *shots;    /* --shots: a folder for screenshots */
    long soak;            /* --headless --soak N: random events (0: none) */
    long seed;            /* --seed (default 1; -1 while parsing: not given) */
    int width, height;    /* --size */
    bool all_sizes;       /* --check --all-sizes: lay out at the tour's six sizes */
    bool large_text;      /* --tour --large-text: every stop in larger text ("Aa") */
} Options;

/* The one App: what main() loaded, passed to whatever runs. */
typedef struct App {
    Options options;
    Config config;
    Bundle bundle;
    Diags diags;
    char bundle_dir[PATH_MAX];
    char content_root[PATH_MAX];     /* the folder of languages the others are looked for in */
    char overrides_file[PATH_MAX];   /* the owner's attune.ini ("" = [kiosk] overrides unset) */
    char overrides_content[PATH_MAX]; /* the owner's content/ folder ("" = none) */
    char tally_error[512];   /* the last failure to save the tally, said once ("" = none) */
    char state_dir[PATH_MAX]; /* where the last good copies are kept ("" = not kept) */
    bool last_good_config, last_good_content; /* running the last good copy of it */
    bool config_broken;       /* the config has errors and no last good copy: a restart mends it */
    bool overrides_broken;    /* the owner's attune.ini has errors: not laid over the config */
    bool last_good_overrides; /* ...and its last good copy is laid over instead */
    /* the other languages the config offers ([content] languages), at their index in
     * config.language_codes (the default's is `bundle`): loaded, and offered when `offered` */
    Bundle others[CONFIG_MAX_LANGUAGES];
    bool offered[CONFIG_MAX_LANGUAGES];
    int left_out;            /* offered languages with errors that a kiosk leaves out */
    Bundle held;             /* reloaded content that passed the check, waiting for attract */
    bool has_held;
    Shell shell;
} App;

/* Loads the config (when given) and the bundle into `app`; problems gather in app->diags.
 * Returns whether what is loaded can run (content.c says how the last good copy counts). */
bool content_load_all(App *app);

/* content_load_all for a mode that shows screens, saying why when it cannot run; a kiosk
 * with errors and no last good copy sets `unavailable` and still returns true. */
bool content_load_for_screens(App *app, bool *unavailable);

/* Opens app->shell on what is loaded (headless: no display), with the hooks of content.c;
 * false after saying why. */
bool content_open_shell(App *app, bool headless, bool unavailable, long now);

/* Frees what content_load_all loaded besides app->bundle (the other languages). */
void content_free_languages(App *app);

/* Whether `path` is a folder. */
bool content_is_dir(const char *path);

/* Copies a path, cut to fit. */
void content_set_path(char *out, size_t size, const char *path);

#endif
