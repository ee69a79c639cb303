/* platform.h — what differs between a Raspberry Pi and a desktop, and the few helpers
 * both need to run a kiosk on a bare panel.
 *
 * Two files implement the first part, one of them linked (make PLATFORM=rpi|desktop):
 * platform/rpi.c (console boot, SDL's KMSDRM backend) and platform/desktop.c (X11 or
 * Wayland). platform/common.c holds the rest, in pure C with no SDL, tested by
 * tests/test_platform.c against fake sysfs folders:
 *
 *   backlight   find the panel's backlight in sysfs, set it in percent, and decide when
 *               the attract screen dims and turns off (and that the waking touch is eaten)
 *   DRM card    find the card whose connector is connected (a Pi 5's DSI panel moves)
 *   input wait  sleep in poll() on /dev/input/event* until a touch or the next timer
 *
 * Nothing here prints or exits: functions return what happened, and the few that can fail
 * for a reason a person must fix fill in one sentence for the caller to show. Start with
 * the SDL shell's use of it: hints before SDL_Init, the rest in the loop. */
#ifndef ATTUNE_PLATFORM_H
#define ATTUNE_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>


/* What to tell a person when the display, the input devices or the backlight are refused.
 * Callers append it to their own sentence. */
#define PLAT_GROUPS_ADVICE \
    "the user running Attune needs the video, render and input groups " \
    "(sudo usermod -aG video,render,input USER, then log in again)"

/* --- per platform: platform/rpi.c or platform/desktop.c -------------------------------- */

/* The platform this binary was built for, for logs and the staff display test:
 * "Raspberry Pi" or "desktop". A static string. */
const char *plat_name(void);

/* Sets SDL's hints for this platform's display. Call it before SDL_Init, and not for the
 * headless dummy driver. On the Raspberry Pi with no DISPLAY and no WAYLAND_DISPLAY (a
 * console boot) it asks for the KMSDRM video driver, the opengles2 renderer (SDL tries
 * the others, and the app then asks for software, when that fails) and the DRM card with
 * a connected panel (plat_drm_card), unless SDL_KMSDRM_DEVICE_INDEX is already set. Under
 * a desktop session, and on the desktop, it sets nothing. Environment variables of the same
 * names still win (SDL_VIDEODRIVER=..., SDL_RENDER_DRIVER=...). */
void plat_video_hints(void);

/* Hides the pointer (`hide`, the kiosk) or shows it (workshop, desktop). Call it after the
 * window is created: creating a window may show the cursor again. */
void plat_hide_cursor(bool hide);

/* Keeps the screen from blanking while the app runs: SDL_DisableScreenSaver where a
 * session has a screensaver. On a console boot there is none; there the kernel's console
 * blanking is turned off on its command line (consoleblank=0, see the Pi set-up). */
void plat_screensaver_off(void);

/* Where this platform looks for a backlight to dim: "/sys/class/backlight" on the Pi,
 * NULL on the desktop (a laptop's own backlight is not ours to dim: the screen goes black
 * instead). Pass it to plat_backlight_open. */
const char *plat_backlight_root(void);

/* --- backlight ------------------------------------------------------------------------ */

typedef struct PlatBacklight {
    bool found;       /* false: the panel has no backlight control (most HDMI screens) */
    char dir[256];    /* the folder holding brightness and max_brightness */
    int max;          /* max_brightness, > 0 when found */
    int value;        /* the value last written (or read at open), -1 unknown */
} PlatBacklight;

/* Finds the panel's backlight. With `name` empty (the config's "find one"), it is the first
 * folder under `root`, in name order, with a readable max_brightness above 0 and a
 * brightness file. With `name` set it is that folder only: `name` as a path when it holds
 * a '/' and exists, else root/NAME (its last part). `root` may be NULL (nothing is searched;
 * a `name` path still works). Returns bl->found. Not finding one is not an error: the
 * screen goes black instead (see plat_level_show). Reads only; writes nothing. */
bool plat_backlight_open(PlatBacklight *bl, const char *root, const char *name);

