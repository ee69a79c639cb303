/* profile.h — the three ways Attune is set up ([kiosk] profile in the config), and what
 * each one allows, as one table: the shell, the app and the soak ask the policy instead of
 * comparing the profile's name. */
#ifndef ATTUNE_PROFILE_H
#define ATTUNE_PROFILE_H

#include <stdbool.h>

typedef enum Profile { PROFILE_DESKTOP, PROFILE_KIOSK, PROFILE_WORKSHOP, PROFILE_COUNT } Profile;

typedef struct ProfilePolicy {
    const char *name;        /* as written in the config */
    bool closable;           /* a close request (the window, Alt+F4, Ctrl+Q) ends the app;
                              * otherwise only staff (and SIGTERM) can */
    bool cursor;             /* the mouse pointer is shown */
    bool escape_exits;       /* Escape is the quick exit (with [kiosk] quick_exit); otherwise
                              * a stray Escape wipes nothing */
    bool b_blanks;           /* B (a presentation clicker's "blank") blanks the screen */
    bool f11_fullscreen;     /* F11 turns fullscreen on and off */
    bool resized;            /* the window is resized by hand now and then (the soak does) */
    bool stays_up;           /* broken content shows "temporarily unavailable" instead of
                              * stopping the app */
} ProfilePolicy;

/* The policy of `profile` (any value below PROFILE_COUNT). The idle reset is not here: it
 * is a setting of its own ([kiosk] idle_reset), which each shipped profile sets. */
const ProfilePolicy *profile_policy(Profile profile);

/* The profile named `name`; false when there is none. */
bool profile_from_name(const char *name, Profile *out);

#endif
