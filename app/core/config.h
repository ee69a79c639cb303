/* config.h — the kiosk config (config/NAME.ini): display, kiosk, content, theme, tally,
 * platform and the practice's own support text.
 *
 * Every setting has a default (config_defaults), a range, and the same `path:line`
 * problems as the bundle. The table in config.c is the list of settings; the shipped
 * profiles in config/ show them all with comments. Times are in seconds. */
#ifndef ATTUNE_CONFIG_H
#define ATTUNE_CONFIG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "profile.h"

/* The languages a kiosk may offer at most, and the longest code (BCP 47: "en", "pt-BR"). */
enum { CONFIG_MAX_LANGUAGES = 8, CONFIG_MAX_CODE = 15 };

typedef enum ThemeColour {
    COLOUR_BACKGROUND, COLOUR_SURFACE, COLOUR_TEXT, COLOUR_MUTED, COLOUR_ACCENT,
    COLOUR_ACCENT_TEXT, COLOUR_LINE, COLOUR_COUNT
} ThemeColour;

/* Where a setting was written: a file and its line (line 0: in no file, the default). */
typedef struct ConfigAt {
    const char *path;
    int line;
} ConfigAt;

typedef struct Config {
    Arena arena;
    const char *path;            /* the file last read (the overrides when laid over), or NULL */

    /* [display] */
    int width, height;           /* window size, or the panel's mode when fullscreen */
    bool fullscreen;
    int rotation;                /* 0, 90, 180, 270 */
    double scale;                /* multiplies every size in the layout */
    double dpi;                  /* 0 = from `diagonal`, else a 7" 800x480 panel */
    double diagonal;             /* inches, 0 = unknown */

    /* [kiosk] */
    Profile profile;             /* desktop | kiosk | workshop (profile_policy) */
    bool idle_reset;
    int idle_timeout, idle_warning;
    const char *staff_pin;       /* "" = staff mode off */
    bool quick_exit;
    bool presenter;              /* a clicker walks the bundle's talk (flow_talk.c) */
    const char *overrides;       /* the owner's folder (attune.ini, content/), "" = none */
    ConfigAt staff_pin_at, name_at, bundle_at, languages_at, tally_file_at; /* where each was last set */

    /* [content] */
    const char *bundle;          /* folder holding one folder per language; "" = search */
    const char *language;        /* the default language: the one a kiosk returns to */
    const char *languages;       /* as written: the codes offered, separated by spaces ("" = language only) */
    const char *language_codes[CONFIG_MAX_LANGUAGES + 1]; /* offered, in the file's order, then
                                  * NULL (language_codes[0] is `language` when `languages` is unset) */
    int language_count;          /* 1 .. CONFIG_MAX_LANGUAGES */
    int default_language;        /* the index of `language` in language_codes */
    int language_line, languages_line; /* their lines in `path`; 0: not in the file */
    bool couple;                 /* home offers couple mode (when the bundle has pairings.ini) */

    /* [theme] */
    uint32_t colours[COLOUR_COUNT];
    const char *font;            /* a fontconfig family name */
    const char *font_regular, *font_bold; /* font files, overriding `font` when set */
    int font_line, font_regular_line, font_bold_line; /* their lines in `path`; 0: default */
    int size_title, size_body, size_caption; /* pixels at 800x480 before scale */

    /* [tally] */
    bool tally;
    const char *tally_file;      /* also the folder of the staff PIN's lock (pinlock.h) */
    int tally_threshold;         /* counts by style only in batches of this many (tally.h) */

    /* [platform] */
    const char *backlight;       /* a /sys/class/backlight folder, "" = find one */
    int dim_after, off_after;
    int brightness;              /* percent */

    /* [support] */
    const char *practice_name;
    const char *practice_text;   /* paragraphs separated by '\n' */
    const char *crisis_text;     /* where to turn when unsafe; "": each language's own (support.crisis) */
    const char *booking;         /* the line "Take it home" carries for booking; "": practice_text */
    const char *booking_url;     /* the practice's booking web page, its own code; "": none */
} Config;

/* Fills `config` with every default (and no file). */
void config_defaults(Config *config);

/* Reads `path` over the defaults. Every problem goes to `diags`; valid settings are used
 * and invalid ones keep their defaults. Returns true when there was no error. Relative
 * paths in the file (bundle, fonts, tally) are made relative to the file's folder. */
bool config_load(Config *config, const char *path, Diags *diags);

/* config_load and config_load_text read a file over the settings already there, key by
 * key (the owner's overrides over the kiosk config): a key the file leaves out keeps its
 * value, relative paths are made relative to the folder of the file that set them. */

/* Like config_load, from memory (for tests and the fuzzer); `path` names it in messages. */
bool config_load_text(Config *config, const char *path, const char *text, size_t len, Diags *diags);

/* With profile = kiosk, a warning for each setting a practice must make its own: the
 * practice's name still unset or the shipped "Your practice", and no staff PIN. Each is
 * named where it was set (else at line 1 of `path`, the file to edit), with what to write. */
void config_warn_unset(const Config *config, const char *path, Diags *diags);

/* Writes every setting as `section.key = value` lines (for tests and --help). */
void config_dump(const Config *config, FILE *out);

/* Frees the strings read; defaults stay valid. */
void config_free(Config *config);

#endif