/* Sets the backlight to `percent` (0..100, clamped) of max_brightness, rounded, and at
 * least 1 for any percent above 0 so that a dim panel is not off. Writes only when the
 * value changes. Returns false with errno set when there is no backlight (ENODEV) or the
 * write failed; EACCES means the user lacks the video group (PLAT_GROUPS_ADVICE). */
bool plat_backlight_set(PlatBacklight *bl, int percent);

/* --- dimming ---------------------------------------------------------------------------
 *
 * Only the attract screen dims: after dim_after seconds of it with no input the panel goes
 * down to a fifth of the brightness, after off_after seconds it goes off (0 = never, for
 * either). A touch, click or key while dim or off brings it back and does nothing else. */

typedef enum PlatLevel { PLAT_LEVEL_FULL, PLAT_LEVEL_DIM, PLAT_LEVEL_OFF, PLAT_LEVEL_COUNT } PlatLevel;

/* The level wanted when `attract` is showing and `idle_ms` have passed since the later of
 * entering attract and the last input. Full whenever `attract` is false. */
PlatLevel plat_level_wanted(bool attract, long idle_ms, int dim_after, int off_after);

/* How to show a level. */
typedef struct PlatShow {
    int backlight;    /* percent to give plat_backlight_set; -1 when there is no backlight */
    int shade;        /* 0..255: the opacity of a black layer over the picture (255 = black) */
} PlatShow;

/* With a backlight: full is `brightness`, dim a fifth of it (at least 1), off is 0 and a
 * black picture. Without one: full shows the picture as it is, dim darkens it to a fifth
 * (shade 204), off is a black picture (shade 255) — the "black screen" mode. */
PlatShow plat_level_show(PlatLevel level, int brightness, bool has_backlight);

/* The dimming state the loop keeps: the config's times and the level showing now. */
typedef struct PlatDimmer {
    int dim_after, off_after;   /* seconds, 0 = never */
    PlatLevel level;            /* what the panel shows now */
} PlatDimmer;

/* Starts at full with the config's dim_after and off_after (seconds). */
void plat_dimmer_init(PlatDimmer *d, int dim_after, int off_after);

/* Moves to the level wanted (plat_level_wanted). Returns true when it changed: then show
 * d->level (plat_level_show, plat_backlight_set, redraw). */
bool plat_dimmer_update(PlatDimmer *d, bool attract, long idle_ms);

/* A touch, click or key. Returns true when the panel was dim or off: this input only woke
 * it and must press nothing (swallow it, and the rest of that touch until it lifts). The
 * level is full afterwards, so show it. The caller still counts it as input (flow_input),
 * so that the next plat_dimmer_update does not dim again at once. */
bool plat_dimmer_wake(PlatDimmer *d);

/* Milliseconds until plat_dimmer_update would change the level, or -1 for never: one more
 * timer for the loop's sleep. */
long plat_dimmer_next_ms(const PlatDimmer *d, bool attract, long idle_ms);

/* --- DRM card -------------------------------------------------------------------------- */

/* Finds the DRM card driving a connected display, for SDL_KMSDRM_DEVICE_INDEX: scans `root`
 * (NULL = "/sys/class/drm") for connectors named cardN-TYPE-M (card1-HDMI-A-1,
 * card2-DSI-1) whose `status` reads "connected", and returns N. A panel (DSI first, then
 * DPI, eDP, LVDS) wins over HDMI and other outputs; among equals the lowest N. Writeback
 * connectors never count. When `connector` is not NULL, the winner's name is copied there
 * (truncated to `size`). Returns -1 when nothing is connected: leave SDL to choose. */
int plat_drm_card(const char *root, char *connector, size_t size);

/* --- waiting for input ------------------------------------------------------------------
 *
 * SDL 2.26 on KMSDRM (and dummy) cannot sleep until input: SDL_WaitEvent checks every
 * millisecond. So the loop sleeps here instead, in poll() on its own read-only copies of
 * /dev/input/event*, for at most the time to its next timer, then pumps SDL (which reads
 * its own copies: each open device has its own queue, so draining ours takes nothing from
 * SDL). Devices are opened once and again only when one is added, changes permissions or
 * goes away (inotify on the folder), so an idle screen costs one wakeup per timer. */

enum { PLAT_INPUT_MAX = 32 };

