/* headless.h — running the real app without a display: scripts (run.c), the tour
 * (tour.c) and the soak (soak.c).
 *
 * Each drives a Shell opened headless (SDL's dummy video driver, the software renderer)
 * on a virtual clock, through the same flow, view and renderer as the app on a screen. */
#ifndef ATTUNE_HEADLESS_H
#define ATTUNE_HEADLESS_H

#include <stdio.h>

#include "script.h"
#include "../shell/shell.h"

/* Runs `script` (the script language of docs/design.md). Screenshots go to `shots` (a folder;
 * NULL: `shot` is skipped). Returns 0 when every line ran and every expect held; 1 at the
 * first failed expect (or a tap on a label not on screen), after printing
 * `FILE:LINE: expected …, got …` to `err`; 2 for a key name SDL does not know. */
int headless_script(Shell *shell, const Script *script, const char *shots, FILE *err);

/* Visits every screen and page (each quiz item, a result for each style and one near a
 * line, each deck page, the calm minute's phases, the still-there overlay), runs the
 * layout checks on each, prints `problem: SCREEN …` lines and last `tour: N screens, M
 * problems` to `out`, and saves SCREEN-….png into `shots` when given. `large_text`: every
 * stop in larger text (as after "Aa"), each screen named large-SCREEN, and a line before
 * the last says how tall a capital H of body text is then, in mm and in degrees of view
 * at CHECK_VIEW_MM (EN 301 549 5.1.4 asks for 0.7°). Returns M. */
int headless_tour(Shell *shell, const char *shots, bool large_text, FILE *out);

/* Runs `events` random events from `seed` through the flow, the view and the renderer: taps
 * (mostly on targets), swipes, keys and the combinations a kiosk swallows, bursts of taps,
 * pauses and idle gaps on the virtual clock, long presses (the staff corner), resizes (on
 * the desktop profile), display resets, close requests and lost finger-ups. After each event it checks
 * that the screen is a known one, that its layout has no problem (the tour's checks), that
 * on attract the quiz session and the PIN are all zero and no finger is held, and that an idle gap past the
 * timeout and its countdown reset the screen (the clock crosses 2^32 ms early on). Prints
 * the figures to `out` (events, screens visited, quizzes completed, resets, the crossing,
 * peak and resident memory). Returns
 * 0, or 1 at the first broken invariant after printing the event and how to replay it. */
int headless_soak(Shell *shell, long events, unsigned long seed, FILE *out);

#endif
