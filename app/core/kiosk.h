/* kiosk.h — what belongs to the kiosk, not to the person in front of it: the tally, the
 * content being broken ("temporarily unavailable") and the problems staff read, the
 * brightness, the facts the display test shows. It outlives every session: wiping a
 * session (flow_reset, flow_init) leaves it alone.
 *
 * The app opens one with the shell and hands it to the flow (flow_init), which counts the
 * tally, sets the brightness and switches "unavailable"; the app sets the staff text and
 * the display's facts with the functions below. */
#ifndef ATTUNE_KIOSK_H
#define ATTUNE_KIOSK_H

#include <stdbool.h>

#include "bundle.h"
#include "config.h"
#include "pinlock.h"
#include "tally.h"

/* The tally is saved at most once an hour, on the hours of the app's clock (from its
 * start), never at a moment a person chose: so the file's time says nothing of when
 * anyone finished. The app saves it when it closes too. */
enum { KIOSK_DETAIL_SIZE = 600, KIOSK_PROBLEMS_SIZE = 1200, KIOSK_INFO_SIZE = 160, KIOSK_TALLY_SAVE_MS = 3600000 };

typedef struct Kiosk {
    bool unavailable;             /* the content is broken: only the "temporarily
                                   * unavailable" screen and staff mode (flow_set_unavailable) */
    const char *staff_message;    /* after a reload: one of the bundle's words, or NULL */
    bool last_good;               /* a last good copy runs in place of broken content or
                                   * config (lastgood.h): the staff text stays, like unavailable's */
    char staff_detail[KIOSK_DETAIL_SIZE]; /* the first problems of a failed reload */
    /* an author's save with errors (the desktop profile): `author_problem_count` strings
     * one after the other (each ends in its NUL), each as file:line: message, shown over
     * every screen until a save fixes them (0 = none) */
    char author_problems[KIOSK_PROBLEMS_SIZE];
    int author_problem_count;
    int brightness;               /* percent */
    bool tally_on;                /* the config's [tally] enabled, with a file to keep it in */
    Tally tally;                  /* counts only (saved on the schedule below, and at once
                                   * after a reset: FLOW_WANTS_TALLY_SAVE) */
    int tally_threshold;          /* counts by style shown from this many on (tally.h) */
    bool tally_unsaved;           /* counted since the last save */
    long tally_save_at;           /* ms: when the next save is due, if unsaved */
    PinLock pin_lock;             /* the staff PIN pad's lock (pinlock.h) */
    char display_info[KIOSK_INFO_SIZE]; /* the display test's facts (size, renderer…) */
    /* the languages offered (kiosk_add_language), in the config's order: with two or more,
     * attract and home show the choice, and every session starts in the default */
    const Bundle *languages[CONFIG_MAX_LANGUAGES];
    char language_codes[CONFIG_MAX_LANGUAGES][CONFIG_MAX_CODE + 1];
    int language_count;
    int default_language;         /* an index in languages */
    bool language_left_out;       /* a language offered has errors and is left out: the staff
                                   * text stays, like unavailable's */
} Kiosk;

/* The kiosk as the config starts it: available, no staff text, the config's brightness,
 * the tally on when it is enabled and has a file, its counts zero. */
void kiosk_init(Kiosk *kiosk, const Config *config);

/* What the staff menu says (a sentence, or NULL for nothing) and the problems under it
 * (NULL or "" for none; cut to fit). */
void kiosk_set_staff_text(Kiosk *kiosk, const char *message, const char *detail);

/* The problems of an author's save, one a line ('\n' between them; "" or NULL: none,
 * the band goes), kept as strings the view can point to. */
void kiosk_set_author_problems(Kiosk *kiosk, const char *problems);

/* The counts, and whether they are kept (the app after loading them; the tour). */
void kiosk_set_tally(Kiosk *kiosk, bool on, const Tally *tally);

/* The tally was counted at `now`: a save falls due at the next hour of the app's clock
 * (KIOSK_TALLY_SAVE_MS), unless one is due already. */
void kiosk_tally_counted(Kiosk *kiosk, long now);

/* Milliseconds until the tally's save is due (0: now), or -1 when there is nothing to save. */
long kiosk_tally_save_in(const Kiosk *kiosk, long now);

/* The tally was saved (or a save was tried): nothing is due until it is counted again. */
void kiosk_tally_saved(Kiosk *kiosk);

/* Offers `bundle` (language `code`, its folder's name; kept as long as the kiosk is used),
 * after the ones added before; `is_default`: every session starts in it. False when
 * CONFIG_MAX_LANGUAGES are offered already. */
bool kiosk_add_language(Kiosk *kiosk, const Bundle *bundle, const char *code, bool is_default);

/* The display test's line of facts (cut to fit). */
void kiosk_set_display_info(Kiosk *kiosk, const char *info);

#endif
