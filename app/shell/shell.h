/* shell.h — the running app: an SDL window (or the headless dummy), the flow, the view
 * and the renderer, and the translation of touches, clicks and keys into flow calls.
 *
 * The real loop (shell_run) and the headless drivers (app/drive/) use the same functions:
 * shell_pointer_*() and shell_key() for input, shell_frame() to lay out and draw, with a
 * clock value passed in (SDL's ticks, or the driver's virtual clock). */
#ifndef ATTUNE_SHELL_H
#define ATTUNE_SHELL_H

#include <SDL.h>
#include <stdbool.h>

#include "../core/bundle.h"
#include "../core/config.h"
#include "../view/draw.h"
#include "../core/flow.h"
#include "../view/view.h"
#include "../../platform/platform.h"
#include "../../platform/watchdog.h"
#include "../render/render.h"
#include "../render/rotate.h"

typedef struct ShellStats {
    long frames_laid_out;   /* view_layout calls */
    long frames_presented;  /* frames the renderer drew and showed */
    long first_frame_ms;    /* from shell_open to the first presented frame */
} ShellStats;

/* What the shell asks of the app around it when the flow wants it (staff mode, the
 * tally, the PIN's lock). Any may be NULL. */
typedef struct ShellHooks {
    void *ctx;
    /* Checks the content again, from the folder `from` (NULL: the bundle's own). Content
     * with no error replaces what the bundle the shell was given holds, but only where no
     * patron is (attract, unavailable, staff): elsewhere it is held, and the hook returns
     * true, until reload_apply swaps it in at the next attract screen. Sets the kiosk's
     * staff text (kiosk_set_staff_text). */
    bool (*reload)(void *ctx, Flow *flow, const char *from);
    void (*reload_apply)(void *ctx, Flow *flow);
    /* An author's save (shell_watch): the content checked again and, with no error, put in
     * place at once, on the same screen and page; with errors, what runs is kept and the
     * problems are shown on screen until a save fixes them. Returns true when the checked
     * content waits for the next attract screen (reload_apply), as reload's does. */
    bool (*reload_here)(void *ctx, Flow *flow);
    /* Saves the anonymous tally (counts only): on the kiosk's schedule (kiosk.h), after a
     * reset, and when the app closes. */
    void (*save_tally)(void *ctx, const Tally *tally);
    /* Keeps the staff PIN pad's lock across restarts, and logs a lock (pinlock.h). */
    void (*save_pin_lock)(void *ctx, const PinLock *lock, long now);
} ShellHooks;

typedef struct Shell {
    const Config *config;
    const Bundle *bundle;
    bool headless;
    SDL_Window *window;
    SDL_Renderer *sdl;
    Renderer render;
    bool render_open;
    Measure measure;
    Kiosk kiosk;                /* outlives the sessions (shell_restart keeps it) */
    Flow flow;
    View view;
    DrawList list;
    int width, height;          /* the drawing size in pixels (logical: after rotation) */
    int rotation;               /* 0, 90, 180, 270: the picture turned on the panel */
    int panel_w, panel_h;       /* the panel's pixels (the renderer's output) */
    float scale_x, scale_y;     /* window points to panel pixels */
    bool quit;                  /* a close request was accepted */
    bool dirty;                 /* lay out again before the next frame */
    unsigned seen_changes;      /* flow->changes at the last layout */
    long laid_out_at;           /* ms of the last layout */

    /* the pointer (one finger or the mouse) */
    bool down;
    SDL_FingerID finger;
    bool finger_down;
    long finger_at;             /* ms of the finger's last down or motion */
    int seen_resets;            /* flow.resets last noticed (a finger dropped, the session forgotten) */
    float down_x, down_y, last_x, last_y;
    long down_at;               /* ms of the touch, for the staff corner's long press */
    bool corner;                /* the touch began in the staff corner */

    ShellHooks hooks;
    bool reload_held;           /* checked content waits for the next attract screen */
    int files;                  /* the content folder's watch (shell_watch), -1 none */
    long files_first;           /* ms of the first save of a burst not yet reloaded */
    long reload_due;            /* ms when that burst is reloaded (reload_here), -1 none */

    /* the platform: the panel's light, and waiting on input devices where SDL cannot */
    PlatBacklight backlight;
    PlatDimmer dimmer;
    PlatInput input;            /* what the loop sleeps on (shell.c's wait_event) */
    bool can_sleep;             /* a display connection or the input devices to wake it */
    void *x11;                  /* the X11 Display, for the events Xlib holds, or NULL */
    bool light_warned;
    PlatWatchdog watchdog;      /* systemd's: readiness and pings (platform/watchdog.h) */
    int signals;                /* SIGTERM, SIGINT, SIGHUP as a signalfd (the app on a display), or -1 */

    Uint64 opened_at;           /* SDL_GetTicks64 at open (64-bit: a kiosk runs for months) */
    ShellStats stats;
} Shell;