typedef struct PlatInput {
    char dir[128];                  /* the devices' folder; "" = none: waits only sleep */
    int fd[PLAT_INPUT_MAX];         /* open event devices */
    int count;
    int denied;                     /* event devices that could not be opened (last scan) */
    int watch;                      /* inotify on `dir`, -1 none */
    int signals;                    /* a signalfd waited on too (plat_signals_open), -1 none */
    int display;                    /* the display connection (X11, Wayland), -1 none: left unread */
    int files;                      /* a content folder's watch (plat_files_watch), -1 none: left unread */
    long woken;                     /* waits ended by input, a device change or a signal */
} PlatInput;

/* Opens every eventN device in `dir` (NULL = "/dev/input"; "" = none, for the headless
 * driver) read-only and non-blocking, and watches the folder for devices coming and going.
 * Returns false, with one sentence in `error` (ending in PLAT_GROUPS_ADVICE), when devices
 * are there but none could be opened: then plat_input_wait would sleep through touches,
 * so the caller polls SDL instead (and SDL cannot read them either). A missing folder is
 * not an error. Call plat_input_close in both cases. */
bool plat_input_open(PlatInput *in, const char *dir, char *error, size_t error_size);

/* Sleeps until an input device has something to read, a device comes or goes, a signal
 * arrives (on in->signals, left unread for plat_signals_read), the display connection or
 * the content folder's watch has something (left unread), or `timeout_ms` passes
 * (< 0: no timeout). Reads and discards what woke it, but a signal. Returns 2 when a
 * signal is waiting, 1 when woken otherwise, 0 at the timeout, -1 when poll() failed (errno set): then fall back to a short sleep. With no
 * devices it just sleeps the timeout, in one system call. */
int plat_input_wait(PlatInput *in, int timeout_ms);

/* SIGTERM, SIGINT and SIGHUP, taken from their default actions and delivered as a file
 * descriptor to read (signalfd) instead, so that the main loop handles them between
 * frames: no handler, no global flag. Blocks them in the calling thread and in every
 * thread it starts later, so call it before SDL_Init. Returns the descriptor, or -1
 * (errno set; the signals keep their default actions). */
int plat_signals_open(void);

/* The next pending signal's number, or 0 when none is pending (never blocks). */
int plat_signals_read(int fd);

/* Closes the descriptor and gives the signals back their default actions. */
void plat_signals_close(int fd);

/* A watch on the content folder `dir` (inotify): editors save by writing a new file and
 * renaming it over the old, so the folder is watched, not the file. Returns a non-blocking
 * descriptor, or -1 (errno set). */
int plat_files_watch(const char *dir);

/* How many changes to the folder's .ini files are waiting (read and dropped; an editor's
 * hidden or backup files, like .quiz.ini.swp or quiz.ini~, do not count). Never blocks. */
int plat_files_changed(int fd);

/* Closes every device and the watch. Safe on a PlatInput that failed to open, on one
 * only zeroed (inside a memset struct, never opened), and twice. */
void plat_input_close(PlatInput *in);

/* --- the session's memory: out of core dumps and swap ------------------------------ */

/* The environment variable that, set to 1, lets a developer have core dumps (and attach
 * a debugger without root) to debug a crash: ATTUNE_ALLOW_CORE=1 attune … */
#define PLAT_ALLOW_CORE "ATTUNE_ALLOW_CORE"

/* Makes the process non-dumpable (prctl PR_SET_DUMPABLE 0): a crash or the watchdog's
 * SIGABRT writes no core, and other processes of the same user cannot read its memory
 * (/proc/PID/mem becomes root's). Not when PLAT_ALLOW_CORE is 1. Returns whether it did. */
bool plat_no_core(void);

/* Keeps the pages holding [addr, addr + size) (the session: answers, what the screen
 * shows) out of core dumps (MADV_DONTDUMP, for when dumps are allowed) and locks them in
 * RAM so they never reach swap (mlock). Returns false, with one sentence in `note`, when
 * they could not be locked (RLIMIT_MEMLOCK too low): they may then reach swap where the
 * system has it. */
bool plat_private_memory(void *addr, size_t size, char *note, size_t note_size);

#endif
