/* shell_internal.h — what shell.c and touch.c share inside the shell. */
#ifndef ATTUNE_SHELL_INTERNAL_H
#define ATTUNE_SHELL_INTERNAL_H

#include "shell.h"

/* Sets the panel's light (or the black layer over the picture) for the dimmer's level. */
void shell_show_level(Shell *s);
/* A touch or key on a dimmed or dark screen wakes it; true when it did (and does nothing else). */
bool shell_wake_screen(Shell *s);
/* The finger held is gone: its press will not fire, and the next finger is taken. */
void shell_drop_finger(Shell *s);
/* A session ended (flow.resets moved on): the finger held is dropped, what it showed forgotten. */
void shell_notice_reset(Shell *s);

#endif