/* Opens a window (or, headless, the dummy video driver with the software renderer) of
 * width x height (0 = the config's), the renderer and its fonts, and starts the flow at
 * `now`. Returns false with one sentence in `error`. */
bool shell_open(Shell *shell, const Config *config, const Bundle *bundle, bool headless,
                int width, int height, long now, char *error, size_t error_size);

/* Starts the flow again at attract at `now` (the headless driver starts each run so): a
 * new session on the same kiosk (its tally, staff text and "unavailable" are kept). */
void shell_restart(Shell *shell, long now);

/* Runs the event loop until the app is asked to close (a close request, staff, SIGTERM or
 * SIGINT; SIGHUP reloads the content). Saves the tally (what was counted since the last
 * hour) and tells systemd it is stopping before it returns. Returns the exit status. */
int shell_run(Shell *shell);

/* Lays out the screen for `now` when something changed (or `force`), and draws it;
 * the renderer presents only the cells that changed. */
void shell_frame(Shell *shell, long now, bool force);

/* A touch or a mouse button at drawing pixel (x, y). */
void shell_pointer_down(Shell *shell, float x, float y, long now);
void shell_pointer_move(Shell *shell, float x, float y, long now);
void shell_pointer_up(Shell *shell, float x, float y, long now);

/* A finger held this long with no motion is taken for one whose finger-up was lost (a
 * touch controller reset, an unplug): nothing legitimate needs it (the staff corner's long
 * press takes FLOW_LONG_PRESS_MS). */
enum { SHELL_STALE_FINGER_MS = 30000 };

/* A finger (SDL's id) at drawing pixel (x, y), one at a time: a second finger's down,
 * motion and up are ignored while the first is held. A finger whose up was lost does not
 * block the screen: it is dropped (its press presses nothing) on every return to attract
 * (quick exit, idle), when the same id comes down again, and when another finger comes
 * down after it was held SHELL_STALE_FINGER_MS without moving; that finger takes over. */
void shell_finger_down(Shell *shell, SDL_FingerID id, float x, float y, long now);
void shell_finger_move(Shell *shell, SDL_FingerID id, float x, float y, long now);
void shell_finger_up(Shell *shell, SDL_FingerID id, float x, float y, long now);

/* A key press (SDL keycode and modifiers). */
void shell_key(Shell *shell, SDL_Keycode key, Uint16 mods, long now);

/* An author's saves come this long apart at most within one burst (an editor writes a
 * temporary file, renames it, changes its mode): the reload waits until the folder has
 * been still this long, and never more than SHELL_SETTLE_MAX_MS after the first save. */
enum { SHELL_SETTLE_MS = 150, SHELL_SETTLE_MAX_MS = 600 };

/* Watches the content folder `dir` for saves: each burst is reloaded in place by the
 * reload_here hook (the desktop profile: an author at work). Returns false (errno set)
 * when the folder cannot be watched. */
bool shell_watch(Shell *shell, const char *dir);

/* A close request (window manager, Alt+F4, Ctrl+Q, `quit` in a script): ends the app,
 * except in the kiosk profile, where only staff can close it. */
void shell_quit_request(Shell *shell);

/* What SIGHUP and the staff menu ask for: the content checked again (from the folder
 * `from`, NULL: the bundle's own), and swapped in at once where no patron is, else at the
 * next attract screen (shell_tick does it), never under a person's quiz. */
void shell_reload(Shell *shell, const char *from);

/* Runs what is due at `now`: the flow's timers, a long press on the staff corner, and what
 * the flow asked for (quit, reload, saving the tally). */
void shell_tick(Shell *shell, long now);

/* Milliseconds until shell_tick has something to do, or -1. */
long shell_next_timer(const Shell *shell, long now);

/* A session ended (the flow's `resets` moved on: every way back to attract, and home
 * after a result): the view, the draw list and the renderer forget every text and shape
 * it showed (view_forget, render_forget). shell_frame calls it; so does shell_restart. */
void shell_forget(Shell *shell);

/* The drawing size changed (a resized window). */
void shell_resize(Shell *shell, int width, int height);

/* The picture on the screen was lost (SDL_RENDER_TARGETS_RESET: redraw it), or, with
 * `device`, the graphics device was reset and every texture is gone
 * (SDL_RENDER_DEVICE_RESET, a display unplugged and plugged back in): the renderer is
 * rebuilt with its fonts and an empty text cache. */
void shell_display_reset(Shell *shell, bool device);

/* Closes everything; a tally counted and not yet saved (a headless run) is saved first. */
void shell_close(Shell *shell);

#endif
