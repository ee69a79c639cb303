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

#include "config.h"
#include "tally.h"

enum { KIOSK_DETAIL_SIZE = 600, KIOSK_INFO_SIZE = 160 };

typedef struct Kiosk {
    bool unavailable;             /* the content is broken: only the "temporarily
                                   * unavailable" screen and staff mode (flow_set_unavailable) */
    const char *staff_message;    /* after a reload: one of the bundle's words, or NULL */
    bool last_good;               /* a last good copy runs in place of broken content or
                                   * config (lastgood.h): the staff text stays, like unavailable's */
    char staff_detail[KIOSK_DETAIL_SIZE]; /* the first problems of a failed reload */
    int brightness;               /* percent */
    bool tally_on;                /* the config's [tally] enabled, with a file to keep it in */
    Tally tally;                  /* counts only (saved by the app when FLOW_WANTS_TALLY_SAVE) */
    char display_info[KIOSK_INFO_SIZE]; /* the display test's facts (size, renderer…) */
} Kiosk;

/* The kiosk as the config starts it: available, no staff text, the config's brightness,
 * the tally on when it is enabled and has a file, its counts zero. */
void kiosk_init(Kiosk *kiosk, const Config *config);

/* What the staff menu says (a sentence, or NULL for nothing) and the problems under it
 * (NULL or "" for none; cut to fit). */
void kiosk_set_staff_text(Kiosk *kiosk, const char *message, const char *detail);

/* The counts, and whether they are kept (the app after loading them; the tour). */
void kiosk_set_tally(Kiosk *kiosk, bool on, const Tally *tally);

/* The display test's line of facts (cut to fit). */
void kiosk_set_display_info(Kiosk *kiosk, const char *info);

#endif
