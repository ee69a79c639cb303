/* run.h — what the headless drivers share (scripts, the tour, the soak): a Shell on a
 * virtual clock, and the gestures a person makes on it. Private to app/drive/.
 *
 * The clock moves only when a driver moves it: a tap takes 80 ms from touch to release, a
 * swipe 200 ms, and advancing runs every timer that falls due on the way. */
#ifndef ATTUNE_RUN_H
#define ATTUNE_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "../shell/shell.h"

enum { RUN_TAP_MS = 80, RUN_SWIPE_MS = 200, RUN_START_MS = 1000 };

typedef struct Run {
    Shell *shell;
    long now;
    SDL_FingerID finger;    /* the last finger's id: each touch is a new finger, as under X11 */
} Run;

/* Moves the clock forward by `ms`, stopping at each timer that falls due. */
void run_advance(Run *r, long ms);

/* Runs what a touch asked for (staff: reload, close…) and draws the frame. */
void run_frame(Run *r);

/* Waits `ms` on the virtual clock (its timers run), then draws the frame. */
void run_wait(Run *r, long ms);

/* A tap at (x, y); a swipe across the middle (dir < 0: to the left); a touch held still
 * for `ms`. Each is a new finger through shell_finger_*, as a touchscreen sends them. */
void run_tap(Run *r, float x, float y);
void run_swipe(Run *r, int dir);
void run_hold(Run *r, float x, float y, long ms);

/* Taps the enabled target with `action` and `arg`, after a pause longer than the
 * tap-burst guard; false when there is none. */
bool run_tap_action(Run *r, Action action, int arg);

/* The id of what is on screen: a screen's, or the still-there overlay's. */
const char *run_screen_id(const Shell *s);

/* Draws the frame afresh and saves it as DIR/NAME.png; says why to `err` when it cannot. */
bool run_save_shot(Shell *s, const char *dir, const char *name, FILE *err);

#endif
