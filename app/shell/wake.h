/* wake.h — the display connection the loop sleeps on (shell.c's wait_event). Apart from
 * shell.c because the X11 headers it needs define names the app uses (Screen). */
#ifndef ATTUNE_WAKE_H
#define ATTUNE_WAKE_H

#include <SDL.h>
#include <stdbool.h>

/* The descriptor of `window`'s display connection (X11's socket, Wayland's), or -1 where
 * there is none (KMSDRM, dummy) or it cannot be found. On X11 *x11 is set to the Display
 * (for wake_display_queued), else to NULL. */
int wake_display_fd(SDL_Window *window, void **x11);

/* Whether Xlib holds events that SDL has not taken yet: read from the socket along with
 * a reply, they would not wake a poll() on it. False for NULL. */
bool wake_display_queued(void *x11);

#endif
